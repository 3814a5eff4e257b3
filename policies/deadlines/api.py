"""The API of deadlines: the engine's items for the caller (read-only), and tasks as a collection."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.renderers import JSONRenderer

from plumbing.api import ERROR, VALIDATION_ERROR, CaucusPagination, CaucusViewSet, JSONAnswers
from plumbing.api.throttles import AnonRateThrottle, UserRateThrottle
from policies.deadlines.engine import Deadlines, Kind
from policies.deadlines.filters import TaskFilter
from policies.deadlines.models import Task
from policies.deadlines.serializers import DeadlineQuerySerializer, DeadlineSerializer, TaskSerializer


class TaskViewSet(CaucusViewSet):
    """Follow-ups officers assign to their union's leadership; read by officers and organisers of the union."""

    model = Task
    owner_field = "union"
    serializer_class = TaskSerializer
    filterset_class = TaskFilter
    select_related = ("assignee",)
    add_refusal = _("Only officers of a union assign its tasks.")

    def create(self, request, *args, **kwargs):
        # The union first: someone who may not assign its tasks hears 403, not what is wrong with the rest.
        self.refuse_unless_may_add()
        try:
            given = request.data.get("union") if isinstance(request.data, dict) else None
            union = self.get_serializer().fields["union"].run_validation(given)
        except serializers.ValidationError:
            union = None  # the full validation names it (a body that is not an object too)
        if union is not None:
            self.check_owner({"union": union})
        return super().create(request, *args, **kwargs)


class DeadlineViewSet(viewsets.ViewSet):
    """Every dated obligation of the caller's unions that the caller may see, oldest first (overdue included)."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONAnswers
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    pagination_class = CaucusPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("kind", str, enum=Kind.values, many=True, explode=True, description="Kinds to keep."),
            OpenApiParameter("union", str, description="A union's slug."),
            OpenApiParameter("due_after", str, description="Due on or after this day (YYYY-MM-DD)."),
            OpenApiParameter("due_before", str, description="Due on or before this day (YYYY-MM-DD)."),
            OpenApiParameter("overdue", bool, description="true: only what is past due; false: only what is not."),
        ],
        responses={200: DeadlineSerializer(many=True), 400: VALIDATION_ERROR, 401: ERROR},
    )
    def list(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        query = DeadlineQuerySerializer(data=_query_data(request))
        query.is_valid(raise_exception=True)
        wanted = query.validated_data
        items = Deadlines(
            request.user,
            kinds=wanted.get("kind") or None,
            union=wanted.get("union"),
            due_from=wanted.get("due_after"),
            due_to=wanted.get("due_before"),
            overdue=wanted.get("overdue"),
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(items, request, view=self)
        return paginator.get_paginated_response(DeadlineSerializer(page, many=True, context={"request": request}).data)


def _query_data(request) -> dict:
    data = {key: request.query_params.get(key) for key in ("union", "due_after", "due_before", "overdue")}
    data = {key: value for key, value in data.items() if value not in (None, "")}
    if request.query_params.getlist("kind"):
        data["kind"] = request.query_params.getlist("kind")
    return data
