from django.contrib import admin

from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal, Vendor
from plumbing.admin import RecordAdmin


@admin.register(Vendor)
class VendorAdmin(RecordAdmin):
    list_display = ["name", "country", "website"]
    search_fields = ["name", "country"]


@admin.register(EdTechTool)
class EdTechToolAdmin(RecordAdmin):
    list_display = ["name", "vendor", "category", "risk_rating", "privacy_agreement_status"]
    list_filter = ["category", "risk_rating", "privacy_agreement_status", "vendor"]
    search_fields = ["name", "vendor__name", "description", "ai_features"]
    autocomplete_fields = ["vendor"]
    list_select_related = ["vendor"]


@admin.register(ProcurementProposal)
class ProcurementProposalAdmin(RecordAdmin):
    list_display = ["title", "employer", "tool", "status", "announced_on", "proposed_start", "cost"]
    list_filter = ["status", "employer", "tool__category"]
    search_fields = ["title", "purpose", "tool__name", "employer__name", "budget_line"]
    date_hierarchy = "announced_on"
    autocomplete_fields = ["employer", "tool"]
    list_select_related = ["employer", "tool"]


class ConsultationEventInline(admin.TabularInline):
    model = ConsultationEvent
    extra = 1
    fields = ["occurred_on", "kind", "summary", "visibility", "author"]
    autocomplete_fields = ["author"]


@admin.register(Consultation)
class ConsultationAdmin(RecordAdmin):
    list_display = ["__str__", "union", "proposal", "stage", "opened_on", "response_deadline", "visibility"]
    list_filter = ["stage", "visibility", "union", "proposal__employer"]
    search_fields = ["proposal__title", "proposal__tool__name", "outcome"]
    date_hierarchy = "response_deadline"
    autocomplete_fields = ["union", "proposal", "resulting_clauses"]
    list_select_related = ["union", "proposal"]
    inlines = [ConsultationEventInline]


@admin.register(ConsultationEvent)
class ConsultationEventAdmin(RecordAdmin):
    list_display = ["consultation", "occurred_on", "kind", "visibility", "author"]
    list_filter = ["kind", "visibility", "consultation__union"]
    search_fields = ["summary", "consultation__proposal__title"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["consultation", "author"]
    list_select_related = ["consultation__union", "consultation__proposal", "author"]
