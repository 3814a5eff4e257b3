"""What the union stands for: principles, model clauses and positions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Case, Q, Value, When
from django.urls import reverse
from django.utils import dateformat
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import (
    LEADERSHIP_ROLES,
    UnionOwnedQuerySet,
    Visibility,
    is_signed_in,
    is_site_staff,
    leadership_q,
    union_ids,
)
from bargaining.models import (
    BargainingUnit,
    DocumentLanguage,
    Employer,
    PaperSize,
    Topic,
    Union,
    ever_shown_beyond_leadership,
    parent_of,
)
from consultations.models import ConsultationEvent, EdTechTool, ProcurementProposal
from plumbing.validators import plausible_date


class PolicyQuerySet(UnionOwnedQuerySet):
    union_path = "union"


class Principle(models.Model):
    """A standing policy statement that positions and model clauses cite."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="principles", verbose_name=_("union"))
    code = models.SlugField(max_length=60, verbose_name=_("code"))
    title = models.CharField(max_length=200, verbose_name=_("title"))
    statement = models.TextField(verbose_name=_("statement"))
    # The Welsh versions (plumbing.bilingual): a union in Wales adopts its principles in both languages.
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    statement_cy = models.TextField(_("statement in Welsh"), blank=True)
    adopted_on = models.DateField(null=True, blank=True, validators=[plausible_date], verbose_name=_("adopted on"))
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.PUBLIC, verbose_name=_("visibility")
    )

    objects = PolicyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["union", "code"]
        constraints = [
            models.UniqueConstraint(fields=["union", "code"], name="principle_code_unique_per_union"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("principle_detail", args=[self.pk])

    def deletion_refusal(self) -> str | None:
        """A principle that was adopted, published or cited is the union's word: it stays."""
        if self.pk is None:
            return None
        if self.adopted_on or ever_shown_beyond_leadership(self):
            return gettext("This principle has been adopted or published, so it is kept: correct it instead.")
        positions, clauses = self.positions.count(), self.model_clauses.count()
        if positions and clauses:
            return gettext("This principle cannot be deleted: %(positions)s and %(clauses)s cite it.") % {
                "positions": ngettext("%(count)s position", "%(count)s positions", positions) % {"count": positions},
                "clauses": ngettext("%(count)s model clause", "%(count)s model clauses", clauses) % {"count": clauses},
            }
        if positions:
            return ngettext(
                # Translators: the English says "cite" whatever the number.
                "This principle cannot be deleted: %(count)s position cite it.",
                "This principle cannot be deleted: %(count)s positions cite it.",
                positions,
            ) % {"count": positions}
        if clauses:
            return ngettext(
                # Translators: the English says "cite" whatever the number.
                "This principle cannot be deleted: %(count)s model clause cite it.",
                "This principle cannot be deleted: %(count)s model clauses cite it.",
                clauses,
            ) % {"count": clauses}
        return None


class CitesPrinciples:
    """A union cites its own principles: another union's would put words in its mouth.

    `clean_principles` is the rule for the many-to-many citations, which `clean()` cannot see (they are
    set after the row is saved); the record forms, the serializers and the admin all call it.
    """

    def clean_principles(self, principles) -> None:
        union = parent_of(self, "union")
        if union is not None and any(principle.union_id != union.pk for principle in principles):
            raise ValidationError(gettext("Cite only principles of %(union)s.") % {"union": union})


class ModelClauseQuerySet(PolicyQuerySet):
    def with_playbook(self, user):
        """Annotate `show_playbook`: whether `user` may read the walk-away wording and guidance.

        They are the union's bargaining hand, for its leadership only, even in a public model clause.
        The one rule for pages, the API and documents alike.
        """
        return self.annotate(
            show_playbook=Case(
                When(leadership_q(user, union="union"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )


class ModelClause(CitesPrinciples, models.Model):
    """The union's model language on a topic: a bargaining playbook of three fall-back levels."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="model_clauses", verbose_name=_("union"))
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="model_clauses", verbose_name=_("topic"))
    title = models.CharField(max_length=200, verbose_name=_("title"))
    preferred_text = models.TextField(_("preferred wording"))
    fallback_text = models.TextField(_("fallback wording"), blank=True)
    walk_away_text = models.TextField(
        _("walk-away wording"), blank=True, help_text=_("The least the union will accept.")
    )
    guidance = models.TextField(blank=True, help_text=_("Notes for negotiators."), verbose_name=_("guidance"))
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    preferred_text_cy = models.TextField(_("preferred wording in Welsh"), blank=True)
    fallback_text_cy = models.TextField(_("fallback wording in Welsh"), blank=True)
    principles = models.ManyToManyField(
        Principle, blank=True, related_name="model_clauses", verbose_name=_("principles")
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )

    objects = ModelClauseQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[principles])

    # Shown only where `show_playbook` (ModelClauseQuerySet.with_playbook) says so.
    PLAYBOOK_FIELDS = ("walk_away_text", "guidance")

    class Meta:
        verbose_name = _("model clause")
        verbose_name_plural = _("model clauses")
        ordering = ["union", "topic__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["union", "topic"], name="model_clause_one_per_union_and_topic"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("modelclause_detail", args=[self.pk])

    def deletion_refusal(self) -> str | None:
        if self.pk is not None and ever_shown_beyond_leadership(self):
            return gettext(
                "This model clause has been shared beyond the union's leadership, so it is kept: correct it instead."
            )
        return None


class Stance(models.TextChoices):
    SUPPORT = "support", pgettext_lazy("stance", "Support")
    SUPPORT_WITH_CONDITIONS = "support_with_conditions", _("Support with conditions")
    OPPOSE = "oppose", pgettext_lazy("stance", "Oppose")
    NO_POSITION = "no_position", _("No position")


class PositionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("position status", "Draft")
    ADOPTED = "adopted", pgettext_lazy("position status", "Adopted")


class Position(CitesPrinciples, models.Model):
    """The union's stance on a procurement proposal or on a tool wherever it is proposed."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="positions", verbose_name=_("union"))
    title = models.CharField(max_length=200, verbose_name=_("title"))
    proposal = models.ForeignKey(
        ProcurementProposal,
        on_delete=models.PROTECT,
        related_name="positions",
        null=True,
        blank=True,
        verbose_name=_("proposal"),
    )
    tool = models.ForeignKey(
        EdTechTool, on_delete=models.PROTECT, related_name="positions", null=True, blank=True, verbose_name=_("tool")
    )
    stance = models.CharField(max_length=30, choices=Stance, default=Stance.NO_POSITION, verbose_name=_("stance"))
    rationale = models.TextField(blank=True, verbose_name=_("rationale"))
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    rationale_cy = models.TextField(_("rationale in Welsh"), blank=True)
    conditions = models.TextField(
        _("conditions and demands"), blank=True, help_text=_("One condition or demand per line.")
    )
    principles = models.ManyToManyField(Principle, blank=True, related_name="positions", verbose_name=_("principles"))
    status = models.CharField(
        max_length=10, choices=PositionStatus, default=PositionStatus.DRAFT, verbose_name=_("status")
    )
    adopted_on = models.DateField(null=True, blank=True, validators=[plausible_date], verbose_name=_("adopted on"))
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.INTERNAL, verbose_name=_("visibility")
    )
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    objects = PolicyQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[principles])

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["-adopted_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False) | Q(tool__isnull=False),
                name="position_concerns_a_proposal_or_a_tool",
                violation_error_message=_("A position is about a proposal or a tool: choose at least one."),
            ),
            models.CheckConstraint(
                condition=Q(status=PositionStatus.ADOPTED) | Q(visibility=Visibility.INTERNAL),
                name="position_draft_is_internal",
                violation_error_message=_("A draft position stays internal until it is adopted."),
            ),
            models.CheckConstraint(
                condition=Q(status=PositionStatus.DRAFT) | Q(adopted_on__isnull=False),
                name="position_adopted_has_date",
                violation_error_message=_("An adopted position needs the date it was adopted."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("position_detail", args=[self.pk])

    def deletion_refusal(self) -> str | None:
        """Only a draft that was never adopted may be deleted: an adopted position is part of the union's record."""
        if self.pk is None:
            return None
        if self.status == PositionStatus.ADOPTED or self.history.filter(status=PositionStatus.ADOPTED).exists():
            return gettext("This position has been adopted, and an adopted position is never deleted: edit it instead.")
        return None

    def clean(self):
        errors = {}
        if not self.proposal_id and not self.tool_id:
            errors["proposal"] = gettext("A position is about a proposal or a tool: choose at least one.")
        if self.proposal_id and self.tool_id and self.proposal.tool_id != self.tool_id:
            errors["tool"] = gettext("The proposal is for %(proposal_tool)s, not %(tool)s.") % {
                "proposal_tool": self.proposal.tool,
                "tool": self.tool,
            }
        if self.status == PositionStatus.DRAFT and self.visibility != Visibility.INTERNAL:
            errors["visibility"] = gettext("A draft position stays internal until it is adopted.")
        if self.status == PositionStatus.ADOPTED and not self.adopted_on:
            errors["adopted_on"] = gettext("An adopted position needs the date it was adopted.")
        if errors:
            raise ValidationError(errors)

    @property
    def subject_tool(self):
        return self.tool or (self.proposal.tool if self.proposal_id else None)

    def condition_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.conditions.splitlines() if line.strip(" -•\t")]


# Printed documents (issue 5)


class PackSection(models.TextChoices):
    SUMMARY = "summary", _("Summary")
    CONSULTATIONS = "consultations", _("Open consultations and deadlines")
    POSITIONS = "positions", _("Positions")
    COVERAGE = "coverage", _("Coverage matrix")
    LINEAGES = "lineages", _("Clause lineages with redlines")
    TALKING_POINTS = "talking_points", _("Talking points")


class Audience(models.TextChoices):
    """Who a printed document is for (policies/documents/audience.py)."""

    PUBLIC = "public", _("The public")
    MEMBERS = "members", _("Members of the union")
    LEADERSHIP = "leadership", _("The union's leadership")


class PackStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("briefing pack status", "Queued")
    RUNNING = "running", pgettext_lazy("briefing pack status", "Rendering")
    READY = "ready", pgettext_lazy("briefing pack status", "Ready")
    FAILED = "failed", pgettext_lazy("briefing pack status", "Failed")


class BriefingPackQuerySet(models.QuerySet):
    """A pack is printed for one person: only they (and site staff) see it, whatever it contains."""

    def visible_to(self, user):
        if is_site_staff(user):
            return self.all()
        if not is_signed_in(user):
            return self.none()
        # A pack may hold internal material: it goes with the role, not only with the person.
        return self.filter(requester=user, union__in=union_ids(user, LEADERSHIP_ROLES))

    def editable_by(self, user):
        return self.visible_to(user)

    def may_add(self, user) -> bool:
        """Packs are built by a union's officers and organisers (and site staff)."""
        return Union.objects.led_by(user).exists()

    def without_pdf(self):
        """Lists never need the PDF itself, which can run to megabytes per row."""
        return self.defer("pdf")


class BriefingPack(models.Model):
    """A briefing pack asked for by one person, rendered in the background as they may see the record."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="briefing_packs", verbose_name=_("requester")
    )
    union = models.ForeignKey(
        Union,
        on_delete=models.CASCADE,
        related_name="briefing_packs",
        help_text=_("Whose colours it is printed in."),
        verbose_name=_("union"),
    )
    bargaining_unit = models.ForeignKey(
        BargainingUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bargaining unit"),
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("employer")
    )
    tool = models.ForeignKey(
        EdTechTool, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("tool")
    )
    sections = models.JSONField(
        default=list, help_text=_("Codes of the sections chosen, in print order."), verbose_name=_("sections")
    )
    # What the coverage matrix and the clause lineages are narrowed to (ids; none: the whole subject).
    topics = models.JSONField(
        default=list, blank=True, help_text=_("Ids of the topics chosen."), verbose_name=_("topics")
    )
    units = models.JSONField(
        default=list, blank=True, help_text=_("Ids of the bargaining units chosen."), verbose_name=_("units")
    )
    paper_size = models.CharField(max_length=10, choices=PaperSize, default=PaperSize.A4, verbose_name=_("paper size"))
    # Blank for packs printed before documents had an audience: those held everything their requester
    # could see, across unions, and are no longer served.
    audience = models.CharField(
        max_length=12,
        choices=Audience,
        blank=True,
        help_text=_("Who the pack is printed for."),
        verbose_name=_("audience"),
    )
    language = models.CharField(_("language"), max_length=5, choices=DocumentLanguage, default=DocumentLanguage.ENGLISH)
    status = models.CharField(max_length=10, choices=PackStatus, default=PackStatus.QUEUED, verbose_name=_("status"))
    error = models.TextField(
        blank=True, help_text=_("Why the render failed, in words for the requester."), verbose_name=_("error")
    )
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    page_count = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("page count"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))

    objects = BriefingPackQuerySet.as_manager()
    # Who asked for what, and when; never a copy of the PDF itself.
    history = HistoricalRecords(excluded_fields=["pdf"])

    class Meta:
        verbose_name = _("briefing pack")
        verbose_name_plural = _("briefing packs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(bargaining_unit__isnull=False, employer__isnull=True, tool__isnull=True)
                    | Q(bargaining_unit__isnull=True, employer__isnull=False, tool__isnull=True)
                    | Q(bargaining_unit__isnull=True, employer__isnull=True, tool__isnull=False)
                ),
                name="briefing_pack_has_one_subject",
                violation_error_message=_("A briefing pack is about one bargaining unit, one employer or one tool."),
            ),
        ]

    def __str__(self):
        return gettext("Briefing pack: %(subject)s") % {"subject": self.subject}

    def get_absolute_url(self):
        return reverse("pack_detail", args=[self.pk])

    @property
    def subject(self):
        return self.bargaining_unit or self.employer or self.tool

    @property
    def subject_kind(self) -> str:
        """What the subject is, as an identifier (the API's `subject_kind`): never translated."""
        if self.bargaining_unit_id:
            return "bargaining unit"
        return "employer" if self.employer_id else "tool"

    def get_subject_kind_display(self) -> str:
        """What the subject is, in words for the reader."""
        if self.bargaining_unit_id:
            return gettext("bargaining unit")
        return gettext("employer") if self.employer_id else gettext("tool")

    def get_sections_display(self) -> list[str]:
        labels = dict(PackSection.choices)
        return [labels.get(code, code) for code in self.sections]

    @property
    def is_finished(self) -> bool:
        return self.status in (PackStatus.READY, PackStatus.FAILED)

    def filename(self) -> str:
        day = (self.finished_at or self.created_at).date().isoformat()
        return f"{self.union.slug}-briefing-pack-{slugify(str(self.subject))[:60]}-{day}.pdf"


class InformationRequestQuerySet(models.QuerySet):
    """A letter is seen by whoever may see its event on the consultation's timeline."""

    def visible_to(self, user):
        return self.filter(event__in=ConsultationEvent.objects.visible_to(user))


class InformationRequest(models.Model):
    """An information request as sent to the employer: the letter, kept with its timeline event."""

    event = models.OneToOneField(
        ConsultationEvent, on_delete=models.PROTECT, related_name="information_request", verbose_name=_("event")
    )
    text = models.JSONField(help_text=_("The letter's edited parts, as printed."), verbose_name=_("text"))
    pdf = models.BinaryField(editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    objects = InformationRequestQuerySet.as_manager()
    # Who sent which letter, and when; never a copy of the PDF itself.
    history = HistoricalRecords(excluded_fields=["pdf"])

    def __str__(self):
        if not self.created_at:
            return gettext("Information request")
        return gettext("Information request of %(date)s") % {"date": dateformat.format(self.created_at, "d M Y")}
