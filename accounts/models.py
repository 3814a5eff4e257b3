"""API tokens: only a hash of each is stored (django-rest-knox), and each expires."""

import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken


def password_fingerprint(user) -> str:
    """A short hash of the user's password hash: it changes whenever the password does."""
    return hashlib.sha256((user.password or "").encode()).hexdigest()[:32]


class ApiToken(AbstractAuthToken):
    """A token a script uses as `Authorization: Token ...`.

    It records the password it was issued under (as a fingerprint), so that changing the password ends it.
    """

    name = models.CharField(
        max_length=100, blank=True, help_text=_("Where it was issued, to recognise it by."), verbose_name=_("name")
    )
    password_fingerprint = models.CharField(max_length=32, editable=False)

    class Meta:
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]
        verbose_name = _("API token")

    def __str__(self):
        return gettext("API token of %(user)s from %(created)s") % {
            "user": self.user,
            "created": date_format(localtime(self.created), "d M Y H:i"),
        }

    def is_for_current_password(self) -> bool:
        return self.password_fingerprint == password_fingerprint(self.user)


class ReminderFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly (Mondays)")
    NEVER = "never", _("Never")


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class DeadlineSettings(models.Model):
    """One user's calendar feed address and reminder digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deadline_settings", verbose_name=_("user")
    )
    # The feed's address is its only key (calendar programs cannot sign in): long, random, and replaceable.
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    reminders = models.CharField(
        max_length=10, choices=ReminderFrequency, default=ReminderFrequency.NEVER, verbose_name=_("reminders")
    )
    window_days = models.PositiveSmallIntegerField(
        _("remind me of what falls due within (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    notifications_in_digest = models.BooleanField(
        _("also send my notifications (what happened on what I follow)"), default=False
    )
    # The digest tells of notifications after this moment only, so that none is mailed twice.
    notified_up_to = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("deadline settings")
        verbose_name_plural = _("deadline settings")

    def __str__(self):
        return gettext("Deadline settings of %(user)s") % {"user": self.user}

    @classmethod
    def of(cls, user) -> "DeadlineSettings":
        return cls.objects.get_or_create(user=user)[0]

    def regenerate_feed_token(self) -> None:
        self.feed_token = new_feed_token()
        self.save(update_fields=["feed_token"])


class Preferences(models.Model):
    """What one person chose for themselves: the language of their pages, mail and documents."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences", verbose_name=_("user")
    )
    # Blank: the language of the browser (its cookie or Accept-Language) decides.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self):
        return gettext("Preferences of %(user)s") % {"user": self.user}
