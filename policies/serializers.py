"""How principles, model clauses and positions look through the API."""

import datetime

from django.utils.translation import gettext as _
from rest_framework import serializers

from bargaining.access import Visibility
from plumbing.api import CaucusSerializer
from policies.models import ModelClause, Position, Principle


class PrincipleSerializer(CaucusSerializer):
    class Meta:
        model = Principle
        api_name = "principle"
        fields = [
            "url",
            "id",
            "union",
            "code",
            "title",
            "title_cy",
            "statement",
            "statement_cy",
            "adopted_on",
            "visibility",
        ]


class ModelClauseSerializer(CaucusSerializer):
    """The walk-away wording and the guidance are the union's bottom line: its leadership's eyes only."""

    class Meta:
        model = ModelClause
        api_name = "model-clause"
        fields = [
            "url",
            "id",
            "union",
            "topic",
            "title",
            "title_cy",
            "preferred_text",
            "preferred_text_cy",
            "fallback_text",
            "fallback_text_cy",
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
        # The rule is ModelClauseQuerySet.with_playbook(user); a model clause read without it shows none.
        if not getattr(instance, "show_playbook", False):
            for field in ModelClause.PLAYBOOK_FIELDS:
                data.pop(field, None)
        return data


class PositionSerializer(CaucusSerializer):
    """A union cites its own principles: another union's would put words in its mouth."""

    class Meta:
        model = Position
        api_name = "position"
        fields = [
            "url",
            "id",
            "union",
            "title",
            "title_cy",
            "proposal",
            "tool",
            "stance",
            "rationale",
            "rationale_cy",
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
            raise serializers.ValidationError(_("A position cannot be adopted in the future."))
        return value


class PublishSerializer(serializers.Serializer):
    visibility = serializers.ChoiceField(choices=Visibility.choices)
