"""How a tool's timeline looks through the API."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class RecordRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.URLField()


class TimelineEntrySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["proposal", "consultation_event", "position", "clause_version"])
    date = serializers.DateField()
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    union = serializers.SerializerMethodField()
    employer = serializers.SerializerMethodField()
    record = serializers.SerializerMethodField(help_text=_("The API address of the full record."))

    RECORD_VIEWS = {
        "proposal": "api-proposal-detail",
        "consultation_event": "api-consultation-event-detail",
        "position": "api-position-detail",
        "clause_version": "api-clause-version-detail",
    }

    def _link(self, view_name, pk):
        return self.context["request"].build_absolute_uri(reverse(view_name, args=[pk]))

    @extend_schema_field(RecordRefSerializer(allow_null=True))
    def get_union(self, entry):
        if entry.union is None:
            return None
        return {"id": entry.union.pk, "name": entry.union.name, "url": self._link("api-union-detail", entry.union.pk)}

    @extend_schema_field(RecordRefSerializer(allow_null=True))
    def get_employer(self, entry):
        if entry.employer is None:
            return None
        employer = entry.employer
        return {"id": employer.pk, "name": employer.name, "url": self._link("api-employer-detail", employer.pk)}

    def get_record(self, entry) -> str:
        return self._link(self.RECORD_VIEWS[entry.kind], entry.obj.pk)
