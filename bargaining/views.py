"""Web pages of bargaining: the dashboard, units and sessions, the clause library and the coverage matrix."""

import csv
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from bargaining.access import may_edit, union_ids
from bargaining.coverage import CoverageStatus, coverage_matrix
from bargaining.filters import BargainingUnitFilter, ClauseFilter, search_words
from bargaining.forms import ClauseVersionForm, SessionForm, add_service_errors
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Membership,
    NegotiationSession,
    SessionNote,
    Topic,
)
from bargaining.pages import (
    csv_cell,
    excerpt,
    filtered_page,
    get_editable_or_403,
    get_visible_or_404,
    highlight,
    tune_filter_form,
)
from bargaining.redline import redline
from bargaining.services import table_clause_version
from consultations.models import Consultation, ConsultationEvent, ConsultationStage, EdTechTool, ProcurementProposal
from policies.models import ModelClause, Position

DEADLINE_WINDOW_DAYS = 30
STATUS_LABELS = dict(ClauseVersionStatus.choices)


def current_status_label(clause) -> str:
    """The clause's current status in words (`with_current()` annotates the code)."""
    return STATUS_LABELS.get(clause.current_status, "No text yet")


def home(request):
    """The dashboard: deadlines in the next 30 days, consultations by stage, recent activity; counts for everyone."""
    user = request.user
    counted = [
        ("Bargaining units", BargainingUnit),
        ("Agreements", Agreement),
        ("Clauses", Clause),
        ("EdTech tools", EdTechTool),
        ("Procurement proposals", ProcurementProposal),
        ("Consultations", Consultation),
        ("Positions", Position),
        ("Model clauses", ModelClause),
    ]
    context = {"counts": [(label, model.objects.visible_to(user).count()) for label, model in counted]}
    if user.is_authenticated:
        context.update(_dashboard(user))
    return render(request, "home.html", context)


def _dashboard(user) -> dict:
    today = datetime.date.today()
    horizon = today + datetime.timedelta(days=DEADLINE_WINDOW_DAYS)
    mine = union_ids(user)
    consultations = Consultation.objects.visible_to(user).filter(union__in=mine)
    due = (
        consultations.open()
        .filter(response_deadline__range=(today, horizon))
        .select_related("union", "proposal__employer")
        .order_by("response_deadline")
    )
    expiring = (
        Agreement.objects.visible_to(user)
        .filter(bargaining_unit__union__in=mine, term_end__range=(today, horizon))
        .select_related("bargaining_unit__union", "bargaining_unit__employer")
        .order_by("term_end")
    )
    deadlines = sorted(
        [
            ("Consultation response due", c.response_deadline, c, reverse("consultation_detail", args=[c.pk]))
            for c in due
        ]
        + [("Agreement expires", a.term_end, a, reverse("agreement_detail", args=[a.pk])) for a in expiring],
        key=lambda row: row[1],
    )
    stage_counts = dict(consultations.values_list("stage").annotate(n=Count("pk")).order_by())
    by_stage = [(value, label, stage_counts.get(value, 0)) for value, label in ConsultationStage.choices]
    events = (
        ConsultationEvent.objects.visible_to(user)
        .filter(consultation__union__in=mine)
        .select_related("consultation__union", "consultation__proposal")
        .order_by("-occurred_on", "-created_at")[:8]
    )
    versions = (
        ClauseVersion.objects.visible_to(user)
        .filter(clause__agreement__bargaining_unit__union__in=mine)
        .select_related("clause__agreement__bargaining_unit")
        .order_by("-tabled_on", "-number")[:8]
    )
    activity = sorted(
        [
            (
                e.occurred_on,
                f"{e.get_kind_display()}: {e.summary}",
                e.consultation,
                "consultation_detail",
                e.consultation_id,
            )
            for e in events
        ]
        + [
            (v.tabled_on, f"Tabled {v.get_status_display().lower()} text", v.clause, "clause_detail", v.clause_id)
            for v in versions
        ],
        key=lambda row: row[0],
        reverse=True,
    )[:10]
    return {
        "memberships": Membership.objects.filter(user=user).select_related("union"),
        "deadlines": deadlines,
        "by_stage": by_stage,
        "activity": activity,
        "window": DEADLINE_WINDOW_DAYS,
    }


# Bargaining units, agreements and sessions


def unit_list(request):
    units = BargainingUnit.objects.visible_to(request.user).select_related("union", "employer")
    context = filtered_page(request, BargainingUnitFilter, units, primary=["union", "employer", "job_group"])
    return render(request, "bargaining/unit_list.html", context)


