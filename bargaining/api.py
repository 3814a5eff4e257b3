"""The bargaining collections of the REST API: thin viewsets over scoped querysets and the services."""

from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from bargaining import columns, filters
from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersion,
    Employer,
    NegotiationSession,
    SessionNote,
    Topic,
    TrainingBudget,
    Union,
)
from bargaining.redline import redline
from bargaining.serializers import (
    AgreementSerializer,
    BargainingUnitSerializer,
    BudgetSupportSerializer,
    ClauseSerializer,
    ClauseVersionSerializer,
    EmployerSerializer,
    NegotiationSessionSerializer,
    RedlineSerializer,
    SessionNoteSerializer,
    TableVersionSerializer,
    TopicSerializer,
    TrainingBudgetSerializer,
    UnionSerializer,
)
from bargaining.services import add_clause, add_session_note, log_session, table_clause_version
from plumbing.api import CaucusViewSet, service_call


class UnionViewSet(CaucusViewSet):
    """Unions. Readable by everyone; changed by their officers; added by site administrators."""

    model = Union
    serializer_class = UnionSerializer
    filterset_class = filters.UnionFilter
    add_refusal = _("Only site administrators may add a union.")


class EmployerViewSet(CaucusViewSet):
    """Employers (school districts, local authorities, trusts): shared reference records."""

    model = Employer
    serializer_class = EmployerSerializer
    filterset_class = filters.EmployerFilter
    export_columns = columns.EMPLOYERS

    def get_queryset(self):
        return super().get_queryset().with_latest_budget()


class TrainingBudgetViewSet(CaucusViewSet):
    """Districts' AI training budgets, one per employer and school year ("2025-26"): shared reference records."""

    model = TrainingBudget
    serializer_class = TrainingBudgetSerializer
    filterset_class = filters.TrainingBudgetFilter
    select_related = ("employer",)


class BudgetSupportViewSet(CaucusViewSet):
    """A union's support (high, moderate, low, opposed) for the increase a district proposes for a school year."""

    model = BudgetSupport
    owner_field = "union"
    serializer_class = BudgetSupportSerializer
    filterset_class = filters.BudgetSupportFilter


class BargainingUnitViewSet(CaucusViewSet):
    """One union's bargaining unit at one employer for one job group."""

    model = BargainingUnit
    owner_field = "union"
    serializer_class = BargainingUnitSerializer
    filterset_class = filters.BargainingUnitFilter
    export_columns = columns.UNITS


class AgreementViewSet(CaucusViewSet):
    """Collective agreements and MOUs of the bargaining units."""

    model = Agreement
    owner_field = "bargaining_unit"
    serializer_class = AgreementSerializer
    filterset_class = filters.AgreementFilter
    export_columns = columns.AGREEMENTS


class TopicViewSet(CaucusViewSet):
    """The clause taxonomy; topics have stable codes."""

    model = Topic
    serializer_class = TopicSerializer
    filterset_class = filters.TopicFilter


