"""A child record is never more visible than its parent: the querysets cap it, and clean() refuses it.

Every expected outcome is written out as data, "no" rows included, so that a change to a rule shows
up as a changed line here.
"""

import pytest
from django.core.exceptions import ValidationError

from bargaining.models import Agreement, Clause, ClauseVersion, NegotiationSession, SessionNote
from consultations.models import ConsultationEvent
from tests import factories
from tests.access.matrix import INTERNAL, MEMBERS, NO, PUBLIC, SEE, YES, case_id

pytestmark = pytest.mark.django_db


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
