"""Tasks and deadlines as the API shows them."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bargaining.access import LEADERSHIP_ROLES, union_ids
from bargaining.models import Union
from plumbing.api import CaucusSerializer, VisibleRelatedField
from policies.deadlines.engine import Kind
from policies.deadlines.models import Task


class AssigneeField(VisibleRelatedField):
    """An officer or organiser of a union the caller belongs to: other people are not there to be found."""

    def get_queryset(self):
        user = self.context["request"].user
        if not user.is_authenticated:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                is_active=True, memberships__union__in=union_ids(user), memberships__role__in=LEADERSHIP_ROLES
            )
            .distinct()
        )


class TaskSerializer(CaucusSerializer):
    assignee = AssigneeField(help_text=_("The id of an officer or organiser of the task's union."))
    assignee_name = serializers.SerializerMethodField()

    class Meta:
        model = Task
        api_name = "task"
        fields = [
            "url",
            "id",
            "union",
            "title",
            "notes",
            "assignee",
            "assignee_name",
            "due_on",
            "done_on",
            "consultation",
            "session",
            "proposal",
        ]

    def get_assignee_name(self, task) -> str:
        return task.assignee.get_full_name() or task.assignee.username


class DeadlineQuerySerializer(serializers.Serializer):
    """The filters of the deadlines collection."""

    kind = serializers.MultipleChoiceField(choices=Kind.choices, required=False)
    union = serializers.SlugRelatedField(slug_field="slug", queryset=Union.objects.all(), required=False)
    due_after = serializers.DateField(required=False, help_text=_("Due on or after this day."))
    due_before = serializers.DateField(required=False, help_text=_("Due on or before this day."))
    overdue = serializers.BooleanField(required=False, allow_null=True, default=None)


class DeadlineSerializer(serializers.Serializer):
    uid = serializers.CharField(help_text=_("Stable: the same item keeps it when its date changes."))
    kind = serializers.ChoiceField(choices=Kind.choices)
    kind_label = serializers.CharField()
    due = serializers.DateField()
    overdue = serializers.BooleanField()
    computed = serializers.BooleanField(help_text=_("No date was entered: it was counted from the rule."))
    title = serializers.CharField()
    union = serializers.SerializerMethodField(help_text=_("The owning union's slug; null for a shared record."))
    record = serializers.SerializerMethodField(help_text=_("What the item belongs to: its type and id."))
    web_url = serializers.SerializerMethodField()

    def get_union(self, item) -> str | None:
        return item.union.slug if item.union else None

    def get_record(self, item) -> dict:
        return {"type": item.record._meta.model_name, "id": item.record.pk}

    def get_web_url(self, item) -> str:
        return self.context["request"].build_absolute_uri(item.url)