def unit_detail(request, pk):
    user = request.user
    unit = get_visible_or_404(BargainingUnit.objects.select_related("union", "employer"), user, pk=pk)
    agreements = Agreement.objects.visible_to(user).filter(bargaining_unit=unit)
    sessions = NegotiationSession.objects.visible_to(user).filter(bargaining_unit=unit)
    matrix = coverage_matrix(units=[unit], topics=Topic.objects.all(), user=user)
    return render(
        request,
        "bargaining/unit_detail.html",
        {
            "unit": unit,
            "agreements": agreements,
            "sessions": sessions,
            "coverage": matrix.rows[0].cells if matrix.rows else [],
            "can_edit": may_edit(user, unit),
        },
    )


def agreement_detail(request, pk):
    user = request.user
    agreement = get_visible_or_404(
        Agreement.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
    )
    clauses = list(Clause.objects.visible_to(user).filter(agreement=agreement).with_current().select_related("topic"))
    for clause in clauses:
        clause.status_label = current_status_label(clause)
    return render(request, "bargaining/agreement_detail.html", {"agreement": agreement, "clauses": clauses})


@login_required
def session_create(request, unit_pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=unit_pk)
    form = SessionForm(request.POST or None, bargaining_unit=unit)
    if request.method == "POST" and form.is_valid():
        session = form.save_with_notes(user=request.user)
        messages.success(request, "Session logged. Table the clause versions discussed in it below.")
        return redirect("session_detail", session.pk)
    return render(request, "bargaining/session_form.html", {"form": form, "unit": unit})


def session_detail(request, pk):
    user = request.user
    session = get_visible_or_404(
        NegotiationSession.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
    )
    versions = ClauseVersion.objects.visible_to(user).filter(session=session).select_related("clause")
    notes = SessionNote.objects.visible_to(user).filter(session=session).select_related("author")
    can_edit = may_edit(user, session)
    clauses = _tableable_clauses(session, user) if can_edit else Clause.objects.none()
    return render(
        request,
        "bargaining/session_detail.html",
        {"session": session, "versions": versions, "notes": notes, "can_edit": can_edit, "clauses": clauses},
    )


def _tableable_clauses(session, user):
    return (
        Clause.objects.editable_by(user)
        .visible_to(user)
        .filter(agreement__bargaining_unit=session.bargaining_unit_id)
        .select_related("agreement")
        .order_by("agreement__title", "article_number")
    )


