from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from consultations.attachments import Attachment, remove_document
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal, Vendor
from consultations.services import edit_consultation
from plumbing.admin import RecordAdmin


@admin.register(Vendor)
class VendorAdmin(RecordAdmin):
    list_display = ["name", "country", "website", "archived_on"]
    list_filter = ["archived_on"]
    search_fields = ["name", "country"]


@admin.register(EdTechTool)
class EdTechToolAdmin(RecordAdmin):
    list_display = ["name", "vendor", "category", "risk_rating", "privacy_agreement_status", "archived_on"]
    list_filter = ["category", "risk_rating", "privacy_agreement_status", "vendor", "archived_on"]
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

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        # As on the web and in the API: a new stage, deadline or visibility is told on the timeline.
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name != "resulting_clauses"}
        edit_consultation(consultation=obj, user=request.user, changes=changes)
        return None


@admin.register(ConsultationEvent)
class ConsultationEventAdmin(RecordAdmin):
    list_display = ["consultation", "occurred_on", "kind", "visibility", "author"]
    list_filter = ["kind", "visibility", "consultation__union"]
    search_fields = ["summary", "consultation__proposal__title"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["consultation", "author"]
    list_select_related = ["consultation__union", "consultation__proposal", "author"]


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    """Documents are read here; they are added on their record's page or through the API (the content checks
    live in attach_document), and removed through remove_document so that the stored file goes too."""

    list_display = ["name", "content_type", "union", "visibility", "uploaded_at"]
    list_filter = ["content_type", "visibility"]
    search_fields = ["name"]
    readonly_fields = [
        "union", "visibility", "agreement", "session", "proposal", "event", "tool", "name", "content_type", "size",
        "uploaded_by", "uploaded_at",
    ]  # fmt: skip
    exclude = ["text"]

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        remove_document(attachment=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            remove_document(attachment=obj, user=request.user)
