"""A tool's history: everything a user may see about one EdTech tool, across employers, newest first."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _

from bargaining.models import ClauseVersion, Employer, Union
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal
from plumbing.bilingual import text_in
from plumbing.keyset import InvalidCursor, KeysetPage, read_cursor, write_cursor
from policies.models import Position


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "proposal", "consultation_event", "position" or "clause_version"
    date: datetime.date
    title: str
    summary: str
    union: Union | None
    employer: Employer | None
    obj: models.Model


# The order of sources within one day: proposals before the events, positions and versions that answer them.
_SOURCES = ("proposal", "consultation_event", "position", "clause_version")
_SIGNATURE = ["tool-timeline:date", "source", "pk"]
PER_PAGE = 25


def tool_timeline(tool: EdTechTool, user, cursor: str | None = None, *, per_page: int = PER_PAGE) -> KeysetPage:
    """One page of what `user` may see about `tool` (proposals, consultation events, positions and clause
    versions), newest first, from `cursor` (the page's `next_cursor`; InvalidCursor when it was not made here).

    Paged in the database: each of the four sources is read once, ordered by date and cut at the page size
    after the cursor, then the four short lists are merged, so a page costs four small queries whatever the
    tool's history holds. Events and clause versions are reached only through proposals the user may see,
    so a visitor who is not signed in sees only public positions.
    """
    position = read_cursor(cursor, _SIGNATURE) if cursor else None
    if position is not None and not isinstance(position[0], datetime.date):
        raise InvalidCursor(_("This cursor is not one this list gave: start again from the first page."))
    proposals = ProcurementProposal.objects.visible_to(user).filter(tool=tool)
    consultations = Consultation.objects.visible_to(user).filter(proposal__in=proposals)
    sources = {
        "proposal": (proposals.select_related("employer"), F("announced_on"), _proposal_entry),
        "consultation_event": (
            ConsultationEvent.objects.visible_to(user)
            .filter(consultation__in=consultations)
            .select_related("consultation__union", "consultation__proposal__employer"),
            F("occurred_on"),
            _event_entry,
        ),
        "position": (
            Position.objects.visible_to(user)
            .filter(Q(tool=tool) | Q(proposal__tool=tool))
            .select_related("union", "proposal__employer"),
            # A draft has no adoption date yet: it sits on the timeline where it was written.
            Coalesce(F("adopted_on"), TruncDate("created_at", tzinfo=datetime.UTC)),
            _position_entry,
        ),
        "clause_version": (
            ClauseVersion.objects.visible_to(user)
            .dated_for(user)
            .filter(clause__in=consultations.values("resulting_clauses"))
            .select_related(
                "clause__agreement__bargaining_unit__union", "clause__agreement__bargaining_unit__employer"
            ),
            F("tabled_on"),
            _version_entry,
        ),
    }
    keyed = []
    for rank, kind in enumerate(_SOURCES):
        queryset, date, entry = sources[kind]
        rows = (
            queryset.annotate(timeline_date=date)
            .filter(_after(rank, position))
            .order_by("-timeline_date", "-pk")[: per_page + 1]
        )
        keyed.extend(((row.timeline_date, -rank, row.pk), entry(row)) for row in rows)
    keyed.sort(key=lambda pair: pair[0], reverse=True)
    page = KeysetPage(rows=[entry for _key, entry in keyed[:per_page]])
    if len(keyed) > per_page:
        date, rank, pk = keyed[per_page - 1][0]
        page.next_cursor = write_cursor([date, -rank, pk], _SIGNATURE)
    return page


def _after(rank: int, position) -> Q:
    """The rows of the source of `rank` that come after `position` (date, rank, pk) in the timeline's order:
    newest first, then by source, then the newest row first."""
    if position is None:
        return Q()
    date, position_rank, pk = position
    if rank > position_rank:
        return Q(timeline_date__lte=date)
    if rank < position_rank:
        return Q(timeline_date__lt=date)
    return Q(timeline_date__lt=date) | Q(timeline_date=date, pk__lt=pk)


def _proposal_entry(proposal) -> TimelineEntry:
    return TimelineEntry(
        kind="proposal",
        date=proposal.announced_on,
        title=_("%(employer)s proposed: %(title)s") % {"employer": proposal.employer, "title": proposal.title},
        summary=(
            # Translators: a proposal's status, then the purpose the employer gave for it.
            _("%(status)s. %(purpose)s") % {"status": proposal.get_status_display(), "purpose": proposal.purpose}
        ).strip(),
        union=None,
        employer=proposal.employer,
        obj=proposal,
    )


def _event_entry(event) -> TimelineEntry:
    consultation = event.consultation
    return TimelineEntry(
        kind="consultation_event",
        date=event.occurred_on,
        # Translators: an event's kind, then the union's short name and the title of the proposal consulted on.
        title=_("%(kind)s — %(union)s consultation on %(proposal)s")
        % {
            "kind": event.get_kind_display(),
            "union": consultation.union.short_name,
            "proposal": consultation.proposal.title,
        },
        summary=event.summary,
        union=consultation.union,
        employer=consultation.proposal.employer,
        obj=event,
    )


def _position_entry(position) -> TimelineEntry:
    return TimelineEntry(
        kind="position",
        date=position.timeline_date,
        title=text_in(position, "title").text,
        # Translators: a position's stance, then its status in lower case, such as "Oppose (adopted)".
        summary=_("%(stance)s (%(status)s)")
        % {"stance": position.get_stance_display(), "status": position.get_status_display().lower()},
        union=position.union,
        employer=position.proposal.employer if position.proposal_id else None,
        obj=position,
    )


def _version_entry(version) -> TimelineEntry:
    unit = version.clause.agreement.bargaining_unit
    return TimelineEntry(
        kind="clause_version",
        date=version.tabled_on,
        # Translators: a clause, then "v" for "version" and the version's number, such as "Class size v2".
        title=_("%(clause)s v%(number)s") % {"clause": version.clause, "number": version.number},
        # Translators: a clause version's status, then the side that tabled it in lower case ("union", "employer").
        summary=_("%(status)s, tabled by %(side)s")
        % {"status": version.get_status_display(), "side": version.get_tabled_by_display().lower()},
        union=unit.union,
        employer=unit.employer,
        obj=version,
    )
