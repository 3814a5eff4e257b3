"""Follow-up tasks, and the record of reminders sent (each user's feed and reminder choices are accounts')."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import LEADERSHIP_ROLES, Role, is_officer_anywhere, is_site_staff, leadership_q, union_ids
from bargaining.models import Membership, NegotiationSession, Union, parent_of
from consultations.models import Consultation, ProcurementProposal
from plumbing.validators import plausible_date


class TaskQuerySet(models.QuerySet):
    """Tasks are the leadership's working notes: its officers and organisers read them, its officers write them."""

    union_path = "union"

    def visible_to(self, user):
        return self.filter(leadership_q(user, union="union"))

    def visibility_rule(self, user):
        return leadership_q(user, union="union")

    def authors_visible_to(self, user):
        return leadership_q(user, union="union")

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not (user is not None and user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(union__in=union_ids(user, [Role.OFFICER]))

    def may_add(self, user) -> bool:
        return is_officer_anywhere(user)

    def open(self):
        return self.filter(done_on__isnull=True)


class Task(models.Model):
    """A follow-up an officer assigns to someone of the union's leadership, from a consultation, session or proposal."""

    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("union"))
    title = models.CharField(
        max_length=200, help_text=_("What is to be done, e.g. “Draft the response”."), verbose_name=_("title")
    )
    notes = models.TextField(blank=True, verbose_name=_("notes"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="tasks",
        help_text=_("An officer or organiser of the union."),
        verbose_name=_("assignee"),
    )
    due_on = models.DateField(pgettext_lazy("task field", "due"), validators=[plausible_date])
    done_on = models.DateField(pgettext_lazy("task field", "done"), null=True, blank=True, validators=[plausible_date])
    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("consultation"),
    )
    session = models.ForeignKey(
        NegotiationSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("session"),
    )
    proposal = models.ForeignKey(
        ProcurementProposal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("proposal"),
    )

    objects = TaskQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        # Open tasks (no done date) first on every database, then by due date.
        ordering = [models.F("done_on").asc(nulls_first=True), "due_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Tasks are short: they are read in their list, and changed on their edit page.
        return reverse("task_list") + f"#task-{self.pk}"

    @property
    def subject(self):
        """The record the task follows up, if any."""
        return self.consultation or self.session or self.proposal

    def clean(self):
        union = parent_of(self, "union")
        if union is None:
            return
        errors = {}
        assignee = parent_of(self, "assignee")
        leads = Membership.objects.filter(union=union, role__in=LEADERSHIP_ROLES)
        if assignee is not None and not leads.filter(user=assignee, user__is_active=True).exists():
            errors["assignee"] = gettext("Assign the task to an officer or organiser of %(union)s.") % {"union": union}
        consultation = parent_of(self, "consultation")
        if consultation is not None and consultation.union_id != union.pk:
            errors["consultation"] = gettext("Only %(union)s's own consultations can be followed up by its tasks.") % {
                "union": union
            }
        session = parent_of(self, "session")
        if session is not None and session.bargaining_unit.union_id != union.pk:
            errors["session"] = gettext("Only %(union)s's own sessions can be followed up by its tasks.") % {
                "union": union
            }
        if errors:
            raise ValidationError(errors)


class SentReminder(models.Model):
    """An item sent to a user on a day: a second run the same day does not send it again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.CharField(max_length=120, help_text=_("The deadline's UID."))
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "item", "sent_on"], name="reminder_once_per_item_and_day"),
        ]

    def __str__(self):
        # Translators: a deadline's identifier, the person it was mailed to, and the day.
        return gettext("%(item)s to %(user)s on %(day)s") % {"item": self.item, "user": self.user, "day": self.sent_on}