class ClauseViewSet(CaucusViewSet):
    """Clauses of agreements, each with its lineage of versions (oldest first)."""

    model = Clause
    owner_field = "agreement"
    serializer_class = ClauseSerializer
    filterset_class = filters.ClauseFilter
    export_columns = columns.CLAUSES
    prefetch_related = ("versions",)

    def get_queryset(self):
        return super().get_queryset().with_current()

    def perform_create(self, serializer):
        # Through the same workflow as the web form (which may also table the first version).
        self.check_owner(serializer.validated_data)
        serializer.instance = service_call(add_clause, user=self.request.user, **serializer.validated_data)

    def get_prefetches(self):
        # The lineage, oldest first, each version naming its session only to those who may see it.
        versions = ClauseVersion.objects.with_visible_session(self.request.user).order_by("number")
        return [Prefetch("versions", queryset=versions)]

    @extend_schema(
        summary=_("Table a new version of the clause"),
        request=TableVersionSerializer,
        responses={201: ClauseVersionSerializer},
    )
    @action(detail=True, methods=["post"], serializer_class=TableVersionSerializer, filterset_class=None)
    def versions(self, request, pk=None):
        clause = self.get_object()  # the write rule: the caller must be able to change the clause
        serializer = TableVersionSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        version = _table(clause, serializer.validated_data, request.user)
        version = ClauseVersion.objects.with_visible_session(request.user).get(pk=version.pk)
        return Response(ClauseVersionSerializer(version, context=self.get_serializer_context()).data, status=201)

    @extend_schema(
        summary=_("The differences between two versions of the clause"),
        parameters=[
            OpenApiParameter(
                "from", int, description=_("A version number of this clause (default: the one before `to`).")
            ),
            OpenApiParameter("to", int, description=_("A version number of this clause (default: the latest).")),
        ],
        responses={200: RedlineSerializer},
    )
    @action(detail=True, methods=["get"], serializer_class=RedlineSerializer, filterset_class=None)
    def redline(self, request, pk=None):
        clause = self.get_object()
        versions = list(clause.versions.all())  # prefetched, oldest first
        if not versions:
            raise exceptions.ValidationError({"to": [gettext("This clause has no versions yet.")]})
        to_version = _pick_version(request, "to", versions) or versions[-1]
        earlier = [version for version in versions if version.number < to_version.number]
        from_version = _pick_version(request, "from", versions)
        if from_version is None:
            from_version = earlier[-1] if earlier else None
        old_text = from_version.text if from_version else ""
        data = {
            "clause": clause.pk,
            "from_version": from_version,
            "to_version": to_version,
            "segments": redline(old_text, to_version.text),
        }
        return Response(RedlineSerializer(data, context=self.get_serializer_context()).data)


def _pick_version(request, parameter, versions):
    """The version named by its number (`?from=1&to=3`), as on the clause's web page."""
    raw = request.query_params.get(parameter)
    if raw is None or raw == "":
        return None
    by_number = {str(version.number): version for version in versions}
    if raw not in by_number:
        raise exceptions.ValidationError(
            {parameter: [gettext("%(value)s is not the number of a version of this clause.") % {"value": repr(raw)}]}
        )
    return by_number[raw]


def _table(clause, data, user):
    return service_call(
        table_clause_version,
        clause=clause,
        text=data["text"],
        tabled_by=data["tabled_by"],
        status=data["status"],
        session=data.get("session"),
        tabled_on=data.get("tabled_on"),
        user=user,
    )


class ClauseVersionViewSet(CaucusViewSet):
    """Clause versions are append-only: they are tabled (POST) and read, never changed or deleted."""

    model = ClauseVersion
    owner_field = "clause"
    serializer_class = ClauseVersionSerializer
    filterset_class = filters.ClauseVersionFilter
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().with_visible_session(self.request.user)

    def create(self, request, *args, **kwargs):
        self.refuse_unless_may_add()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.check_owner(serializer.validated_data)
        version = _table(serializer.validated_data["clause"], serializer.validated_data, request.user)
        return self.created(version)


class NegotiationSessionViewSet(CaucusViewSet):
    """Meetings at the bargaining table, with the notes the caller may read."""

    model = NegotiationSession
    owner_field = "bargaining_unit"
    serializer_class = NegotiationSessionSerializer
    filterset_class = filters.NegotiationSessionFilter
    prefetch_related = ("notes",)

    def get_prefetches(self):
        # Notes have a visibility of their own: list only those the caller may read.
        notes = SessionNote.objects.visible_to(self.request.user).order_by("created_at")
        return [Prefetch("notes", queryset=notes)]

    def perform_create(self, serializer):
        self.check_owner(serializer.validated_data)
        serializer.instance = service_call(log_session, user=self.request.user, **serializer.validated_data)

    @extend_schema(
        summary=_("Add a note to the session"), request=SessionNoteSerializer, responses={201: SessionNoteSerializer}
    )
    @action(detail=True, methods=["post"], serializer_class=SessionNoteSerializer, filterset_class=None)
    def notes(self, request, pk=None):
        session = self.get_object()
        serializer = SessionNoteSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        note = service_call(add_session_note, session=session, user=request.user, **serializer.validated_data)
        return Response(SessionNoteSerializer(note, context=self.get_serializer_context()).data, status=201)
