"""What the union stands for: principles, model clauses and positions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from bargaining.access import UnionOwnedQuerySet, Visibility
from bargaining.models import Topic, Union
from consultations.models import EdTechTool, ProcurementProposal


class PolicyQuerySet(UnionOwnedQuerySet):
    union_path = "union"

    def published(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Principle(models.Model):
    """A standing policy statement that positions and model clauses cite."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="principles")
    code = models.SlugField(max_length=60)
    title = models.CharField(max_length=200)
    statement = models.TextField()
    adopted_on = models.DateField(null=True, blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.PUBLIC)

    objects = PolicyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["union", "code"]
        constraints = [
            models.UniqueConstraint(fields=["union", "code"], name="principle_code_unique_per_union"),
        ]

    def __str__(self):
        return self.title


class ModelClause(models.Model):
    """The union's model language on a topic: a bargaining playbook of three fall-back levels."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="model_clauses")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="model_clauses")
    title = models.CharField(max_length=200)
    preferred_text = models.TextField("preferred wording")
    fallback_text = models.TextField("fallback wording", blank=True)
    walk_away_text = models.TextField("walk-away wording", blank=True, help_text="The least the union will accept.")
    guidance = models.TextField(blank=True, help_text="Notes for negotiators.")
    principles = models.ManyToManyField(Principle, blank=True, related_name="model_clauses")
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)

    objects = PolicyQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[principles])

    class Meta:
        ordering = ["union", "topic__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["union", "topic"], name="model_clause_one_per_union_and_topic"),
        ]

    def __str__(self):
        return self.title


class Stance(models.TextChoices):
    SUPPORT = "support", "Support"
    SUPPORT_WITH_CONDITIONS = "support_with_conditions", "Support with conditions"
    OPPOSE = "oppose", "Oppose"
    NO_POSITION = "no_position", "No position"


class PositionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ADOPTED = "adopted", "Adopted"


class Position(models.Model):
    """The union's stance on a procurement proposal or on a tool wherever it is proposed."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="positions")
    title = models.CharField(max_length=200)
    proposal = models.ForeignKey(
        ProcurementProposal, on_delete=models.PROTECT, related_name="positions", null=True, blank=True
    )
    tool = models.ForeignKey(EdTechTool, on_delete=models.PROTECT, related_name="positions", null=True, blank=True)
    stance = models.CharField(max_length=30, choices=Stance, default=Stance.NO_POSITION)
    rationale = models.TextField(blank=True)
    conditions = models.TextField("conditions and demands", blank=True, help_text="One condition or demand per line.")
    principles = models.ManyToManyField(Principle, blank=True, related_name="positions")
    status = models.CharField(max_length=10, choices=PositionStatus, default=PositionStatus.DRAFT)
    adopted_on = models.DateField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.INTERNAL)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PolicyQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[principles])

    class Meta:
        ordering = ["-adopted_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False) | Q(tool__isnull=False),
                name="position_concerns_a_proposal_or_a_tool",
                violation_error_message="A position is about a proposal or a tool: choose at least one.",
            ),
            models.CheckConstraint(
                condition=Q(status=PositionStatus.ADOPTED) | Q(visibility=Visibility.INTERNAL),
                name="position_draft_is_internal",
                violation_error_message="A draft position stays internal until it is adopted.",
            ),
            models.CheckConstraint(
                condition=Q(status=PositionStatus.DRAFT) | Q(adopted_on__isnull=False),
                name="position_adopted_has_date",
                violation_error_message="An adopted position needs the date it was adopted.",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if not self.proposal_id and not self.tool_id:
            errors["proposal"] = "A position is about a proposal or a tool: choose at least one."
        if self.proposal_id and self.tool_id and self.proposal.tool_id != self.tool_id:
            errors["tool"] = f"The proposal is for {self.proposal.tool}, not {self.tool}."
        if self.status == PositionStatus.DRAFT and self.visibility != Visibility.INTERNAL:
            errors["visibility"] = "A draft position stays internal until it is adopted."
        if self.status == PositionStatus.ADOPTED and not self.adopted_on:
            errors["adopted_on"] = "An adopted position needs the date it was adopted."
        if errors:
            raise ValidationError(errors)

    @property
    def subject_tool(self):
        return self.tool or (self.proposal.tool if self.proposal_id else None)

    def condition_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.conditions.splitlines() if line.strip(" -•\t")]
