from django.contrib import admin

from plumbing.admin import RecordAdmin
from policies.models import BriefingPack, InformationRequest, ModelClause, Position, Principle
from policies.services import edit_position


@admin.register(Principle)
class PrincipleAdmin(RecordAdmin):
    list_display = ["title", "code", "union", "adopted_on", "visibility"]
    list_filter = ["union", "visibility"]
    search_fields = ["title", "code", "statement"]


@admin.register(ModelClause)
class ModelClauseAdmin(RecordAdmin):
    list_display = ["title", "union", "topic", "visibility"]
    list_filter = ["union", "topic", "visibility"]
    search_fields = ["title", "preferred_text", "fallback_text", "walk_away_text"]
    autocomplete_fields = ["topic", "principles"]
    list_select_related = ["union", "topic"]


@admin.register(Position)
class PositionAdmin(RecordAdmin):
    list_display = ["title", "union", "stance", "status", "visibility", "adopted_on", "version"]
    list_filter = ["union", "stance", "status", "visibility"]
    search_fields = ["title", "rationale", "conditions", "tool__name", "proposal__title"]
    date_hierarchy = "adopted_on"
    autocomplete_fields = ["proposal", "tool", "principles", "adopted_by"]
    list_select_related = ["union", "proposal", "tool"]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        # An edit is the position's next version, as on the web and in the API (principles follow in save_related).
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name != "principles"}
        obj.version = edit_position(position=obj, user=request.user, changes=changes).version
        return None


# Printed documents (issue 5): packs are requested on the web or through the API; staff look and tidy up here.
@admin.register(BriefingPack)
class BriefingPackAdmin(RecordAdmin):
    list_display = ["__str__", "requester", "union", "status", "page_count", "created_at", "finished_at"]
    list_filter = ["status", "union"]
    search_fields = ["requester__username", "bargaining_unit__name", "employer__name", "tool__name", "error"]
    list_select_related = ["requester", "union", "bargaining_unit", "employer", "tool"]
    readonly_fields = ["status", "error", "page_count", "created_at", "started_at", "finished_at"]
    autocomplete_fields = ["requester", "bargaining_unit", "employer", "tool"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")


# Information requests (issue 14): sent from a consultation's page; staff look here, the letter is kept as sent.
@admin.register(InformationRequest)
class InformationRequestAdmin(RecordAdmin):
    list_display = ["__str__", "event", "sent_by", "created_at"]
    search_fields = ["event__summary", "sent_by__username"]
    list_select_related = ["event__consultation", "sent_by"]
    readonly_fields = ["event", "text", "sent_by", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")
