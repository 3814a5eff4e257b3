"""Employers and the bargaining units each union holds with them (their AI training budgets: budgets.py)."""

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import ARCHIVED_HELP, ArchivableQuerySet, UnionOwnedQuerySet, Visibility
from bargaining.models.rules import refuse_archived_parent
from bargaining.models.unions import Union


class EmployerKind(models.TextChoices):
    SCHOOL_DISTRICT = "school_district", _("School district")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    TRUST = "trust", _("Multi-academy trust")


class EmployerQuerySet(ArchivableQuerySet):
    def with_latest_budget(self):
        """Annotate the AI training budget of the latest school year on record (its year, current and proposed
        amounts; None when there is none), in the query itself."""
        # Budgets are reached through the relation: their module imports this one.
        budgets = (
            self.model._meta.get_field("training_budgets")
            .related_model.objects.filter(employer=OuterRef("pk"))
            .order_by("-school_year")
        )
        return self.annotate(
            ai_training_budget_school_year=Subquery(budgets.values("school_year")[:1]),
            ai_training_budget_current=Subquery(budgets.values("current")[:1]),
            ai_training_budget_proposed=Subquery(budgets.values("proposed")[:1]),
        )


class Employer(models.Model):
    name = models.CharField(max_length=200, unique=True, verbose_name=_("name"))
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    kind = models.CharField(
        max_length=30, choices=EmployerKind, default=EmployerKind.SCHOOL_DISTRICT, verbose_name=_("kind")
    )
    region = models.CharField(max_length=120, blank=True, verbose_name=_("region"))
    archived_on = models.DateField(null=True, blank=True, help_text=ARCHIVED_HELP, verbose_name=_("archived on"))

    objects = EmployerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("employer_detail", args=[self.pk])


class JobGroup(models.TextChoices):
    TEACHERS = "teachers", _("Teachers")
    SUPPORT_STAFF = "support_staff", _("Support staff")
    SCHOOL_LEADERS = "school_leaders", _("School leaders")
    SPECIALISTS = "specialists", _("Specialists (counsellors, psychologists, librarians)")
    HIGHER_EDUCATION = "higher_education", _("Higher-education staff")


class BargainingUnitQuerySet(UnionOwnedQuerySet):
    union_path = "union"


class BargainingUnit(models.Model):
    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="bargaining_units", verbose_name=_("union"))
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="bargaining_units", verbose_name=_("employer")
    )
    job_group = models.CharField(max_length=30, choices=JobGroup, verbose_name=_("job group"))
    name = models.CharField(max_length=200, verbose_name=_("name"))
    member_count = models.PositiveIntegerField(default=0, verbose_name=_("member count"))
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )

    objects = BargainingUnitQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bargaining unit")
        verbose_name_plural = _("bargaining units")
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

    def clean(self):
        refuse_archived_parent(self, "employer", _("employer"))
