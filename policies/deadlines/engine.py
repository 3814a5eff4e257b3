"""The deadline engine: every dated obligation Caucus records, for one reader, overdue and upcoming.

Each kind is read by one query built from its model's `visible_to(user)`, so only what the reader may see is
ever listed, counted or sent, and the number of queries does not grow with the number of items. Due dates are
computed in SQL (the reader-dependent ones too), so the database filters, orders and cuts the lists. Items belong to
the unions the reader is a member of; shared records (a tool's privacy agreement, a deployed tool's review)
count when one of those unions consults about them.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q, Window
from django.db.models.functions import Coalesce, RowNumber
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
from plumbing.due import DUE_SOON_DAYS, OneYearAfter, due_state
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


def deadlines_for(
    user,
    *,
    today: datetime.date | None = None,
    due_to: datetime.date | None = None,
    due_from: datetime.date | None = None,
    overdue: bool | None = None,
    kinds=None,
    union=None,
    limit: int | None = None,
) -> list[Deadline]:
    """What `user` must do and may see, oldest first: open items of the unions they belong to.

    `overdue` True keeps only what is past due, False only what is not; `due_from`/`due_to` bound the due date;
    `kinds` and `union` (a Union or its id) narrow further; `limit` keeps the oldest so many. Due dates are
    computed, filtered, ordered and cut by the database: one query per kind, whatever the number of items.
    """
    if not is_signed_in(user):
        return []
    today = today or datetime.date.today()
    items = []
    for kind, rows in _due_rows(user, today, due_to, due_from, overdue, kinds, union):
        rows = rows.order_by("due", "pk")
        if limit is not None:
            rows = rows[:limit]
        items.extend(READERS[kind].item(row, today) for row in rows.select_related(*READERS[kind].related))
    items.sort(key=lambda item: (item.due, item.kind, item.record.pk))
    return items if limit is None else items[:limit]


class Deadlines:
    """`deadlines_for(user, **narrowing)` read a slice at a time, for a paged list: a slice asks each kind for no
    more items than the slice's end, so the first page of a union with thousands of open items stays cheap."""

    def __init__(self, user, **narrowing):
        self.user, self.narrowing = user, narrowing

    def __getitem__(self, part: slice) -> list[Deadline]:
        return deadlines_for(self.user, limit=part.stop, **self.narrowing)[part]


@dataclass(frozen=True)
class DueSoon:
    """The dashboard's view: the oldest `limit` overdue and upcoming items, and how many there are of each."""

    overdue: list[Deadline]
    overdue_count: int
    upcoming: list[Deadline]
    upcoming_count: int


def due_soon_for(user, *, today: datetime.date, due_to: datetime.date, limit: int) -> DueSoon:
    """What is overdue and what falls due by `due_to`, each cut at `limit` and counted, without pulling every item
    into Python: for each kind, a window function numbers and counts each side and keeps the first `limit` ids
    (a narrow query), then those few rows are read whole by id (a second query, only when there are any)."""
    overdue, upcoming, counts = [], [], {True: 0, False: 0}
    if not is_signed_in(user):
        return DueSoon([], 0, [], 0)
    late = ExpressionWrapper(Q(due__lt=today), output_field=BooleanField())
    for kind, rows in _due_rows(user, today, due_to=due_to):
        first = (
            rows.annotate(late=late)
            .annotate(
                place=Window(RowNumber(), partition_by=[F("late")], order_by=[F("due").asc(), F("pk").asc()]),
                of=Window(Count("pk"), partition_by=[F("late")]),
            )
            .filter(place__lte=limit)
            .values_list("pk", "due", "late", "of")
        )
        chosen, of_side = {}, {}
        for pk, due, is_late, of in first:
            chosen[pk] = (due, bool(is_late))
            of_side[bool(is_late)] = of  # every row of a side carries the side's count
        for side, of in of_side.items():
            counts[side] += of
        # The few rows chosen, read by id: they were chosen from the visible ones, so no rule needs applying again.
        reader = READERS[kind]
        for row in rows.model._default_manager.filter(pk__in=chosen).select_related(*reader.related) if chosen else ():
            row.due, is_late = chosen[row.pk]
            (overdue if is_late else upcoming).append(reader.item(row, today))
    key = lambda item: (item.due, item.kind, item.record.pk)  # noqa: E731
    return DueSoon(sorted(overdue, key=key)[:limit], counts[True], sorted(upcoming, key=key)[:limit], counts[False])


def _due_rows(user, today, due_to=None, due_from=None, overdue=None, kinds=None, union=None):
    """(kind, queryset annotated with `due`, narrowed as asked) for each kind wanted."""
    unions = union_ids(user)
    if union is not None:
        unions = unions.filter(union_id=getattr(union, "pk", union))
    for kind in kinds or Kind.values:
        rows = READERS[kind].rows(user, unions, today)
        if overdue is not None:
            rows = rows.filter(due__lt=today) if overdue else rows.filter(due__gte=today)
        if due_from is not None:
            rows = rows.filter(due__gte=due_from)
        if due_to is not None:
            rows = rows.filter(due__lte=due_to)
        yield kind, rows


