"""The task form (web)."""

from django import forms
from django.contrib.auth import get_user_model

from bargaining.access import LEADERSHIP_ROLES
from plumbing.forms import RecordForm, preselect_only_choice
from policies.deadlines.models import Task


class TaskForm(RecordForm):
    """A task: the union it belongs to is chosen only when no record it follows up decides it."""

    fixed_fields = ("union", "consultation", "session", "proposal")

    class Meta:
        model = Task
        fields = ["union", "title", "assignee", "due_on", "notes", "done_on"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unions, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.union_id is not None:
            del self.fields["union"]
            unions = unions.filter(pk=self.instance.union_id)
        else:
            self.fields["union"].queryset = unions
            preselect_only_choice(self.fields["union"])
        if self.instance.pk is None:
            del self.fields["done_on"]
        leaders = get_user_model().objects.filter(
            is_active=True, memberships__union__in=unions, memberships__role__in=LEADERSHIP_ROLES
        )
        self.fields["assignee"].queryset = leaders.distinct().order_by("username")
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.username
