"""How principles, model clauses and positions look through the API."""

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from bargaining.access import Visibility
from bargaining.api_base import CaucusSerializer, as_drf_error
from policies.models import ModelClause, Position, Principle, refuse_principles_of_other_unions


class PrincipleSerializer(CaucusSerializer):
    class Meta:
        model = Principle
        api_name = "principle"
        fields = ["url", "id", "union", "code", "title", "statement", "adopted_on", "visibility"]


class CitesOwnPrinciplesMixin:
    """A union cites its own principles: another union's would put words in its mouth."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        union = attrs.get("union") or getattr(self.instance, "union", None)
        try:
            refuse_principles_of_other_unions(union, attrs.get("principles") or [])
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        return attrs


class ModelClauseSerializer(CitesOwnPrinciplesMixin, CaucusSerializer):
    """The walk-away wording and the guidance are the union's bottom line: its leadership's eyes only."""

    LEADERSHIP_ONLY = ("walk_away_text", "guidance")

    class Meta:
        model = ModelClause
        api_name = "model-clause"
        fields = [
            "url",
            "id",
            "union",
            "topic",
            "title",
            "preferred_text",
            "fallback_text",
            "walk_away_text",
            "guidance",
            "principles",
            "visibility",
        ]
        extra_kwargs = {
            "walk_away_text": {"help_text": "Shown only to the owning union's officers and organisers."},
            "guidance": {"help_text": "Shown only to the owning union's officers and organisers."},
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.union_id not in self.context.get("leadership_union_ids", frozenset()):
            for field in self.LEADERSHIP_ONLY:
                data.pop(field, None)
        return data


class PositionSerializer(CitesOwnPrinciplesMixin, CaucusSerializer):
    class Meta:
        model = Position
        api_name = "position"
        fields = [
            "url",
            "id",
            "union",
            "title",
            "proposal",
            "tool",
            "stance",
            "rationale",
            "conditions",
            "principles",
            "status",
            "adopted_on",
            "visibility",
            "version",
            "created_at",
            "updated_at",
        ]
        # Adoption and publication are workflow steps with endpoints of their own.
        read_only_fields = ["status", "adopted_on", "visibility", "version", "created_at", "updated_at"]


class AdoptSerializer(serializers.Serializer):
    adopted_on = serializers.DateField(required=False, help_text="Defaults to today.")

    def validate_adopted_on(self, value):
        if value > datetime.date.today():
            raise serializers.ValidationError("A position cannot be adopted in the future.")
        return value


class PublishSerializer(serializers.Serializer):
    visibility = serializers.ChoiceField(choices=Visibility.choices)
