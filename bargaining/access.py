"""Who may see and change what: the access rules of Caucus, written once.

Union-owned records carry `union` and `visibility`. A child record (an event under a
consultation, a version under a clause) is visible only when it AND every ancestor that
carries a visibility allow it, so a child can never be more visible than its parent.
Reference records (employers, vendors, tools, proposals, topics) are read by every
signed-in user and changed by officers of any union. Site staff see and change everything.

This module imports no model: a user's unions are reached through `user.memberships`, so the
models can build their querysets from these rules without an import circle.
"""

import functools
import operator
from functools import reduce

from django.db import models
from django.db.models import Case, Exists, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal (officers and organisers)")
    MEMBERS = "members", _("Members of the union")
    PUBLIC = "public", pgettext_lazy("visibility", "Public")


# Most restrictive first; used to compare a child's visibility with its parent's.
VISIBILITY_RANK = {Visibility.INTERNAL: 0, Visibility.MEMBERS: 1, Visibility.PUBLIC: 2}


def is_more_visible(child: str, parent: str) -> bool:
    return VISIBILITY_RANK[child] > VISIBILITY_RANK[parent]


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    ORGANISER = "organiser", _("Organiser")
    OFFICER = "officer", _("Officer")


# Roles that may read a union's internal material.
LEADERSHIP_ROLES = (Role.ORGANISER, Role.OFFICER)


def is_signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_site_staff(user) -> bool:
    return is_signed_in(user) and bool(user.is_staff or user.is_superuser)


def union_ids(user, roles=None):
    """A subquery of the unions `user` belongs to (optionally in one of `roles`); `user` is signed in.

    A subquery rather than a list, so that applying a rule never costs a query of its own. Built once per user
    and roles in a process (it names the user by id only), and handed out as a fresh copy: only its SQL is kept,
    never rows, so it is never stale, and a request applying a dozen rules does not build it forty times.
    """
    key = None if roles is None else tuple(sorted(roles))
    if not hasattr(user, "_meta"):
        # A stand-in reader (policies.documents.audience.AudienceReader) answers for its own memberships.
        return _memberships_in(user.memberships, key)
    return _union_ids(user._meta.get_field("memberships").related_model, user.pk, key).all()


@functools.lru_cache(maxsize=4096)
def _union_ids(membership, user_id, roles):
    return _memberships_in(membership.objects.filter(user=user_id).order_by(), roles)


def _memberships_in(memberships, roles):
    memberships = memberships.filter(user__is_active=True)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("union_id")


def chain_visibility_q(user, *, union: str, visibilities: list[str]) -> Q:
    """The rows that `user` may read when each of `visibilities` (lookup paths: the row's own and its ancestors')
    must let them read it, all of them owned by the one union at `union`.

    A level marked public lets anyone read; members-only, the union's members; internal, its officers and
    organisers. With one union for every level, the rule comes to three cases: every level public; every level
    public or members-only, for a member of the union; or any of the three, for one of its leadership. Two
    subqueries however many levels there are (a level at a time took two per level, six for a clause, and
    building and compiling them was most of a small list's request). Site staff are not special here:
    `visible_to` lets them through before this.
    """
    every = (Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL)
    public = _each_in(visibilities, [Visibility.PUBLIC])
    if not is_signed_in(user):
        return public
    return (
        public
        | (_each_in(visibilities, [Visibility.PUBLIC, Visibility.MEMBERS]) & Q(**{f"{union}__in": union_ids(user)}))
        | (_each_in(visibilities, every) & Q(**{f"{union}__in": union_ids(user, LEADERSHIP_ROLES)}))
    )


def _each_in(fields: list[str], values: list[str]) -> Q:
    lookup = "" if len(values) == 1 else "__in"
    value = values[0] if len(values) == 1 else values
    return reduce(operator.and_, (Q(**{f"{field}{lookup}": value}) for field in fields))


