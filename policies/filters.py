"""Filters for principles, model clauses and positions (web list pages and API)."""

import django_filters as filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bargaining.access import Visibility
from bargaining.models import Employer, Topic, Union
from consultations.models import EdTechTool, ProcurementProposal
from plumbing.filters import VisibleChoiceFilter
from plumbing.lookups import LookupFilter
from policies.models import ModelClause, Position, PositionStatus, Principle, Stance


class PrincipleFilter(filters.FilterSet):
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(fields=["code", "title", "adopted_on"])

    class Meta:
        model = Principle
        fields = ["union", "visibility"]


class ModelClauseFilter(filters.FilterSet):
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    topic = VisibleChoiceFilter(model=Topic, to_field_name="code")
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(fields=["title", ("topic__sort_order", "topic")])

    class Meta:
        model = ModelClause
        fields = ["union", "topic", "visibility"]


class PositionFilter(filters.FilterSet):
    stance = filters.ChoiceFilter(choices=Stance.choices)
    status = filters.ChoiceFilter(choices=PositionStatus.choices)
    proposal = LookupFilter(model=ProcurementProposal, kind="proposals", search=("title",))
    tool = LookupFilter(model=EdTechTool, kind="tools", search=("name",), method="filter_tool")
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    # Positions on a district's proposals (an employer's page links here).
    employer = LookupFilter(
        field_name="proposal__employer",
        model=Employer,
        kind="employers",
        search=("name",),
        to_field_name="slug",
        label=_("Employer"),
    )
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    adopted_after = filters.DateFilter(field_name="adopted_on", lookup_expr="gte", label=_("Adopted on or after"))
    adopted_before = filters.DateFilter(field_name="adopted_on", lookup_expr="lte", label=_("Adopted on or before"))
    ordering = filters.OrderingFilter(fields=["adopted_on", "title", "stance", "updated_at"])

    class Meta:
        model = Position
        fields = ["stance", "status", "proposal", "tool", "union", "employer", "visibility"]

    def filter_tool(self, queryset, name, value):
        # A position on a proposal is about the proposal's tool too.
        return queryset.filter(Q(tool=value) | Q(proposal__tool=value))
