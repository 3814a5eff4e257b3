"""What each user follows, and how far they have read their notifications.

Notifications themselves are not stored: they are read from the timelines, clause versions and position
histories each time (notifications.py), so a notification is never shown to someone who may no longer see
what it tells of.
"""

import functools
import operator

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bargaining.access import Role, is_signed_in, union_ids
from bargaining.models import Agreement
from consultations.models import Consultation, ConsultationStage, EdTechTool
from policies.models import Position

# What can be followed: the field of Follow that points to it, by the URL name prefix of its pages.
TARGETS = {"tool": EdTechTool, "consultation": Consultation, "agreement": Agreement, "position": Position}


class FollowQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The user's own follows of records they may still see."""
        if not is_signed_in(user):
            return self.none()
        still_visible = [Q(**{f"{name}__in": model.objects.visible_to(user)}) for name, model in TARGETS.items()]
        return self.filter(user=user).filter(functools.reduce(operator.or_, still_visible))

    def following(self):
        return self.filter(muted=False)

    def editable_by(self, user):
        return self.visible_to(user)

    def may_add(self, user) -> bool:
        return is_signed_in(user)


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows", verbose_name=_("user")
    )
    tool = models.ForeignKey(
        EdTechTool, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("tool")
    )
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("consultation")
    )
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("agreement")
    )
    position = models.ForeignKey(
        Position, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("position")
    )
    # An officer who stops following one of their union's open consultations (followed without asking) keeps a
    # muted row, so that the default does not bring it back.
    muted = models.BooleanField(default=False, verbose_name=_("muted"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(tool__isnull=False, consultation=None, agreement=None, position=None)
                    | Q(tool=None, consultation__isnull=False, agreement=None, position=None)
                    | Q(tool=None, consultation=None, agreement__isnull=False, position=None)
                    | Q(tool=None, consultation=None, agreement=None, position__isnull=False)
                ),
                name="follow_exactly_one_record",
            ),
            *(models.UniqueConstraint(fields=["user", name], name=f"follow_{name}_once") for name in TARGETS),
        ]

    def __str__(self):
        return gettext("%(user)s follows %(record)s") % {"user": self.user, "record": self.target}

    @property
    def target(self):
        return self.tool or self.consultation or self.agreement or self.position


def followed_by_default(user, consultation) -> bool:
    """Officers follow their union's open consultations without asking."""
    return (
        consultation.stage not in (ConsultationStage.DECISION, ConsultationStage.REVIEW)
        and union_ids(user, [Role.OFFICER]).filter(union_id=consultation.union_id).exists()
    )


def is_following(user, kind: str, record) -> bool:
    follow = Follow.objects.filter(user=user, **{kind: record}).first()
    if follow is not None:
        return not follow.muted
    return kind == "consultation" and followed_by_default(user, record)


def set_following(user, kind: str, record, following: bool) -> None:
    """Follow or stop following `record` (the one write path of the page and the API)."""
    if following:
        Follow.objects.update_or_create(user=user, **{kind: record}, defaults={"muted": False})
    elif kind == "consultation" and followed_by_default(user, record):
        Follow.objects.update_or_create(user=user, **{kind: record}, defaults={"muted": True})
    else:
        Follow.objects.filter(user=user, **{kind: record}).delete()


class Inbox(models.Model):
    """How far a user has read: notifications after `read_up_to` are unread."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox", verbose_name=_("user")
    )
    read_up_to = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return gettext("Notifications of %(user)s") % {"user": self.user}
