"""How vendors, tools, proposals, consultations and their events look through the API."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bargaining.api_base import CaucusSerializer
from bargaining.models import Clause, JobGroup
from consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    PersonalData,
    ProcurementProposal,
    Vendor,
    validate_job_groups,
    validate_personal_data,
)


class VendorSerializer(CaucusSerializer):
    class Meta:
        model = Vendor
        api_name = "vendor"
        fields = ["url", "id", "name", "website", "country", "notes"]


class EdTechToolSerializer(CaucusSerializer):
    personal_data = serializers.ListField(
        child=serializers.ChoiceField(choices=PersonalData.choices),
        required=False,
        validators=[validate_personal_data],
        help_text="Categories of personal data the tool processes.",
    )
    history = serializers.HyperlinkedIdentityField(view_name="api-tool-history", help_text="The tool's timeline.")

    class Meta:
        model = EdTechTool
        api_name = "tool"
        fields = [
            "url",
            "id",
            "name",
            "vendor",
            "category",
            "description",
            "ai_features",
            "personal_data",
            "privacy_agreement_status",
            "risk_rating",
            "history",
        ]


class ProcurementProposalSerializer(CaucusSerializer):
    affected_job_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=JobGroup.choices), required=False, validators=[validate_job_groups]
    )

    class Meta:
        model = ProcurementProposal
        api_name = "proposal"
        fields = [
            "url",
            "id",
            "employer",
            "tool",
            "title",
            "purpose",
            "affected_job_groups",
            "cost",
            "budget_line",
            "announced_on",
            "proposed_start",
            "status",
        ]
        extra_kwargs = {"cost": {"min_value": 0}}


class ConsultationSerializer(CaucusSerializer):
    class Meta:
        model = Consultation
        api_name = "consultation"
        fields = [
            "url",
            "id",
            "union",
            "proposal",
            "stage",
            "opened_on",
            "response_deadline",
            "outcome",
            "visibility",
            "resulting_clauses",
        ]
        # A consultation moves from stage to stage through its own workflow step (POST .../stage/).
        read_only_fields = ["stage"]
        extra_kwargs = {"resulting_clauses": {"help_text": "Clauses negotiated because of this consultation."}}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        union = attrs.get("union") or getattr(self.instance, "union", None)
        clauses = attrs.get("resulting_clauses") or []
        if union is not None and clauses:
            # A union's consultation produces clauses of its own agreements, never another union's.
            foreign = Clause.objects.filter(pk__in=[clause.pk for clause in clauses]).exclude(
                agreement__bargaining_unit__union=union
            )
            if foreign.exists():
                raise serializers.ValidationError(
                    {"resulting_clauses": f"Only clauses of {union}'s own agreements can come out of its consultation."}
                )
        return attrs

    def update(self, instance, validated_data):
        # Links to clauses the caller cannot see are not theirs to drop.
        if "resulting_clauses" in validated_data:
            visible = Clause.objects.visible_to(self.context["request"].user)
            hidden = instance.resulting_clauses.exclude(pk__in=visible.values("pk"))
            validated_data["resulting_clauses"] = [*validated_data["resulting_clauses"], *hidden]
        return super().update(instance, validated_data)


class ConsultationEventSerializer(CaucusSerializer):
    class Meta:
        model = ConsultationEvent
        api_name = "consultation-event"
        fields = ["url", "id", "consultation", "occurred_on", "kind", "summary", "visibility", "created_at"]


class StageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=ConsultationStage.choices)


class NewEventSerializer(ConsultationEventSerializer):
    """An event added to the consultation named by the URL."""

    class Meta(ConsultationEventSerializer.Meta):
        read_only_fields = ["consultation", "created_at"]


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
    record = serializers.SerializerMethodField(help_text="The API address of the full record.")

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
