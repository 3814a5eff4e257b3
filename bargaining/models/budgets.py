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
        raise ValidationError("Enter a school year as YYYY-YY, for example 2025-26.", code="school_year_format")
    start = int(match[1])
    if (start + 1) % 100 != int(match[2]):
        raise ValidationError(
            f"A school year runs over two consecutive years: {_school_year_starting(start)}, not {value}.",
            code="school_year_not_consecutive",
        )
    latest = datetime.date.today().year + YEARS_AHEAD
    if not EARLIEST_YEAR <= start <= latest:
        raise ValidationError(
            f"Enter a school year between {_school_year_starting(EARLIEST_YEAR)} and {_school_year_starting(latest)}.",
            code="implausible_school_year",
        )


NOT_NEGATIVE = MinValueValidator(0, "A budget cannot be negative.")


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

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="training_budgets")
    school_year = models.CharField(
        max_length=7, validators=[validate_school_year], help_text="As YYYY-YY, for example 2025-26."
    )
    current = models.DecimalField(
        "current budget ($)", max_digits=12, decimal_places=2, default=0, validators=[NOT_NEGATIVE]
    )
    proposed = models.DecimalField(
        "proposed budget ($)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text="What the district proposes for the year. Leave empty when it proposes no change.",
    )

    objects = TrainingBudgetQuerySet.as_manager()
    history = HistoricalRecords()

    duplicate_field = "school_year"
    duplicate_message = "This employer already has an AI training budget for that school year: edit that one."

    class Meta:
        ordering = ["employer__name", "-school_year"]
        verbose_name = "AI training budget"
        constraints = [
            models.UniqueConstraint(fields=["employer", "school_year"], name="training_budget_one_per_employer_year"),
            models.CheckConstraint(condition=Q(current__gte=0), name="training_budget_current_not_negative"),
            models.CheckConstraint(
                condition=Q(proposed__isnull=True) | Q(proposed__gte=0), name="training_budget_proposed_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.employer} — AI training budget {self.school_year}"

    def get_absolute_url(self):
        return reverse("employer_detail", args=[self.employer_id]) + "#budgets"

    def clean(self):
        refuse_archived_parent(self, "employer", "employer")

    @property
    def increase(self):
        """The proposed increase (negative for a cut); None when nothing is proposed."""
        return None if self.proposed is None else self.proposed - self.current


class SupportLevel(models.TextChoices):
    HIGH = "high", "High"
    MODERATE = "moderate", "Moderate"
    LOW = "low", "Low"
    OPPOSED = "opposed", "Opposed"


class BudgetSupportQuerySet(UnionOwnedQuerySet):
    union_path = "union"


class BudgetSupport(DuplicateNamedOnField, models.Model):
    """How strongly one union backs the increase a district proposes for a school year (recorded by its officers)."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="budget_supports")
    budget = models.ForeignKey(
        TrainingBudget,
        on_delete=models.PROTECT,
        related_name="supports",
        verbose_name="budget",
        help_text="The district's budget for one school year.",
    )
    level = models.CharField("support for the proposed increase", max_length=10, choices=SupportLevel)
    note = models.TextField(blank=True, help_text="Why, in a sentence or two: what the union wants the money spent on.")
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)

    objects = BudgetSupportQuerySet.as_manager()
    history = HistoricalRecords()

    duplicate_field = "budget"
    duplicate_message = "Your union has already recorded its support for this budget: edit that record instead."

    class Meta:
        ordering = ["budget__employer__name", "-budget__school_year", "union__name"]
        verbose_name = "union's support for a budget increase"
        verbose_name_plural = "unions' support for budget increases"
        constraints = [
            models.UniqueConstraint(fields=["union", "budget"], name="budget_support_one_per_union_and_budget"),
        ]

    def __str__(self):
        return f"{self.union.short_name}: {self.get_level_display().lower()} support, {self.budget}"

    def get_absolute_url(self):
        return reverse("employer_detail", args=[self.budget.employer_id]) + "#budgets"
