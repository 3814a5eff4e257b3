"""A tool's history: everything a user may see about one EdTech tool, across employers, newest first."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from bargaining.models import ClauseVersion, Employer, Union
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal
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


def tool_timeline(tool: EdTechTool, user) -> list[TimelineEntry]:
    """Proposals, consultation events, positions and clause versions about `tool` that `user` may see.

    Four queries whatever the number of rows. Events and clause versions are reached only through
    proposals the user may see, so a visitor who is not signed in sees only public positions.
    """
    proposals = ProcurementProposal.objects.visible_to(user).filter(tool=tool)
    consultations = Consultation.objects.visible_to(user).filter(proposal__in=proposals)
    events = (
        ConsultationEvent.objects.visible_to(user)
        .filter(consultation__in=consultations)
        .select_related("consultation__union", "consultation__proposal__employer")
    )
    positions = (
        Position.objects.visible_to(user)
        .filter(Q(tool=tool) | Q(proposal__tool=tool))
        .select_related("union", "proposal__employer")
    )
    versions = (
        ClauseVersion.objects.visible_to(user)
        .dated_for(user)
        .filter(clause__in=consultations.values("resulting_clauses"))
        .select_related("clause__agreement__bargaining_unit__union", "clause__agreement__bargaining_unit__employer")
    )
    entries = [
        *(_proposal_entry(proposal) for proposal in proposals.select_related("employer")),
        *(_event_entry(event) for event in events),
        *(_position_entry(position) for position in positions),
        *(_version_entry(version) for version in versions),
    ]
    # Stable sort: on one day, proposals come before the events and positions that answer them.
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def _proposal_entry(proposal) -> TimelineEntry:
    return TimelineEntry(
        kind="proposal",
        date=proposal.announced_on,
        title=f"{proposal.employer} proposed: {proposal.title}",
        summary=f"{proposal.get_status_display()}. {proposal.purpose}".strip(),
        union=None,
        employer=proposal.employer,
        obj=proposal,
    )


def _event_entry(event) -> TimelineEntry:
    consultation = event.consultation
    return TimelineEntry(
        kind="consultation_event",
        date=event.occurred_on,
        title=f"{event.get_kind_display()} — {consultation.union.short_name} consultation on "
        f"{consultation.proposal.title}",
        summary=event.summary,
        union=consultation.union,
        employer=consultation.proposal.employer,
        obj=event,
    )


def _position_entry(position) -> TimelineEntry:
    # A draft has no adoption date yet: it sits on the timeline where it was written.
    date = position.adopted_on or position.created_at.date()
    return TimelineEntry(
        kind="position",
        date=date,
        title=position.title,
        summary=f"{position.get_stance_display()} ({position.get_status_display().lower()})",
        union=position.union,
        employer=position.proposal.employer if position.proposal_id else None,
        obj=position,
    )


def _version_entry(version) -> TimelineEntry:
    unit = version.clause.agreement.bargaining_unit
    return TimelineEntry(
        kind="clause_version",
        date=version.tabled_on,
        title=f"{version.clause} v{version.number}",
        summary=f"{version.get_status_display()}, tabled by {version.get_tabled_by_display().lower()}",
        union=unit.union,
        employer=unit.employer,
        obj=version,
    )
