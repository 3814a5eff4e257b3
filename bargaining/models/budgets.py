"""Districts' AI training budgets, kept per school year, and each union's support for a proposed increase.

Training is itself a bargaining topic: a union compares what each district spends on AI training, in total and
per member of its units there, and records whether it backs the increase the district proposes.
"""

import datetime
import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import ReferenceQuerySet, UnionOwnedQuerySet, Visibility
from bargaining.models.employers import Employer
from bargaining.models.rules import refuse_archived_parent
from bargaining.models.unions import Union
from plumbing.validators import EARLIEST_YEAR, YEARS_AHEAD

# A school district's budget year, like its school year, starts on 1 July.
SCHOOL_YEAR_STARTS = (7, 1)
_SCHOOL_YEAR = re.compile(r"(\d{4})-(\d{2})")


def school_year_of(day: datetime.date) -> str:
    """The school year `day` falls in, as "2025-26"."""
    start = day.year if (day.month, day.day) >= SCHOOL_YEAR_STARTS else day.year - 1
    return _school_year_starting(start)


def current_school_year(today: datetime.date | None = None) -> str:
    return school_year_of(today or datetime.date.today())


def shift_school_year(school_year: str, years: int) -> str:
    """The school year `years` after (or before, when negative) `school_year`: ("2025-26", -1) gives "2024-25"."""
    return _school_year_starting(int(school_year[:4]) + years)


def _school_year_starting(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def validate_school_year(value: str) -> None:
    """A school year as "YYYY-YY" over two consecutive years, within Caucus's plausible window."""
    match = _SCHOOL_YEAR.fullmatch(value or "")
    if match is None:
        raise ValidationError(
            gettext("Enter a school year as YYYY-YY, for example 2025-26."), code="school_year_format"
        )
    start = int(match[1])
    if (start + 1) % 100 != int(match[2]):
        raise ValidationError(
            gettext("A school year runs over two consecutive years: %(expected)s, not %(value)s.")
            % {"expected": _school_year_starting(start), "value": value},
            code="school_year_not_consecutive",
        )
    latest = datetime.date.today().year + YEARS_AHEAD
    if not EARLIEST_YEAR <= start <= latest:
        raise ValidationError(
            gettext("Enter a school year between %(earliest)s and %(latest)s.")
            % {"earliest": _school_year_starting(EARLIEST_YEAR), "latest": _school_year_starting(latest)},
            code="implausible_school_year",
        )


NOT_NEGATIVE = MinValueValidator(0, _("A budget cannot be negative."))


class DuplicateNamedOnField:
    """A second row where one is allowed is refused on the field the person must change, not the form as a whole.

    The database's unique constraint stays the last line; this only moves its message to `duplicate_field`.
    """

    duplicate_field = ""
    duplicate_message = ""

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            general = errors.pop(NON_FIELD_ERRORS, [])
            for problem in general:
                if getattr(problem, "code", None) == "unique_together":
                    errors.setdefault(self.duplicate_field, []).append(
                        ValidationError(self.duplicate_message, code="duplicate")
                    )
                else:
                    errors.setdefault(NON_FIELD_ERRORS, []).append(problem)
            raise ValidationError(errors) from None


class TrainingBudgetQuerySet(ReferenceQuerySet):
    def for_year(self, school_year: str):
        return self.filter(school_year=school_year)


class TrainingBudget(DuplicateNamedOnField, models.Model):
    """What a district budgets for AI training in one school year, and what it proposes (a shared record)."""

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="training_budgets", verbose_name=_("employer")
    )
    school_year = models.CharField(
        max_length=7,
        validators=[validate_school_year],
        help_text=_("As YYYY-YY, for example 2025-26."),
        verbose_name=_("school year"),
    )
    current = models.DecimalField(
        _("current budget ($)"), max_digits=12, decimal_places=2, default=0, validators=[NOT_NEGATIVE]
    )
    proposed = models.DecimalField(
        _("proposed budget ($)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=_("What the district proposes for the year. Leave empty when it proposes no change."),
    )

    objects = TrainingBudgetQuerySet.as_manager()
    history = HistoricalRecords()

    duplicate_field = "school_year"
    duplicate_message = _("This employer already has an AI training budget for that school year: edit that one.")

    class Meta:
        verbose_name_plural = _("AI training budgets")
        ordering = ["employer__name", "-school_year"]
        verbose_name = _("AI training budget")
        constraints = [
            models.UniqueConstraint(fields=["employer", "school_year"], name="training_budget_one_per_employer_year"),
            models.CheckConstraint(condition=Q(current__gte=0), name="training_budget_current_not_negative"),
            models.CheckConstraint(
                condition=Q(proposed__isnull=True) | Q(proposed__gte=0), name="training_budget_proposed_not_negative"
            ),
        ]

    def __str__(self):
        return gettext("%(employer)s — AI training budget %(school_year)s") % {
            "employer": self.employer,
            "school_year": self.school_year,
        }

    def get_absolute_url(self):
        return reverse("employer_detail", args=[self.employer_id]) + "#budgets"

    def clean(self):
        refuse_archived_parent(self, "employer", _("employer"))

    @property
    def increase(self):
        """The proposed increase (negative for a cut); None when nothing is proposed."""
        return None if self.proposed is None else self.proposed - self.current


class SupportLevel(models.TextChoices):
    HIGH = "high", pgettext_lazy("support level", "High")
    MODERATE = "moderate", pgettext_lazy("support level", "Moderate")
    LOW = "low", pgettext_lazy("support level", "Low")
    OPPOSED = "opposed", pgettext_lazy("support level", "Opposed")


class BudgetSupportQuerySet(UnionOwnedQuerySet):
    union_path = "union"


class BudgetSupport(DuplicateNamedOnField, models.Model):
    """How strongly one union backs the increase a district proposes for a school year (recorded by its officers)."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="budget_supports", verbose_name=_("union"))
    budget = models.ForeignKey(
        TrainingBudget,
        on_delete=models.PROTECT,
        related_name="supports",
        verbose_name=_("budget"),
        help_text=_("The district's budget for one school year."),
    )
    level = models.CharField(_("support for the proposed increase"), max_length=10, choices=SupportLevel)
    note = models.TextField(
        blank=True,
        help_text=_("Why, in a sentence or two: what the union wants the money spent on."),
        verbose_name=_("note"),
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )

    objects = BudgetSupportQuerySet.as_manager()
    history = HistoricalRecords()

    duplicate_field = "budget"
    duplicate_message = _("Your union has already recorded its support for this budget: edit that record instead.")

    class Meta:
        ordering = ["budget__employer__name", "-budget__school_year", "union__name"]
        verbose_name = _("union's support for a budget increase")
        verbose_name_plural = _("unions' support for budget increases")
        constraints = [
            models.UniqueConstraint(fields=["union", "budget"], name="budget_support_one_per_union_and_budget"),
        ]

    def __str__(self):
        # Translators: "NEA: high support, Northview School District — AI training budget 2025-26".
        return gettext("%(union)s: %(level)s support, %(budget)s") % {
            "union": self.union.short_name,
            "level": self.get_level_display().lower(),
            "budget": self.budget,
        }

    def get_absolute_url(self):
        return reverse("employer_detail", args=[self.budget.employer_id]) + "#budgets"
