"""Filters for the bargaining collections, shared by the web list pages and the API.

Every reference to a union-owned record is looked up among the records the requester may see, so an
id of someone else's record is "not a valid choice", exactly like an id that does not exist.
"""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from bargaining.access import Visibility
from bargaining.models import (
    Agreement,
    AgreementStatus,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    ModelRating,
    NegotiationSession,
    SupportLevel,
    Topic,
    TrainingBudget,
    Union,
    validate_school_year,
)
from bargaining.search import search_clauses
from plumbing.filters import Archived, ArchivedFilterMixin, VisibleChoiceFilter
from plumbing.lookups import LookupFilter
from plumbing.search import parse_query


class UnionFilter(filters.FilterSet):
    name = filters.CharFilter(lookup_expr="icontains")
    ordering = filters.OrderingFilter(fields=["name", "short_name"])

    class Meta:
        model = Union
        fields = ["name", "slug"]


class EmployerFilter(ArchivedFilterMixin, filters.FilterSet):
    name = filters.CharFilter(lookup_expr="icontains")
    archived = Archived.filter()
    ordering = filters.OrderingFilter(fields=["name", "region", "ai_training_budget_current"])

    class Meta:
        model = Employer
        fields = ["name", "kind", "region", "slug"]


class TrainingBudgetFilter(filters.FilterSet):
    employer = LookupFilter(model=Employer, kind="employers", search=("name",), to_field_name="slug")
    school_year = filters.CharFilter(validators=[validate_school_year])
    ordering = filters.OrderingFilter(fields=["school_year", "current", "proposed", ("employer__name", "employer")])

    class Meta:
        model = TrainingBudget
        fields = ["employer", "school_year"]


class BudgetSupportFilter(filters.FilterSet):
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    employer = LookupFilter(
        field_name="budget__employer", model=Employer, kind="employers", search=("name",), to_field_name="slug"
    )
    school_year = filters.CharFilter(field_name="budget__school_year", validators=[validate_school_year])
    level = filters.ChoiceFilter(choices=SupportLevel.choices)
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(fields=[("budget__school_year", "school_year"), "level"])

    class Meta:
        model = BudgetSupport
        fields = ["union", "employer", "school_year", "level", "visibility", "budget"]


class BargainingUnitFilter(filters.FilterSet):
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    employer = LookupFilter(model=Employer, kind="employers", search=("name",), to_field_name="slug")
    job_group = filters.ChoiceFilter(choices=JobGroup.choices)
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(fields=["name", "member_count", ("employer__name", "employer")])

    class Meta:
        model = BargainingUnit
        fields = ["union", "employer", "job_group", "visibility"]


class AgreementFilter(ArchivedFilterMixin, filters.FilterSet):
    bargaining_unit = LookupFilter(model=BargainingUnit, kind="units", search=("name",))
    union = VisibleChoiceFilter(field_name="bargaining_unit__union", model=Union, to_field_name="slug")
    employer = LookupFilter(
        field_name="bargaining_unit__employer", model=Employer, kind="employers", search=("name",), to_field_name="slug"
    )
    status = filters.ChoiceFilter(choices=AgreementStatus.choices)
    expires_after = filters.DateFilter(field_name="term_end", lookup_expr="gte")
    expires_before = filters.DateFilter(field_name="term_end", lookup_expr="lte")
    archived = Archived.filter()
    ordering = filters.OrderingFilter(fields=["title", "term_start", "term_end", "status"])

    class Meta:
        model = Agreement
        fields = ["bargaining_unit", "union", "employer", "status"]


class TopicFilter(filters.FilterSet):
    ordering = filters.OrderingFilter(fields=["sort_order", "code", "name"])

    class Meta:
        model = Topic
        fields = ["code"]


class ClauseFilter(filters.FilterSet):
    # Full text (bargaining/search.py): stemmed words, "phrases", -word to leave out; best matches first
    # unless another order is asked for.
    search = filters.CharFilter(method="filter_search", label=_("Search titles and texts"))
    topic = VisibleChoiceFilter(model=Topic, to_field_name="code")
    status = filters.ChoiceFilter(
        choices=ClauseVersionStatus.choices, method="filter_status", label=_("Current status")
    )
    union = VisibleChoiceFilter(field_name="agreement__bargaining_unit__union", model=Union, to_field_name="slug")
    employer = LookupFilter(
        field_name="agreement__bargaining_unit__employer",
        model=Employer,
        kind="employers",
        search=("name",),
        to_field_name="slug",
    )
    bargaining_unit = LookupFilter(
        field_name="agreement__bargaining_unit", model=BargainingUnit, kind="units", search=("name",)
    )
    agreement = LookupFilter(model=Agreement, kind="agreements", search=("title",))
    job_group = filters.ChoiceFilter(field_name="agreement__bargaining_unit__job_group", choices=JobGroup.choices)
    agreement_status = filters.ChoiceFilter(field_name="agreement__status", choices=AgreementStatus.choices)
    model_rating = filters.ChoiceFilter(choices=ModelRating.choices)
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(
        # Article numbers sort as the agreement prints them: 21.2 before 21.10.
        fields=[("article_key", "article_number"), ("title", "title"), ("topic__sort_order", "topic")]
    )

    class Meta:
        model = Clause
        fields = ["topic", "union", "employer", "bargaining_unit", "agreement", "job_group", "agreement_status"]

    def filter_search(self, queryset, name, value):
        return search_clauses(queryset, parse_query(value))

    def filter_status(self, queryset, name, value):
        return queryset.filter(current_status=value)


class VersionDateFilter(filters.DateFilter):
    """A version's date as the requester may know it: none for a version tabled in a session hidden from them."""

    def filter(self, queryset, value):
        if value in (None, ""):
            return queryset
        user = self.parent.request.user
        return queryset.dated_for(user).filter(**{f"visible_tabled_on__{self.lookup_expr}": value})


class ClauseVersionFilter(filters.FilterSet):
    clause = VisibleChoiceFilter(model=Clause)
    session = VisibleChoiceFilter(model=NegotiationSession)
    status = filters.ChoiceFilter(choices=ClauseVersionStatus.choices)
    # A version tabled in a session the requester may not see has no date for them to search by.
    tabled_after = VersionDateFilter(field_name="tabled_on", lookup_expr="gte")
    tabled_before = VersionDateFilter(field_name="tabled_on", lookup_expr="lte")
    ordering = filters.OrderingFilter(fields=["tabled_on", "number"])

    class Meta:
        model = ClauseVersion
        fields = ["clause", "session", "status", "tabled_by"]


class NegotiationSessionFilter(filters.FilterSet):
    bargaining_unit = LookupFilter(model=BargainingUnit, kind="units", search=("name",))
    union = VisibleChoiceFilter(field_name="bargaining_unit__union", model=Union, to_field_name="slug")
    held_after = filters.DateFilter(field_name="held_on", lookup_expr="gte")
    held_before = filters.DateFilter(field_name="held_on", lookup_expr="lte")
    ordering = filters.OrderingFilter(fields=["held_on"])

    class Meta:
        model = NegotiationSession
        fields = ["bargaining_unit", "union"]
