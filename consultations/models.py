"""What employers propose to buy, and each union's consultation about it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, Upper
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
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
from plumbing.due import AddDays
from plumbing.validators import plausible_date


def validate_choice_list(value, choices, messages: dict) -> None:
    """A JSON list field holding codes of `choices`: refuse anything else, naming the culprit.

    `messages` holds the list's own sentences: "not_a_list", "unknown" (with %(unknown)s and %(allowed)s) and
    "repeated".
    """
    if not isinstance(value, list):
        raise ValidationError(messages["not_a_list"])
    unknown = [item for item in value if item not in choices.values]
    if unknown:
        allowed = ", ".join(choices.values)
        raise ValidationError(messages["unknown"] % {"unknown": ", ".join(map(str, unknown)), "allowed": allowed})
    if len(set(value)) != len(value):
        raise ValidationError(messages["repeated"])


class PersonalData(models.TextChoices):
    CONTACT_DETAILS = "contact_details", _("Contact details")
    DEMOGRAPHICS = "demographics", _("Demographics")
    ENROLMENT = "enrolment", _("Enrolment")
    ATTENDANCE = "attendance", _("Attendance")
    ASSESSMENT_RESULTS = "assessment_results", _("Assessment results")
    CONDUCT = "conduct", pgettext_lazy("personal data category", "Conduct")
    SPECIAL_NEEDS = "special_needs", _("Special needs indicators")
    COMMUNICATIONS = "communications", _("Communications")
    USAGE_STATISTICS = "usage_statistics", _("Usage statistics")
    STAFF_PERFORMANCE = "staff_performance", _("Staff performance")
    AUDIO_VIDEO = "audio_video", _("Audio or video of people")
    BIOMETRIC = "biometric", _("Biometric data")


PERSONAL_DATA_MESSAGES = {
    "not_a_list": _("Enter a list of personal data categories."),
    # Translators: %(unknown)s and %(allowed)s are lists of codes, which stay in English.
    "unknown": _("Unknown personal data categories: %(unknown)s. Choose from: %(allowed)s."),
    "repeated": _("Each of the personal data categories may be listed once."),
}

JOB_GROUP_MESSAGES = {
    "not_a_list": _("Enter a list of job groups."),
    # Translators: %(unknown)s and %(allowed)s are lists of codes, which stay in English.
    "unknown": _("Unknown job groups: %(unknown)s. Choose from: %(allowed)s."),
    "repeated": _("Each of the job groups may be listed once."),
}


def validate_personal_data(value):
    validate_choice_list(value, PersonalData, PERSONAL_DATA_MESSAGES)


def validate_job_groups(value):
    validate_choice_list(value, JobGroup, JOB_GROUP_MESSAGES)


class Vendor(models.Model):
    name = models.CharField(max_length=200, unique=True, verbose_name=_("name"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    country = models.CharField(max_length=80, blank=True, verbose_name=_("country"))
    notes = models.TextField(blank=True, verbose_name=_("notes"))
    archived_on = models.DateField(null=True, blank=True, help_text=ARCHIVED_HELP, verbose_name=_("archived on"))

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("vendor_detail", args=[self.pk])


class ToolCategory(models.TextChoices):
    TUTORING = "tutoring", pgettext_lazy("tool category", "Tutoring")
    ASSESSMENT = "assessment", _("Assessment or proctoring")
    LESSON_PLANNING = "lesson_planning", _("Lesson planning")
    ANALYTICS = "analytics", _("Analytics or early warning")
    MONITORING = "monitoring", pgettext_lazy("tool category", "Monitoring")
    ADMINISTRATION = "administration", _("Administration or scheduling")
    GENERATIVE_ASSISTANT = "generative_assistant", _("Generative assistant")
    COACHING = "coaching", _("Coaching or simulation")


class PrivacyAgreementStatus(models.TextChoices):
    NONE = "none", pgettext_lazy("privacy agreement status", "None")
    REQUESTED = "requested", pgettext_lazy("privacy agreement status", "Requested")
    SIGNED = "signed", _("Signed (district's own)")
    SIGNED_BY_ADOPTION = "signed_by_adoption", _("Signed by adopting another district's agreement")
    EXPIRED = "expired", pgettext_lazy("privacy agreement status", "Expired")


class RiskRating(models.TextChoices):
    UNASSESSED = "unassessed", pgettext_lazy("risk rating", "Not assessed")
    LOW = "low", pgettext_lazy("risk rating", "Low")
    MEDIUM = "medium", pgettext_lazy("risk rating", "Medium")
    HIGH = "high", pgettext_lazy("risk rating", "High")


class EdTechTool(models.Model):
    name = models.CharField(max_length=200, verbose_name=_("name"))
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="tools", verbose_name=_("vendor"))
    category = models.CharField(max_length=30, choices=ToolCategory, verbose_name=_("category"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    ai_features = models.TextField(_("AI features"), blank=True)
    personal_data = models.JSONField(
        _("personal data processed"), default=list, blank=True, validators=[validate_personal_data]
    )
    privacy_agreement_status = models.CharField(
        max_length=30,
        choices=PrivacyAgreementStatus,
        default=PrivacyAgreementStatus.NONE,
        verbose_name=_("privacy agreement status"),
    )
    privacy_agreement_expires_on = models.DateField(
        _("privacy agreement expires on"),
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_("When the district's privacy agreement for this tool ends, if it has been signed."),
    )
    risk_rating = models.CharField(
        max_length=20, choices=RiskRating, default=RiskRating.UNASSESSED, verbose_name=_("risk rating")
    )
    archived_on = models.DateField(null=True, blank=True, help_text=ARCHIVED_HELP, verbose_name=_("archived on"))

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = _("EdTech tools")
        ordering = ["name"]
        verbose_name = _("EdTech tool")
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
        refuse_archived_parent(self, "vendor", _("vendor"))
        unsigned = (PrivacyAgreementStatus.NONE, PrivacyAgreementStatus.REQUESTED)
        if self.privacy_agreement_expires_on and self.privacy_agreement_status in unsigned:
            raise ValidationError(
                {"privacy_agreement_expires_on": _("Only a signed (or expired) privacy agreement has an expiry date.")}
            )

    def get_personal_data_display(self) -> list[str]:
        labels = dict(PersonalData.choices)
        return [labels.get(code, code) for code in self.personal_data]


class ProposalStatus(models.TextChoices):
    ANNOUNCED = "announced", pgettext_lazy("proposal status", "Announced")
    UNDER_CONSULTATION = "under_consultation", pgettext_lazy("proposal status", "Under consultation")
    APPROVED = "approved", pgettext_lazy("proposal status", "Approved")
    REJECTED = "rejected", pgettext_lazy("proposal status", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal status", "Withdrawn")
    DEPLOYED = "deployed", pgettext_lazy("proposal status", "Deployed")


class ProcurementProposal(models.Model):
    """An employer's proposal to adopt a tool."""

    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("employer")
    )
    tool = models.ForeignKey(EdTechTool, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("tool"))
    title = models.CharField(max_length=200, verbose_name=_("title"))
    purpose = models.TextField(blank=True, verbose_name=_("purpose"))
    affected_job_groups = models.JSONField(
        default=list, blank=True, validators=[validate_job_groups], verbose_name=_("affected job groups")
    )
    cost = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("The cost cannot be negative."))],
        verbose_name=_("cost"),
    )
    budget_line = models.CharField(max_length=120, blank=True, verbose_name=_("budget line"))
    announced_on = models.DateField(validators=[plausible_date], verbose_name=_("announced on"))
    proposed_start = models.DateField(
        null=True, blank=True, validators=[plausible_date], verbose_name=_("proposed start")
    )
    status = models.CharField(
        max_length=30, choices=ProposalStatus, default=ProposalStatus.ANNOUNCED, verbose_name=_("status")
    )
    deployed_on = models.DateField(
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_("When the tool went into use, if it has."),
        verbose_name=_("deployed on"),
    )
    review_on = models.DateField(
        _("review date"),
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_(
            "When the tool's use is to be reviewed. Left empty, an approved or deployed tool is reviewed "
            "one year after it went into use (or after its proposed start)."
        ),
    )

    objects = ReferenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("procurement proposal")
        verbose_name_plural = _("procurement proposals")
        ordering = ["-announced_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0),
                name="proposal_cost_not_negative",
                violation_error_message=_("The cost cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.employer})"

    def get_absolute_url(self):
        return reverse("proposal_detail", args=[self.pk])

    def clean(self):
        refuse_archived_parent(self, "tool", _("tool"))
        refuse_archived_parent(self, "employer", _("employer"))
        if self.proposed_start and self.announced_on and self.proposed_start < self.announced_on:
            raise ValidationError({"proposed_start": _("The proposed start cannot come before the announcement.")})
        if self.deployed_on and self.announced_on and self.deployed_on < self.announced_on:
            raise ValidationError({"deployed_on": _("The tool cannot go into use before the proposal was announced.")})

    def get_affected_job_groups_display(self) -> list[str]:
        labels = dict(JobGroup.choices)
        return [labels.get(code, code) for code in self.affected_job_groups]


class ConsultationStage(models.TextChoices):
    NOTICE_RECEIVED = "notice_received", pgettext_lazy("consultation stage", "Notice received")
    INFORMATION_REQUESTED = "information_requested", pgettext_lazy("consultation stage", "Information requested")
    MEETINGS = "meetings", pgettext_lazy("consultation stage", "Meetings")
    RESPONSE_SUBMITTED = "response_submitted", pgettext_lazy("consultation stage", "Response submitted")
    DECISION = "decision", pgettext_lazy("consultation stage", "Decision")
    REVIEW = "review", pgettext_lazy("consultation stage", "Review")


class ConsultationQuerySet(UnionOwnedQuerySet):
    union_path = "union"

    def open(self):
        """Consultations still waiting for the employer's decision."""
        return self.exclude(stage__in=[ConsultationStage.DECISION, ConsultationStage.REVIEW])

    def with_due_date(self, user):
        """Annotate `due`: the response deadline entered, or the union's statutory window counted from the notice.

        The notice is the first one on the timeline that `user` may see (annotated `notice_on`), else the day the
        consultation opened. The one statement of the rule: pages show it, the deadline engine filters and orders
        by it, in SQL.
        """
        first_notice = (
            ConsultationEvent.objects.visible_to(user)
            .filter(consultation=OuterRef("pk"), kind=EventKind.NOTICE)
            .order_by("occurred_on")
            .values("occurred_on")[:1]
        )
        counted = AddDays(Coalesce("notice_on", "opened_on"), F("union__statutory_response_days"))
        return self.annotate(notice_on=Subquery(first_notice)).annotate(due=Coalesce("response_deadline", counted))


class Consultation(models.Model):
    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("union"))
    proposal = models.ForeignKey(
        ProcurementProposal, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("proposal")
    )
    stage = models.CharField(
        max_length=30, choices=ConsultationStage, default=ConsultationStage.NOTICE_RECEIVED, verbose_name=_("stage")
    )
    opened_on = models.DateField(validators=[plausible_date], verbose_name=_("opened on"))
    response_deadline = models.DateField(
        null=True, blank=True, validators=[plausible_date], verbose_name=_("response deadline")
    )
    outcome = models.TextField(blank=True, verbose_name=_("outcome"))
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )
    resulting_clauses = models.ManyToManyField(
        Clause,
        blank=True,
        related_name="consultations",
        help_text=_("Clauses negotiated because of this consultation."),
        verbose_name=_("resulting clauses"),
    )

    objects = ConsultationQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[resulting_clauses])

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opened_on"]
        constraints = [
            models.UniqueConstraint(fields=["union", "proposal"], name="consultation_one_per_union_and_proposal"),
            models.CheckConstraint(
                condition=Q(response_deadline__isnull=True) | Q(response_deadline__gte=F("opened_on")),
                name="consultation_deadline_not_before_opening",
                violation_error_message=_("The response deadline cannot be before the consultation opened."),
            ),
        ]

    def __str__(self):
        return f"{self.union.short_name}: {self.proposal.title}"

    def get_absolute_url(self):
        return reverse("consultation_detail", args=[self.pk])

    @property
    def due_is_computed(self) -> bool:
        return self.response_deadline is None

    def deletion_refusal(self) -> str | None:
        """A consultation with a timeline is part of the union's record; one opened by mistake may go."""
        if self.pk is not None and self.events.exists():
            return gettext(
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
            raise ValidationError(
                gettext("Only clauses of %(union)s's own agreements can come out of its consultation.")
                % {"union": union}
            )

    def clean(self):
        if self.response_deadline and self.opened_on and self.response_deadline < self.opened_on:
            raise ValidationError(
                {
                    "response_deadline": (
                        gettext("The response deadline cannot be before the consultation opened (%(date)s).")
                        % {"date": date_format(self.opened_on, "d M Y")}
                    )
                }
            )


class EventKind(models.TextChoices):
    NOTICE = "notice", pgettext_lazy("timeline event kind", "Notice")
    INFORMATION_REQUEST = "information_request", pgettext_lazy("timeline event kind", "Information request")
    DOCUMENT_RECEIVED = "document_received", pgettext_lazy("timeline event kind", "Document received")
    MEETING = "meeting", pgettext_lazy("timeline event kind", "Meeting")
    UNION_RESPONSE = "union_response", pgettext_lazy("timeline event kind", "Union response")
    EMPLOYER_DECISION = "employer_decision", pgettext_lazy("timeline event kind", "Employer decision")
    ESCALATION = "escalation", pgettext_lazy("timeline event kind", "Escalation")
    NOTE = "note", pgettext_lazy("timeline event kind", "Note")
    # Written by Caucus itself when an officer changes the consultation's stage, deadline or visibility.
    RECORD_CHANGE = "record_change", pgettext_lazy("timeline event kind", "Record updated")


# The kinds a person may choose: record changes are written automatically, and only so.
CHOSEN_EVENT_KINDS = [(value, label) for value, label in EventKind.choices if value != EventKind.RECORD_CHANGE]


class ConsultationEventQuerySet(UnionOwnedQuerySet):
    union_path = "consultation__union"
    visibility_prefixes = ("", "consultation__")

    def editable_by(self, user):
        # What the record says happened to it is not for anyone to rewrite, staff included.
        return super().editable_by(user).exclude(kind=EventKind.RECORD_CHANGE)

    def with_answer_due(self):
        """Annotate `answer_due`: for an information request, the date entered, or the union's days for an answer
        counted from the request (None for other kinds). The one statement of the rule: the consultation's page
        shows it, the deadline engine counts it."""
        counted = AddDays("occurred_on", F("consultation__union__information_request_days"))
        request = Q(kind=EventKind.INFORMATION_REQUEST)
        return self.annotate(
            answer_due=Case(When(request, then=Coalesce("answer_due_on", counted)), output_field=models.DateField())
        )


class ConsultationEvent(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="events", verbose_name=_("consultation")
    )
    occurred_on = models.DateField(validators=[plausible_date], verbose_name=_("occurred on"))
    kind = models.CharField(max_length=30, choices=EventKind, verbose_name=_("kind"))
    summary = models.TextField(verbose_name=_("summary"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )
    # The date by which the employer's answer is due, for an information request (a deadline to count).
    answer_due_on = models.DateField(
        _("answer due by"),
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_("For an information request: blank counts the union's days for an answer from its date."),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    objects = ConsultationEventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("consultation event")
        verbose_name_plural = _("consultation events")
        ordering = ["occurred_on", "created_at"]
        # The lists' order with the id that makes it total: keyset pages seek through it (plumbing.keyset).
        indexes = [
            models.Index(fields=["occurred_on", "created_at", "id"], name="event_list_order"),
            # A consultation's events of one kind, by date: its first notice, its open information requests and
            # the documents that answer them (the deadline engine asks for these of every open consultation).
            models.Index(fields=["consultation", "kind", "occurred_on"], name="event_by_kind"),
            # The newest written first: notifications and the header's unread count read them in this order.
            models.Index(fields=["created_at"], name="event_written_order"),
        ]

    # Set by consultations.services when it writes a record change; every other writer is refused that kind.
    recorded_automatically = False

    def __str__(self):
        return f"{date_format(self.occurred_on, 'd M Y')} {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("consultation_detail", args=[self.consultation_id]) + f"#event-{self.pk}"

    def clean(self):
        refuse_wider_visibility(self, "consultation", _("consultation"))
        if self.kind == EventKind.RECORD_CHANGE and not self.recorded_automatically:
            raise ValidationError(
                {"kind": _("Caucus records changes to the consultation itself: choose another kind of event.")}
            )
        if self.answer_due_on is not None:
            if self.kind != EventKind.INFORMATION_REQUEST:
                raise ValidationError({"answer_due_on": _("Only an information request has an answer due.")})
            if self.occurred_on and self.answer_due_on < self.occurred_on:
                raise ValidationError({"answer_due_on": _("The answer cannot be due before the request was sent.")})

    def deletion_refusal(self) -> str | None:
        if self.kind == EventKind.RECORD_CHANGE:
            return gettext("Caucus wrote this event when the consultation changed: it stays on the timeline.")
        if self.pk is not None and ever_shown_beyond_leadership(self):
            return gettext(
                "This event has been shared beyond the union's leadership, so it is kept: correct it instead."
            )
        return None


# Documents attached to records live in their own module; imported here so that Django knows the model.
from consultations.attachments import Attachment  # noqa: E402, F401
