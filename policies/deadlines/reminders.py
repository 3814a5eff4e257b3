"""The reminder digest: for each user who asked for it, one mail of what is overdue and what falls due soon.

Each item sent is recorded (SentReminder), so a second run on the same day sends nothing new; what a user may
not see is never in their digest, because the digest is the deadline engine read as that user. Each mail is
written in the language its reader chose.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.language import language_of
from accounts.models import DeadlineSettings, ReminderFrequency
from policies.deadlines.engine import deadlines_for
from policies.deadlines.models import SentReminder
from policies.following.notifications import notifications_for

WEEKLY_ON = 0  # Monday
# The first digest with notifications tells of the last day's (or week's) only, not of the whole 90 days kept.
NOTIFIED_FIRST_TIME = {
    ReminderFrequency.DAILY: datetime.timedelta(days=1),
    ReminderFrequency.WEEKLY: datetime.timedelta(days=7),
    ReminderFrequency.NEVER: datetime.timedelta(days=1),
}


@dataclass
class Digest:
    user: object
    overdue: list
    upcoming: list
    window_days: int
    notifications: list = field(default_factory=list)
    built_at: datetime.datetime | None = None


def recipients(today: datetime.date):
    """Active users with an email address whose choice falls on `today`, with their settings and language."""
    frequencies = [ReminderFrequency.DAILY]
    if today.weekday() == WEEKLY_ON:
        frequencies.append(ReminderFrequency.WEEKLY)
    return (
        get_user_model()
        .objects.filter(is_active=True, deadline_settings__reminders__in=frequencies)
        .exclude(Q(email="") | Q(email__isnull=True))
        .select_related("deadline_settings", "preferences")
        .order_by("pk")
    )


def digest_for(user, today: datetime.date) -> Digest | None:
    """What `user` has not yet been sent today (and, if they asked, their notifications not yet mailed); None
    when that is nothing."""
    choices = user.deadline_settings
    window = choices.window_days
    items = deadlines_for(user, today=today, due_to=today + datetime.timedelta(days=window))
    sent = set(SentReminder.objects.filter(user=user, sent_on=today).values_list("item", flat=True))
    items = [item for item in items if item.uid not in sent]
    built_at = timezone.now()
    notes = []
    if choices.notifications_in_digest:
        since = choices.notified_up_to or built_at - NOTIFIED_FIRST_TIME[choices.reminders]
        notes = [note for note in notifications_for(user, since=since) if note.when <= built_at]
    if not items and not notes:
        return None
    return Digest(
        user=user,
        overdue=[item for item in items if item.overdue],
        upcoming=[item for item in items if not item.overdue],
        window_days=window,
        notifications=notes,
        built_at=built_at,
    )


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Send today's digests; returns how many were sent."""
    today = today or datetime.date.today()
    sent = 0
    for user in recipients(today):
        # The digest too is built in the reader's language: its deadlines' titles and its notifications are text.
        with translation.override(language_of(user)):
            digest = digest_for(user, today)
            if digest is None:
                continue
            _mail(digest)
        SentReminder.objects.bulk_create(
            [SentReminder(user=user, item=item.uid, sent_on=today) for item in digest.overdue + digest.upcoming],
            ignore_conflicts=True,
        )
        if user.deadline_settings.notifications_in_digest:
            DeadlineSettings.objects.filter(pk=user.deadline_settings.pk).update(notified_up_to=digest.built_at)
        sent += 1
    return sent


def _mail(digest: Digest) -> None:
    context = {"digest": digest, "site": settings.SITE_URL}
    count = len(digest.overdue) + len(digest.upcoming)
    if not count:
        notes = len(digest.notifications)
        subject = ngettext(
            # Translators: the subject of a digest mail ("Caucus" is the product's name), as are the next two.
            "Caucus: %(count)s notification on what you follow",
            "Caucus: %(count)s notifications on what you follow",
            notes,
        ) % {"count": notes}
    elif not digest.overdue:
        subject = ngettext(
            "Caucus: %(count)s deadline in the next %(days)s days",
            "Caucus: %(count)s deadlines in the next %(days)s days",
            count,
        ) % {"count": count, "days": digest.window_days}
    else:
        subject = _("Caucus: %(overdue)s overdue, %(upcoming)s due soon") % {
            "overdue": len(digest.overdue),
            "upcoming": len(digest.upcoming),
        }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("deadlines/email/digest.txt", context),
        to=[digest.user.email],
    )
    message.attach_alternative(render_to_string("deadlines/email/digest.html", context), "text/html")
    message.send()
