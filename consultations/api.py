"""The consultations collections of the REST API: vendors, tools, proposals, consultations, events."""

from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from bargaining.api import ClauseViewSet as BargainingClauseViewSet
from bargaining.models import Clause
from consultations import columns, filters
from consultations.filters import ClauseLibraryFilter
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal, Vendor
from consultations.serializers import (
    ConsultationEventSerializer,
    ConsultationSerializer,
    EdTechToolSerializer,
    NewEventSerializer,
    ProcurementProposalSerializer,
    StageSerializer,
    VendorSerializer,
)
from consultations.services import (
    NewTool,
    add_consultation_event,
    edit_consultation,
    move_consultation_stage,
    record_proposal,
)
from plumbing.api import CaucusViewSet, service_call
from plumbing.records import with_hidden_links


class VendorViewSet(CaucusViewSet):
    """EdTech vendors: shared reference records."""

    model = Vendor
    serializer_class = VendorSerializer
    filterset_class = filters.VendorFilter
    export_columns = columns.VENDORS


class EdTechToolViewSet(CaucusViewSet):
    """EdTech tools, with a link to each tool's history."""

    # The history joins positions, so policies serves it: see policies/overview/api.py.

    model = EdTechTool
    serializer_class = EdTechToolSerializer
    filterset_class = filters.EdTechToolFilter
    export_columns = columns.TOOLS


class ProcurementProposalViewSet(CaucusViewSet):
    """Employers' proposals to adopt a tool: shared reference records."""

    model = ProcurementProposal
    serializer_class = ProcurementProposalSerializer
    filterset_class = filters.ProcurementProposalFilter
    export_columns = columns.PROPOSALS

    # Through the same workflow as the web form, which may add the proposal's tool (and its vendor) first.
    def perform_create(self, serializer):
        self.check_owner(serializer.validated_data)
        self._record(ProcurementProposal(), serializer)

    def perform_update(self, serializer):
        self._record(serializer.instance, serializer)

    def _record(self, proposal, serializer):
        data = dict(serializer.validated_data)
        new_tool = data.pop("new_tool", None)
        for name, value in data.items():
            setattr(proposal, name, value)
        serializer.instance = service_call(
            record_proposal,
            proposal=proposal,
            user=self.request.user,
            new_tool=NewTool(
                name=new_tool["name"],
                category=new_tool["category"],
                vendor=new_tool.get("vendor"),
                vendor_name=new_tool.get("vendor_name", ""),
            )
            if new_tool
            else None,
        )


class ConsultationViewSet(CaucusViewSet):
    """One union's consultation on one proposal."""

    model = Consultation
    owner_field = "union"
    serializer_class = ConsultationSerializer
    filterset_class = filters.ConsultationFilter
    export_columns = columns.CONSULTATIONS
    prefetch_related = ("resulting_clauses",)

    # Workflow steps that honour If-Match and answer with the new ETag, like PATCH.
    precondition_actions = ("stage",)
    etag_actions = precondition_actions

    def get_queryset(self):
        # The date the response is due, as the caller's timeline counts it (the serializer and filters read it).
        return super().get_queryset().with_due_date(self.request.user)

    def get_prefetches(self):
        # A consultation may have led to clauses the caller may not read: list only the others.
        clauses = Clause.objects.visible_to(self.request.user).only("pk")
        return [Prefetch("resulting_clauses", queryset=clauses)]

    def perform_update(self, serializer):
        # Through the same workflow as the web form: a new deadline or visibility is told on the timeline.
        consultation, user = serializer.instance, self.request.user
        if "union" in serializer.validated_data and serializer.validated_data["union"] != consultation.union:
            self.check_owner(serializer.validated_data)
        changes = dict(serializer.validated_data)
        clauses = changes.pop("resulting_clauses", None)
        if clauses is not None:
            clauses = with_hidden_links(consultation, "resulting_clauses", clauses, user)
        serializer.instance = service_call(
            edit_consultation, consultation=consultation, user=user, changes=changes, resulting_clauses=clauses
        )

    @extend_schema(
        summary="Add an event to the consultation's timeline",
        request=NewEventSerializer,
        responses={201: ConsultationEventSerializer},
    )
    @action(detail=True, methods=["post"], serializer_class=NewEventSerializer, filterset_class=None)
    def events(self, request, pk=None):
        consultation = self.get_object()  # the write rule: the caller must be able to change the consultation
        serializer = NewEventSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        event = _add_event(consultation, serializer.validated_data, request.user)
        return Response(ConsultationEventSerializer(event, context=self.get_serializer_context()).data, status=201)

    @extend_schema(
        summary="Move the consultation to another stage", request=StageSerializer, responses=ConsultationSerializer
    )
    @action(detail=True, methods=["post"], serializer_class=StageSerializer, filterset_class=None)
    def stage(self, request, pk=None):
        with transaction.atomic():
            consultation = self.writable_object()
            serializer = StageSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            service_call(
                move_consultation_stage,
                consultation=consultation,
                stage=serializer.validated_data["stage"],
                user=request.user,
            )
        return self.with_etag(consultation)


def _add_event(consultation, data, user):
    return service_call(
        add_consultation_event,
        consultation=consultation,
        kind=data["kind"],
        summary=data["summary"],
        occurred_on=data["occurred_on"],
        visibility=data.get("visibility", ConsultationEvent._meta.get_field("visibility").default),
        user=user,
    )


class ConsultationEventViewSet(CaucusViewSet):
    """The timeline of each consultation; new events go through the same workflow as the web pages."""

    model = ConsultationEvent
    owner_field = "consultation"
    serializer_class = ConsultationEventSerializer
    filterset_class = filters.ConsultationEventFilter
    export_columns = columns.EVENTS

    def create(self, request, *args, **kwargs):
        self.refuse_unless_may_add()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.check_owner(serializer.validated_data)
        event = _add_event(serializer.validated_data["consultation"], serializer.validated_data, request.user)
        return self.created(event)


class ClauseViewSet(BargainingClauseViewSet):
    """Clauses of agreements, each with its lineage of versions (oldest first)."""

    # Bargaining's clauses, filtered as the clause library filters them (also by the tool they came from).
    filterset_class = ClauseLibraryFilter
