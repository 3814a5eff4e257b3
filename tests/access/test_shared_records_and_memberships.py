"""The access matrix for shared reference records, unions and memberships, and the one-record helpers.

Every expected outcome is written out as data, "no" rows included, so that a change to a rule shows
up as a changed line here.
"""

import pytest

from bargaining.access import Role, is_officer_anywhere
from bargaining.models import Employer, Membership, Topic, Union
from consultations.models import EdTechTool, ProcurementProposal, Vendor
from plumbing.records import may_edit
from policies.models import Position
from tests import factories
from tests.access.matrix import EDIT, INTERNAL, NO, PUBLIC, SEE, YES, allowed, case_id

pytestmark = pytest.mark.django_db


# Shared reference records -----------------------------------------------------------------------------


REFERENCE_MATRIX = [
    # persona         action  expected
    ("anonymous",     SEE,    NO),
    ("anonymous",     EDIT,   NO),
    ("member",        SEE,    YES),
    ("member",        EDIT,   NO),
    ("organiser",     SEE,    YES),
    ("organiser",     EDIT,   NO),
    ("officer",       SEE,    YES),
    ("officer",       EDIT,   YES),
    ("other_officer", SEE,    YES),
    ("other_officer", EDIT,   YES),
    ("staff",         SEE,    YES),
    ("staff",         EDIT,   YES),
]  # fmt: skip


REFERENCE = {
    Employer: factories.EmployerFactory,
    Topic: factories.TopicFactory,
    Vendor: factories.VendorFactory,
    EdTechTool: factories.EdTechToolFactory,
    ProcurementProposal: factories.ProcurementProposalFactory,
}


@pytest.mark.parametrize(
    ("model", "persona", "action", "expected"),
    [
        pytest.param(model, persona, action, exp, id=case_id(persona, model.__name__, action, exp))
        for model in REFERENCE
        for persona, action, exp in REFERENCE_MATRIX
    ],
)
def test_reference_record_is_read_by_the_signed_in_and_edited_by_any_officer(request, model, persona, action, expected):
    record = REFERENCE[model]()
    user = request.getfixturevalue(persona)

    assert allowed(model, user, action).filter(pk=record.pk).exists() is expected


@pytest.mark.parametrize("model", REFERENCE, ids=lambda model: model.__name__)
def test_inactive_officer_neither_sees_nor_edits_reference_records(officer, model):
    REFERENCE[model]()
    officer.is_active = False
    officer.save()

    assert not model.objects.visible_to(officer).exists()
    assert not model.objects.editable_by(officer).exists()


@pytest.mark.parametrize("model", REFERENCE, ids=lambda model: model.__name__)
@pytest.mark.parametrize("rows", [2, 10])
def test_reference_visible_to_costs_one_query_whatever_the_number_of_rows(
    member, django_assert_num_queries, model, rows
):
    for _ in range(rows):
        REFERENCE[model]()

    with django_assert_num_queries(1):
        visible = list(model.objects.visible_to(member))

    assert len(visible) == model.objects.count()


# Unions and memberships ------------------------------------------------------------------------------


UNION_MATRIX = [
    # persona         action  expected (for `union`)
    ("anonymous",     SEE,    YES),
    ("anonymous",     EDIT,   NO),
    ("member",        SEE,    YES),
    ("member",        EDIT,   NO),
    ("organiser",     SEE,    YES),
    ("organiser",     EDIT,   NO),
    ("officer",       SEE,    YES),
    ("officer",       EDIT,   YES),
    ("other_officer", SEE,    YES),
    ("other_officer", EDIT,   NO),
    ("staff",         SEE,    YES),
    ("staff",         EDIT,   YES),
]  # fmt: skip


@pytest.mark.parametrize(
    ("persona", "action", "expected"),
    UNION_MATRIX,
    ids=[case_id(persona, "the union", action, exp) for persona, action, exp in UNION_MATRIX],
)
def test_union_is_seen_by_everyone_and_edited_by_its_own_officers(request, union, persona, action, expected):
    user = request.getfixturevalue(persona)

    assert allowed(Union, user, action).filter(pk=union.pk).exists() is expected


def test_inactive_officer_sees_unions_but_edits_none(union, officer):
    officer.is_active = False
    officer.save()

    assert Union.objects.visible_to(officer).filter(pk=union.pk).exists()
    assert not Union.objects.editable_by(officer).exists()


MEMBERSHIP_MATRIX = [
    # persona         whose membership  action  expected
    ("anonymous",     "member",         SEE,    NO),
    ("anonymous",     "member",         EDIT,   NO),
    ("member",        "member",         SEE,    YES),
    ("member",        "member",         EDIT,   NO),
    ("member",        "organiser",      SEE,    NO),
    ("member",        "organiser",      EDIT,   NO),
    ("organiser",     "organiser",      SEE,    YES),
    ("organiser",     "member",         SEE,    NO),
    ("organiser",     "member",         EDIT,   NO),
    ("officer",       "member",         SEE,    YES),
    ("officer",       "member",         EDIT,   YES),
    ("officer",       "officer",        SEE,    YES),
    ("officer",       "other_officer",  SEE,    NO),
    ("officer",       "other_officer",  EDIT,   NO),
    ("other_officer", "member",         SEE,    NO),
    ("other_officer", "member",         EDIT,   NO),
    ("staff",         "member",         SEE,    YES),
    ("staff",         "member",         EDIT,   YES),
]  # fmt: skip


@pytest.mark.parametrize(
    ("persona", "owner", "action", "expected"),
    MEMBERSHIP_MATRIX,
    ids=[case_id(persona, f"{owner} membership", action, exp) for persona, owner, action, exp in MEMBERSHIP_MATRIX],
)
def test_membership_is_seen_by_its_holder_and_the_union_officers(request, persona, owner, action, expected):
    user = request.getfixturevalue(persona)
    membership = Membership.objects.get(user=request.getfixturevalue(owner))

    assert allowed(Membership, user, action).filter(pk=membership.pk).exists() is expected


def test_inactive_officer_sees_no_memberships(union, officer, member):
    officer.is_active = False
    officer.save()

    assert not Membership.objects.visible_to(officer).exists()


def test_inactive_officer_edits_no_memberships(union, officer, member):
    officer.is_active = False
    officer.save()

    assert not Membership.objects.editable_by(officer).exists()


def test_member_of_two_unions_has_each_role_only_in_its_own_union(union, other_union, member):
    factories.MembershipFactory(user=member, union=other_union, role=Role.OFFICER)
    own_internal = factories.PositionFactory(union=union, visibility=INTERNAL)
    other_internal = factories.PositionFactory(union=other_union, visibility=INTERNAL)

    assert set(Position.objects.visible_to(member)) == {other_internal}
    assert set(Position.objects.editable_by(member)) == {other_internal}
    assert own_internal not in Position.objects.editable_by(member)


# One-row helpers used by pages and the API -------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", NO), ("member", NO), ("organiser", NO), ("officer", YES), ("other_officer", YES), ("staff", YES)],
)
def test_only_officers_of_some_union_and_staff_are_officers_anywhere(request, persona, expected):
    assert is_officer_anywhere(request.getfixturevalue(persona)) is expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", NO), ("member", NO), ("organiser", NO), ("officer", YES), ("other_officer", NO), ("staff", YES)],
)
def test_may_edit_applies_the_models_own_rule_to_one_record(request, union, persona, expected):
    position = factories.PositionFactory(union=union, visibility=PUBLIC)

    assert may_edit(request.getfixturevalue(persona), position) is expected
