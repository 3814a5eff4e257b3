"""Web pages that join the three apps: the dashboard, a bargaining unit, the coverage matrix, a tool's timeline,
an employer."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from bargaining.coverage import CoverageStatus
from bargaining.filters import BargainingUnitFilter
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Employer,
    NegotiationSession,
    Topic,
    TrainingBudget,
    current_school_year,
)
from consultations.models import EdTechTool
from plumbing.pages import get_visible_or_404, tune_filter_form
from plumbing.records import may_edit
from policies.overview.coverage import coverage_against_model_clauses
from policies.overview.dashboard import dashboard, record_counts
from policies.overview.employers import employer_budgets, employer_sections
from policies.overview.timeline import tool_timeline


def home(request):
    """The dashboard: deadlines in the next 30 days, consultations by stage, recent activity; counts for everyone."""
    user = request.user
    context = {"counts": record_counts(user)}
    if user.is_authenticated:
        context.update(dashboard(user))
    return render(request, "home.html", context)


def unit_detail(request, pk):
    user = request.user
    unit = get_visible_or_404(BargainingUnit.objects.select_related("union", "employer"), user, pk=pk)
    matrix = coverage_against_model_clauses(units=[unit], topics=Topic.objects.all(), user=user)
    return render(
        request,
        "bargaining/unit_detail.html",
        {
            "unit": unit,
            "agreements": Agreement.objects.visible_to(user).filter(bargaining_unit=unit),
            "sessions": NegotiationSession.objects.visible_to(user).filter(bargaining_unit=unit),
            "coverage": matrix.rows[0].cells if matrix.rows else [],
            "can_edit": may_edit(user, unit),
        },
    )


def coverage(request):
    """Bargaining units by topics: the best status reached in each cell, with the model-clause rating."""
    user = request.user
    units = BargainingUnit.objects.visible_to(user).select_related("union", "employer")
    filters = BargainingUnitFilter(request.GET, queryset=units, request=request)
    tune_filter_form(filters.form, primary=["union", "employer", "job_group"])
    units = filters.qs if filters.is_valid() else units.none()
    matrix = coverage_against_model_clauses(units=units, topics=Topic.objects.all(), user=user)
    legend = [(status.value, status.label, count) for status, count in matrix.counts()]
    context = {"matrix": matrix, "filter": filters, "legend": legend, "gaps": matrix.count(CoverageStatus.NONE)}
    return render(request, "bargaining/coverage.html", context)


@login_required
def tool_detail(request, pk):
    tool = get_visible_or_404(EdTechTool.objects.select_related("vendor"), request.user, pk=pk)
    return render(
        request,
        "consultations/tool_detail.html",
        {"tool": tool, "timeline": tool_timeline(tool, request.user)},
    )


@login_required
def employer_detail(request, pk):
    """A district: its units, agreements, proposals, tools, consultations, positions and AI training budget."""
    user = request.user
    employer = get_visible_or_404(Employer, user, pk=pk)
    return render(
        request,
        "bargaining/employer_detail.html",
        {
            "employer": employer,
            "sections": employer_sections(employer, user),
            "budgets": employer_budgets(employer, user),
            "can_edit": may_edit(user, employer),
            "can_add_budget": TrainingBudget.objects.may_add(user),
            "school_year": current_school_year(),
        },
    )
