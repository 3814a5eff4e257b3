"""Bargaining workflows. The web pages and the API both call these."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bargaining.access import Visibility
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    ClauseVersion,
    ModelRating,
    NegotiationSession,
    SessionNote,
    Topic,
)


def _author(user):
    return user if user is not None and user.is_authenticated else None


def _save_by(record, user):
    """Save `record` with `user` named in its history (a web request names them anyway; a script does not)."""
    if _author(user) is not None:
        record._history_user = user
    record.save()
    return record


@transaction.atomic
def log_session(
    *,
    bargaining_unit: BargainingUnit,
    held_on: datetime.date,
    user=None,
    location: str = "",
    attendees: str = "",
    next_steps: str = "",
    visibility: str = Visibility.MEMBERS,
    notes: str = "",
) -> NegotiationSession:
    """Record a session at the table, with the union side's notes (kept internal), all or nothing.

    Raises ValidationError naming the field at fault.
    """
    session = NegotiationSession(
        bargaining_unit=bargaining_unit,
        held_on=held_on,
        location=location,
        attendees=attendees,
        next_steps=next_steps,
        visibility=visibility,
        created_by=_author(user),
    )
    session.full_clean()
    _save_by(session, user)
    if notes.strip():
        add_session_note(session=session, body=notes, visibility=Visibility.INTERNAL, user=user)
    return session


@transaction.atomic
def add_session_note(
    *, session: NegotiationSession, body: str, visibility: str = Visibility.INTERNAL, user=None
) -> SessionNote:
    """Add the union side's note to a session. Raises ValidationError naming the field at fault."""
    note = SessionNote(session=session, body=body, visibility=visibility, author=_author(user))
    note.full_clean()
    return _save_by(note, user)


@transaction.atomic
def table_clause_version(
    *,
    clause: Clause,
    text: str,
    tabled_by: str,
    status: str,
    user=None,
    session: NegotiationSession | None = None,
    tabled_on: datetime.date | None = None,
) -> ClauseVersion:
    """Append a new version to a clause's lineage; the earlier versions are never touched.

    Raises ValidationError (naming the field) when the version is invalid.
    """
    # Lock the clause so two officers tabling at once get consecutive numbers, not a clash.
    Clause.objects.select_for_update().filter(pk=clause.pk).first()
    previous = clause.versions.order_by("-number").first()
    date_field = "tabled_on" if tabled_on is not None else ("session" if session else "tabled_on")
    if tabled_on is None:
        tabled_on = session.held_on if session else datetime.date.today()
    # The lineage reads in tabling order: a version dated before the one it answers would scramble it.
    if previous is not None and tabled_on < previous.tabled_on:
        raise ValidationError(
            {
                date_field: _(
                    "Version %(number)s was tabled on %(tabled_on)s; a new version cannot be dated before it "
                    "(%(date)s)."
                )
                % {
                    "number": previous.number,
                    "tabled_on": date_format(previous.tabled_on, "d M Y"),
                    "date": date_format(tabled_on, "d M Y"),
                }
            }
        )
    last = previous.number if previous is not None else 0
    version = ClauseVersion(
        clause=clause,
        number=last + 1,
        text=text,
        tabled_by=tabled_by,
        status=status,
        session=session,
        tabled_on=tabled_on,
        created_by=_author(user),
    )
    version.full_clean(exclude=["number"])
    return _save_by(version, user)


@transaction.atomic
def add_clause(
    *,
    agreement: Agreement,
    article_number: str,
    title: str,
    topic: Topic,
    user=None,
    visibility: str = Visibility.MEMBERS,
    model_rating: str = ModelRating.UNRATED,
    first_version: dict | None = None,
) -> Clause:
    """Add an article to an agreement and, if given, table its first version, all or nothing.

    `first_version` holds table_clause_version's arguments (text, tabled_by, status, session, tabled_on).
    Raises ValidationError naming the field at fault.
    """
    clause = Clause(
        agreement=agreement,
        article_number=article_number,
        title=title,
        topic=topic,
        visibility=visibility,
        model_rating=model_rating,
    )
    clause.full_clean()
    _save_by(clause, user)
    if first_version:
        table_clause_version(clause=clause, user=user, **first_version)
    return clause
