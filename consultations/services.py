"""Consultation and proposal workflows. The web pages, the API and the admin all call these."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from bargaining.access import VISIBILITY_RANK, Visibility
from bargaining.models import DocumentLanguage, StaleEditError
from consultations.models import (
    Consultation,
    ConsultationEvent,
    EdTechTool,
    EventKind,
    ProcurementProposal,
    Vendor,
)
from plumbing.records import record_version


def _author(user):
    return user if user is not None and user.is_authenticated else None


def _save_by(record, user, **kwargs):
    if _author(user) is not None:
        record._history_user = user
    record.save(**kwargs)
    return record


@transaction.atomic
def add_consultation_event(
    *,
    consultation: Consultation,
    kind: str,
    summary: str,
    occurred_on: datetime.date,
    visibility: str,
    user=None,
    answer_due_on: datetime.date | None = None,
) -> ConsultationEvent:
    """Add an event to a consultation's timeline. Raises ValidationError naming the field at fault."""
    event = ConsultationEvent(
        consultation=consultation,
        kind=kind,
        summary=summary,
        occurred_on=occurred_on,
        visibility=visibility,
        author=_author(user),
        answer_due_on=answer_due_on,
    )
    event.full_clean()
    return _save_by(event, user)


@transaction.atomic
def move_consultation_stage(*, consultation: Consultation, stage: str, user=None) -> Consultation:
    """Move a consultation to another stage, and say so on its timeline. Raises ValidationError naming `stage`."""
    return edit_consultation(consultation=consultation, user=user, changes={"stage": stage})


@transaction.atomic
def edit_consultation(
    *,
    consultation: Consultation,
    user,
    changes: dict,
    resulting_clauses=None,
    read_version: str | None = None,
) -> Consultation:
    """Save an edit of a consultation (and, if given, the clauses that came out of it).

    A change of stage, response deadline or visibility is told on the timeline by an event of its own
    (see `_tell_the_timeline`). Raises ValidationError naming the field at fault, or StaleEditError when
    the consultation changed since `read_version`.
    """
    current = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if read_version is not None and record_version(current) != read_version:
        raise StaleEditError(current)
    before = {name: getattr(current, name) for name in TOLD}
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    if resulting_clauses is not None:
        try:
            current.clean_resulting_clauses(resulting_clauses)
        except ValidationError as error:
            raise ValidationError({"resulting_clauses": error.messages}) from error
    _save_by(current, user)
    if resulting_clauses is not None:
        current.resulting_clauses.set(resulting_clauses)
    _tell_the_timeline(current, before, user)
    return current


def _deadline(value) -> str:
    # Translators: a response deadline that was removed ("Response deadline changed from 3 Mar 2025 to none.").
    return date_format(value, "j M Y") if value else pgettext("response deadline", "none")


# The changes a consultation's timeline tells, and how each is said. The sentence is stored as the event's
# summary, so it is written in the union's language (both, Welsh first, for a union that works bilingually),
# whoever makes the change.
TOLD = {
    "stage": lambda old, new, c: (
        _("Stage moved from “%(old)s” to “%(new)s”.") % {"old": _label(c, "stage", old), "new": _label(c, "stage", new)}
    ),
    "response_deadline": lambda old, new, c: (
        _("Response deadline set to %(new)s.") % {"new": _deadline(new)}
        if old is None
        else _("Response deadline changed from %(old)s to %(new)s.") % {"old": _deadline(old), "new": _deadline(new)}
    ),
    "visibility": lambda old, new, c: (
        _("Visibility changed from “%(old)s” to “%(new)s”.")
        % {"old": _label(c, "visibility", old), "new": _label(c, "visibility", new)}
    ),
}


def _in_the_unions_language(consultation: Consultation, say, old, new) -> str:
    sentences = []
    for language in DocumentLanguage(consultation.union.document_language).languages:
        with translation.override(language):
            sentences.append(say(old, new, consultation))
    return " / ".join(sentences)


