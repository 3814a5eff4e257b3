"""What employers propose to buy, and each union's consultation about it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Upper
from django.urls import reverse
from simple_history.models import HistoricalRecords

from bargaining.access import ARCHIVED_HELP, ArchivableQuerySet, ReferenceQuerySet, UnionOwnedQuerySet, Visibility
from bargaining.models import (
    Clause,
    Employer,
    JobGroup,
    Union,
    ever_shown_beyond_leadership,
    parent_of,
    refuse_archived_parent,
    refuse_wider_visibility,
)
from plumbing.validators import plausible_date


def validate_choice_list(value, choices, label: str) -> None:
    """A JSON list field holding codes of `choices`: refuse anything else, naming the culprit."""
    if not isinstance(value, list):
        raise ValidationError(f"Enter a list of {label}.")
    unknown = [item for item in value if item not in choices.values]
    if unknown:
        allowed = ", ".join(choices.values)
        raise ValidationError(f"Unknown {label}: {', '.join(map(str, unknown))}. Choose from: {allowed}.")
    if len(set(value)) != len(value):
        raise ValidationError(f"Each of the {label} may be listed once.")


class PersonalData(models.TextChoices):
    CONTACT_DETAILS = "contact_details", "Contact details"
    DEMOGRAPHICS = "demographics", "Demographics"
    ENROLMENT = "enrolment", "Enrolment"
    ATTENDANCE = "attendance", "Attendance"
    ASSESSMENT_RESULTS = "assessment_results", "Assessment results"
    CONDUCT = "conduct", "Conduct"
    SPECIAL_NEEDS = "special_needs", "Special needs indicators"
    COMMUNICATIONS = "communications", "Communications"
    USAGE_STATISTICS = "usage_statistics", "Usage statistics"
    STAFF_PERFORMANCE = "staff_performance", "Staff performance"
    AUDIO_VIDEO = "audio_video", "Audio or video of people"
    BIOMETRIC = "biometric", "Biometric data"


def validate_personal_data(value):
    validate_choice_list(value, PersonalData, "personal data categories")


def validate_job_groups(value):
    validate_choice_list(value, JobGroup, "job groups")


class Vendor(models.Model):
    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    country = models.CharField(max_length=80, blank=True)
    notes = models.TextField(blank=True)
    archived_on = models.DateField(null=True, blank=True, help_text=ARCHIVED_HELP)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("vendor_detail", args=[self.pk])


class ToolCategory(models.TextChoices):
    TUTORING = "tutoring", "Tutoring"
    ASSESSMENT = "assessment", "Assessment or proctoring"
    LESSON_PLANNING = "lesson_planning", "Lesson planning"
    ANALYTICS = "analytics", "Analytics or early warning"
    MONITORING = "monitoring", "Monitoring"
    ADMINISTRATION = "administration", "Administration or scheduling"
    GENERATIVE_ASSISTANT = "generative_assistant", "Generative assistant"
    COACHING = "coaching", "Coaching or simulation"


class PrivacyAgreementStatus(models.TextChoices):
    NONE = "none", "None"
    REQUESTED = "requested", "Requested"
    SIGNED = "signed", "Signed (district's own)"
    SIGNED_BY_ADOPTION = "signed_by_adoption", "Signed by adopting another district's agreement"
    EXPIRED = "expired", "Expired"


class RiskRating(models.TextChoices):
    UNASSESSED = "unassessed", "Not assessed"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class EdTechTool(models.Model):
    name = models.CharField(max_length=200)
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="tools")
    category = models.CharField(max_length=30, choices=ToolCategory)
    description = models.TextField(blank=True)
    ai_features = models.TextField("AI features", blank=True)
    personal_data = models.JSONField(
        "personal data processed", default=list, blank=True, validators=[validate_personal_data]
    )
    privacy_agreement_status = models.CharField(
        max_length=30, choices=PrivacyAgreementStatus, default=PrivacyAgreementStatus.NONE
    )
    privacy_agreement_expires_on = models.DateField(
        "privacy agreement expires on",
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text="When the district's privacy agreement for this tool ends, if it has been signed.",
    )
    risk_rating = models.CharField(max_length=20, choices=RiskRating, default=RiskRating.UNASSESSED)
    archived_on = models.DateField(null=True, blank=True, help_text=ARCHIVED_HELP)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "EdTech tool"
        constraints = [
            models.UniqueConstraint(fields=["vendor", "name"], name="tool_name_unique_per_vendor"),
        ]
        # An import finds a row's tool by name whatever its case: without this, each row would read every tool.
        indexes = [models.Index(Upper("name"), name="tool_name_upper")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("tool_detail", args=[self.pk])

    def clean(self):
        refuse_archived_parent(self, "vendor", "vendor")
        unsigned = (PrivacyAgreementStatus.NONE, PrivacyAgreementStatus.REQUESTED)
        if self.privacy_agreement_expires_on and self.privacy_agreement_status in unsigned:
            raise ValidationError(
                {"privacy_agreement_expires_on": "Only a signed (or expired) privacy agreement has an expiry date."}
            )

    def get_personal_data_display(self) -> list[str]:
        labels = dict(PersonalData.choices)
        return [labels.get(code, code) for code in self.personal_data]


class ProposalStatus(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    UNDER_CONSULTATION = "under_consultation", "Under consultation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DEPLOYED = "deployed", "Deployed"


class ProcurementProposal(models.Model):
    """An employer's proposal to adopt a tool."""

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="proposals")
    tool = models.ForeignKey(EdTechTool, on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    affected_job_groups = models.JSONField(default=list, blank=True, validators=[validate_job_groups])
    cost = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "The cost cannot be negative.")],
    )
    budget_line = models.CharField(max_length=120, blank=True)
    announced_on = models.DateField(validators=[plausible_date])
    proposed_start = models.DateField(null=True, blank=True, validators=[plausible_date])
    status = models.CharField(max_length=30, choices=ProposalStatus, default=ProposalStatus.ANNOUNCED)
    deployed_on = models.DateField(
        null=True, blank=True, validators=[plausible_date], help_text="When the tool went into use, if it has."
    )
    review_on = models.DateField(
        "review date",
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text="When the tool's use is to be reviewed. Left empty, an approved or deployed tool is reviewed "
        "one year after it went into use (or after its proposed start).",
    )

    objects = ReferenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-announced_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0),
                name="proposal_cost_not_negative",
                violation_error_message="The cost cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.employer})"

    def get_absolute_url(self):
        return reverse("proposal_detail", args=[self.pk])

    def clean(self):
        refuse_archived_parent(self, "tool", "tool")
        refuse_archived_parent(self, "employer", "employer")
        if self.proposed_start and self.announced_on and self.proposed_start < self.announced_on:
            raise ValidationError({"proposed_start": "The proposed start cannot come before the announcement."})
        if self.deployed_on and self.announced_on and self.deployed_on < self.announced_on:
            raise ValidationError({"deployed_on": "The tool cannot go into use before the proposal was announced."})

    def get_affected_job_groups_display(self) -> list[str]:
        labels = dict(JobGroup.choices)
        return [labels.get(code, code) for code in self.affected_job_groups]


