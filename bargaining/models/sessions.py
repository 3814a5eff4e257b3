"""Negotiation sessions at the bargaining table, and the union side's notes of them."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from bargaining.access import UnionOwnedQuerySet, Visibility
from bargaining.models.employers import BargainingUnit
from bargaining.models.rules import refuse_wider_visibility
from plumbing.validators import plausible_date


class SessionQuerySet(UnionOwnedQuerySet):
    union_path = "bargaining_unit__union"
    visibility_prefixes = ("", "bargaining_unit__")


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

    def clean(self):
        refuse_wider_visibility(self, "bargaining_unit", "bargaining unit")


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

    def clean(self):
        refuse_wider_visibility(self, "session", "session")
