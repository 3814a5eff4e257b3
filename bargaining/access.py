"""Who may see and change what: the access rules of Caucus, written once.

Union-owned records carry `union` and `visibility`. A child record (an event under a
consultation, a version under a clause) is visible only when it AND every ancestor that
carries a visibility allow it, so a child can never be more visible than its parent.
Reference records (employers, vendors, tools, proposals, topics) are read by every
signed-in user and changed by officers of any union. Site staff see and change everything.
"""

from django.db import models
from django.db.models import Exists, Q


class Visibility(models.TextChoices):
    INTERNAL = "internal", "Internal (officers and organisers)"
    MEMBERS = "members", "Members of the union"
    PUBLIC = "public", "Public"


# Most restrictive first; used to compare a child's visibility with its parent's.
VISIBILITY_RANK = {Visibility.INTERNAL: 0, Visibility.MEMBERS: 1, Visibility.PUBLIC: 2}


def is_more_visible(child: str, parent: str) -> bool:
    return VISIBILITY_RANK[child] > VISIBILITY_RANK[parent]


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    ORGANISER = "organiser", "Organiser"
    OFFICER = "officer", "Officer"


# Roles that may read a union's internal material.
LEADERSHIP_ROLES = (Role.ORGANISER, Role.OFFICER)


def is_site_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))


def union_ids(user, roles=None):
    """A subquery of the unions `user` belongs to (optionally in one of `roles`).

    A subquery rather than a list, so that applying a rule never costs a query of its own.
    """
    from bargaining.models import Membership

    memberships = Membership.objects.filter(user=user, user__is_active=True)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("union_id")


def visibility_q(user, *, union: str, visibility: str) -> Q:
    """The rows whose `visibility` field (a lookup path) lets `user` read them."""
    public = Q(**{visibility: Visibility.PUBLIC})
    if not user.is_authenticated or not user.is_active:
        return public
    return (
        public
        | Q(**{visibility: Visibility.MEMBERS, f"{union}__in": union_ids(user)})
        | Q(**{visibility: Visibility.INTERNAL, f"{union}__in": union_ids(user, LEADERSHIP_ROLES)})
    )


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
        rule = Q()
        for prefix in self.visibility_prefixes:
            rule &= visibility_q(user, union=self.union_path, visibility=f"{prefix}visibility")
        return self.filter(rule)

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(**{f"{self.union_path}__in": union_ids(user, [Role.OFFICER])})


class ReferenceQuerySet(models.QuerySet):
    """Shared reference rows: read by every signed-in user, changed by officers of any union."""

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.all()

    def editable_by(self, user):
        if is_site_staff(user):
            return self.all()
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(Exists(union_ids(user, [Role.OFFICER])))


def leadership_union_ids(user) -> frozenset[int]:
    """The unions whose internal material `user` may read: one query, for pages that decide per row.

    For example, a public model clause still keeps its walk-away wording to the union's leadership.
    """
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if is_site_staff(user):
        from bargaining.models import Union

        return frozenset(Union.objects.values_list("pk", flat=True))
    return frozenset(union_ids(user, LEADERSHIP_ROLES).values_list("union_id", flat=True))


def is_officer_anywhere(user) -> bool:
    """Officers of any union (and site staff) record reference data and draft their unions' records."""
    if is_site_staff(user):
        return True
    return bool(user.is_authenticated and user.is_active and union_ids(user, [Role.OFFICER]).exists())


def may_edit(user, obj) -> bool:
    """Whether `user` may change `obj`: the model's own editable_by rule, applied to one row."""
    return type(obj)._default_manager.editable_by(user).filter(pk=obj.pk).exists()
