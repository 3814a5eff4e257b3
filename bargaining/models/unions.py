"""Unions and their members: who belongs to which union, in which role."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import Role, is_signed_in, is_site_staff, leadership_q, union_ids
from plumbing.validators import plausible_date


class PaperSize(models.TextChoices):
    A4 = "A4", "A4"
    LETTER = "letter", _("US Letter")


class DocumentLanguage(models.TextChoices):
    """The language of what a union prints: papers, packs, letters and reports."""

    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh")
    # Both in one document, Welsh first, as is the convention in Wales.
    BILINGUAL = "cy+en", _("Bilingual (Welsh first)")

    @property
    def languages(self) -> list[str]:
        return self.value.split("+")


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
    name = models.CharField(max_length=200, unique=True, verbose_name=_("name"))
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    short_name = models.CharField(max_length=40, verbose_name=_("short name"))
    colour = models.CharField(
        max_length=7,
        default="#8a1c2b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, for example #8a1c2b."))],
        help_text=_("Used on printed matter, as #RRGGBB."),
        verbose_name=_("colour"),
    )
    paper_size = models.CharField(max_length=10, choices=PaperSize, default=PaperSize.A4, verbose_name=_("paper size"))
    document_language = models.CharField(
        _("language of printed documents"),
        max_length=5,
        choices=DocumentLanguage,
        default=DocumentLanguage.ENGLISH,
        help_text=_("The usual language of the papers, packs, letters and reports printed for the union."),
    )
    statutory_response_days = models.PositiveSmallIntegerField(
        _("statutory response window (days)"),
        default=30,
        validators=[MinValueValidator(1, _("The window is at least one day."))],
        help_text=_(
            "Days the union has to answer an employer's notice: a consultation without a response "
            "deadline of its own is due this many days after the notice."
        ),
    )
    information_request_days = models.PositiveSmallIntegerField(
        _("days for an answer to an information request"),
        default=14,
        validators=[MinValueValidator(1, _("The employer has at least one day to answer."))],
        help_text=_(
            "An information request's answer is due this many days after it is sent, unless the request "
            "gives its own date."
        ),
    )
    information_request_questions = models.TextField(
        blank=True,
        help_text=_(
            "The questions of the union's information requests to an employer, one per line; "
            "blank for Caucus's standard questions. Officers edit them before each letter is printed."
        ),
        verbose_name=_("information request questions"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="unions", verbose_name=_("members")
    )

    objects = UnionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("union")
        verbose_name_plural = _("unions")
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
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    # An empty union may be removed with its roster; one that owns records is protected by those records.
    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("union"))
    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER, verbose_name=_("role"))
    joined_on = models.DateField(null=True, blank=True, validators=[plausible_date], verbose_name=_("joined on"))

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["union__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "union"], name="membership_one_per_user_and_union"),
        ]

    def __str__(self):
        # Translators: "alice — Officer of Northview Education Association".
        return gettext("%(user)s — %(role)s of %(union)s") % {
            "user": self.user,
            "role": self.get_role_display(),
            "union": self.union,
        }
