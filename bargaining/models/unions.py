"""Unions and their members: who belongs to which union, in which role."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from bargaining.access import Role, is_signed_in, is_site_staff, leadership_q, union_ids
from plumbing.validators import plausible_date


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
        if not is_signed_in(user):
            return self.none()
        return self.filter(pk__in=union_ids(user, [Role.OFFICER]))

    def joined_by(self, user):
        """The unions `user` belongs to, in any role (every union, for site staff): those a page speaks for."""
        if is_site_staff(user):
            return self.all()
        if not is_signed_in(user):
            return self.none()
        return self.filter(pk__in=union_ids(user))

    def led_by(self, user):
        """The unions whose internal material `user` reads: those they are an officer or organiser of."""
        return self.filter(leadership_q(user, union="pk"))

    def may_add(self, user) -> bool:
        # A new union is set up by the site administrators, who also give it its first officer.
        return is_site_staff(user)


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
    statutory_response_days = models.PositiveSmallIntegerField(
        "statutory response window (days)",
        default=30,
        validators=[MinValueValidator(1, "The window is at least one day.")],
        help_text="Days the union has to answer an employer's notice: a consultation without a response "
        "deadline of its own is due this many days after the notice.",
    )
    information_request_questions = models.TextField(
        blank=True,
        help_text="The questions of the union's information requests to an employer, one per line; "
        "blank for Caucus's standard questions. Officers edit them before each letter is printed.",
    )
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
        if not is_signed_in(user):
            return self.none()
        return self.filter(Q(user=user) | Q(union__in=union_ids(user, [Role.OFFICER])))

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not is_signed_in(user):
            return self.none()
        return self.filter(union__in=union_ids(user, [Role.OFFICER]))


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    # An empty union may be removed with its roster; one that owns records is protected by those records.
    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER)
    joined_on = models.DateField(null=True, blank=True, validators=[plausible_date])

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["union__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "union"], name="membership_one_per_user_and_union"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} of {self.union}"