# Each kind: the rows with their `due` date, visible to the reader and owned by one of `unions`; and its item.


def _consultations(user, unions, today):
    return Consultation.objects.visible_to(user).open().filter(union__in=unions).with_due_date(user)


def _consultation_item(consultation, today):
    return Deadline(
        kind=Kind.CONSULTATION_RESPONSE,
        due=consultation.due,
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
    return (
        ConsultationEvent.objects.visible_to(user)
        .filter(
            kind=EventKind.INFORMATION_REQUEST,
            consultation__in=Consultation.objects.visible_to(user).open().filter(union__in=unions),
        )
        .exclude(Exists(answered))
        .with_answer_due()
        .annotate(due=F("answer_due"))
    )


def _information_request_item(event, today):
    consultation = event.consultation
    return Deadline(
        kind=Kind.INFORMATION_REQUEST,
        due=event.due,
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
    return (
        Agreement.objects.visible_to(user)
        .filter(
            bargaining_unit__union__in=unions,
            archived_on__isnull=True,
            term_end__isnull=False,
        )
        .exclude(status=AgreementStatus.EXPIRED)
        .exclude(Exists(renewed))
        .annotate(due=F("term_end"))
    )


def _agreement_item(agreement, today):
    return Deadline(
        Kind.AGREEMENT_EXPIRY, agreement.due, agreement, agreement.title, agreement.bargaining_unit.union, today
    )


def _reopeners(user, unions, today):
    # Once expired, the chance to reopen is gone: the expiry says it all.
    return (
        _agreements(user, unions, today)
        .filter(term_end__gte=today)
        .with_reopener_date()
        .annotate(due=F("reopener_notice_by"))
    )


def _reopener_item(agreement, today):
    return Deadline(Kind.REOPENER, agreement.due, agreement, agreement.title, agreement.bargaining_unit.union, today)


def _consulted_about(user, unions, path: str):
    """Whether one of the reader's unions consults (visibly to them) about the outer row."""
    return Exists(Consultation.objects.visible_to(user).filter(union__in=unions, **{path: OuterRef("pk")}))


def _privacy_agreements(user, unions, today):
    return (
        EdTechTool.objects.visible_to(user)
        .filter(archived_on__isnull=True, privacy_agreement_expires_on__isnull=False)
        .exclude(privacy_agreement_status__in=[PrivacyAgreementStatus.NONE, PrivacyAgreementStatus.REQUESTED])
        .filter(_consulted_about(user, unions, "proposal__tool"))
        .annotate(due=F("privacy_agreement_expires_on"))
    )


def _privacy_agreement_item(tool, today):
    return Deadline(Kind.PRIVACY_AGREEMENT, tool.due, tool, f"{tool.name} ({tool.vendor})", None, today)


def _reviews(user, unions, today):
    # Left without a review date, a tool is reviewed a year after it started; with neither, nothing is due yet.
    return (
        ProcurementProposal.objects.visible_to(user)
        .filter(status__in=[ProposalStatus.APPROVED, ProposalStatus.DEPLOYED])
        .filter(_consulted_about(user, unions, "proposal"))
        .annotate(due=Coalesce("review_on", OneYearAfter(Coalesce("deployed_on", "proposed_start"))))
        .filter(due__isnull=False)
    )


def _review_item(proposal, today):
    # Translators: a tool, then the employer that uses it.
    title = gettext("%(tool)s at %(employer)s") % {"tool": proposal.tool, "employer": proposal.employer}
    return Deadline(Kind.TOOL_REVIEW, proposal.due, proposal, title, None, today, computed=proposal.review_on is None)


def _tasks(user, unions, today):
    return Task.objects.visible_to(user).open().filter(union__in=unions).annotate(due=F("due_on"))


def _task_item(task, today):
    return Deadline(Kind.TASK, task.due, task, task.title, task.union, today)


@dataclass(frozen=True)
class Reader:
    rows: Callable  # (user, unions, today) -> the visible rows of the kind, annotated `due`
    item: Callable  # (row, today) -> its Deadline
    related: tuple[str, ...]  # what the item reads of the row's relations


_CONSULTATION = ("consultation__union", "consultation__proposal__employer")
READERS = {
    Kind.CONSULTATION_RESPONSE: Reader(_consultations, _consultation_item, ("union", "proposal__employer")),
    Kind.INFORMATION_REQUEST: Reader(_information_requests, _information_request_item, _CONSULTATION),
    Kind.AGREEMENT_EXPIRY: Reader(_agreements, _agreement_item, ("bargaining_unit__union",)),
    Kind.REOPENER: Reader(_reopeners, _reopener_item, ("bargaining_unit__union",)),
    Kind.PRIVACY_AGREEMENT: Reader(_privacy_agreements, _privacy_agreement_item, ("vendor",)),
    Kind.TOOL_REVIEW: Reader(_reviews, _review_item, ("employer", "tool")),
    Kind.TASK: Reader(_tasks, _task_item, ("union", "assignee")),
}
