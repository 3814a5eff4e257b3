"""API endpoints that join the three apps: a tool's history (proposals, events, clause versions, positions)."""

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.decorators import action

from consultations.api import EdTechToolViewSet
from consultations.serializers import EdTechToolSerializer
from policies.overview.serializers import TimelineEntrySerializer
from policies.overview.timeline import tool_timeline


@extend_schema_serializer(component_name="EdTechTool")
class ToolSerializer(EdTechToolSerializer):
    history = serializers.HyperlinkedIdentityField(view_name="api-tool-history", help_text="The tool's timeline.")

    class Meta(EdTechToolSerializer.Meta):
        fields = [*EdTechToolSerializer.Meta.fields, "history"]


class ToolViewSet(EdTechToolViewSet):
    """EdTech tools, with a link to each tool's history."""

    serializer_class = ToolSerializer

    @extend_schema(
        summary="Everything the caller may see about the tool, newest first",
        filters=False,
        responses={200: TimelineEntrySerializer(many=True)},
    )
    @action(detail=True, methods=["get"], serializer_class=TimelineEntrySerializer, filterset_class=None)
    def history(self, request, pk=None):
        tool = self.get_object()
        page = self.paginate_queryset(tool_timeline(tool, request.user))
        return self.get_paginated_response(TimelineEntrySerializer(page, many=True, context={"request": request}).data)
