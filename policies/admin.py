from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from policies.models import ModelClause, Position, Principle


@admin.register(Principle)
class PrincipleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "code", "union", "adopted_on", "visibility"]
    list_filter = ["union", "visibility"]
    search_fields = ["title", "code", "statement"]


@admin.register(ModelClause)
class ModelClauseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "union", "topic", "visibility"]
    list_filter = ["union", "topic", "visibility"]
    search_fields = ["title", "preferred_text", "fallback_text", "walk_away_text"]
    autocomplete_fields = ["topic", "principles"]
    list_select_related = ["union", "topic"]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "union", "stance", "status", "visibility", "adopted_on", "version"]
    list_filter = ["union", "stance", "status", "visibility"]
    search_fields = ["title", "rationale", "conditions", "tool__name", "proposal__title"]
    date_hierarchy = "adopted_on"
    autocomplete_fields = ["proposal", "tool", "principles", "adopted_by"]
    list_select_related = ["union", "proposal", "tool"]