@login_required
def version_create(request, session_pk):
    """Table a clause version in a session; `?clause=` starts from that clause's current text."""
    user = request.user
    session = get_editable_or_403(NegotiationSession, user, pk=session_pk)
    clauses = _tableable_clauses(session, user)
    if request.method == "POST":
        form = ClauseVersionForm(request.POST, clauses=clauses)
        if form.is_valid():
            try:
                version = table_clause_version(session=session, user=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Tabled version {version.number} of {version.clause}.")
                return redirect(reverse("clause_detail", args=[version.clause_id]) + "#redline")
    else:
        initial = {}
        clause = (
            clauses.filter(pk=request.GET.get("clause")).first() if request.GET.get("clause", "").isdigit() else None
        )
        if clause is not None:
            latest = clause.latest_version
            initial = {"clause": clause, "text": latest.text if latest else ""}
        form = ClauseVersionForm(initial=initial, clauses=clauses)
    return render(request, "bargaining/version_form.html", {"form": form, "session": session})


# The clause library


def _library_queryset(user):
    return (
        Clause.objects.visible_to(user)
        .with_current()
        .select_related(
            "topic",
            "agreement__bargaining_unit__union",
            "agreement__bargaining_unit__employer",
        )
    )


CLAUSE_FILTER_LABELS = {
    "search": "Search titles and texts",
    "union": "Union",
    "employer": "Employer",
    "bargaining_unit": "Bargaining unit",
    "job_group": "Job group",
    "agreement_status": "Agreement status",
    "tool": "EdTech tool",
    "model_rating": "Rating against the model clause",
}
CLAUSE_PRIMARY_FILTERS = ["search", "topic", "status", "union", "employer", "job_group", "tool"]


def clause_list(request):
    context = filtered_page(
        request,
        ClauseFilter,
        _library_queryset(request.user),
        labels=CLAUSE_FILTER_LABELS,
        primary=CLAUSE_PRIMARY_FILTERS,
    )
    words = search_words(request.GET.get("search"))
    context["results"] = [
        {
            "clause": clause,
            "title": highlight(clause.title, words),
            "excerpt": highlight(excerpt(clause.current_text or "", words), words),
            "status": current_status_label(clause),
        }
        for clause in context["rows"]
    ]
    return render(request, "bargaining/clause_list.html", context)


CSV_COLUMNS = [
    "Article",
    "Title",
    "Topic",
    "Current status",
    "Union",
    "Employer",
    "Bargaining unit",
    "Job group",
    "Agreement",
    "Visibility",
    "Current text",
    "Address",
]


def clause_export(request):
    """The clause library's current result set as CSV: one field per column, UTF-8 with a BOM for Excel."""
    filterset = ClauseFilter(request.GET, queryset=_library_queryset(request.user), request=request)
    if not filterset.is_valid():
        messages.error(request, "The export needs valid filters: correct the fields marked below.")
        return redirect(reverse("clause_list") + "?" + request.GET.urlencode())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="caucus-clauses.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for clause in filterset.qs:
        unit = clause.agreement.bargaining_unit
        row = [
            clause.article_number,
            clause.title,
            clause.topic.name,
            current_status_label(clause),
            unit.union.name,
            unit.employer.name,
            unit.name,
            unit.get_job_group_display(),
            clause.agreement.title,
            clause.get_visibility_display(),
            clause.current_text or "",
            request.build_absolute_uri(reverse("clause_detail", args=[clause.pk])),
        ]
        writer.writerow([csv_cell(value) for value in row])
    return response


def clause_detail(request, pk):
    """A clause's lineage, and a redline between any two of its versions (`?from=1&to=3`)."""
    user = request.user
    clause = get_object_or_404(_library_queryset(user), pk=pk)
    versions = list(clause.versions.select_related("session", "created_by").order_by("number"))
    # A version may have been tabled in a session the reader may not see: say so, without its date.
    visible_sessions = set(
        NegotiationSession.objects.visible_to(user)
        .filter(pk__in=[version.session_id for version in versions if version.session_id])
        .values_list("pk", flat=True)
    )
    for version in versions:
        version.visible_session = version.session if version.session_id in visible_sessions else None
    by_number = {version.number: version for version in versions}
    old, new = _redline_pair(request, by_number)
    return render(
        request,
        "bargaining/clause_detail.html",
        {
            "clause": clause,
            "versions": versions,
            "old": old,
            "new": new,
            "segments": redline(old.text, new.text) if old and new else [],
            "consultations": Consultation.objects.visible_to(user)
            .filter(resulting_clauses=clause)
            .select_related("union", "proposal__tool"),
            "sessions": NegotiationSession.objects.editable_by(user)
            .visible_to(user)
            .filter(bargaining_unit=clause.agreement.bargaining_unit_id)[:5],
        },
    )


def _redline_pair(request, by_number):
    numbers = sorted(by_number)
    if len(numbers) < 2:
        return None, None
    default = (numbers[-2], numbers[-1])
    try:
        chosen = (int(request.GET.get("from", default[0])), int(request.GET.get("to", default[1])))
    except ValueError:
        chosen = None
    if chosen is None or chosen[0] not in by_number or chosen[1] not in by_number:
        messages.error(request, "Those versions do not exist: showing the latest two instead.")
        chosen = default
    return by_number[chosen[0]], by_number[chosen[1]]


MAX_COMPARED = 4


def clause_compare(request):
    """Two to four clauses side by side, at an address that can be shared (`?ids=3&ids=8`)."""
    raw = request.GET.getlist("ids")
    ids = list(dict.fromkeys(int(value) for value in raw if value.isdigit()))
    if len(ids) != len(set(raw)) or not 2 <= len(ids) <= MAX_COMPARED:
        return render(
            request,
            "bargaining/clause_compare.html",
            {"error": f"Choose between 2 and {MAX_COMPARED} clauses to compare (you chose {len(set(raw))})."},
            status=400,
        )
    found = {clause.pk: clause for clause in _library_queryset(request.user).filter(pk__in=ids)}
    if len(found) != len(ids):
        # Whether a clause exists is itself confidential: the same answer for missing and forbidden.
        raise Http404("No such clause.")
    clauses = [found[pk] for pk in ids]
    for clause in clauses:
        clause.status_label = current_status_label(clause)
    return render(request, "bargaining/clause_compare.html", {"clauses": clauses})


# The coverage matrix


def coverage(request):
    """Bargaining units by topics: the best status reached in each cell, with the model-clause rating."""
    user = request.user
    units = BargainingUnit.objects.visible_to(user).select_related("union", "employer")
    filters = BargainingUnitFilter(request.GET, queryset=units, request=request)
    tune_filter_form(filters.form, primary=["union", "employer", "job_group"])
    units = filters.qs if filters.is_valid() else units.none()
    matrix = coverage_matrix(units=units, topics=Topic.objects.all(), user=user)
    legend = [(status.value, status.label) for status in CoverageStatus]
    context = {"matrix": matrix, "filter": filters, "legend": legend, "gaps": matrix.count(CoverageStatus.NONE)}
    return render(request, "bargaining/coverage.html", context)
