"""Web pages of bargaining: units, agreements, sessions, tabling clause versions, comparing clauses.

The pages that join other apps (a unit's coverage against model clauses, the clause library with its
tools and consultations, the dashboard) live in the layers above.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from bargaining.filters import BargainingUnitFilter
from bargaining.forms import ClauseVersionForm, SessionForm
from bargaining.models import Agreement, BargainingUnit, Clause, ClauseVersion, NegotiationSession, SessionNote
from bargaining.services import log_session, table_clause_version
from plumbing.forms import add_service_errors
from plumbing.pages import filtered_page, get_editable_or_403, get_visible_or_404
from plumbing.records import may_edit

# Bargaining units, agreements and sessions


def unit_list(request):
    units = BargainingUnit.objects.visible_to(request.user).select_related("union", "employer")
    context = filtered_page(request, BargainingUnitFilter, units, primary=["union", "employer", "job_group"])
    return render(request, "bargaining/unit_list.html", context)


def agreement_detail(request, pk):
    user = request.user
    agreement = get_visible_or_404(
        Agreement.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
    )
    clauses = Clause.objects.visible_to(user).filter(agreement=agreement).with_current().select_related("topic")
    return render(request, "bargaining/agreement_detail.html", {"agreement": agreement, "clauses": clauses})


@login_required
def session_create(request, unit_pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=unit_pk)
    form = SessionForm(request.POST or None, bargaining_unit=unit)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "notes"}
        session = log_session(bargaining_unit=unit, user=request.user, notes=form.cleaned_data["notes"], **fields)
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


MAX_COMPARED = 4


def clause_compare(request):
    """Two to four clauses side by side, at an address that can be shared (`?ids=3&ids=8`)."""
    raw = request.GET.getlist("ids")
    ids = list(dict.fromkeys(int(value) for value in raw if value.isdigit() and len(value) <= 18))
    if len(ids) != len(set(raw)) or not 2 <= len(ids) <= MAX_COMPARED:
        return render(
            request,
            "bargaining/clause_compare.html",
            {"error": f"Choose between 2 and {MAX_COMPARED} clauses to compare (you chose {len(set(raw))})."},
            status=400,
        )
    found = {clause.pk: clause for clause in Clause.objects.visible_to(request.user).for_library().filter(pk__in=ids)}
    if len(found) != len(ids):
        # Whether a clause exists is itself confidential: the same answer for missing and forbidden.
        raise Http404("No such clause.")
    clauses = [found[pk] for pk in ids]
    return render(request, "bargaining/clause_compare.html", {"clauses": clauses})