def _label(consultation, field: str, value) -> str:
    return str(dict(consultation._meta.get_field(field).flatchoices).get(value, value))


def _tell_the_timeline(consultation: Consultation, before: dict, user) -> None:
    """One "record updated" event per told change, by `user`, dated today.

    Each is shown to no one who could not read the consultation both before and after the change: its
    visibility is the narrower of the two. Widening a consultation from internal to members does not tell
    members that it was once internal; narrowing it does not leave the old audience a trace of what followed.
    """
    shown_to = min(before["visibility"], consultation.visibility, key=lambda value: VISIBILITY_RANK[value])
    for name, say in TOLD.items():
        old, new = before[name], getattr(consultation, name)
        if old == new:
            continue
        event = ConsultationEvent(
            consultation=consultation,
            occurred_on=timezone.localdate(),
            kind=EventKind.RECORD_CHANGE,
            summary=_in_the_unions_language(consultation, say, old, new),
            author=_author(user),
            visibility=Visibility(shown_to),
        )
        event.recorded_automatically = True
        event.full_clean()
        _save_by(event, user)


# Procurement proposals, with a tool (and its vendor) that may not be in the registry yet


@dataclass(frozen=True)
class NewTool:
    """A tool to add to the registry with a proposal: by an existing vendor, or by a vendor new to it."""

    name: str
    category: str
    vendor: Vendor | None = None
    vendor_name: str = ""


@transaction.atomic
def record_proposal(
    *, proposal: ProcurementProposal, user, new_tool: NewTool | None = None, read_version: str | None = None
) -> ProcurementProposal:
    """Save a proposal (new or edited); with `new_tool`, first add that tool, and its vendor if it is new.

    All or nothing: a refused proposal leaves no tool or vendor behind. Raises ValidationError naming the field
    at fault (`new_tool_name`, `new_tool_vendor`, `new_vendor_name` and `new_tool_category` for the new tool),
    or StaleEditError when the proposal changed since `read_version`.
    """
    if proposal.pk is not None and read_version is not None:
        current = ProcurementProposal.objects.select_for_update().get(pk=proposal.pk)
        if record_version(current) != read_version:
            raise StaleEditError(current)
    if new_tool is not None:
        proposal.tool = _add_tool(new_tool, user)
    proposal.full_clean()
    return _save_by(proposal, user)


def _add_tool(new_tool: NewTool, user) -> EdTechTool:
    vendor = new_tool.vendor
    if vendor is None:
        name = new_tool.vendor_name.strip()
        if not name:
            raise ValidationError({"new_tool_vendor": _("Choose the tool's vendor, or type the name of a new one.")})
        # A vendor typed by name that is already in the registry is that vendor, not a second one.
        vendor = Vendor.objects.filter(name__iexact=name).first() or _new_vendor(name, user)
    if EdTechTool.objects.filter(vendor=vendor, name__iexact=new_tool.name.strip()).exists():
        raise ValidationError(
            {
                "new_tool_name": _("%(tool)s by %(vendor)s is already in the registry: choose it from the list.")
                % {"tool": new_tool.name, "vendor": vendor}
            }
        )
    tool = EdTechTool(name=new_tool.name.strip(), vendor=vendor, category=new_tool.category)
    try:
        tool.full_clean()
    except ValidationError as error:
        raise ValidationError(_as_new_tool_errors(error)) from error
    return _save_by(tool, user)


def _new_vendor(name: str, user) -> Vendor:
    vendor = Vendor(name=name)
    try:
        vendor.full_clean()
    except ValidationError as error:
        raise ValidationError({"new_vendor_name": error.messages}) from error
    return _save_by(vendor, user)


NEW_TOOL_FIELDS = {"name": "new_tool_name", "category": "new_tool_category", "vendor": "new_tool_vendor"}


def _as_new_tool_errors(error: ValidationError) -> dict:
    if not hasattr(error, "error_dict"):
        return {"new_tool_name": error.messages}
    return {NEW_TOOL_FIELDS.get(field, "new_tool_name"): messages for field, messages in error.message_dict.items()}
