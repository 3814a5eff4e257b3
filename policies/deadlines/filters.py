"""Filters for tasks (web list and API)."""

import django_filters as filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bargaining.models import Union
from plumbing.filters import VisibleChoiceFilter
from policies.deadlines.models import Task

# The database holds 64-bit ids: a larger number is refused as invalid input, never sent to the database.
BY_ID = {"widget": forms.HiddenInput, "min_value": 1, "max_value": 2**63 - 1}


class TaskFilter(filters.FilterSet):
    union = VisibleChoiceFilter(model=Union, to_field_name="slug")
    state = filters.ChoiceFilter(
        choices=[("open", pgettext_lazy("task state", "Open")), ("done", pgettext_lazy("task state", "Done"))],
        method="filter_state",
        empty_label=_("Open and done"),
        label=pgettext_lazy("task", "State"),
    )
    mine = filters.ChoiceFilter(
        choices=[("me", _("Me")), ("others", _("Others"))],
        method="filter_mine",
        empty_label=_("Anyone"),
        label=_("Assigned to"),
    )
    due_after = filters.DateFilter(field_name="due_on", lookup_expr="gte")
    due_before = filters.DateFilter(field_name="due_on", lookup_expr="lte")
    # By id, not as pickers: a picker would list every record, and the tasks are already scoped to the reader.
    consultation = filters.NumberFilter(field_name="consultation_id", **BY_ID)
    session = filters.NumberFilter(field_name="session_id", **BY_ID)
    proposal = filters.NumberFilter(field_name="proposal_id", **BY_ID)
    ordering = filters.OrderingFilter(fields=[("due_on", "due"), "title"])

    class Meta:
        model = Task
        fields = ["union"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(done_on__isnull=value == "open")

    def filter_mine(self, queryset, name, value):
        user = self.request.user
        return queryset.filter(assignee=user) if value == "me" else queryset.exclude(assignee=user)
