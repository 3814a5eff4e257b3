"""A union's records link only to its own material: no writing into another union's record through links."""

import pytest

from bargaining.access import Visibility
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationFactory,
    NegotiationSessionFactory,
    PositionFactory,
    PrincipleFactory,
)

pytestmark = pytest.mark.django_db


def test_other_officer_cannot_link_a_public_clause_of_another_union_to_their_consultation(
    api, union, other_officer, other_union
):
    theirs = ConsultationFactory(union=other_union)
    public_clause = ClauseFactory(agreement__bargaining_unit__union=union, visibility=Visibility.PUBLIC)

    response = api(other_officer).patch(
        f"/api/v1/consultations/{theirs.pk}/", {"resulting_clauses": [public_clause.pk]}, format="json"
    )

    assert response.status_code == 400
    assert "resulting_clauses" in response.json()
    assert not theirs.resulting_clauses.exists()


def test_officer_links_a_clause_of_their_own_union_to_their_consultation(api, union, officer):
    consultation = ConsultationFactory(union=union)
    own_clause = ClauseFactory(agreement__bargaining_unit__union=union)

    response = api(officer).patch(
        f"/api/v1/consultations/{consultation.pk}/", {"resulting_clauses": [own_clause.pk]}, format="json"
    )

    assert response.status_code == 200, response.content
    assert list(consultation.resulting_clauses.all()) == [own_clause]


def test_other_officer_cannot_cite_another_unions_public_principle_in_their_position(
    api, union, other_officer, other_union
):
    public_principle = PrincipleFactory(union=union, visibility=Visibility.PUBLIC)
    position = PositionFactory(union=other_union)

    response = api(other_officer).patch(
        f"/api/v1/positions/{position.pk}/", {"principles": [public_principle.pk]}, format="json"
    )

    assert response.status_code == 400
    assert "principles" in response.json()
    assert not position.principles.exists()


def test_a_version_tabled_in_an_internal_session_names_no_session_to_a_member(api, union, member):
    session = NegotiationSessionFactory(bargaining_unit__union=union, visibility=Visibility.INTERNAL)
    clause = ClauseFactory(agreement__bargaining_unit=session.bargaining_unit, visibility=Visibility.MEMBERS)
    version = ClauseVersionFactory(clause=clause, session=session)

    as_member = api(member).get(f"/api/v1/clause-versions/{version.pk}/").json()
    lineage = api(member).get(f"/api/v1/clauses/{clause.pk}/").json()

    assert as_member["session"] is None
    assert [entry["session"] for entry in lineage["versions"]] == [None]


def test_a_version_tabled_in_a_visible_session_links_to_it(api, union, officer):
    session = NegotiationSessionFactory(bargaining_unit__union=union, visibility=Visibility.INTERNAL)
    version = ClauseVersionFactory(clause__agreement__bargaining_unit=session.bargaining_unit, session=session)

    data = api(officer).get(f"/api/v1/clause-versions/{version.pk}/").json()

    assert data["session"] == session.pk
