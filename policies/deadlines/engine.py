"""The deadline engine: every dated obligation Caucus records, for one reader, overdue and upcoming.

Each kind is read by one query built from its model's `visible_to(user)`, so only what the reader may see is
ever listed, counted or sent, and the number of queries does not grow with the number of items. Items belong to
the unions the reader is a member of; shared records (a tool's privacy agreement, a deployed tool's review)
count when one of those unions consults about them.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bargaining.access import is_signed_in, union_ids
from bargaining.models import Agreement, AgreementStatus
from consultations.models import (
    Consultation,
    ConsultationEvent,
    EdTechTool,
    EventKind,
    PrivacyAgreementStatus,
    ProcurementProposal,
    ProposalStatus,
)
from plumbing.due import DUE_SOON_DAYS, due_state
from policies.deadlines.models import Task


class Kind(models.TextChoices):
    CONSULTATION_RESPONSE = "consultation_response", _("Consultation response due")
    INFORMATION_REQUEST = "information_request", _("Answer to an information request due")
    AGREEMENT_EXPIRY = "agreement_expiry", _("Agreement expires")
    REOPENER = "reopener", _("Last day to give notice to reopen")
    PRIVACY_AGREEMENT = "privacy_agreement", _("Privacy agreement expires")
    TOOL_REVIEW = "tool_review", _("Review of the tool due")
    TASK = "task", _("Task due")


@dataclass(frozen=True)
class Deadline:
    kind: str
    due: datetime.date
    record: models.Model
    title: str
    union: object | None  # the owning Union; None for a shared record
    today: datetime.date
    computed: bool = False  # counted from a rule, not entered by an officer

    @property
    def uid(self) -> str:
        """Stable across runs and edits of the date, so calendars replace an event rather than add one."""
        return f"{self.kind}-{self.record.pk}@caucus"

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def overdue(self) -> bool:
        return self.due < self.today

    @property
    def days_left(self) -> int:
        return (self.due - self.today).days

    @property
    def days_overdue(self) -> int:
        return -self.days_left

    @property
    def due_soon(self) -> bool:
        return 0 <= self.days_left <= DUE_SOON_DAYS

    @property
    def url(self) -> str:
        return self.record.get_absolute_url()

    @property
    def state(self) -> str:
        """In words, for marks that must not rely on colour."""
        return due_state(self.due, self.today)


def one_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def deadlines_for(
    user,
    *,
    today: datetime.date | None = None,
    due_to: datetime.date | None = None,
    due_from: datetime.date | None = None,
    overdue: bool | None = None,
    kinds=None,
    union=None,
) -> list[Deadline]:
    """What `user` must do and may see, oldest first: open items of the unions they belong to.

    `overdue` True keeps only what is past due, False only what is not; `due_from`/`due_to` bound the due date;
    `kinds` and `union` (a Union or its id) narrow further.
    """
    if not is_signed_in(user):
        return []
    today = today or datetime.date.today()
    unions = union_ids(user)
    if union is not None:
        unions = unions.filter(union_id=getattr(union, "pk", union))
    readers = {
        Kind.CONSULTATION_RESPONSE: _consultations,
        Kind.INFORMATION_REQUEST: _information_requests,
        Kind.AGREEMENT_EXPIRY: _agreements,
        Kind.PRIVACY_AGREEMENT: _privacy_agreements,
        Kind.TOOL_REVIEW: _reviews,
        Kind.TASK: _tasks,
    }
    wanted = set(kinds or Kind.values)
    if Kind.REOPENER in wanted:
        wanted.add(Kind.AGREEMENT_EXPIRY)  # both come from the agreements' query
    items = []
    for kind, read in readers.items():
        if kind in wanted:
            items.extend(read(user, unions, today))
    items = [
        item
        for item in items
        if item.kind in (kinds or Kind.values)
        and (overdue is None or item.overdue == overdue)
        and (due_from is None or item.due >= due_from)
        and (due_to is None or item.due <= due_to)
    ]
    return sorted(items, key=lambda item: (item.due, item.kind, item.record.pk))


def _consultations(user, unions, today):
    consultations = (
        Consultation.objects.visible_to(user)
        .open()
        .filter(union__in=unions)
        .with_notice_date(user)
        .select_related("union", "proposal__employer")
    )
    for consultation in consultations:
        yield Deadline(
            kind=Kind.CONSULTATION_RESPONSE,
            due=consultation.due_on,
            record=consultation,
            # Translators: the employer, then the title of the proposal consulted on.
            title=gettext("Response to %(employer)s: %(title)s")
            % {"employer": consultation.proposal.employer, "title": consultation.proposal.title},
            union=consultation.union,
            today=today,
            computed=consultation.response_deadline is None,
        )


def _information_requests(user, unions, today):
    """Requests of an open consultation not yet answered: no document received from the employer since."""
    answered = ConsultationEvent.objects.visible_to(user).filter(
        consultation=OuterRef("consultation"),
        kind=EventKind.DOCUMENT_RECEIVED,
        occurred_on__gte=OuterRef("occurred_on"),
    )
    requests = (
        ConsultationEvent.objects.visible_to(user)
        .filter(
            kind=EventKind.INFORMATION_REQUEST,
            consultation__in=Consultation.objects.visible_to(user).open().filter(union__in=unions),
        )
        .exclude(Exists(answered))
        .select_related("consultation__union", "consultation__proposal__employer")
    )
    for event in requests:
        consultation = event.consultation
        yield Deadline(
            kind=Kind.INFORMATION_REQUEST,
            due=event.answer_due,
            record=event,
            # Translators: the employer, then the title of the proposal consulted on.
            title=gettext("Answer from %(employer)s: %(title)s")
            % {"employer": consultation.proposal.employer, "title": consultation.proposal.title},
            union=consultation.union,
            today=today,
            computed=event.answer_due_on is None,
        )


def _agreements(user, unions, today):
    renewed = Agreement.objects.filter(
        bargaining_unit=OuterRef("bargaining_unit"),
        kind=OuterRef("kind"),
        term_end__gt=OuterRef("term_end"),
        status__in=[AgreementStatus.TENTATIVE, AgreementStatus.RATIFIED],
    )
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(
            bargaining_unit__union__in=unions,
            archived_on__isnull=True,
            term_end__isnull=False,
        )
        .exclude(status=AgreementStatus.EXPIRED)
        .exclude(Exists(renewed))
        .select_related("bargaining_unit__union")
    )
    for agreement in agreements:
        union = agreement.bargaining_unit.union
        yield Deadline(Kind.AGREEMENT_EXPIRY, agreement.term_end, agreement, agreement.title, union, today)
        if agreement.term_end >= today:  # once expired, the chance to reopen is gone: the expiry says it all
            yield Deadline(Kind.REOPENER, agreement.reopener_notice_by, agreement, agreement.title, union, today)


def _consulted_about(user, unions, path: str):
    """Whether one of the reader's unions consults (visibly to them) about the outer row."""
    return Exists(Consultation.objects.visible_to(user).filter(union__in=unions, **{path: OuterRef("pk")}))