class ConsultationStage(models.TextChoices):
    NOTICE_RECEIVED = "notice_received", "Notice received"
    INFORMATION_REQUESTED = "information_requested", "Information requested"
    MEETINGS = "meetings", "Meetings"
    RESPONSE_SUBMITTED = "response_submitted", "Response submitted"
    DECISION = "decision", "Decision"
    REVIEW = "review", "Review"


class ConsultationQuerySet(UnionOwnedQuerySet):
    union_path = "union"

    def open(self):
        """Consultations still waiting for the employer's decision."""
        return self.exclude(stage__in=[ConsultationStage.DECISION, ConsultationStage.REVIEW])

    def with_notice_date(self, user):
        """Annotate `notice_on`: the first notice on the timeline that `user` may see (it dates `due_on`)."""
        first_notice = (
            ConsultationEvent.objects.visible_to(user)
            .filter(consultation=OuterRef("pk"), kind=EventKind.NOTICE)
            .order_by("occurred_on")
            .values("occurred_on")[:1]
        )
        return self.annotate(notice_on=Subquery(first_notice))


class Consultation(models.Model):
    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="consultations")
    proposal = models.ForeignKey(ProcurementProposal, on_delete=models.PROTECT, related_name="consultations")
    stage = models.CharField(max_length=30, choices=ConsultationStage, default=ConsultationStage.NOTICE_RECEIVED)
    opened_on = models.DateField(validators=[plausible_date])
    response_deadline = models.DateField(null=True, blank=True, validators=[plausible_date])
    outcome = models.TextField(blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)
    resulting_clauses = models.ManyToManyField(
        Clause, blank=True, related_name="consultations", help_text="Clauses negotiated because of this consultation."
    )

    objects = ConsultationQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[resulting_clauses])

    class Meta:
        ordering = ["-opened_on"]
        constraints = [
            models.UniqueConstraint(fields=["union", "proposal"], name="consultation_one_per_union_and_proposal"),
            models.CheckConstraint(
                condition=Q(response_deadline__isnull=True) | Q(response_deadline__gte=F("opened_on")),
                name="consultation_deadline_not_before_opening",
                violation_error_message="The response deadline cannot be before the consultation opened.",
            ),
        ]

    def __str__(self):
        return f"{self.union.short_name}: {self.proposal.title}"

    def get_absolute_url(self):
        return reverse("consultation_detail", args=[self.pk])

    @property
    def due_on(self) -> datetime.date:
        """The response deadline entered, or the union's statutory window counted from the notice.

        The notice is `notice_on` (from `with_notice_date`), else the day the consultation opened.
        """
        if self.response_deadline:
            return self.response_deadline
        start = getattr(self, "notice_on", None) or self.opened_on
        return start + datetime.timedelta(days=self.union.statutory_response_days)

    @property
    def due_is_computed(self) -> bool:
        return self.response_deadline is None

    def deletion_refusal(self) -> str | None:
        """A consultation with a timeline is part of the union's record; one opened by mistake may go."""
        if self.pk is not None and self.events.exists():
            return (
                "This consultation has events on its timeline, and a consultation's story is never erased. "
                "Correct its stage, dates or outcome instead."
            )
        return None

    def clean_resulting_clauses(self, clauses) -> None:
        """A union's consultation produces clauses of its own agreements, never another union's.

        The rule for the many-to-many links, which `clean()` cannot see; forms, serializers and the admin call it.
        """
        union = parent_of(self, "union")
        ids = [clause.pk for clause in clauses]
        if (
            union is not None
            and ids
            and Clause.objects.filter(pk__in=ids).exclude(agreement__bargaining_unit__union=union).exists()
        ):
            raise ValidationError(f"Only clauses of {union}'s own agreements can come out of its consultation.")

    def clean(self):
        if self.response_deadline and self.opened_on and self.response_deadline < self.opened_on:
            raise ValidationError(
                {
                    "response_deadline": (
                        f"The response deadline cannot be before the consultation opened ({self.opened_on:%d %b %Y})."
                    )
                }
            )


