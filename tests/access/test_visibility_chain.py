"""A record under ancestors with their own visibility: `visible_to` lets a reader in exactly when every level does,
for every combination of levels and every kind of reader, through the queryset and through its rule as a Q."""

import pytest
from django.contrib.auth.models import AnonymousUser

from bargaining.access import Role
from bargaining.models import Clause
from tests import factories
from tests.access.matrix import INTERNAL, MEMBERS, PUBLIC

pytestmark = pytest.mark.django_db

LEVELS = (PUBLIC, MEMBERS, INTERNAL)


def level_lets_in(visibility, reader) -> bool:
    """One level's rule, as the README states it for people."""
    return (
        visibility == PUBLIC
        or (visibility == MEMBERS and reader in ("member", "organiser", "officer"))
        or (visibility == INTERNAL and reader in ("organiser", "officer"))
    )


@pytest.fixture
def clauses():
    """Twenty-seven clauses of one union, one for every (unit, agreement, clause) visibility."""
    union = factories.UnionFactory()
    made = {}
    for unit_visibility in LEVELS:
        unit = factories.BargainingUnitFactory(union=union, visibility=unit_visibility)
        for agreement_visibility in LEVELS:
            agreement = factories.AgreementFactory(bargaining_unit=unit, visibility=agreement_visibility)
            for clause_visibility in LEVELS:
                clause = factories.ClauseFactory(agreement=agreement, visibility=clause_visibility)
                made[clause.pk] = (unit_visibility, agreement_visibility, clause_visibility)
    return union, made


def reader_of(kind, union):
    if kind == "anonymous":
        return AnonymousUser()
    user = factories.UserFactory(is_staff=kind == "staff")
    if kind in ("member", "organiser", "officer"):
        factories.MembershipFactory(user=user, union=union, role=Role(kind))
    if kind == "member elsewhere":
        factories.MembershipFactory(user=user, role=Role.OFFICER)
    return user


@pytest.mark.parametrize("kind", ["officer", "organiser", "member", "member elsewhere", "signed in", "anonymous"])
def test_every_level_must_let_the_reader_in(clauses, kind):
    union, made = clauses
    reader = reader_of(kind, union)
    expected = {pk for pk, levels in made.items() if all(level_lets_in(level, kind) for level in levels)}
    assert set(Clause.objects.visible_to(reader).values_list("pk", flat=True)) == expected
    # The same rule read as a Q (history, attachments, notifications use it so).
    assert set(Clause.objects.filter(Clause.objects.visibility_rule(reader)).values_list("pk", flat=True)) == expected
    # The combinations are all there: not a rule that happens to agree on a few.
    assert len(set(made.values())) == len(LEVELS) ** 3
    assert {"officer": 27, "organiser": 27, "member": 8}.get(kind, 1) == len(expected)


def test_a_member_who_left_the_union_reads_only_what_is_public(clauses):
    union, made = clauses
    reader = reader_of("officer", union)
    reader.memberships.all().delete()
    visible = set(Clause.objects.visible_to(reader).values_list("pk", flat=True))
    assert [made[pk] for pk in visible] == [(PUBLIC, PUBLIC, PUBLIC)]


def test_site_staff_read_everything(clauses):
    union, made = clauses
    assert Clause.objects.visible_to(reader_of("staff", union)).count() == len(made)
