"""Web pages of employers and their AI training budgets per school year, with each union's support, and the
comparison across districts. (An employer's own page joins every app: policies/overview/.)"""

import copy

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bargaining import columns
from bargaining.budgets import compare_budgets
from bargaining.filters import EmployerFilter
from bargaining.forms import (
    BudgetComparisonForm,
    BudgetSupportForm,
    EmployerForm,
    TrainingBudgetForm,
)
from bargaining.models import (
    BargainingUnit,
    BudgetSupport,
    Employer,
    TrainingBudget,
    Union,
    current_school_year,
    validate_school_year,
)
from plumbing.export import export_format, export_list
from plumbing.pages import (
    archive_action,
    delete_page,
    filtered_page,
    get_editable_or_403,
    get_visible_or_404,
    history_page,
    record_form_page,
    require_may_add,
)

ONLY_OFFICERS = gettext_lazy("Only union officers may record this.")


@login_required
def employer_list(request):
    if export_format(request):
        return export_list(request, EmployerFilter, columns.EMPLOYERS)
    user = request.user
    units = BargainingUnit.objects.visible_to(user).filter(employer=OuterRef("pk")).order_by()
    employers = (
        Employer.objects.visible_to(user)
        .with_latest_budget()
        .annotate(
            unit_count=Coalesce(Subquery(units.values("employer").annotate(count=Count("pk")).values("count")), 0)
        )
    )
    context = filtered_page(
        request, EmployerFilter, employers, labels={"name": _("Name contains")}, primary=["name", "kind", "region"]
    )
    context["can_add"] = Employer.objects.may_add(user)
    context["school_year"] = current_school_year()
    return render(request, "bargaining/employer_list.html", context)


@login_required
def employer_create(request):
    require_may_add(Employer, request.user, ONLY_OFFICERS)
    form = EmployerForm(_posted(request))
    return record_form_page(request, form, template="bargaining/employer_form.html", saved=_("Employer added."))


@login_required
def employer_edit(request, pk):
    employer = get_editable_or_403(Employer, request.user, pk=pk)
    # The page names the record as it was read, whatever the form is given.
    context = {"employer": copy.copy(employer)}
    form = EmployerForm(_posted(request), instance=employer)
    return record_form_page(
        request, form, template="bargaining/employer_form.html", context=context, saved=_("Employer saved.")
    )


@login_required
def employer_history(request, pk):
    return history_page(request, get_visible_or_404(Employer, request.user, pk=pk))


@login_required
@require_POST
def employer_archive(request, pk):
    return archive_action(request, get_editable_or_403(Employer, request.user, pk=pk))


@login_required
def employer_delete(request, pk):
    return delete_page(request, get_editable_or_403(Employer, request.user, pk=pk), gone_to=reverse("employer_list"))


@login_required
def trainingbudget_create(request):
    """A district's budget for a school year; `?employer=` comes from the district's page."""
    user = request.user
    require_may_add(TrainingBudget, user, ONLY_OFFICERS)
    employers = Employer.objects.visible_to(user)
    initial = {"school_year": current_school_year()}
    if _digits(request.GET.get("employer")):
        initial["employer"] = employers.filter(pk=request.GET["employer"]).first()
    form = TrainingBudgetForm(_posted(request), initial=initial, employers=employers)
    return record_form_page(
        request, form, template="bargaining/trainingbudget_form.html", saved=_("AI training budget saved.")
    )


@login_required
def trainingbudget_edit(request, pk):
    budget = get_editable_or_403(TrainingBudget.objects.select_related("employer"), request.user, pk=pk)
    context = {"budget": copy.copy(budget)}
    form = TrainingBudgetForm(_posted(request), instance=budget, employers=Employer.objects.none())
    return record_form_page(
        request,
        form,
        template="bargaining/trainingbudget_form.html",
        context=context,
        saved=_("AI training budget saved."),
    )


@login_required
def trainingbudget_history(request, pk):
    budget = get_visible_or_404(TrainingBudget.objects.select_related("employer"), request.user, pk=pk)
    return history_page(request, budget)


@login_required
def budgetsupport_create(request):
    """A union's support for a budget's proposed increase; `?budget=` comes from the district's page."""
    user = request.user
    require_may_add(BudgetSupport, user, _("Only a union's officers may record its support."))
    budgets = TrainingBudget.objects.visible_to(user)
    initial = {"budget": request.GET["budget"]} if _digits(request.GET.get("budget")) else {}
    form = BudgetSupportForm(_posted(request), initial=initial, unions=Union.objects.editable_by(user), budgets=budgets)
    return record_form_page(
        request, form, template="bargaining/budgetsupport_form.html", saved=_("Your union's support is recorded.")
    )


@login_required
def budgetsupport_edit(request, pk):
    support = get_editable_or_403(
        BudgetSupport.objects.select_related("union", "budget__employer"), request.user, pk=pk
    )
    context = {"support": copy.copy(support)}
    form = BudgetSupportForm(_posted(request), instance=support, unions=Union.objects.none(), budgets=None)
    return record_form_page(
        request,
        form,
        template="bargaining/budgetsupport_form.html",
        context=context,
        saved=_("Your union's support is saved."),
    )


@login_required
def budgetsupport_history(request, pk):
    support = get_visible_or_404(BudgetSupport.objects.select_related("union", "budget__employer"), request.user, pk=pk)
    return history_page(request, support)


@login_required
def budget_comparison(request):
    """The districts' AI training budgets for one school year (`?year=`, the current one by default), side by
    side, per member of one of the reader's unions (`?union=`), with its support; and how each budget moved."""
    user = request.user
    unions = Union.objects.joined_by(user)
    own = list(unions)
    default_year = current_school_year()
    recorded = TrainingBudget.objects.visible_to(user).values_list("school_year", flat=True).distinct()
    asked = request.GET.get("year") or default_year
    years = sorted({default_year, *recorded, *([asked] if _is_school_year(asked) else [])}, reverse=True)
    form = BudgetComparisonForm(request.GET or None, unions=unions, years=years)
    comparison, status = None, 200
    if not request.GET or form.is_valid():
        choice = form.cleaned_data if request.GET else {}
        union = choice.get("union") or (own[0] if own else None)
        comparison = compare_budgets(user=user, school_year=choice.get("year") or default_year, union=union)
    else:
        # Another union's slug is "not one of the available choices", like one that does not exist.
        status = 400
    context = {
        "form": form,
        "comparison": comparison,
        "chart": comparison.chart() if comparison else None,
        "choose_union": len(own) > 1,
    }
    return render(request, "bargaining/budget_comparison.html", context, status=status)


def _posted(request):
    return request.POST if request.method == "POST" else None


def _digits(value) -> bool:
    return bool(value) and value.isdigit() and len(value) <= 18


def _is_school_year(value: str) -> bool:
    try:
        validate_school_year(value)
    except ValidationError:
        return False
    return True