class EventKind(models.TextChoices):
    NOTICE = "notice", "Notice"
    INFORMATION_REQUEST = "information_request", "Information request"
    DOCUMENT_RECEIVED = "document_received", "Document received"
    MEETING = "meeting", "Meeting"
    UNION_RESPONSE = "union_response", "Union response"
    EMPLOYER_DECISION = "employer_decision", "Employer decision"
    ESCALATION = "escalation", "Escalation"
    NOTE = "note", "Note"
    # Written by Caucus itself when an officer changes the consultation's stage, deadline or visibility.
    RECORD_CHANGE = "record_change", "Record updated"


# The kinds a person may choose: record changes are written automatically, and only so.
CHOSEN_EVENT_KINDS = [(value, label) for value, label in EventKind.choices if value != EventKind.RECORD_CHANGE]


class ConsultationEventQuerySet(UnionOwnedQuerySet):
    union_path = "consultation__union"
    visibility_prefixes = ("", "consultation__")

    def editable_by(self, user):
        # What the record says happened to it is not for anyone to rewrite, staff included.
        return super().editable_by(user).exclude(kind=EventKind.RECORD_CHANGE)


class ConsultationEvent(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="events")
    occurred_on = models.DateField(validators=[plausible_date])
    kind = models.CharField(max_length=30, choices=EventKind)
    summary = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)
    # The date by which the employer's answer is due, for an information request (a deadline to count).
    answer_due_on = models.DateField(
        "answer due by",
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text="For an information request: blank counts the union's days for an answer from its date.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsultationEventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["occurred_on", "created_at"]
        # The lists' order with the id that makes it total: keyset pages seek through it (plumbing.keyset).
        indexes = [models.Index(fields=["occurred_on", "created_at", "id"], name="event_list_order")]

    # Set by consultations.services when it writes a record change; every other writer is refused that kind.
    recorded_automatically = False

    def __str__(self):
        return f"{self.occurred_on:%d %b %Y} {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("consultation_detail", args=[self.consultation_id]) + f"#event-{self.pk}"

    def clean(self):
        refuse_wider_visibility(self, "consultation", "consultation")
        if self.kind == EventKind.RECORD_CHANGE and not self.recorded_automatically:
            raise ValidationError(
                {"kind": "Caucus records changes to the consultation itself: choose another kind of event."}
            )
        if self.answer_due_on is not None:
            if self.kind != EventKind.INFORMATION_REQUEST:
                raise ValidationError({"answer_due_on": "Only an information request has an answer due."})
            if self.occurred_on and self.answer_due_on < self.occurred_on:
                raise ValidationError({"answer_due_on": "The answer cannot be due before the request was sent."})

    @property
    def answer_due(self) -> datetime.date | None:
        """For an information request: the date entered, or the union's days for an answer from its date."""
        if self.kind != EventKind.INFORMATION_REQUEST:
            return None
        if self.answer_due_on is not None:
            return self.answer_due_on
        return self.occurred_on + datetime.timedelta(days=self.consultation.union.information_request_days)

    def deletion_refusal(self) -> str | None:
        if self.kind == EventKind.RECORD_CHANGE:
            return "Caucus wrote this event when the consultation changed: it stays on the timeline."
        if self.pk is not None and ever_shown_beyond_leadership(self):
            return "This event has been shared beyond the union's leadership, so it is kept: correct it instead."
        return None


# Documents attached to records live in their own module; imported here so that Django knows the model.
from consultations.attachments import Attachment  # noqa: E402, F401
