"""Who bargains with whom, and what was won: unions, employers, units, agreements, clauses."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from simple_history.models import HistoricalRecords

from bargaining.access import (
    ReferenceQuerySet,
    Role,
    UnionOwnedQuerySet,
    Visibility,
    is_more_visible,
    is_site_staff,
    union_ids,
)


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete a record that is append-only."""


def refuse_wider_visibility(child, parent, parent_label: str) -> None:
    """A child record may never be shown to more people than its parent."""
    if parent is not None and child.visibility and is_more_visible(child.visibility, parent.visibility):
        raise ValidationError(
            {
                "visibility": (
                    f"Cannot be more visible than its {parent_label}, "
                    f"which is {parent.get_visibility_display().lower()}."
                )
            }
        )


class PaperSize(models.TextChoices):
    A4 = "A4", "A4"
    LETTER = "letter", "US Letter"


class UnionQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Which unions exist is public: published positions are signed by them.
        return self.all()

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=union_ids(user, [Role.OFFICER]))


class Union(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=40)
    colour = models.CharField(
        max_length=7,
        default="#8a1c2b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as #RRGGBB, for example #8a1c2b.")],
        help_text="Used on printed matter, as #RRGGBB.",
    )
    paper_size = models.CharField(max_length=10, choices=PaperSize, default=PaperSize.A4)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="unions")

    objects = UnionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        if is_site_staff(user):
            return self.all()
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(Q(user=user) | Q(union__in=union_ids(user, [Role.OFFICER])))

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(union__in=union_ids(user, [Role.OFFICER]))


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    # An empty union may be removed with its roster; one that owns records is protected by those records.
    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER)
    joined_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["union__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "union"], name="membership_one_per_user_and_union"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} of {self.union}"


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


class AgreementStatus(models.TextChoices):
    IN_NEGOTIATION = "in_negotiation", "In negotiation"
    TENTATIVE = "tentative", "Tentative"
    RATIFIED = "ratified", "Ratified"
    EXPIRED = "expired", "Expired"


class AgreementKind(models.TextChoices):
    COLLECTIVE_AGREEMENT = "collective_agreement", "Collective agreement"
    MOU = "mou", "Memorandum of understanding"


class AgreementQuerySet(UnionOwnedQuerySet):
    union_path = "bargaining_unit__union"
    visibility_prefixes = ("", "bargaining_unit__")


class Agreement(models.Model):
    bargaining_unit = models.ForeignKey(BargainingUnit, on_delete=models.PROTECT, related_name="agreements")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=AgreementKind, default=AgreementKind.COLLECTIVE_AGREEMENT)
    term_start = models.DateField(null=True, blank=True)
    term_end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=AgreementStatus, default=AgreementStatus.IN_NEGOTIATION)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)

    objects = AgreementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-term_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_start__isnull=True) | Q(term_end__isnull=True) | Q(term_end__gt=F("term_start")),
                name="agreement_term_ends_after_it_starts",
                violation_error_message="The term must end after it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            raise ValidationError({"term_end": "The term must end after it starts."})
        if self.bargaining_unit_id:
            refuse_wider_visibility(self, self.bargaining_unit, "bargaining unit")


class Topic(models.Model):
    code = models.SlugField(max_length=60, unique=True, help_text="Stable: other systems refer to topics by code.")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = ReferenceQuerySet.as_manager()
    # The history is the topic's versioned description.
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name


class ClauseVersionStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    COUNTERED = "countered", "Countered"
    TENTATIVELY_AGREED = "tentatively_agreed", "Tentatively agreed"
    RATIFIED = "ratified", "Ratified"
    DEFERRED = "deferred", "Deferred"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ModelRating(models.TextChoices):
    UNRATED = "unrated", "Not rated"
    PREFERRED = "preferred", "Meets the preferred wording"
    FALLBACK = "fallback", "Meets the fallback wording"
    WALK_AWAY = "walk_away", "Meets the walk-away wording only"
    BELOW = "below", "Below the walk-away wording"


