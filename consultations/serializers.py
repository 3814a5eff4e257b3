"""How vendors, tools, proposals, consultations and their events look through the API."""

from rest_framework import serializers

from bargaining.models import JobGroup
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
from plumbing.api import CaucusSerializer


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
