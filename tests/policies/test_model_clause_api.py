"""A model clause's walk-away wording and guidance are the union's bottom line: leadership only."""

import pytest

from bargaining.access import Visibility
from tests.factories import ModelClauseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def model_clause_with_bottom_line(union):
    return ModelClauseFactory(
        union=union, visibility=Visibility.PUBLIC, walk_away_text="At least thirty days.", guidance="Hold firm."
    )


@pytest.mark.parametrize("persona", ["officer", "organiser", "staff"])
def test_leadership_reads_the_bottom_line(request, api, model_clause_with_bottom_line, persona):
    data = (
        api(request.getfixturevalue(persona)).get(f"/api/v1/model-clauses/{model_clause_with_bottom_line.pk}/").json()
    )

    assert data["walk_away_text"] == "At least thirty days."
    assert data["guidance"] == "Hold firm."


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_others_read_the_model_clause_without_its_bottom_line(request, api, model_clause_with_bottom_line, persona):
    client = api(request.getfixturevalue(persona))

    detail = client.get(f"/api/v1/model-clauses/{model_clause_with_bottom_line.pk}/").json()
    listed = client.get("/api/v1/model-clauses/").json()["results"]

    assert detail["preferred_text"] == model_clause_with_bottom_line.preferred_text
    for data in [detail, *listed]:
        assert "walk_away_text" not in data
        assert "guidance" not in data
    assert "thirty" not in str(listed)
