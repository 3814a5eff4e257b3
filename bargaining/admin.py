"""The site administrators' pages. They write through the same model rules and services as the web and the API:
a child is checked by its model's clean() against its parent as edited on the same page, and clause versions
are tabled through bargaining.services."""

from django.contrib import admin

from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersion,
    Employer,
    Membership,
    NegotiationSession,
    SessionNote,
    Topic,
    TrainingBudget,
    Union,
)
from bargaining.services import table_clause_version
from plumbing.admin import RecordAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Union)
class UnionAdmin(RecordAdmin):
    list_display = ["name", "short_name", "slug", "colour", "paper_size", "document_language"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(RecordAdmin):
    list_display = ["user", "union", "role", "joined_on"]
    list_filter = ["union", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "union__name"]
    autocomplete_fields = ["user", "union"]
    list_select_related = ["user", "union"]


class TrainingBudgetInline(admin.TabularInline):
    model = TrainingBudget
    extra = 0
    fields = ["school_year", "current", "proposed"]


@admin.register(Employer)
class EmployerAdmin(RecordAdmin):
    list_display = ["name", "kind", "region", "archived_on"]
    list_filter = ["kind", "region", "archived_on"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TrainingBudgetInline]


@admin.register(TrainingBudget)
class TrainingBudgetAdmin(RecordAdmin):
    list_display = ["employer", "school_year", "current", "proposed"]
    list_filter = ["school_year", "employer"]
    search_fields = ["employer__name", "school_year"]
    autocomplete_fields = ["employer"]
    list_select_related = ["employer"]


@admin.register(BudgetSupport)
class BudgetSupportAdmin(RecordAdmin):
    list_display = ["budget", "union", "level", "visibility"]
    list_filter = ["union", "level", "visibility", "budget__school_year"]
    search_fields = ["budget__employer__name", "union__name", "note"]
    autocomplete_fields = ["union", "budget"]
    list_select_related = ["budget__employer", "union"]


@admin.register(BargainingUnit)
class BargainingUnitAdmin(RecordAdmin):
    list_display = ["name", "union", "employer", "job_group", "member_count", "visibility"]
    list_filter = ["union", "employer", "job_group", "visibility"]
    search_fields = ["name", "employer__name", "union__name"]
    autocomplete_fields = ["union", "employer"]
    list_select_related = ["union", "employer"]


class ClauseInline(admin.TabularInline):
    model = Clause
    extra = 0
    fields = ["article_number", "title", "topic", "visibility", "model_rating"]
    show_change_link = True


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    list_display = ["title", "bargaining_unit", "kind", "status", "term_start", "term_end", "visibility"]
    list_filter = ["status", "kind", "visibility", "bargaining_unit__union", "bargaining_unit__employer"]
    search_fields = ["title", "bargaining_unit__name", "bargaining_unit__employer__name"]
    date_hierarchy = "term_start"
    autocomplete_fields = ["bargaining_unit"]
    list_select_related = ["bargaining_unit"]
    inlines = [ClauseInline]


@admin.register(Topic)
class TopicAdmin(RecordAdmin):
    list_display = ["code", "name", "sort_order"]
    search_fields = ["code", "name", "description"]
    ordering = ["sort_order", "code"]


class ClauseVersionInline(admin.StackedInline):
    """Versions are append-only: existing ones are shown read-only, new ones go through the service."""

    model = ClauseVersion
    extra = 1
    fields = ["number", "tabled_by", "status", "tabled_on", "session", "text", "created_by"]
    readonly_fields = ["number", "created_by"]
    autocomplete_fields = ["session"]
    can_delete = False

    def has_change_permission(self, request, obj=None):
        # Without change permission the admin shows saved versions read-only but still allows adding.
        return False


@admin.register(Clause)
class ClauseAdmin(RecordAdmin):
    list_display = ["__str__", "agreement", "topic", "visibility", "model_rating"]
    list_filter = [
        "topic",
        "visibility",
        "model_rating",
        "agreement__status",
        "agreement__bargaining_unit__union",
        "agreement__bargaining_unit__employer",
        "agreement__bargaining_unit__job_group",
    ]
    search_fields = ["title", "article_number", "versions__text", "agreement__title"]
    autocomplete_fields = ["agreement", "topic"]
    list_select_related = ["agreement", "topic"]
    inlines = [ClauseVersionInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not ClauseVersion:
            return super().save_formset(request, form, formset, change)
        for version in formset.save(commit=False):
            table_clause_version(
                clause=form.instance,
                text=version.text,
                tabled_by=version.tabled_by,
                status=version.status,
                session=version.session,
                tabled_on=version.tabled_on,
                user=request.user,
            )
        return None


@admin.register(ClauseVersion)
class ClauseVersionAdmin(RecordAdmin):
    list_display = ["clause", "number", "status", "tabled_by", "tabled_on", "session"]
    list_filter = ["status", "tabled_by", "clause__topic"]
    search_fields = ["text", "clause__title"]
    list_select_related = ["clause", "session"]
    date_hierarchy = "tabled_on"

    # Tabling happens on the clause page; a version is never edited or deleted.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SessionNoteInline(admin.StackedInline):
    model = SessionNote
    extra = 1
    fields = ["body", "visibility", "author"]
    autocomplete_fields = ["author"]


@admin.register(NegotiationSession)
class NegotiationSessionAdmin(RecordAdmin):
    list_display = ["__str__", "bargaining_unit", "held_on", "location", "visibility"]
    list_filter = ["visibility", "bargaining_unit__union", "bargaining_unit__employer"]
    search_fields = ["bargaining_unit__name", "location", "attendees", "next_steps"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["bargaining_unit", "created_by"]
    list_select_related = ["bargaining_unit"]
    inlines = [SessionNoteInline]


@admin.register(SessionNote)
class SessionNoteAdmin(RecordAdmin):
    list_display = ["session", "author", "created_at", "visibility"]
    list_filter = ["visibility", "session__bargaining_unit__union"]
    search_fields = ["body"]
    autocomplete_fields = ["session", "author"]
    list_select_related = ["session", "author"]
