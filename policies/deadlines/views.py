"""Web pages of tasks: the list (by due date, overdue marked), add one from what it follows up, edit, mark done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bargaining.models import NegotiationSession, Union
from consultations.models import Consultation, ProcurementProposal
from plumbing.pages import (
    filtered_page,
    get_editable_or_403,
    get_visible_or_404,
    history_page,
    record_form_page,
    require_may_add,
)
from policies.deadlines.filters import TaskFilter
from policies.deadlines.forms import TaskForm
from policies.deadlines.models import Task
from policies.deadlines.services import set_task_done

ONLY_OFFICERS = gettext_lazy("Only officers of a union assign its tasks.")
# What a task can follow up: the query parameter, the model, and how to reach the union that owns it.
SUBJECTS = {
    "consultation": (Consultation, "union"),
    "session": (NegotiationSession, "bargaining_unit__union"),
    "proposal": (ProcurementProposal, None),
}


@login_required
def task_list(request):
    tasks = Task.objects.visible_to(request.user).select_related(
        "union",
        "assignee",
        "consultation__union",
        "consultation__proposal",
        "session__bargaining_unit",
        "proposal__employer",
    )
    if "ordering" not in request.GET:
        tasks = tasks.order_by(F("done_on").asc(nulls_first=True), "due_on", "title")
    context = filtered_page(request, TaskFilter, tasks, primary=["union", "state", "mine"])
    context["can_add"] = Task.objects.may_add(request.user)
    return render(request, "deadlines/task_list.html", context)


def _subject(request):
    """The record named in the query string (?consultation=, ?session=, ?proposal=) that the task follows up."""
    for name, (model, union_path) in SUBJECTS.items():
        value = request.GET.get(name)
        if value is None:
            continue
        if not value.isdigit() or len(value) > 18:
            raise Http404
        if union_path is None:
            return name, get_visible_or_404(model, request.user, pk=value), None
        record = get_editable_or_403(model.objects.select_related(union_path), request.user, pk=value)
        union = record
        for step in union_path.split("__"):
            union = getattr(union, step)
        return name, record, union
    return None, None, None


@login_required
def task_create(request):
    user = request.user
    require_may_add(Task, user, ONLY_OFFICERS)
    name, subject, union = _subject(request)
    task = Task(union=union, **({name: subject} if name else {}))
    form = TaskForm(request.POST or None, instance=task, unions=Union.objects.editable_by(user))
    return record_form_page(
        request,
        form,
        template="deadlines/task_form.html",
        context={"subject": subject},
        saved=_("Task assigned. It is on the dashboard of everyone in the union's leadership."),
    )


@login_required
def task_edit(request, pk):
    user = request.user
    task = get_editable_or_403(Task.objects.select_related("union"), user, pk=pk)
    return record_form_page(
        request,
        TaskForm(request.POST or None, instance=task, unions=Union.objects.editable_by(user)),
        template="deadlines/task_form.html",
        context={"task": task, "subject": task.subject},
        saved=_("Task saved."),
    )


@login_required
@require_POST
def task_done(request, pk):
    task = get_editable_or_403(Task, request.user, pk=pk)
    done = request.POST.get("action") != "reopen"
    set_task_done(task=task, user=request.user, done=done)
    messages.success(request, _("Task done: it is off the deadline lists.") if done else _("Task opened again."))
    return redirect(request.POST.get("next") if request.POST.get("next") == "/" else task)


@login_required
def task_history(request, pk):
    return history_page(request, get_visible_or_404(Task, request.user, pk=pk))
