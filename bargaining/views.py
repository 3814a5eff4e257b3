"""Web pages of bargaining: units, agreements, clauses, sessions and their notes, tabling clause versions,
comparing clauses. Each record has its add, edit, history and delete pages here.

The pages that join other apps (a unit's coverage against model clauses, the clause library with its
tools and consultations, rating a clause against the model clause, the dashboard) live in the layers above.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bargaining.filters import BargainingUnitFilter
from bargaining.forms import (
    APPEND_ONLY,
    AgreementForm,
    ClauseForm,
    ClauseVersionForm,
    NewClauseForm,
    NoteForm,
    SessionForm,
    TableVersionForm,
    UnitForm,
)
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    ClauseVersion,
    Employer,
    NegotiationSession,
    SessionNote,
    Union,
)
from bargaining.services import add_clause, add_session_note, log_session, table_clause_version
from plumbing.forms import add_service_errors
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
from plumbing.records import may_edit

ONLY_OFFICERS = "Only union officers may add bargaining records."

# Bargaining units


def unit_list(request):
    units = BargainingUnit.objects.visible_to(request.user).select_related("union", "employer")
    context = filtered_page(request, BargainingUnitFilter, units, primary=["union", "employer", "job_group"])
    context["can_add"] = BargainingUnit.objects.may_add(request.user)
    return render(request, "bargaining/unit_list.html", context)


def _unit_form(request, instance=None):
    user = request.user
    return UnitForm(
        request.POST or None,
        instance=instance,
        unions=Union.objects.editable_by(user),
        employers=Employer.objects.visible_to(user),
    )


@login_required
def unit_create(request):
    require_may_add(BargainingUnit, request.user, ONLY_OFFICERS)
    return record_form_page(
        request, _unit_form(request), template="bargaining/unit_form.html", saved="Bargaining unit added."
    )


@login_required
def unit_edit(request, pk):
    unit = get_editable_or_403(BargainingUnit.objects.select_related("union"), request.user, pk=pk)
    return record_form_page(
        request,
        _unit_form(request, unit),
        template="bargaining/unit_form.html",
        context={"unit": unit},
        saved="Bargaining unit saved.",
    )


def unit_history(request, pk):
    return history_page(request, get_visible_or_404(BargainingUnit, request.user, pk=pk))


@login_required
def unit_delete(request, pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=pk)
    return delete_page(request, unit, gone_to=reverse("unit_list"))


# Agreements


def agreement_detail(request, pk):
    user = request.user
    agreement = get_visible_or_404(
        Agreement.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
    )
    clauses = (
        Clause.objects.visible_to(user).filter(agreement=agreement).with_current().select_related("topic").by_article()
    )
    return render(
        request,
        "bargaining/agreement_detail.html",
        {"agreement": agreement, "clauses": clauses, "can_edit": may_edit(user, agreement)},
    )


@login_required
def agreement_create(request, unit_pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=unit_pk)
    form = AgreementForm(request.POST or None, bargaining_unit=unit, initial={"visibility": unit.visibility})
    return record_form_page(
        request,
        form,
        template="bargaining/agreement_form.html",
        context={"unit": unit},
        saved="Agreement added. Add its articles below.",
    )


@login_required
def agreement_edit(request, pk):
    agreement = get_editable_or_403(Agreement.objects.select_related("bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        AgreementForm(request.POST or None, instance=agreement),
        template="bargaining/agreement_form.html",
        context={"unit": agreement.bargaining_unit, "agreement": agreement},
        saved="Agreement saved.",
    )


def agreement_history(request, pk):
    return history_page(request, get_visible_or_404(Agreement, request.user, pk=pk))


@login_required
@require_POST
def agreement_archive(request, pk):
    return archive_action(request, get_editable_or_403(Agreement, request.user, pk=pk))


@login_required
def agreement_delete(request, pk):
    agreement = get_editable_or_403(Agreement, request.user, pk=pk)
    return delete_page(request, agreement, gone_to=reverse("unit_detail", args=[agreement.bargaining_unit_id]))


# Clauses (their pages with lineage and redline are the clause library's, in consultations)


@login_required
def clause_create(request, agreement_pk):
    user = request.user
    agreement = get_editable_or_403(Agreement.objects.select_related("bargaining_unit"), user, pk=agreement_pk)
    sessions = (
        NegotiationSession.objects.editable_by(user)
        .visible_to(user)
        .filter(bargaining_unit=agreement.bargaining_unit_id)
    )
    form = NewClauseForm(
        request.POST or None, agreement=agreement, sessions=sessions, initial={"visibility": agreement.visibility}
    )

    def save(form):
        return add_clause(agreement=agreement, user=user, first_version=form.first_version(), **form.clause_fields())

    return record_form_page(
        request,
        form,
        template="bargaining/clause_form.html",
        context={"agreement": agreement, "append_only": APPEND_ONLY},
        saved="Article added.",
        save=save,
    )


@login_required
def clause_edit(request, pk):
    clause = get_editable_or_403(Clause.objects.select_related("agreement"), request.user, pk=pk)
    return record_form_page(
        request,
        ClauseForm(request.POST or None, instance=clause),
        template="bargaining/clause_form.html",
        context={"agreement": clause.agreement, "clause": clause, "append_only": APPEND_ONLY},
        saved="Clause saved.",
    )


def clause_history(request, pk):
    return history_page(
        request,
        get_visible_or_404(Clause, request.user, pk=pk),
        context={"notice": "The texts tabled for this clause are its lineage, on its page: they are never changed."},
    )


@login_required
def clause_delete(request, pk):
    clause = get_editable_or_403(Clause, request.user, pk=pk)
    return delete_page(request, clause, gone_to=reverse("agreement_detail", args=[clause.agreement_id]))


@login_required
def clause_table(request, pk):
    """Table a new version of a clause, from its page: in a session it may be tabled in, or on a date of its own."""
    user = request.user
    clause = get_editable_or_403(Clause.objects.select_related("agreement"), user, pk=pk)
    sessions = NegotiationSession.objects.editable_by(user).visible_to(user).open_to(clause)
    latest = clause.latest_version
    form = TableVersionForm(request.POST or None, sessions=sessions, initial={"text": latest.text if latest else ""})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                version = table_clause_version(clause=clause, user=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Tabled version {version.number} of {clause}.")
                return redirect(reverse("clause_detail", args=[clause.pk]) + "#redline")
    return render(
        request,
        "bargaining/clause_table_form.html",
        {"form": form, "clause": clause, "latest": latest, "append_only": APPEND_ONLY},
        status=status,
    )


# Negotiation sessions and their notes


@login_required
def session_create(request, unit_pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=unit_pk)
    form = SessionForm(request.POST or None, bargaining_unit=unit, initial={"visibility": unit.visibility})

    def save(form):
        fields = {name: value for name, value in form.cleaned_data.items() if name != "notes"}
        return log_session(bargaining_unit=unit, user=request.user, notes=form.cleaned_data["notes"], **fields)

    return record_form_page(
        request,
        form,
        template="bargaining/session_form.html",
        context={"unit": unit},
        saved="Session logged. Table the clause versions discussed in it below.",
        save=save,
    )


def session_detail(request, pk):
    user = request.user
    session = get_visible_or_404(
        NegotiationSession.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
    )
    versions = (
        ClauseVersion.objects.visible_to(user)
        .filter(session=session)
        .select_related("clause")
        .order_by("clause__article_key", "clause__pk", "number")
    )
    notes = SessionNote.objects.visible_to(user).filter(session=session).select_related("author")
    can_edit = may_edit(user, session)
    editable_notes = set(notes.editable_by(user).values_list("pk", flat=True)) if can_edit else set()
    clauses = _tableable_clauses(session, user) if can_edit else Clause.objects.none()
    return render(
        request,
        "bargaining/session_detail.html",
        {
            "session": session,
            "versions": versions,
            "notes": notes,
            "editable_notes": editable_notes,
            "can_edit": can_edit,
            "clauses": clauses,
        },
    )


def _tableable_clauses(session, user):
    return (
        Clause.objects.editable_by(user)
        .visible_to(user)
        .tableable_in(session)
        .select_related("agreement")
        .order_by("agreement__title", "article_key")
    )


@login_required
def session_edit(request, pk):
    session = get_editable_or_403(NegotiationSession.objects.select_related("bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        SessionForm(request.POST or None, instance=session),
        template="bargaining/session_form.html",
        context={"unit": session.bargaining_unit, "session": session},
        saved="Session saved.",
    )


def session_history(request, pk):
    # The notes are records of their own, with histories of their own: this one tells the session's fields.
    return history_page(request, get_visible_or_404(NegotiationSession, request.user, pk=pk))


@login_required
def session_delete(request, pk):
    session = get_editable_or_403(NegotiationSession, request.user, pk=pk)
    return delete_page(request, session, gone_to=reverse("unit_detail", args=[session.bargaining_unit_id]))


@login_required
def note_create(request, session_pk):
    user = request.user
    session = get_editable_or_403(NegotiationSession.objects.select_related("bargaining_unit"), user, pk=session_pk)
    form = NoteForm(request.POST or None, session=session)

    def save(form):
        return add_session_note(session=session, user=user, **form.cleaned_data)

    return record_form_page(
        request,
        form,
        template="bargaining/note_form.html",
        context={"session": session},
        saved="Note added.",
        save=save,
    )


@login_required
def note_edit(request, pk):
    note = get_editable_or_403(SessionNote.objects.select_related("session__bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        NoteForm(request.POST or None, instance=note),
        template="bargaining/note_form.html",
        context={"session": note.session, "note": note},
        saved="Note saved.",
    )


def note_history(request, pk):
    return history_page(request, get_visible_or_404(SessionNote, request.user, pk=pk))


@login_required
def note_delete(request, pk):
    note = get_editable_or_403(SessionNote, request.user, pk=pk)
    return delete_page(request, note, gone_to=reverse("session_detail", args=[note.session_id]))


@login_required
def version_create(request, session_pk):
    """Table a clause version in a session; `?clause=` starts from that clause's current text."""
    user = request.user
    session = get_editable_or_403(NegotiationSession, user, pk=session_pk)
    clauses = _tableable_clauses(session, user)
    status = 200
    if request.method == "POST":
        status = 400
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
    return render(
        request,
        "bargaining/version_form.html",
        {"form": form, "session": session, "append_only": APPEND_ONLY},
        status=status,
    )


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
