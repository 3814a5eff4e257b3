"""The access matrix: who may see and who may edit each kind of record (bargaining/access.py).

Every expected outcome is written out as data, "no" rows included, so that a change to a rule shows
up as a changed line here.
"""

import pytest
from django.core.exceptions import ValidationError

from bargaining.access import Role, Visibility, is_officer_anywhere
from bargaining.models import (
    Agreement,
    Clause,
    ClauseVersion,
    Employer,
    Membership,
    NegotiationSession,
    SessionNote,
    Topic,
    Union,
)
from consultations.models import ConsultationEvent, EdTechTool, ProcurementProposal, Vendor
from plumbing.records import may_edit
from policies.models import Position
from tests import factories
from tests.factories import UNION_OWNED

pytestmark = pytest.mark.django_db

INTERNAL, MEMBERS, PUBLIC = Visibility.INTERNAL, Visibility.MEMBERS, Visibility.PUBLIC
SEE, EDIT = "see", "edit"
YES, NO = True, False


def allowed(model, user, action):
    """The queryset the rule gives `user` for `action`."""
    if action == SEE:
        return model.objects.visible_to(user)
    return model.objects.editable_by(user)


def case_id(persona, target, action, expected):
    return f"{persona} {'can' if expected else 'cannot'} {action} {target}".replace(" ", "_")


# Union-owned records ---------------------------------------------------------------------------------

# The owning union is `union`; officer, organiser and member belong to it, other_officer does not.
UNION_OWNED_MATRIX = [
    # persona         visibility  action  expected
    ("anonymous",     INTERNAL,   SEE,    NO),
    ("anonymous",     MEMBERS,    SEE,    NO),
    ("anonymous",     PUBLIC,     SEE,    YES),
    ("anonymous",     INTERNAL,   EDIT,   NO),
    ("anonymous",     MEMBERS,    EDIT,   NO),
    ("anonymous",     PUBLIC,     EDIT,   NO),
    ("member",        INTERNAL,   SEE,    NO),
    ("member",        MEMBERS,    SEE,    YES),
    ("member",        PUBLIC,     SEE,    YES),
    ("member",        INTERNAL,   EDIT,   NO),
    ("member",        MEMBERS,    EDIT,   NO),
    ("member",        PUBLIC,     EDIT,   NO),
    ("organiser",     INTERNAL,   SEE,    YES),
    ("organiser",     MEMBERS,    SEE,    YES),
    ("organiser",     PUBLIC,     SEE,    YES),
    ("organiser",     INTERNAL,   EDIT,   NO),
    ("organiser",     MEMBERS,    EDIT,   NO),
    ("organiser",     PUBLIC,     EDIT,   NO),
    ("officer",       INTERNAL,   SEE,    YES),
    ("officer",       MEMBERS,    SEE,    YES),
    ("officer",       PUBLIC,     SEE,    YES),
    ("officer",       INTERNAL,   EDIT,   YES),
    ("officer",       MEMBERS,    EDIT,   YES),
    ("officer",       PUBLIC,     EDIT,   YES),
    ("other_officer", INTERNAL,   SEE,    NO),
    ("other_officer", MEMBERS,    SEE,    NO),
    ("other_officer", PUBLIC,     SEE,    YES),
    ("other_officer", INTERNAL,   EDIT,   NO),
    ("other_officer", MEMBERS,    EDIT,   NO),
    ("other_officer", PUBLIC,     EDIT,   NO),
    ("staff",         INTERNAL,   SEE,    YES),
    ("staff",         MEMBERS,    SEE,    YES),
    ("staff",         PUBLIC,     SEE,    YES),
    ("staff",         INTERNAL,   EDIT,   YES),
    ("staff",         MEMBERS,    EDIT,   YES),
    ("staff",         PUBLIC,     EDIT,   YES),
]  # fmt: skip


