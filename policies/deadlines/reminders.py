"""The reminder digest: for each user who asked for it, one mail of what is overdue and what falls due soon.

Each item sent is recorded (SentReminder), so a second run on the same day sends nothing new; what a user may
not see is never in their digest, because the digest is the deadline engine read as that user.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string

from accounts.models import ReminderFrequency
from policies.deadlines.engine import deadlines_for
from policies.deadlines.models import SentReminder

WEEKLY_ON = 0  # Monday


@dataclass
class Digest:
    user: object
    overdue: list
    upcoming: list
    window_days: int


def recipients(today: datetime.date):
    """Active users with an email address whose choice falls on `today`."""
    frequencies = [ReminderFrequency.DAILY]
    if today.weekday() == WEEKLY_ON:
        frequencies.append(ReminderFrequency.WEEKLY)
    return (
        get_user_model()
        .objects.filter(is_active=True, deadline_settings__reminders__in=frequencies)
        .exclude(Q(email="") | Q(email__isnull=True))
        .select_related("deadline_settings")
        .order_by("pk")
    )


def digest_for(user, today: datetime.date) -> Digest | None:
    """What `user` has not yet been sent today; None when that is nothing."""
    window = user.deadline_settings.window_days
    items = deadlines_for(user, today=today, due_to=today + datetime.timedelta(days=window))
    sent = set(SentReminder.objects.filter(user=user, sent_on=today).values_list("item", flat=True))
    items = [item for item in items if item.uid not in sent]
    if not items:
        return None
    return Digest(
        user=user,
        overdue=[item for item in items if item.overdue],
        upcoming=[item for item in items if not item.overdue],
        window_days=window,
    )


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Send today's digests; returns how many were sent."""
    today = today or datetime.date.today()
    sent = 0
    for user in recipients(today):
        digest = digest_for(user, today)
        if digest is None:
            continue
        _mail(digest)
        SentReminder.objects.bulk_create(
            [SentReminder(user=user, item=item.uid, sent_on=today) for item in digest.overdue + digest.upcoming],
            ignore_conflicts=True,
        )
        sent += 1
    return sent


def _mail(digest: Digest) -> None:
    context = {"digest": digest, "site": settings.SITE_URL}
    count = len(digest.overdue) + len(digest.upcoming)
    subject = f"Caucus: {len(digest.overdue)} overdue, {len(digest.upcoming)} due soon"
    if not digest.overdue:
        subject = f"Caucus: {count} deadline{'s' if count != 1 else ''} in the next {digest.window_days} days"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("deadlines/email/digest.txt", context),
        to=[digest.user.email],
    )
    message.attach_alternative(render_to_string("deadlines/email/digest.html", context), "text/html")
    message.send()
