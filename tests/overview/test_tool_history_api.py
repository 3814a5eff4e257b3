"""GET /api/v1/tools/{id}/history/: the tool's timeline, with links to each full record."""

import datetime

import pytest

from bargaining.access import Visibility
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool_with_history(union):
    """A tool with a consultation, an event, a public position and a clause version, each on its own date."""
    tool = EdTechToolFactory()
    consultation = ConsultationFactory(union=union, proposal__tool=tool, visibility=Visibility.MEMBERS)
    ConsultationEventFactory(consultation=consultation, occurred_on=datetime.date(2025, 2, 1))
    PositionFactory(union=union, tool=tool, visibility=Visibility.PUBLIC, adopted_on=datetime.date(2025, 3, 1))
    clause = ClauseFactory(agreement__bargaining_unit__union=union)
    consultation.resulting_clauses.add(clause)
    ClauseVersionFactory(clause=clause, tabled_on=datetime.date(2025, 4, 1))
    return tool


def history(client, tool):
    response = client.get(f"/api/v1/tools/{tool.pk}/history/")
    assert response.status_code == 200
    return response.json()["results"]


def test_member_sees_the_whole_history_newest_first_with_links(api, member, union, tool_with_history):
    entries = history(api(member), tool_with_history)

    assert [entry["kind"] for entry in entries] == ["clause_version", "position", "consultation_event", "proposal"]
    assert [entry["date"] for entry in entries] == sorted((entry["date"] for entry in entries), reverse=True)
    event = entries[2]
    assert event["union"]["name"] == union.name
    assert event["employer"]["url"].endswith(f"/api/v1/employers/{event['employer']['id']}/")
    assert "/api/v1/consultation-events/" in event["record"]
    assert entries[3]["union"] is None
    client = api(member)
    for entry in entries:
        assert client.get(entry["record"]).status_code == 200


def test_other_officer_sees_the_proposal_and_public_position_only(api, other_officer, tool_with_history):
    assert [entry["kind"] for entry in history(api(other_officer), tool_with_history)] == ["position", "proposal"]


def test_anonymous_cannot_see_the_tool_at_all(api, anonymous, tool_with_history):
    assert api(anonymous).get(f"/api/v1/tools/{tool_with_history.pk}/history/").status_code == 404


def test_history_of_an_unknown_tool_is_404(api, member):
    assert api(member).get("/api/v1/tools/999999/history/").status_code == 404


def test_a_tool_links_to_its_history(api, member, tool_with_history):
    data = api(member).get(f"/api/v1/tools/{tool_with_history.pk}/").json()

    assert data["history"].endswith(f"/api/v1/tools/{tool_with_history.pk}/history/")
