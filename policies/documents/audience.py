"""Who a document is printed for: the public, the members of a union, or its leadership.

A document's content is what its audience may see, further limited to what the person printing may
see. Both limits come down to one reader: the printer may print for an audience only when they may
see everything that audience may (a member of the union for its members, an officer or organiser for
its leadership), so what the audience may see is already inside what the printer may. The documents
then select with an `AudienceReader`, which the access rules (bargaining/access.py) read like a user
who holds exactly the audience's place in the union and nothing else.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from bargaining.access import VISIBILITY_RANK, Role, Visibility, is_signed_in, is_site_staff, leads_union, union_ids
from bargaining.models import Union
from policies.models import Audience

# The visibility each audience may read, and the widest-first order in which they are offered.
AUDIENCE_VISIBILITY = {
    Audience.PUBLIC: Visibility.PUBLIC,
    Audience.MEMBERS: Visibility.MEMBERS,
    Audience.LEADERSHIP: Visibility.INTERNAL,
}
WIDEST_FIRST = (Audience.PUBLIC, Audience.MEMBERS, Audience.LEADERSHIP)


class AudienceRefused(ValidationError):
    """The person printing may not print this document for the audience asked for."""


def cover_line(audience: str, union) -> str:
    """The line on the cover that says who the document is for."""
    name = getattr(union, "short_name", "") or union.name
    if audience == Audience.PUBLIC:
        return _("For publication")
    if audience == Audience.MEMBERS:
        return _("Prepared for members of %(union)s") % {"union": name}
    return _("Prepared for the leadership of %(union)s (officers and organisers) only") % {"union": name}


def may_print_for(printer, audience: str, union_id) -> bool:
    """Whether `printer` may see everything `audience` of the union may: the right to print for it."""
    if audience == Audience.PUBLIC:
        return True
    if is_site_staff(printer):
        return True
    if not is_signed_in(printer) or union_id is None:
        return False
    if audience == Audience.MEMBERS:
        return union_ids(printer).filter(union_id=union_id).exists()
    return leads_union(printer, union_id)


def audiences_for(printer, *, union_id, subject_visibility: str = Visibility.PUBLIC) -> list[str]:
    """The audiences `printer` may print a subject of that visibility for, widest first.

    No wider than the subject (a members-only position is never printed for the public) and no
    narrower than the printer's rights (a member does not print the leadership's copy).
    """
    allowed = []
    for audience in WIDEST_FIRST:
        too_wide = VISIBILITY_RANK[AUDIENCE_VISIBILITY[audience]] > VISIBILITY_RANK[subject_visibility]
        if not too_wide and may_print_for(printer, audience, union_id):
            allowed.append(audience)
    return allowed


def choose_audience(printer, *, requested: str | None, union_id, subject_visibility: str = Visibility.PUBLIC) -> str:
    """The audience asked for, or by default the widest one the subject allows; AudienceRefused otherwise."""
    allowed = audiences_for(printer, union_id=union_id, subject_visibility=subject_visibility)
    if not requested:
        if not allowed:
            raise AudienceRefused({"audience": _("You may not print this document for any audience.")})
        return allowed[0]
    if requested not in Audience.values:
        raise AudienceRefused({"audience": _("Choose one of: %(choices)s.") % {"choices": ", ".join(Audience.values)}})
    if requested not in allowed:
        # The audiences are named by their codes (public, members, leadership), as they are asked for.
        offered = ", ".join(allowed) or pgettext("no audience", "none")
        raise AudienceRefused(
            {
                "audience": _("You may not print this document for the audience '%(requested)s' (yours: %(offered)s).")
                % {"requested": requested, "offered": offered}
            }
        )
    return requested


def reader_for(printer, audience: str, union_id):
    """The reader a document selects with: what `audience` of the union may see (and the printer too).

    A printer who is not signed in reads as themself: the public's copy without the shared reference
    records, which only signed-in people may read.
    """
    if not is_signed_in(printer):
        return printer
    role = {Audience.MEMBERS: Role.MEMBER, Audience.LEADERSHIP: Role.OFFICER}.get(audience)
    return AudienceReader(union_id=union_id if role else None, role=role)


class AudienceReader:
    """A signed-in reader holding one role in one union (or none, for the public) and nothing else."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    pk = id = None
    username = ""

    def __init__(self, *, union_id, role):
        self.memberships = _Memberships(union_id, role)

    def get_full_name(self) -> str:
        return ""


class _Memberships:
    """What bargaining.access reads from `user.memberships`: the unions held, optionally in given roles."""

    def __init__(self, union_id, role):
        self.union_id = union_id
        self.role = role

    def filter(self, *, user__is_active=True, role__in=None, union_id=None):
        held = self.union_id is not None and user__is_active
        held = held and (role__in is None or self.role in role__in)
        held = held and (union_id is None or union_id == self.union_id)
        return _Memberships(self.union_id if held else None, self.role)

    def values(self, field):
        return Union.objects.filter(pk__in=[self.union_id] if self.union_id is not None else []).values("pk")

    def exists(self) -> bool:
        return self.union_id is not None
