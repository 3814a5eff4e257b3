"""The access matrix for union-owned records: who may see and who may edit each kind (bargaining/access.py).

Every expected outcome is written out as data, "no" rows included, so that a change to a rule shows
up as a changed line here.
"""

import pytest

from tests.access.matrix import EDIT, INTERNAL, MEMBERS, NO, PUBLIC, SEE, YES, allowed, case_id
from tests.factories import UNION_OWNED

pytestmark = pytest.mark.django_db


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
