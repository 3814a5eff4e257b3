"""Web pages that join the three apps: the dashboard, a bargaining unit, the coverage matrix, an employer, and
the pages of a tool, a proposal and a consultation (each lists the union's positions on it)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from bargaining.access import leads_union
from bargaining.coverage import COVERAGE_CLAUSES_PER_CELL, COVERAGE_MAX_UNITS, CoverageStatus
from bargaining.filters import BargainingUnitFilter
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Employer,
    Membership,
    NegotiationSession,
    Topic,
    TrainingBudget,
    Union,
    current_school_year,
)
from consultations.attachments import listed_documents
from consultations.forms import EventForm, StageForm
from consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    EventKind,
    ProcurementProposal,
)
from plumbing.keyset import CURSOR_PARAM, InvalidCursor
from plumbing.pages import get_visible_or_404, tune_filter_form
from plumbing.records import may_edit
from plumbing.search import TRUNCATED, parse_query
from policies.models import Position
from policies.overview.coverage import coverage_against_model_clauses
from policies.overview.dashboard import dashboard, record_counts
from policies.overview.employers import employer_budgets, employer_sections
from policies.overview.search import search_everything
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
    agreements = list(Agreement.objects.visible_to(user).filter(bargaining_unit=unit))
    return render(
        request,
        "bargaining/unit_detail.html",
        {
            "unit": unit,
            "agreements": [agreement for agreement in agreements if agreement.archived_on is None],
            "archived_agreements": [agreement for agreement in agreements if agreement.archived_on is not None],
            "sessions": NegotiationSession.objects.visible_to(user).filter(bargaining_unit=unit),
            "coverage": matrix.rows[0].cells if matrix.rows else [],
            "can_edit": may_edit(user, unit),
            # The members' report covers the reader's own unions' units.
            "may_report": user.is_authenticated and Union.objects.joined_by(user).filter(pk=unit.union_id).exists(),
        },
    )


def coverage(request):
    """Bargaining units by topics: the best status reached in each cell, with the model-clause rating.

    Bounded by what fits on a screen: the reader's own union is chosen unless they choose another (or "Any"),
    and a choice matching more than COVERAGE_MAX_UNITS units asks for an employer or a job group before
    anything is drawn.
    """
    user = request.user
    data = request.GET.copy()
    if "union" not in data and user.is_authenticated:
        own = Membership.objects.filter(user=user).order_by("union__name").values_list("union__slug", flat=True)
        data["union"] = own.first() or ""
    units = BargainingUnit.objects.visible_to(user).select_related("union", "employer")
    filters = BargainingUnitFilter(data, queryset=units, request=request)
    tune_filter_form(filters.form, primary=["union", "employer", "job_group"])
    units = filters.qs if filters.is_valid() else units.none()
    matching = units.order_by()[: COVERAGE_MAX_UNITS + 1].count()
    too_many = matching > COVERAGE_MAX_UNITS
    if too_many:
        units = units.none()
    matrix = coverage_against_model_clauses(
        units=units, topics=Topic.objects.all(), user=user, per_cell=COVERAGE_CLAUSES_PER_CELL
    )
    legend = [(status.value, status.label, count) for status, count in matrix.counts()]
    # The same selection (the union chosen by default included), printed for an audience.
    print_params = [(name, value) for name, values in data.lists() if name != "audience" for value in values]
    context = {
        "matrix": matrix,
        "filter": filters,
        "legend": legend,
        "gaps": matrix.count(CoverageStatus.NONE),
        "print_params": print_params,
        "too_many": too_many,
        "max_units": COVERAGE_MAX_UNITS,
    }
    return render(request, "bargaining/coverage.html", context)


@login_required
def tool_detail(request, pk):
    user = request.user
    tool = get_visible_or_404(EdTechTool.objects.select_related("vendor"), user, pk=pk)
    cursor = request.GET.get(CURSOR_PARAM)
    try:
        page = tool_timeline(tool, user, cursor)
    except InvalidCursor as refused:
        # Translators: %(refusal)s is a sentence saying why the page asked for could not be shown.
        messages.warning(request, _("%(refusal)s Showing the newest entries.") % {"refusal": refused})
        page, cursor = tool_timeline(tool, user), None
    context = {
        "tool": tool,
        "timeline": page.rows,
        "page": page,
        "older": bool(cursor),
        "can_edit": may_edit(user, tool),
    }
    return render(request, "consultations/tool_detail.html", context)


@login_required
def proposal_detail(request, pk):
    user = request.user
    proposal = get_visible_or_404(ProcurementProposal.objects.select_related("employer", "tool__vendor"), user, pk=pk)
    return render(
        request,
        "consultations/proposal_detail.html",
        {
            "proposal": proposal,
            "consultations": Consultation.objects.visible_to(user).filter(proposal=proposal).select_related("union"),
            "positions": Position.objects.visible_to(user).filter(proposal=proposal).select_related("union"),
            "can_edit": may_edit(user, proposal),
            "can_consult": Union.objects.editable_by(user).exclude(consultations__proposal=proposal).exists(),
            "can_take_position": Position.objects.may_add(user),
        },
    )


def consultation_detail(request, pk):
    user = request.user
    consultation = get_visible_or_404(
        Consultation.objects.with_due_date(user).select_related("union", "proposal__employer", "proposal__tool"),
        user,
        pk=pk,
    )
    can_edit = may_edit(user, consultation)
    proposal = consultation.proposal
    events = (
        ConsultationEvent.objects.visible_to(user)
        .filter(consultation=consultation)
        .with_answer_due()
        .select_related("author", "consultation__union", "information_request")
        .order_by("-occurred_on", "-created_at")
    )
    editable_events = set(events.editable_by(user).values_list("pk", flat=True)) if can_edit else set()
    events = _with_documents(list(events), consultation, user)
    return render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "stages": ConsultationStage.choices,
            "events": events,
            # Who wrote each event is the union's own business, as in the record's history.
            "show_authors": leads_union(user, consultation.union_id),
            "editable_events": editable_events,
            "record_change": EventKind.RECORD_CHANGE,
            "clauses": consultation.resulting_clauses.visible_to(user)
            .select_related("agreement", "topic")
            .order_by("agreement__title", "article_key"),
            # The union's positions on the proposal, or on its tool wherever it is proposed.
            "positions": Position.objects.visible_to(user)
            .filter(union=consultation.union_id)
            .filter(Q(proposal=proposal) | Q(proposal__isnull=True, tool=proposal.tool_id)),
            "can_edit": can_edit,
            "event_form": EventForm(
                initial={"visibility": consultation.visibility, "occurred_on": datetime.date.today()}
            ),
            "stage_form": StageForm(initial={"stage": consultation.stage, "current_stage": consultation.stage}),
        },
    )


def _with_documents(events: list, consultation, user) -> list:
    """Each event with `documents`: (document, whether `user` may remove it), two queries for the whole timeline."""
    by_event = {}
    for document, removable in listed_documents(user, event__consultation=consultation):
        by_event.setdefault(document.event_id, []).append((document, removable))
    for event in events:
        event.documents = by_event.get(event.pk, [])
    return events


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


def search(request):
    """One search over every kind of record the reader may see (`?q=`), grouped by kind, each with its count."""
    raw = request.GET.get("q", "").strip()
    query = parse_query(raw)
    groups = search_everything(request.user, query, raw)
    return render(
        request,
        "search.html",
        {
            "q": raw,
            "query": query,
            "groups": groups,
            "total": sum(group.count for group in groups),
            "truncated_note": TRUNCATED,
        },
    )
