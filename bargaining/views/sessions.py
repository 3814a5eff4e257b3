"""Web pages of negotiation sessions and their notes, and tabling clause versions in a session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from bargaining.forms import (
    APPEND_ONLY,
    ClauseVersionForm,
    NoteForm,
    SessionForm,
)
from bargaining.models import (
    BargainingUnit,
    Clause,
    ClauseVersion,
    NegotiationSession,
    SessionNote,
)
from bargaining.services import add_session_note, log_session, table_clause_version
from plumbing.forms import add_service_errors
from plumbing.pages import (
    delete_page,
    get_editable_or_403,
    get_visible_or_404,
    history_page,
    record_form_page,
)
from plumbing.records import may_edit


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
        saved=_("Session logged. Table the clause versions discussed in it below."),
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
        saved=_("Session saved."),
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
        saved=_("Note added."),
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
        saved=_("Note saved."),
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
                messages.success(
                    request,
                    _("Tabled version %(number)s of %(clause)s.")
                    % {"number": version.number, "clause": version.clause},
                )
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
