"""A user's notifications: what happened on the records they follow, read from the records each time.

Three sources, one query each, every one starting from its model's visibility rule for the reader: timeline
events (a stage move is one too: Caucus writes it on the timeline), clause versions tabled, and positions
adopted or published (from the position's history, each version judged by its own visibility then). Only what
happened after the user began to follow counts, and nothing the user did themselves. Officers follow their
union's open consultations without asking.
"""

import datetime
import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.auth import get_user_model
from django.db.models import DateTimeField, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bargaining.access import Role, Visibility, is_signed_in, union_ids
from bargaining.models import ClauseVersion
from consultations.models import ConsultationEvent, ConsultationStage
from plumbing.bilingual import text_in
from policies.following.models import Follow, Inbox
from policies.models import Position, PositionStatus

# How far back the page looks, and how many it shows.
KEPT_FOR = datetime.timedelta(days=90)
SHOWN = 50


@dataclass(frozen=True)
class Notification:
    when: datetime.datetime
    text: str
    about: str
    url: str


def notifications_for(user, *, limit: int = SHOWN, since: datetime.datetime | None = None) -> list[Notification]:
    """The newest first; `since` narrows to what came after it (never further back than KEPT_FOR)."""
    if not is_signed_in(user):
        return []
    oldest = timezone.now() - KEPT_FOR
    since = max(since, oldest) if since is not None else oldest
    found = [
        *(
            _from_event(event)
            for event in _events(user, since).select_related("consultation__union", "consultation__proposal")[:limit]
        ),
        *(_from_version(version) for version in _versions(user, since).select_related("clause__agreement")[:limit]),
        *(_from_position(row) for row in _positions(user, since)[:limit]),
    ]
    return sorted(found, key=lambda note: note.when, reverse=True)[:limit]


class _Count(Subquery):
    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


# Every page shows the unread count: each source counts at most this many, so the count never scans a federation.
UNREAD_LIMIT = 99


def unread_count(user) -> int:
    """How many notifications came after the user last opened the page (at most UNREAD_LIMIT of each kind):
    one bounded query, as every page shows it."""
    if not is_signed_in(user):
        return 0
    cutoff = Value(timezone.now() - KEPT_FOR, output_field=DateTimeField())
    read_up_to = Subquery(Inbox.objects.filter(user=user).values("read_up_to")[:1])
    since = Greatest(Coalesce(read_up_to, cutoff), cutoff)
    counts = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            **{
                source.__name__: _Count(source(user, since).order_by().values("pk")[:UNREAD_LIMIT])
                for source in SOURCES
            }
        )
        .values_list(*(source.__name__ for source in SOURCES))
        .first()
    )
    return sum(counts or ())


def mark_read(user, up_to: datetime.datetime) -> None:
    Inbox.objects.update_or_create(user=user, defaults={"read_up_to": up_to})


def _follows(user, when: str, **targets) -> Q:
    """Rows whose target (by lookup path) the user followed before the row's `when`."""
    return reduce(
        operator.or_,
        (
            Q(
                Exists(
                    Follow.objects.following().filter(
                        user=user, created_at__lte=OuterRef(when), **{field: OuterRef(path)}
                    )
                )
            )
            for field, path in targets.items()
        ),
    )


def _events(user, since):
    led = union_ids(user, [Role.OFFICER])
    muted = Follow.objects.filter(user=user, muted=True, consultation=OuterRef("consultation"))
    open_of_mine = (
        Q(consultation__union__in=led)
        & ~Q(consultation__stage__in=[ConsultationStage.DECISION, ConsultationStage.REVIEW])
        & ~Q(Exists(muted))
    )
    followed = _follows(user, "created_at", consultation="consultation", tool="consultation__proposal__tool")
    return (
        ConsultationEvent.objects.visible_to(user)
        .filter(created_at__gt=since)
        .filter(followed | open_of_mine)
        .exclude(author=user)
        .order_by("-created_at")
    )


def _versions(user, since):
    # Driven from the few agreements followed: a reader who follows none costs nothing, whatever the library's size.
    followed = Follow.objects.following().filter(user=user, agreement__isnull=False).values("agreement")
    return (
        ClauseVersion.objects.visible_to(user)
        .filter(clause__agreement__in=followed, created_at__gt=since)
        .filter(_follows(user, "created_at", agreement="clause__agreement"))
        .order_by("-created_at")
    )


def _positions(user, since):
    history = Position.history.model
    before = history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by(
        "-history_date"
    )
    adopted = Q(status=PositionStatus.ADOPTED) & ~Q(was_status=PositionStatus.ADOPTED)
    # Shown more widely than before (to members, or to the public): the reader may now see it.
    published = ~Q(visibility=Visibility.INTERNAL) & ~Q(was_visibility=F("visibility"))
    return (
        history.objects.filter(Position.objects.visibility_rule(user))
        .filter(history_date__gt=since)
        .filter(_follows(user, "history_date", position="id", tool="tool_id"))
        .exclude(history_user=user)
        .annotate(
            was_status=Coalesce(Subquery(before.values("status")[:1]), Value("")),
            was_visibility=Coalesce(Subquery(before.values("visibility")[:1]), Value("")),
        )
        .filter(adopted | published)
        .order_by("-history_date")
    )


SOURCES = (_events, _versions, _positions)


def _from_event(event) -> Notification:
    consultation = event.consultation
    return Notification(
        when=event.created_at,
        # Translators: an event of a consultation: its kind, then what the officer wrote of it.
        text=_("%(kind)s: %(summary)s") % {"kind": event.get_kind_display(), "summary": event.summary},
        about=str(consultation),
        url=event.get_absolute_url(),
    )


def _from_version(version) -> Notification:
    clause = version.clause
    return Notification(
        when=version.created_at,
        # Translators: %(status)s is the version's status in lower case, such as "proposed".
        text=_("Version %(number)s tabled (%(status)s)")
        % {"number": version.number, "status": version.get_status_display().lower()},
        about=f"{clause.agreement} — {clause}",
        url=reverse("clause_detail", args=[clause.pk]),
    )


def _from_position(row) -> Notification:
    if row.status == PositionStatus.ADOPTED and row.was_status != PositionStatus.ADOPTED:
        what = _("Position adopted")
    else:
        # Translators: %(visibility)s says who may now see the position, in lower case, such as "members".
        what = _("Position published (%(visibility)s)") % {"visibility": row.get_visibility_display().lower()}
    return Notification(
        when=row.history_date,
        text=what,
        about=text_in(row, "title").text,
        url=reverse("position_detail", args=[row.id]),
    )
