"""How briefing packs look through the API, and what a request for one may say."""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import serializers

from bargaining.models import BargainingUnit, DocumentLanguage, Employer, PaperSize, Union
from consultations.models import EdTechTool
from plumbing.api import VisibleRelatedField
from policies.documents.briefing_pack import MAX_LINEAGES
from policies.models import Audience, BriefingPack, PackSection, PackStatus


class BriefingPackSerializer(serializers.ModelSerializer):
    subject = serializers.SerializerMethodField()
    subject_kind = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = BriefingPack
        fields = [
            "id",
            "url",
            "status",
            "error",
            "subject_kind",
            "subject",
            "bargaining_unit",
            "employer",
            "tool",
            "union",
            "audience",
            "sections",
            "topics",
            "units",
            "paper_size",
            "language",
            "page_count",
            "download_url",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_subject(self, pack) -> str:
        return str(pack.subject)

    def get_url(self, pack) -> str:
        return self._absolute(reverse("api-pack-detail", args=[pack.pk]))

    def get_download_url(self, pack) -> str | None:
        if pack.status != PackStatus.READY:
            return None
        return self._absolute(reverse("api-pack-download", args=[pack.pk]))

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class BriefingPackRequestSerializer(serializers.Serializer):
    """Exactly one of bargaining_unit, employer and tool."""

    bargaining_unit = VisibleRelatedField(queryset=BargainingUnit.objects.all(), required=False)
    employer = VisibleRelatedField(queryset=Employer.objects.all(), required=False)
    tool = VisibleRelatedField(queryset=EdTechTool.objects.all(), required=False)
    union = serializers.PrimaryKeyRelatedField(
        queryset=Union.objects.all(),
        required=False,
        help_text="The union to print for (a union you are an officer or organiser of); by default the unit's, "
        "or your first.",
    )
    sections = serializers.MultipleChoiceField(
        choices=PackSection.choices, required=False, help_text="By default, every section."
    )
    paper_size = serializers.ChoiceField(
        choices=PaperSize.choices, required=False, help_text="By default, the union's usual paper."
    )
    language = serializers.ChoiceField(
        choices=DocumentLanguage.choices,
        required=False,
        help_text="English (en), Welsh (cy) or both, Welsh first (cy+en); by default the union's usual language.",
    )
    audience = serializers.ChoiceField(
        choices=Audience.choices,
        required=False,
        help_text="Who to print for (also accepted as `?audience=`); by default the widest the subject allows.",
    )

    topics = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**53),
        required=False,
        max_length=200,
        help_text="Ids of topics: only these in the coverage matrix and the clause lineages. By default, every topic.",
    )
    units = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**53),
        required=False,
        max_length=500,
        help_text="Ids of bargaining units of the subject: only these in the coverage matrix and the clause lineages. "
        f"By default, every unit (a pack prints at most {MAX_LINEAGES} lineages and summarises beyond).",
    )

    def validate(self, attrs):
        subjects = [attrs[name] for name in ("bargaining_unit", "employer", "tool") if attrs.get(name)]
        if len(subjects) != 1:
            raise serializers.ValidationError(
                {"non_field_errors": [_("Give exactly one of bargaining_unit, employer and tool.")]}
            )
        attrs["subject"] = subjects[0]
        return attrs