class ClauseQuerySet(UnionOwnedQuerySet):
    union_path = "agreement__bargaining_unit__union"
    visibility_prefixes = ("", "agreement__", "agreement__bargaining_unit__")

    def with_current(self):
        """Annotate each clause with its latest version's number, status and text (one query)."""
        latest = ClauseVersion.objects.filter(clause=OuterRef("pk")).order_by("-number")
        return self.annotate(
            current_number=Subquery(latest.values("number")[:1]),
            current_status=Subquery(latest.values("status")[:1]),
            current_text=Subquery(latest.values("text")[:1]),
        )


class Clause(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="clauses")
    article_number = models.CharField(max_length=20, help_text="As printed in the agreement, for example 14.3.")
    title = models.CharField(max_length=200)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="clauses")
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)
    model_rating = models.CharField(
        max_length=20,
        choices=ModelRating,
        default=ModelRating.UNRATED,
        help_text="An officer's rating of the negotiated text against the union's model clause for the topic.",
    )

    objects = ClauseQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "article_number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "article_number"], name="clause_one_per_agreement_article"),
        ]

    def __str__(self):
        return f"Art. {self.article_number} {self.title}"

    def clean(self):
        if self.agreement_id:
            refuse_wider_visibility(self, self.agreement, "agreement")

    @property
    def latest_version(self):
        """The version that gives the clause its current text and status (None before any is tabled)."""
        return self.versions.order_by("-number").first()

    @property
    def status(self) -> str | None:
        if hasattr(self, "current_status"):
            return self.current_status
        latest = self.latest_version
        return latest.status if latest else None


class ClauseVersionQuerySet(UnionOwnedQuerySet):
    union_path = "clause__agreement__bargaining_unit__union"
    visibility_prefixes = ("clause__", "clause__agreement__", "clause__agreement__bargaining_unit__")

    def update(self, **kwargs):
        raise ImmutableRecordError("Clause versions are append-only: table a new version instead.")

    def delete(self):
        raise ImmutableRecordError("Clause versions are append-only: withdraw the clause with a new version.")


class TabledBy(models.TextChoices):
    UNION = "union", "Union"
    EMPLOYER = "employer", "Employer"
    JOINT = "joint", "Joint"


class ClauseVersion(models.Model):
    """One text tabled for a clause. Append-only: a change is a new version, never an edit."""

    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(editable=False)
    text = models.TextField()
    tabled_by = models.CharField(max_length=10, choices=TabledBy)
    tabled_on = models.DateField()
    session = models.ForeignKey(
        "NegotiationSession",
        on_delete=models.PROTECT,
        related_name="clause_versions",
        null=True,
        blank=True,
        help_text="The negotiation session it was tabled in, if any.",
    )
    status = models.CharField(max_length=20, choices=ClauseVersionStatus)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClauseVersionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["clause", "number"]
        constraints = [
            models.UniqueConstraint(fields=["clause", "number"], name="clause_version_number_unique_per_clause"),
            models.CheckConstraint(condition=Q(number__gte=1), name="clause_version_number_positive"),
        ]

    def __str__(self):
        return f"{self.clause} v{self.number} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError("Clause versions are append-only: table a new version instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Clause versions are append-only: withdraw the clause with a new version.")

    def clean(self):
        if not (self.session_id and self.clause_id):
            return
        if self.session.bargaining_unit_id != self.clause.agreement.bargaining_unit_id:
            raise ValidationError(
                {
                    "session": (
                        f"That session was held by {self.session.bargaining_unit}, but this clause belongs to "
                        f"{self.clause.agreement.bargaining_unit}. Pick a session of the same bargaining unit."
                    )
                }
            )

    @property
    def visibility(self):
        """A version is exactly as visible as its clause."""
        return self.clause.visibility


class SessionQuerySet(UnionOwnedQuerySet):
    union_path = "bargaining_unit__union"
    visibility_prefixes = ("", "bargaining_unit__")


class NegotiationSession(models.Model):
    """A meeting at the bargaining table."""

    bargaining_unit = models.ForeignKey(BargainingUnit, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField()
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
        if self.bargaining_unit_id:
            refuse_wider_visibility(self, self.bargaining_unit, "bargaining unit")


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
        if self.session_id:
            refuse_wider_visibility(self, self.session, "session")