@pytest.mark.parametrize(
    ("model", "persona", "visibility", "action", "expected"),
    [
        pytest.param(model, persona, vis, action, exp, id=case_id(persona, f"{vis} {model.__name__}", action, exp))
        for model in UNION_OWNED
        for persona, vis, action, exp in UNION_OWNED_MATRIX
    ],
)
def test_union_owned_record_is_seen_and_edited_only_by_those_the_rules_name(
    request, union, model, persona, visibility, action, expected
):
    record = UNION_OWNED[model](union, visibility)
    user = request.getfixturevalue(persona)

    assert allowed(model, user, action).filter(pk=record.pk).exists() is expected


@pytest.mark.parametrize("model", UNION_OWNED, ids=lambda model: model.__name__)
def test_inactive_officer_sees_only_public_records_and_edits_none(union, officer, model):
    records = {visibility: UNION_OWNED[model](union, visibility) for visibility in (INTERNAL, MEMBERS, PUBLIC)}
    officer.is_active = False
    officer.save()

    assert set(model.objects.visible_to(officer)) == {records[PUBLIC]}
    assert not model.objects.editable_by(officer).exists()


@pytest.mark.parametrize("model", UNION_OWNED, ids=lambda model: model.__name__)
@pytest.mark.parametrize("rows", [2, 10])
def test_visible_to_costs_one_query_whatever_the_number_of_rows(union, member, django_assert_num_queries, model, rows):
    for index in range(rows):
        UNION_OWNED[model](union, (MEMBERS, PUBLIC)[index % 2])

    with django_assert_num_queries(1):
        visible = list(model.objects.visible_to(member))

    assert len(visible) == rows


# A child is never more visible than its parent -------------------------------------------------------

# A child made public (a version: whatever its clause says) under a parent of the given visibility.
PUBLIC_CHILD_UNDER = {
    "public agreement under bargaining unit": (
        Agreement,
        lambda union, parent: factories.AgreementFactory(
            bargaining_unit__union=union, bargaining_unit__visibility=parent, visibility=PUBLIC
        ),
    ),
    "public session under bargaining unit": (
        NegotiationSession,
        lambda union, parent: factories.NegotiationSessionFactory(
            bargaining_unit__union=union, bargaining_unit__visibility=parent, visibility=PUBLIC
        ),
    ),
    "public clause under agreement": (
        Clause,
        lambda union, parent: factories.ClauseFactory(
            agreement__bargaining_unit__union=union, agreement__visibility=parent, visibility=PUBLIC
        ),
    ),
    "public clause under bargaining unit": (
        Clause,
        lambda union, parent: factories.ClauseFactory(
            agreement__bargaining_unit__union=union,
            agreement__bargaining_unit__visibility=parent,
            agreement__visibility=PUBLIC,
            visibility=PUBLIC,
        ),
    ),
    "version under clause": (
        ClauseVersion,
        lambda union, parent: factories.ClauseVersionFactory(
            clause__agreement__bargaining_unit__union=union, clause__visibility=parent
        ),
    ),
    "version under agreement": (
        ClauseVersion,
        lambda union, parent: factories.ClauseVersionFactory(
            clause__agreement__bargaining_unit__union=union, clause__agreement__visibility=parent
        ),
    ),
    "public note under session": (
        SessionNote,
        lambda union, parent: factories.SessionNoteFactory(
            session__bargaining_unit__union=union, session__visibility=parent, visibility=PUBLIC
        ),
    ),
    "public note under bargaining unit": (
        SessionNote,
        lambda union, parent: factories.SessionNoteFactory(
            session__bargaining_unit__union=union,
            session__bargaining_unit__visibility=parent,
            session__visibility=PUBLIC,
            visibility=PUBLIC,
        ),
    ),
    "public event under consultation": (
        ConsultationEvent,
        lambda union, parent: factories.ConsultationEventFactory(
            consultation__union=union, consultation__visibility=parent, visibility=PUBLIC
        ),
    ),
}

