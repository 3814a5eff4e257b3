"""API endpoints that join the three apps: a tool's history (proposals, events, clause versions, positions), and
the search over everything."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import exceptions, permissions, serializers
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from consultations.api import EdTechToolViewSet
from consultations.serializers import EdTechToolSerializer
from plumbing.api import ERROR, VALIDATION_ERROR
from plumbing.api.throttles import AnonRateThrottle, UserRateThrottle
from plumbing.keyset import CURSOR_PARAM, InvalidCursor
from plumbing.search import MAX_TERMS, parse_query
from policies.overview.search import CLAUSES_LABEL, KINDS, PER_KIND, search_everything
from policies.overview.serializers import TimelineEntrySerializer
from policies.overview.timeline import tool_timeline


@extend_schema_serializer(component_name="EdTechTool")
class ToolSerializer(EdTechToolSerializer):
    history = serializers.HyperlinkedIdentityField(view_name="api-tool-history", help_text=_("The tool's timeline."))

    class Meta(EdTechToolSerializer.Meta):
        fields = [*EdTechToolSerializer.Meta.fields, "history"]


class ToolViewSet(EdTechToolViewSet):
    """EdTech tools, with a link to each tool's history."""

    serializer_class = ToolSerializer

    @extend_schema(
        summary="Everything the caller may see about the tool, newest first (follow `next` for older entries)",
        filters=False,
        responses={200: TimelineEntrySerializer(many=True)},
    )
    @action(detail=True, methods=["get"], serializer_class=TimelineEntrySerializer, filterset_class=None)
    def history(self, request, pk=None):
        tool = self.get_object()
        paginator = self.paginator
        paginator.request = request
        try:
            paginator.page = tool_timeline(
                tool, request.user, request.query_params.get(CURSOR_PARAM), per_page=paginator.get_page_size(request)
            )
        except InvalidCursor as refused:
            raise exceptions.ValidationError({CURSOR_PARAM: [str(refused)]}) from refused
        data = TimelineEntrySerializer(paginator.page.rows, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(
        help_text=format_lazy(
            _(
                'What to look for: words in any form ("class sizes" finds "class size"), a "phrase" in double quotes, '
                "-word to leave a word out. Only the first {max_terms} words count."
            ),
            max_terms=MAX_TERMS,
        ),
    )

    def validate_q(self, value):
        return parse_query(value)


class SearchResultSerializer(serializers.Serializer):
    title = serializers.CharField(help_text=_("HTML: the record's name, escaped, with the matches in <mark>."))
    url = serializers.CharField(help_text=_("The record's web page."))
    snippet = serializers.CharField(help_text=_("HTML: a window of the record's text, escaped, matches in <mark>."))
    context = serializers.CharField(
        allow_blank=True, help_text=_("Plain text: where the record sits, such as a clause's agreement and employer.")
    )


class SearchGroupSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[("clauses", CLAUSES_LABEL), *((kind.key, kind.label) for kind in KINDS)])
    label = serializers.CharField()
    count = serializers.IntegerField(help_text=_("How many records of this kind match (the caller may see them all)."))
    results = SearchResultSerializer(
        many=True, help_text=format_lazy(_("The best {per_kind} matches, best first."), per_kind=PER_KIND)
    )


class SearchAnswerSerializer(serializers.Serializer):
    q = serializers.CharField()
    truncated = serializers.BooleanField(
        help_text=format_lazy(_("Whether words beyond the first {max_terms} were left out."), max_terms=MAX_TERMS)
    )
    count = serializers.IntegerField(help_text=_("How many records match, of every kind."))
    groups = SearchGroupSerializer(many=True)


class SearchView(APIView):
    """One search over every kind of record the caller may see."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="search",
        summary="Search clauses, model clauses, tools, proposals, consultations, events, positions and principles",
        description=(
            "Records the caller may see, grouped by kind, each group with its count and its best matches. "
            "Without credentials, public records only."
        ),
        parameters=[SearchParamsSerializer],
        responses={
            200: SearchAnswerSerializer,
            400: VALIDATION_ERROR,
            401: OpenApiResponse(ERROR, description="Credentials were given but are not valid."),
            429: OpenApiResponse(ERROR, description="Too many requests: wait and try again."),
        },
    )
    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        raw, query = request.query_params["q"], params.validated_data["q"]
        groups = search_everything(request.user, query, raw)
        answer = {"q": raw, "truncated": query.truncated, "count": sum(g.count for g in groups), "groups": groups}
        return Response(SearchAnswerSerializer(answer).data)
