"""Negotiation sessions at the bargaining table, and the union side's notes of them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import UnionOwnedQuerySet, Visibility
from bargaining.models.employers import BargainingUnit
from bargaining.models.rules import ever_shown_beyond_leadership, refuse_wider_visibility
from plumbing.validators import plausible_date


class SessionQuerySet(UnionOwnedQuerySet):
    union_path = "bargaining_unit__union"
    visibility_prefixes = ("", "bargaining_unit__")

    def open_to(self, clause):
        """The sessions a new version of `clause` may be tabled in: its unit's, not before its latest version."""
        sessions = self.filter(bargaining_unit=clause.agreement.bargaining_unit_id)
        latest = clause.versions.order_by("-number").values_list("tabled_on", flat=True).first()
        return sessions.filter(held_on__gte=latest) if latest else sessions


class NegotiationSession(models.Model):
    """A meeting at the bargaining table."""

    bargaining_unit = models.ForeignKey(
        BargainingUnit, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("bargaining unit")
    )
    held_on = models.DateField(validators=[plausible_date], verbose_name=_("held on"))
    location = models.CharField(max_length=200, blank=True, verbose_name=_("location"))
    attendees = models.TextField(
        blank=True, help_text=_("One name per line, with their side."), verbose_name=_("attendees")
    )
    next_steps = models.TextField(blank=True, verbose_name=_("next steps"))
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("negotiation session")
        verbose_name_plural = _("negotiation sessions")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.bargaining_unit} — {date_format(self.held_on, 'd M Y')}"

    def get_absolute_url(self):
        return reverse("session_detail", args=[self.pk])

    def clean(self):
        refuse_wider_visibility(self, "bargaining_unit", _("bargaining unit"))
        self._refuse_moving_a_tabled_session()

    def _refuse_moving_a_tabled_session(self):
        """Versions tabled in a session carry its date, and tabled versions never change: so neither may it."""
        if self._state.adding or self.held_on is None:
            return
        stored = type(self)._default_manager.filter(pk=self.pk).values_list("held_on", flat=True).first()
        if stored is not None and stored != self.held_on and self.clause_versions.exists():
            raise ValidationError(
                {
                    "held_on": gettext(
                        "Clause versions were tabled in this session on %(date)s, and tabled versions keep their "
                        "date: the session's date cannot change. Log a new session instead."
                    )
                    % {"date": date_format(stored, "j M Y")}
                }
            )


class SessionNoteQuerySet(UnionOwnedQuerySet):
    union_path = "session__bargaining_unit__union"
    visibility_prefixes = ("", "session__", "session__bargaining_unit__")


class SessionNote(models.Model):
    """The union side's notes of a session: internal unless an officer decides otherwise."""

    session = models.ForeignKey(
        NegotiationSession, on_delete=models.PROTECT, related_name="notes", verbose_name=_("session")
    )
    body = models.TextField(verbose_name=_("body"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.INTERNAL, verbose_name=_("visibility")
    )

    objects = SessionNoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("session note")
        verbose_name_plural = _("session notes")
        ordering = ["session", "created_at"]

    def __str__(self):
        return gettext("Note on %(session)s") % {"session": self.session}

    def get_absolute_url(self):
        return reverse("session_detail", args=[self.session_id]) + f"#note-{self.pk}"

    def clean(self):
        refuse_wider_visibility(self, "session", _("session"))

    def deletion_refusal(self) -> str | None:
        if self.pk is not None and ever_shown_beyond_leadership(self):
            return gettext(
                "This note has been shared beyond the union's leadership, so it is kept: correct it instead."
            )
        return None
