"""History never tells more than the record does: the persona matrix for every union-owned model with history.

Each record is made internal, then shown to members, then published. Its leadership sees all three versions
and who made them; a member sees the history from the moment it reached members; the public (and another
union's officer) from its publication; nobody sees what the record said while it was hidden from them.
"""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersion
from plumbing.history import visible_history
from policies.models import ModelClause, Position
from tests.factories import UNION_OWNED, PositionFactory

pytestmark = pytest.mark.django_db

INTERNAL, MEMBERS, PUBLIC = Visibility.INTERNAL, Visibility.MEMBERS, Visibility.PUBLIC

# Clause versions are append-only: their only history is their creation, as visible as their clause.
MODELS = [model for model in UNION_OWNED if model is not ClauseVersion]

# persona -> (kinds of the entries they see, newest first; whether they see who made the changes)
EXPECTED = {
    "officer": (["changed", "changed", "created"], True),
    "organiser": (["changed", "changed", "created"], True),
    "staff": (["changed", "changed", "created"], True),
    "member": (["changed", "first_visible"], False),
    "other_officer": (["first_visible"], False),
    "anonymous": (["first_visible"], False),
}


def published_in_three_steps(model, union, officer):
    record = UNION_OWNED[model](union, INTERNAL)
    if isinstance(record, Position):
        # Only an adopted position may leave its union's leadership.
        record.status, record.adopted_on = "adopted", datetime.date(2025, 1, 1)
    for visibility in (INTERNAL, MEMBERS, PUBLIC):
        record.visibility = visibility
        record._history_user = officer
        record.save()
    # The creation row, then the two moves (the first save above changed nothing visible but the status).
    record.history.filter(history_type="~", visibility=INTERNAL).delete()
    record.history.update(history_user=officer)
    return record


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_a_reader_sees_only_the_versions_they_could_have_read(request, union, officer, model, persona):
    record = published_in_three_steps(model, union, officer)
    kinds, sees_authors = EXPECTED[persona]

    history = visible_history(record, request.getfixturevalue(persona))

    assert [entry.kind for entry in history] == kinds
    assert history.show_authors is sees_authors
    assert all((entry.who is not None) is sees_authors for entry in history)
    # The first version a reader may see says nothing of what came before it.
    assert history.entries[-1].changes == [] or persona in ("officer", "organiser", "staff")


def test_the_changes_shown_are_between_versions_the_reader_could_see(union, officer, member):
    record = published_in_three_steps(Position, union, officer)

    member_view = visible_history(record, member)
    officer_view = visible_history(record, officer)

    assert [(change.label, change.old, change.new) for change in member_view.entries[0].changes] == [
        ("visibility", "Members of the union", "Public")
    ]
    assert ("visibility", "Internal (officers and organisers)", "Members of the union") in [
        (change.label, change.old, change.new) for change in officer_view.entries[1].changes
    ]


def test_fields_the_reader_may_not_see_are_left_out_of_the_history(union, officer, member):
    model_clause = UNION_OWNED[ModelClause](union, PUBLIC)
    model_clause.walk_away_text = "SECRET bottom line"
    model_clause.title = "A new title"
    model_clause.save()

    history = visible_history(model_clause, member, hidden_fields=ModelClause.PLAYBOOK_FIELDS)

    labels = [change.label for change in history.entries[0].changes]
    assert labels == ["title"]
    assert "SECRET" not in repr(history.entries)


def test_a_public_positions_page_shows_anonymous_readers_nothing_of_its_internal_phase(client_for, anonymous, union):
    position = PositionFactory(union=union, title="Draft title", stance="support")
    position.stance = "oppose"
    position.save()
    position.status, position.adopted_on, position.visibility = "adopted", datetime.date(2025, 1, 1), PUBLIC
    position.save()

    page = client_for(anonymous).get(reverse("position_detail", args=[position.pk])).text

    assert "Drafted" not in page
    assert "Support" not in page.split("History of changes")[1]
    assert "Shown to you from here on" in page
