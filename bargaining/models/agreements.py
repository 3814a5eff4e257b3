"""Agreements of the bargaining units, and the topics of the clause taxonomy."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import ReferenceQuerySet, UnionOwnedQuerySet, Visibility
from bargaining.models.employers import BargainingUnit
from bargaining.models.rules import refuse_wider_visibility
from plumbing.due import AddDays
from plumbing.validators import plausible_date


class AgreementStatus(models.TextChoices):
    IN_NEGOTIATION = "in_negotiation", _("In negotiation")
    TENTATIVE = "tentative", pgettext_lazy("agreement status", "Tentative")
    RATIFIED = "ratified", pgettext_lazy("agreement status", "Ratified")
    EXPIRED = "expired", pgettext_lazy("agreement status", "Expired")


class AgreementKind(models.TextChoices):
    COLLECTIVE_AGREEMENT = "collective_agreement", _("Collective agreement")
    MOU = "mou", _("Memorandum of understanding")


class AgreementQuerySet(UnionOwnedQuerySet):
    union_path = "bargaining_unit__union"
    visibility_prefixes = ("", "bargaining_unit__")

    def active(self):
        """Agreements not archived: those offered when a new record is made."""
        return self.filter(archived_on__isnull=True)

    def with_reopener_date(self):
        """Annotate `reopener_notice_by`: the last day to give notice to reopen, `reopener_days` before the term
        ends (None without an end). The one statement of the rule: pages show it, the deadline engine counts it."""
        return self.annotate(reopener_notice_by=AddDays("term_end", F("reopener_days") * -1))


class Agreement(models.Model):
    bargaining_unit = models.ForeignKey(
        BargainingUnit, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("bargaining unit")
    )
    title = models.CharField(max_length=200, verbose_name=_("title"))
    kind = models.CharField(
        max_length=30, choices=AgreementKind, default=AgreementKind.COLLECTIVE_AGREEMENT, verbose_name=_("kind")
    )
    term_start = models.DateField(null=True, blank=True, validators=[plausible_date], verbose_name=_("term start"))
    term_end = models.DateField(null=True, blank=True, validators=[plausible_date], verbose_name=_("term end"))
    status = models.CharField(
        max_length=20, choices=AgreementStatus, default=AgreementStatus.IN_NEGOTIATION, verbose_name=_("status")
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )
    reopener_days = models.PositiveSmallIntegerField(
        _("reopener notice (days before expiry)"),
        default=90,
        validators=[MinValueValidator(1, _("The notice is at least one day before expiry."))],
        help_text=_("The last day to give notice to reopen the agreement is this many days before it expires."),
    )
    archived_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("Set when the agreement is retired: it leaves lists and takes no new clauses, and is kept."),
        verbose_name=_("archived on"),
    )

    objects = AgreementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-term_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_start__isnull=True) | Q(term_end__isnull=True) | Q(term_end__gt=F("term_start")),
                name="agreement_term_ends_after_it_starts",
                violation_error_message=_("The term must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreement_detail", args=[self.pk])

    def deletion_refusal(self) -> str | None:
        """What was ratified is never erased (clauses depend on the rest, and are named when it is deleted)."""
        if self.status == AgreementStatus.RATIFIED or self.history.filter(status=AgreementStatus.RATIFIED).exists():
            return gettext("A ratified agreement is never deleted: archive it instead.")
        return None

    def clean(self):
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            raise ValidationError({"term_end": gettext("The term must end after it starts.")})
        refuse_wider_visibility(self, "bargaining_unit", _("bargaining unit"))


class Topic(models.Model):
    code = models.SlugField(
        max_length=60,
        unique=True,
        help_text=_("Stable: other systems refer to topics by code."),
        verbose_name=_("code"),
    )
    name = models.CharField(max_length=120, verbose_name=_("name"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("sort order"))

    objects = ReferenceQuerySet.as_manager()
    # The history is the topic's versioned description.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name
