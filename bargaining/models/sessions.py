"""Negotiation sessions at the bargaining table, and the union side's notes of them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
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

    bargaining_unit = models.ForeignKey(BargainingUnit, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(validators=[plausible_date])
    location = models.CharField(max_length=200, blank=True)
    attendees = models.TextField(blank=True, help_text="One name per line, with their side.")
    next_steps = models.TextField(blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.bargaining_unit} — {self.held_on:%d %b %Y}"

    def get_absolute_url(self):
        return reverse("session_detail", args=[self.pk])

    def clean(self):
        refuse_wider_visibility(self, "bargaining_unit", "bargaining unit")
        self._refuse_moving_a_tabled_session()

    def _refuse_moving_a_tabled_session(self):
        """Versions tabled in a session carry its date, and tabled versions never change: so neither may it."""
        if self._state.adding or self.held_on is None:
            return
        stored = type(self)._default_manager.filter(pk=self.pk).values_list("held_on", flat=True).first()
        if stored is not None and stored != self.held_on and self.clause_versions.exists():
            raise ValidationError(
                {
                    "held_on": (
                        f"Clause versions were tabled in this session on {stored:%-d %b %Y}, and tabled versions "
                        "keep their date: the session's date cannot change. Log a new session instead."
                    )
                }
            )


class SessionNoteQuerySet(UnionOwnedQuerySet):
    union_path = "session__bargaining_unit__union"
    visibility_prefixes = ("", "session__", "session__bargaining_unit__")


class SessionNote(models.Model):
    """The union side's notes of a session: internal unless an officer decides otherwise."""

    session = models.ForeignKey(NegotiationSession, on_delete=models.PROTECT, related_name="notes")
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.INTERNAL)

    objects = SessionNoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "created_at"]

    def __str__(self):
        return f"Note on {self.session}"

    def get_absolute_url(self):
        return reverse("session_detail", args=[self.session_id]) + f"#note-{self.pk}"

    def clean(self):
        refuse_wider_visibility(self, "session", "session")

    def deletion_refusal(self) -> str | None:
        if self.pk is not None and ever_shown_beyond_leadership(self):
            return "This note has been shared beyond the union's leadership, so it is kept: correct it instead."
        return None
