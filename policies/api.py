"""The policies collections of the REST API: principles, model clauses and positions."""

from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from plumbing.api import CaucusViewSet, service_call
from plumbing.records import with_hidden_links
from policies import columns, filters
from policies.models import ModelClause, Position, Principle
from policies.serializers import (
    AdoptSerializer,
    ModelClauseSerializer,
    PositionSerializer,
    PrincipleSerializer,
    PublishSerializer,
)
from policies.services import adopt_position, edit_position, publish_position


def visible_principles(request):
    return Prefetch("principles", queryset=Principle.objects.visible_to(request.user).only("pk"))


class PrincipleViewSet(CaucusViewSet):
    """The unions' standing policy statements."""

    model = Principle
    owner_field = "union"
    serializer_class = PrincipleSerializer
    filterset_class = filters.PrincipleFilter
    export_columns = columns.PRINCIPLES


class ModelClauseViewSet(CaucusViewSet):
    """Model language per topic; the walk-away wording and guidance only for the union's leadership."""

    model = ModelClause
    owner_field = "union"
    serializer_class = ModelClauseSerializer
    filterset_class = filters.ModelClauseFilter
    export_columns = columns.MODEL_CLAUSES
    prefetch_related = ("principles",)

    def get_queryset(self):
        return super().get_queryset().with_playbook(self.request.user)

    def get_prefetches(self):
        return [visible_principles(self.request)]


class PositionViewSet(CaucusViewSet):
    """Union positions on proposals and tools; adoption and publication are workflow steps."""

    model = Position
    owner_field = "union"
    serializer_class = PositionSerializer
    filterset_class = filters.PositionFilter
    export_columns = columns.POSITIONS
    prefetch_related = ("principles",)
    # Workflow steps that honour If-Match and answer with the new ETag, like PATCH.
    precondition_actions = ("adopt", "publish")
    etag_actions = precondition_actions

    def get_prefetches(self):
        return [visible_principles(self.request)]

    def perform_update(self, serializer):
        # Every change is a new version of the position, like adoption and publication: one service for all.
        position, user = serializer.instance, self.request.user
        if "union" in serializer.validated_data and serializer.validated_data["union"] != position.union:
            self.check_owner(serializer.validated_data)
        changes = dict(serializer.validated_data)
        principles = changes.pop("principles", None)
        if principles is not None:
            principles = with_hidden_links(position, "principles", principles, user)
        serializer.instance = service_call(
            edit_position, position=position, user=user, changes=changes, principles=principles
        )

    def _workflow_step(self, service, serializer_class, **arguments):
        """Adopt or publish: first the right to change the position and its current ETag, then the body."""
        with transaction.atomic():
            position = self.writable_object()
            serializer = serializer_class(data=self.request.data)
            serializer.is_valid(raise_exception=True)
            kwargs = {name: serializer.validated_data.get(field) for name, field in arguments.items()}
            service_call(service, position=position, user=self.request.user, **kwargs)
        return self.with_etag(position)

    @extend_schema(summary="Adopt the draft position", request=AdoptSerializer, responses={200: PositionSerializer})
    @action(detail=True, methods=["post"], serializer_class=AdoptSerializer, filterset_class=None)
    def adopt(self, request, pk=None):
        return self._workflow_step(adopt_position, AdoptSerializer, adopted_on="adopted_on")

    @extend_schema(
        summary="Change who may read the position", request=PublishSerializer, responses={200: PositionSerializer}
    )
    @action(detail=True, methods=["post"], serializer_class=PublishSerializer, filterset_class=None)
    def publish(self, request, pk=None):
        return self._workflow_step(publish_position, PublishSerializer, visibility="visibility")