def leadership_q(user, *, union: str) -> Q:
    """The rows whose owning union (a lookup path) `user` leads: material for officers and organisers only."""
    if is_site_staff(user):
        return Q(pk__isnull=False)
    if not is_signed_in(user):
        return Q(pk__in=[])
    return Q(**{f"{union}__in": union_ids(user, LEADERSHIP_ROLES)})


def is_officer_anywhere(user) -> bool:
    """Officers of any union (and site staff) record reference data and draft their unions' records."""
    if is_site_staff(user):
        return True
    return is_signed_in(user) and union_ids(user, [Role.OFFICER]).exists()


def leads_union(user, union_id) -> bool:
    """Whether `user` is an officer or organiser of the union (or site staff): one query at most."""
    if is_site_staff(user):
        return True
    return is_signed_in(user) and union_ids(user, LEADERSHIP_ROLES).filter(union_id=union_id).exists()


class UnionOwnedQuerySet(models.QuerySet):
    """Rows owned by a union.

    Subclasses name the lookup path to the owning union and the prefixes of every object on
    the way up that carries a `visibility` field ("" is the row itself).
    """

    union_path = "union"
    visibility_prefixes: tuple[str, ...] = ("",)

    def visible_to(self, user):
        if is_site_staff(user):
            return self.all()
        return self.filter(self.visibility_rule(user))

    def visibility_rule(self, user) -> Q:
        """The rule of `visible_to` as a Q: it holds for the model's history too (plumbing/history.py),
        where it judges each past version by its own visibility at the time."""
        if is_site_staff(user):
            return Q()
        visibilities = [f"{prefix}visibility" for prefix in self.visibility_prefixes]
        return chain_visibility_q(user, union=self.union_path, visibilities=visibilities)

    def authors_visible_to(self, user) -> Q:
        """Who made each change is the owning union's internal business: its leadership sees the authors."""
        return leadership_q(user, union=self.union_path)

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not is_signed_in(user):
            return self.none()
        return self.filter(**{f"{self.union_path}__in": union_ids(user, [Role.OFFICER])})

    def may_add(self, user) -> bool:
        """Officers add records to their own unions (which union is checked when the record is made)."""
        return is_officer_anywhere(user)

    def with_effective_visibility(self):
        """Annotate `effective_visibility`: the least visible of the row and every ancestor with a visibility."""
        fields = [f"{prefix}visibility" for prefix in self.visibility_prefixes]
        return self.annotate(
            effective_visibility=Case(
                When(_any_of(fields, Visibility.INTERNAL), then=Value(Visibility.INTERNAL.value)),
                When(_any_of(fields, Visibility.MEMBERS), then=Value(Visibility.MEMBERS.value)),
                default=Value(Visibility.PUBLIC.value),
                output_field=models.CharField(),
            )
        )


def _any_of(fields: list[str], visibility: str) -> Q:
    return reduce(operator.or_, (Q(**{field: visibility}) for field in fields))


ARCHIVED_HELP = _("Set when the record is retired: it leaves pickers and lists, and stays on timelines and in history.")


class ReferenceQuerySet(models.QuerySet):
    """Shared reference rows: read by every signed-in user, changed by officers of any union."""

    def visible_to(self, user):
        if not is_signed_in(user):
            return self.none()
        return self.all()

    def visibility_rule(self, user) -> Q:
        return Q() if is_signed_in(user) else Q(pk__in=[])

    def authors_visible_to(self, user) -> Q:
        # Shared records are kept by the officers of every union, in the open.
        return self.visibility_rule(user)

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not is_signed_in(user):
            return self.none()
        return self.filter(Exists(union_ids(user, [Role.OFFICER])))

    def may_add(self, user) -> bool:
        return is_officer_anywhere(user)


class ArchivableQuerySet(ReferenceQuerySet):
    """Shared reference records that can be retired (archived) rather than deleted."""

    def active(self):
        """The records offered when a new record is made: not archived."""
        return self.filter(archived_on__isnull=True)