def _privacy_agreements(user, unions, today):
    tools = (
        EdTechTool.objects.visible_to(user)
        .filter(archived_on__isnull=True, privacy_agreement_expires_on__isnull=False)
        .exclude(privacy_agreement_status__in=[PrivacyAgreementStatus.NONE, PrivacyAgreementStatus.REQUESTED])
        .filter(_consulted_about(user, unions, "proposal__tool"))
        .select_related("vendor")
    )
    for tool in tools:
        yield Deadline(
            Kind.PRIVACY_AGREEMENT, tool.privacy_agreement_expires_on, tool, f"{tool.name} ({tool.vendor})", None, today
        )


def _reviews(user, unions, today):
    proposals = (
        ProcurementProposal.objects.visible_to(user)
        .filter(status__in=[ProposalStatus.APPROVED, ProposalStatus.DEPLOYED])
        .filter(_consulted_about(user, unions, "proposal"))
        .select_related("employer", "tool")
    )
    for proposal in proposals:
        started = proposal.deployed_on or proposal.proposed_start
        if proposal.review_on is None and started is None:
            continue  # nothing to count from yet
        due = proposal.review_on or one_year_after(started)
        # Translators: a tool, then the employer that uses it.
        title = gettext("%(tool)s at %(employer)s") % {"tool": proposal.tool, "employer": proposal.employer}
        yield Deadline(Kind.TOOL_REVIEW, due, proposal, title, None, today, computed=proposal.review_on is None)


def _tasks(user, unions, today):
    tasks = Task.objects.visible_to(user).open().filter(union__in=unions).select_related("union", "assignee")
    for task in tasks:
        yield Deadline(Kind.TASK, task.due_on, task, task.title, task.union, today)
