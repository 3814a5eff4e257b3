"""How vendors, tools, proposals, consultations and their events look through the API."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bargaining.models import JobGroup
from consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    PersonalData,
    ProcurementProposal,
    ToolCategory,
    Vendor,
    validate_job_groups,
    validate_personal_data,
)
from plumbing.api import CaucusSerializer, VisibleRelatedField


class VendorSerializer(CaucusSerializer):
    class Meta:
        model = Vendor
        api_name = "vendor"
        fields = ["url", "id", "name", "website", "country", "notes", "archived_on"]


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
            "privacy_agreement_expires_on",
            "risk_rating",
            "archived_on",
        ]


class NewToolSerializer(serializers.Serializer):
    """A tool not yet in the registry, added with the proposal: by a vendor of the registry or a new one."""

    name = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=ToolCategory.choices)
    vendor = VisibleRelatedField(queryset=Vendor.objects.all(), required=False, allow_null=True)
    vendor_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="A vendor new to the registry, by name."
    )

    def validate(self, attrs):
        if bool(attrs.get("vendor")) == bool(attrs.get("vendor_name", "").strip()):
            # Translators: `vendor` and `vendor_name` are API field names: keep them as they are.
            raise serializers.ValidationError({"vendor": [_("Give either `vendor` (an id) or `vendor_name`.")]})
        return attrs


class ProcurementProposalSerializer(CaucusSerializer):
    affected_job_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=JobGroup.choices), required=False, validators=[validate_job_groups]
    )
    new_tool = NewToolSerializer(
        write_only=True,
        required=False,
        help_text="Instead of `tool`: a tool not yet in the registry, added (with its vendor) with the proposal.",
    )
    # consultations.services.record_proposal validates the proposal once its tool is known.
    validate_with_model = False

    def validate(self, attrs):
        attrs = super().validate(attrs)
        has_tool = attrs.get("tool") is not None or (self.instance is not None and "new_tool" not in attrs)
        if "new_tool" in attrs and attrs.get("tool") is not None:
            # Translators: `tool` and `new_tool` are API field names: keep them as they are.
            raise serializers.ValidationError({"new_tool": [_("Give `tool` or `new_tool`, not both.")]})
        if not has_tool and "new_tool" not in attrs:
            # Translators: `new_tool` is an API field name: keep it as it is.
            raise serializers.ValidationError({"tool": [_("Choose a tool, or describe a new one in `new_tool`.")]})
        return attrs

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
            "deployed_on",
            "review_on",
            "new_tool",
        ]
        extra_kwargs = {"cost": {"min_value": 0}, "tool": {"required": False}}


class ConsultationSerializer(CaucusSerializer):
    response_due = serializers.SerializerMethodField(
        help_text=(
            "When the response is due: the deadline entered, or the union's statutory window counted from the "
            "first notice the caller may see (else from the opening). `ordering=response_deadline`, "
            "`deadline_after` and `deadline_before` use this date."
        )
    )

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
            "response_due",
            "outcome",
            "visibility",
            "resulting_clauses",
        ]
        # A consultation moves from stage to stage through its own workflow step (POST .../stage/).
        read_only_fields = ["stage"]
        extra_kwargs = {"resulting_clauses": {"help_text": "Clauses negotiated because of this consultation."}}

    @extend_schema_field(OpenApiTypes.DATE)
    def get_response_due(self, consultation):
        if not hasattr(consultation, "due"):  # just written: read as the caller's timeline counts it
            user = self.context["request"].user
            consultation.due = (
                Consultation.objects.with_due_date(user).values_list("due", flat=True).get(pk=consultation.pk)
            )
        return serializers.DateField().to_representation(consultation.due)


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
