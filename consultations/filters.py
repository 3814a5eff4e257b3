"""Filters for vendors, tools, proposals, consultations and events (web list pages and API)."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from bargaining.access import Visibility
from bargaining.filters import ClauseFilter
from bargaining.models import Employer, Union
from consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    EventKind,
    PrivacyAgreementStatus,
    ProcurementProposal,
    ProposalStatus,
    RiskRating,
    ToolCategory,
    Vendor,
)
from plumbing.filters import Archived, ArchivedFilterMixin, VisibleChoiceFilter
from plumbing.lookups import LookupFilter


class VendorFilter(ArchivedFilterMixin, filters.FilterSet):
    name = filters.CharFilter(lookup_expr="icontains")
    archived = Archived.filter()
    ordering = filters.OrderingFilter(fields=["name", "country"])

    class Meta:
        model = Vendor
        fields = ["name", "country"]


class EdTechToolFilter(ArchivedFilterMixin, filters.FilterSet):
    search = filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name contains"))
    category = filters.ChoiceFilter(choices=ToolCategory.choices)
    vendor = LookupFilter(model=Vendor, kind="vendors", search=("name",))
    risk_rating = filters.ChoiceFilter(choices=RiskRating.choices)
    privacy_agreement_status = filters.ChoiceFilter(choices=PrivacyAgreementStatus.choices)
    # The tools a district has proposed (an employer's page links here).
    employer = LookupFilter(
        field_name="proposals__employer",
        model=Employer,
        kind="employers",
        search=("name",),
        to_field_name="slug",
        distinct=True,
        label=_("Employer"),
    )
    archived = Archived.filter()
    ordering = filters.OrderingFilter(fields=["name", "category", "risk_rating", ("vendor__name", "vendor")])

    class Meta:
        model = EdTechTool
        fields = ["category", "vendor", "risk_rating", "privacy_agreement_status", "employer"]


class ProcurementProposalFilter(filters.FilterSet):
    employer = LookupFilter(model=Employer, kind="employers", search=("name",), to_field_name="slug")
    tool = LookupFilter(model=EdTechTool, kind="tools", search=("name",))
    status = filters.ChoiceFilter(choices=ProposalStatus.choices)
    announced_after = filters.DateFilter(field_name="announced_on", lookup_expr="gte", label=_("Announced on or after"))
    announced_before = filters.DateFilter(
        field_name="announced_on", lookup_expr="lte", label=_("Announced on or before")
    )
    starts_after = filters.DateFilter(field_name="proposed_start", lookup_expr="gte", label=_("Starts on or after"))
    starts_before = filters.DateFilter(field_name="proposed_start", lookup_expr="lte", label=_("Starts on or before"))
    ordering = filters.OrderingFilter(fields=["announced_on", "proposed_start", "title", "cost"])

    class Meta:
        model = ProcurementProposal
        fields = ["employer", "tool", "status"]


class ConsultationFilter(filters.FilterSet):
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    stage = filters.ChoiceFilter(choices=ConsultationStage.choices)
    tool = LookupFilter(field_name="proposal__tool", model=EdTechTool, kind="tools", search=("name",))
    employer = LookupFilter(
        field_name="proposal__employer", model=Employer, kind="employers", search=("name",), to_field_name="slug"
    )
    proposal = LookupFilter(model=ProcurementProposal, kind="proposals", search=("title",))
    # The date the response is due, entered or counted from the notice: every queryset this filter is given comes
    # annotated by `with_due_date(user)` (the list page, its export's columns, the API's viewset).
    deadline_after = filters.DateFilter(field_name="due", lookup_expr="gte", label=_("Response due on or after"))
    deadline_before = filters.DateFilter(field_name="due", lookup_expr="lte", label=_("Response due on or before"))
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(fields=["opened_on", ("due", "response_deadline"), "stage"])

    class Meta:
        model = Consultation
        fields = ["union", "stage", "tool", "employer", "proposal"]


class ConsultationEventFilter(filters.FilterSet):
    consultation = VisibleChoiceFilter(model=Consultation)
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    occurred_after = filters.DateFilter(field_name="occurred_on", lookup_expr="gte")
    occurred_before = filters.DateFilter(field_name="occurred_on", lookup_expr="lte")
    visibility = filters.ChoiceFilter(choices=Visibility.choices)
    ordering = filters.OrderingFilter(fields=["occurred_on", "created_at"])

    class Meta:
        model = ConsultationEvent
        fields = ["consultation", "kind"]


class ClauseLibraryFilter(ClauseFilter):
    """The clause library's filters: bargaining's, plus the tool whose consultations produced a clause."""

    # The path names what the filter follows (and lets the schema type it); filter_tool does the work.
    tool = LookupFilter(
        field_name="consultations__proposal__tool",
        model=EdTechTool,
        kind="tools",
        search=("name",),
        method="filter_tool",
        label=_("EdTech tool"),
    )

    class Meta(ClauseFilter.Meta):
        pass

    def filter_tool(self, queryset, name, value):
        # Only consultations the requester may see can lead from a tool to a clause.
        consultations = Consultation.objects.visible_to(self.request.user).filter(proposal__tool=value)
        return queryset.filter(pk__in=consultations.values("resulting_clauses"))
