"""A clause's lineage and its redline."""

import pytest

from bargaining.access import Visibility
from tests.factories import ClauseFactory, ClauseVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clause(union):
    clause = ClauseFactory(agreement__bargaining_unit__union=union, visibility=Visibility.MEMBERS)
    ClauseVersionFactory(clause=clause, text="The employer shall give notice.", status="proposed")
    ClauseVersionFactory(clause=clause, text="The employer shall give thirty days' notice.", status="countered")
    ClauseVersionFactory(clause=clause, text="The employer shall give sixty days' notice.", status="tentatively_agreed")
    return clause


def test_clause_detail_lists_its_versions_in_order_with_the_current_status(api, member, clause):
    data = api(member).get(f"/api/v1/clauses/{clause.pk}/").json()

    assert [version["number"] for version in data["versions"]] == [1, 2, 3]
    assert data["status"] == "tentatively_agreed"
    assert data["versions"][0]["url"].endswith(f"/api/v1/clause-versions/{data['versions'][0]['id']}/")


def test_redline_defaults_to_the_last_two_versions(api, member, clause):
    data = api(member).get(f"/api/v1/clauses/{clause.pk}/redline/").json()

    assert data["from_version"]["number"] == 2
    assert data["to_version"]["number"] == 3
    assert {"kind": "delete", "text": "thirty"} in data["segments"]
    assert {"kind": "insert", "text": "sixty"} in data["segments"]
    new_text = "".join(segment["text"] for segment in data["segments"] if segment["kind"] != "delete")
    assert new_text == "The employer shall give sixty days' notice."


def test_redline_between_chosen_versions(api, member, clause):
    first, _, last = clause.versions.order_by("number")

    data = api(member).get(f"/api/v1/clauses/{clause.pk}/redline/?from={first.number}&to={last.number}").json()

    old_text = "".join(segment["text"] for segment in data["segments"] if segment["kind"] != "insert")
    assert old_text == first.text
    assert data["from_version"]["id"] == first.pk


def test_redline_of_a_single_version_is_all_insertion(api, member, union):
    clause = ClauseFactory(agreement__bargaining_unit__union=union)
    ClauseVersionFactory(clause=clause, text="Only text.")

    data = api(member).get(f"/api/v1/clauses/{clause.pk}/redline/").json()

    assert data["from_version"] is None
    assert data["segments"] == [{"kind": "insert", "text": "Only text."}]


@pytest.mark.parametrize("parameter", ["from", "to"])
@pytest.mark.parametrize("value", ["abc", "999999", "-1"])
def test_redline_refuses_a_version_that_is_not_of_this_clause_naming_the_parameter(
    api, member, clause, parameter, value
):
    response = api(member).get(f"/api/v1/clauses/{clause.pk}/redline/?{parameter}={value}")

    assert response.status_code == 400
    assert parameter in response.json()


def test_redline_refuses_a_version_of_another_clause(api, member, union, clause):
    other = ClauseVersionFactory(clause=ClauseFactory(agreement__bargaining_unit__union=union))

    response = api(member).get(f"/api/v1/clauses/{clause.pk}/redline/?to={other.pk}")

    assert response.status_code == 400


def test_redline_of_a_clause_without_versions_answers_400(api, member, union):
    clause = ClauseFactory(agreement__bargaining_unit__union=union)

    assert api(member).get(f"/api/v1/clauses/{clause.pk}/redline/").status_code == 400


def test_redline_of_a_clause_the_caller_cannot_see_is_404(api, other_officer, anonymous, clause):
    assert api(other_officer).get(f"/api/v1/clauses/{clause.pk}/redline/").status_code == 404
    assert api(anonymous).get(f"/api/v1/clauses/{clause.pk}/redline/").status_code == 404


def test_clause_version_of_an_internal_clause_is_hidden_from_members(api, union, member, organiser):
    version = ClauseVersionFactory(
        clause=ClauseFactory(agreement__bargaining_unit__union=union, visibility=Visibility.INTERNAL)
    )

    assert api(member).get(f"/api/v1/clause-versions/{version.pk}/").status_code == 404
    assert api(organiser).get(f"/api/v1/clause-versions/{version.pk}/").status_code == 200
