"""Employers and the bargaining units each union holds with them."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from bargaining.access import ReferenceQuerySet, UnionOwnedQuerySet, Visibility
from bargaining.models.unions import Union


class EmployerKind(models.TextChoices):
    SCHOOL_DISTRICT = "school_district", "School district"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    TRUST = "trust", "Multi-academy trust"


class Employer(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=30, choices=EmployerKind, default=EmployerKind.SCHOOL_DISTRICT)
    region = models.CharField(max_length=120, blank=True)
    ai_training_budget_current = models.DecimalField(
        "AI training budget (current)",
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0, "A budget cannot be negative.")],
    )
    ai_training_budget_proposed = models.DecimalField(
        "AI training budget (proposed)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "A budget cannot be negative.")],
    )

    objects = ReferenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ai_training_budget_current__gte=0), name="employer_current_budget_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(ai_training_budget_proposed__isnull=True) | Q(ai_training_budget_proposed__gte=0),
                name="employer_proposed_budget_not_negative",
            ),
        ]

    def __str__(self):
        return self.name


class JobGroup(models.TextChoices):
    TEACHERS = "teachers", "Teachers"
    SUPPORT_STAFF = "support_staff", "Support staff"
    SCHOOL_LEADERS = "school_leaders", "School leaders"
    SPECIALISTS = "specialists", "Specialists (counsellors, psychologists, librarians)"
    HIGHER_EDUCATION = "higher_education", "Higher-education staff"


class BargainingUnitQuerySet(UnionOwnedQuerySet):
    union_path = "union"


class BargainingUnit(models.Model):
    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="bargaining_units")
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="bargaining_units")
    job_group = models.CharField(max_length=30, choices=JobGroup)
    name = models.CharField(max_length=200)
    member_count = models.PositiveIntegerField(default=0)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)

    objects = BargainingUnitQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["employer__name", "job_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["union", "employer", "job_group"], name="bargaining_unit_one_per_union_employer_job_group"
            ),
            models.CheckConstraint(condition=Q(member_count__gte=0), name="bargaining_unit_member_count_not_negative"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("unit_detail", args=[self.pk])