PUBLIC_CHILD_MATRIX = [
    # parent visibility  persona          sees the public child
    (INTERNAL,           "anonymous",     NO),
    (INTERNAL,           "member",        NO),
    (INTERNAL,           "other_officer", NO),
    (INTERNAL,           "organiser",     YES),
    (INTERNAL,           "officer",       YES),
    (INTERNAL,           "staff",         YES),
    (MEMBERS,            "anonymous",     NO),
    (MEMBERS,            "other_officer", NO),
    (MEMBERS,            "member",        YES),
]  # fmt: skip


@pytest.mark.parametrize(
    ("relation", "parent_visibility", "persona", "expected"),
    [
        pytest.param(
            relation,
            vis,
            persona,
            exp,
            id=case_id(persona, relation.replace("under", f"under {vis}"), SEE, exp),
        )
        for relation in PUBLIC_CHILD_UNDER
        for vis, persona, exp in PUBLIC_CHILD_MATRIX
    ],
)
def test_public_child_is_no_more_visible_than_its_parent(
    request, union, relation, parent_visibility, persona, expected
):
    model, make = PUBLIC_CHILD_UNDER[relation]
    # The factory saves without clean(), which would refuse this row: the queryset must cap it on its own.
    child = make(union, parent_visibility)
    user = request.getfixturevalue(persona)

    assert model.objects.visible_to(user).filter(pk=child.pk).exists() is expected


# (how to make the parent with a visibility, how to build an unsaved child of it with a visibility)
CHILD_OF = {
    "agreement under bargaining unit": (
        factories.BargainingUnitFactory,
        lambda parent, visibility: factories.AgreementFactory.build(bargaining_unit=parent, visibility=visibility),
    ),
    "session under bargaining unit": (
        factories.BargainingUnitFactory,
        lambda parent, visibility: factories.NegotiationSessionFactory.build(
            bargaining_unit=parent, visibility=visibility
        ),
    ),
    "clause under agreement": (
        factories.AgreementFactory,
        lambda parent, visibility: factories.ClauseFactory.build(
            agreement=parent, topic=factories.TopicFactory(), visibility=visibility
        ),
    ),
    "note under session": (
        factories.NegotiationSessionFactory,
        lambda parent, visibility: factories.SessionNoteFactory.build(session=parent, visibility=visibility),
    ),
    "event under consultation": (
        factories.ConsultationFactory,
        lambda parent, visibility: factories.ConsultationEventFactory.build(consultation=parent, visibility=visibility),
    ),
}

WIDER_THAN_PARENT = [(INTERNAL, MEMBERS), (INTERNAL, PUBLIC), (MEMBERS, PUBLIC)]


@pytest.mark.parametrize(
    ("relation", "parent_visibility", "child_visibility"),
    [
        pytest.param(
            relation, parent, child, id=f"{child} {relation.replace('under', 'under ' + parent)}".replace(" ", "_")
        )
        for relation in CHILD_OF
        for parent, child in WIDER_THAN_PARENT
    ],
)
def test_clean_refuses_a_child_more_visible_than_its_parent(relation, parent_visibility, child_visibility):
    parent_factory, build_child = CHILD_OF[relation]
    child = build_child(parent_factory(visibility=parent_visibility), child_visibility)

    with pytest.raises(ValidationError) as raised:
        child.full_clean()

    assert set(raised.value.error_dict) == {"visibility"}
    assert "more visible" in raised.value.message_dict["visibility"][0]


@pytest.mark.parametrize("relation", CHILD_OF, ids=lambda relation: relation.replace(" ", "_"))
@pytest.mark.parametrize("visibility", [INTERNAL, MEMBERS, PUBLIC])
def test_clean_accepts_a_child_as_visible_as_its_parent(relation, visibility):
    parent_factory, build_child = CHILD_OF[relation]
    child = build_child(parent_factory(visibility=visibility), visibility)

    child.full_clean()  # raises ValidationError if refused
    child.save()

    assert type(child).objects.filter(pk=child.pk, visibility=visibility).exists()


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
