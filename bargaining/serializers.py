"""How bargaining records look through the API. Validation is the model's own (see CaucusSerializer)."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    NegotiationSession,
    SessionNote,
    Topic,
    TrainingBudget,
    Union,
)
from plumbing.api import CaucusSerializer


class UnionSerializer(CaucusSerializer):
    class Meta:
        model = Union
        api_name = "union"
        fields = [
            "url",
            "id",
            "name",
            "slug",
            "short_name",
            "colour",
            "paper_size",
            "document_language",
            "statutory_response_days",
            "information_request_days",
        ]


LATEST_BUDGET = _(
    "Of the latest school year with a budget on record (null when there is none). Read-only: budgets are kept "
    "per school year at /api/v1/training-budgets/ (filter with ?employer=<slug>)."
)


class EmployerSerializer(CaucusSerializer):
    # Budgets moved to their own collection, one per school year; these stay for existing clients.
    ai_training_budget_school_year = serializers.CharField(read_only=True, allow_null=True, help_text=LATEST_BUDGET)
    ai_training_budget_current = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=format_lazy("{} {}", _("Current budget."), LATEST_BUDGET),
    )
    ai_training_budget_proposed = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=format_lazy("{} {}", _("Proposed budget."), LATEST_BUDGET),
    )

    class Meta:
        model = Employer
        api_name = "employer"
        fields = [
            "url",
            "id",
            "name",
            "slug",
            "kind",
            "region",
            "ai_training_budget_school_year",
            "ai_training_budget_current",
            "ai_training_budget_proposed",
            "archived_on",
        ]


class TrainingBudgetSerializer(CaucusSerializer):
    increase = serializers.DecimalField(
        max_digits=13,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=_("Proposed minus current (negative for a cut); null when nothing is proposed."),
    )

    class Meta:
        model = TrainingBudget
        api_name = "training-budget"
        fields = ["url", "id", "employer", "school_year", "current", "proposed", "increase"]
        # The model names a second budget for the same year on `school_year` (the database backs it).
        validators = []


class BudgetSupportSerializer(CaucusSerializer):
    class Meta:
        model = BudgetSupport
        api_name = "budget-support"
        fields = ["url", "id", "union", "budget", "level", "note", "visibility"]
        # The model names a second record for the same budget on `budget` (the database backs it).
        validators = []


class BargainingUnitSerializer(CaucusSerializer):
    class Meta:
        model = BargainingUnit
        api_name = "bargaining-unit"
        fields = ["url", "id", "union", "employer", "job_group", "name", "member_count", "visibility"]


class AgreementSerializer(CaucusSerializer):
    class Meta:
        model = Agreement
        api_name = "agreement"
        fields = [
            "url",
            "id",
            "bargaining_unit",
            "title",
            "kind",
            "term_start",
            "term_end",
            "reopener_days",
            "status",
            "visibility",
            "archived_on",
        ]


class TopicSerializer(CaucusSerializer):
    class Meta:
        model = Topic
        api_name = "topic"
        fields = ["url", "id", "code", "name", "description", "sort_order"]


class HidesUnseenSessionMixin:
    """A version tabled in a session the caller may not see names no session (not even its id), nor its date.

    The rule is ClauseVersionQuerySet.with_visible_session(user); a version read without it names neither.
    """

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if getattr(instance, "visible_session_id", None) is None:
            data["session"] = None
        if "tabled_on" in data:
            visible = getattr(instance, "visible_tabled_on", None)
            data["tabled_on"] = visible.isoformat() if visible else None
        return data


class ClauseVersionSerializer(HidesUnseenSessionMixin, CaucusSerializer):
    """A version as tabled. Append-only: the API creates versions through table_clause_version only."""

    validate_with_model = False

    class Meta:
        model = ClauseVersion
        api_name = "clause-version"
        fields = ["url", "id", "clause", "number", "text", "tabled_by", "tabled_on", "session", "status", "created_at"]
        read_only_fields = ["number", "created_at"]
        extra_kwargs = {
            "tabled_on": {
                "required": False,
                "allow_null": True,
                "help_text": _(
                    "Defaults to the session's date, or today. Null when the version was tabled in a session "
                    "you may not see."
                ),
            }
        }


class TableVersionSerializer(ClauseVersionSerializer):
    """Tabling a version on a clause named by the URL."""

    class Meta(ClauseVersionSerializer.Meta):
        read_only_fields = ["clause", "number", "created_at"]


class LineageEntrySerializer(HidesUnseenSessionMixin, CaucusSerializer):
    """One step of a clause's lineage, as listed on the clause."""

    class Meta:
        model = ClauseVersion
        api_name = "clause-version"
        fields = ["url", "id", "number", "text", "tabled_by", "tabled_on", "session", "status"]
        read_only_fields = fields


class ClauseSerializer(CaucusSerializer):
    status = serializers.ChoiceField(
        choices=ClauseVersionStatus.choices,
        source="current_status",
        read_only=True,
        allow_null=True,
        help_text=_("The status of the latest version (null before any is tabled)."),
    )
    versions = LineageEntrySerializer(many=True, read_only=True, help_text=_("The lineage, oldest first."))

    class Meta:
        model = Clause
        api_name = "clause"
        fields = [
            "url",
            "id",
            "agreement",
            "article_number",
            "title",
            "topic",
            "visibility",
            "model_rating",
            "status",
            "versions",
        ]


class SessionNoteSerializer(CaucusSerializer):
    class Meta:
        model = SessionNote
        fields = ["id", "session", "body", "visibility", "created_at"]
        read_only_fields = ["session", "created_at"]


class NegotiationSessionSerializer(CaucusSerializer):
    notes = SessionNoteSerializer(many=True, read_only=True, help_text=_("The notes the caller may read."))

    class Meta:
        model = NegotiationSession
        api_name = "session"
        fields = [
            "url",
            "id",
            "bargaining_unit",
            "held_on",
            "location",
            "attendees",
            "next_steps",
            "visibility",
            "notes",
        ]


class RedlineSegmentSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class RedlineSerializer(serializers.Serializer):
    clause = serializers.IntegerField()
    from_version = LineageEntrySerializer(allow_null=True)
    to_version = LineageEntrySerializer()
    segments = RedlineSegmentSerializer(many=True)
