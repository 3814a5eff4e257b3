"""Hostile input gets a 4xx in the API's format, before costly work, and never a 500.

Lone surrogates and control characters, lists of ten thousand ids, bodies of megabytes, ids beyond what the
database holds, dates in the year 9999.
"""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersion
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NegotiationSessionFactory,
    PositionFactory,
    PrincipleFactory,
)
from tests.helpers import detail_url

pytestmark = pytest.mark.django_db

LONE_SURROGATE = "\ud800"


def raw_json(client, method, url, body: str, **extra):
    """Send a JSON body as given (json.dumps would refuse a lone surrogate; a hostile client need not)."""
    return getattr(client, method)(url, body.encode("utf-8", "surrogatepass"), content_type="application/json", **extra)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"stance": "\\ud800"}', "stance"),
        ('{"title": "A\\u0000B"}', "title"),
        ('{"rationale": "bell \\u0007 here"}', "rationale"),
        ('{"principles": ["\\udfff"]}', "principles"),
    ],
)
def test_text_with_lone_surrogates_or_control_characters_is_refused_naming_the_field(api, union, officer, body, field):
    position = PositionFactory(union=union)

    response = raw_json(api(officer), "patch", detail_url("positions", position), body)

    assert response.status_code == 400
    assert field in response.json()
    assert "control characters" in response.json()[field][0]


def test_tab_and_line_breaks_are_fine(api, union, officer):
    position = PositionFactory(union=union)

    response = api(officer).patch(detail_url("positions", position), {"rationale": "One\tTwo\r\nThree\n"})

    assert response.status_code == 200


def test_a_list_of_ten_thousand_ids_is_refused_quickly(api, union, officer, django_assert_max_num_queries):
    position = PositionFactory(union=union)
    client = api(officer)
    etag = client.get(detail_url("positions", position))["ETag"]

    with django_assert_max_num_queries(12):
        response = client.patch(
            detail_url("positions", position), {"principles": list(range(1, 10_001))}, HTTP_IF_MATCH=etag
        )

    assert response.status_code == 400
    assert "at most 200" in response.json()["principles"][0]


def test_two_hundred_ids_are_looked_up_in_one_query(api, union, officer, django_assert_max_num_queries):
    position = PositionFactory(union=union)
    principles = PrincipleFactory.create_batch(3, union=union)
    ids = [principle.pk for principle in principles] * 60  # repeated ids are one link each
    client = api(officer)
    etag = client.get(detail_url("positions", position))["ETag"]

    response = client.patch(detail_url("positions", position), {"principles": ids}, HTTP_IF_MATCH=etag)

    assert response.status_code == 200, response.content
    assert sorted(response.json()["principles"]) == sorted(principle.pk for principle in principles)


def test_a_member_posting_ten_thousand_principles_is_refused_before_validation(
    api, union, member, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = api(member).post(
            "/api/v1/positions/", {"union": union.pk, "title": "x", "principles": list(range(1, 10_001))}
        )

    assert response.status_code == 403


def test_a_body_over_the_limit_answers_413_in_json(api, officer, settings):
    settings.API_MAX_BODY_BYTES = 1000

    response = api(officer).post("/api/v1/positions/", {"title": "x" * 5000})

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "larger than the limit" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/positions/99999999999999999999999/",
        "/api/v1/clauses/99999999999999999999999/redline/",
        "/api/v1/tools/99999999999999999999999/history/",
    ],
)
def test_an_id_beyond_the_database_is_not_found_in_json(api, officer, url):
    response = api(officer).get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "url",
    [
        "/units/99999999999999999999999/",
        "/clauses/99999999999999999999999/",
        "/clauses/compare/?ids=99999999999999999999999&ids=1",
    ],
)
def test_an_id_beyond_the_database_is_never_a_500_on_the_web(client_for, officer, url):
    response = client_for(officer).get(url)

    assert response.status_code in (400, 404)


def test_a_filter_naming_an_id_beyond_the_database_is_a_400(api, officer):
    response = api(officer).get("/api/v1/clauses/?agreement=99999999999999999999999")

    assert response.status_code == 400
    assert "agreement" in response.json()


def test_a_date_in_the_year_9999_is_refused_naming_the_field(api, consultation, officer):
    response = api(officer).post(
        "/api/v1/consultation-events/",
        {"consultation": consultation.pk, "occurred_on": "9999-12-31", "kind": "note", "summary": "x"},
    )

    assert response.status_code == 400
    assert "occurred_on" in response.json()


def test_a_version_dated_in_the_year_9999_is_refused_and_blocks_nothing(api, union, officer):
    clause = ClauseFactory(agreement__bargaining_unit__union=union, visibility=Visibility.MEMBERS)
    url = f"/api/v1/clauses/{clause.pk}/versions/"
    body = {"text": "x", "tabled_by": "union", "status": "proposed"}

    refused = api(officer).post(url, {**body, "tabled_on": "9999-12-31"})
    accepted = api(officer).post(url, {**body, "tabled_on": datetime.date.today().isoformat()})

    assert refused.status_code == 400
    assert "tabled_on" in refused.json()
    assert accepted.status_code == 201
    assert ClauseVersion.objects.filter(clause=clause).count() == 1


def test_a_web_form_refuses_an_implausible_date_keeping_what_was_typed(client_for, officer, consultation):
    response = client_for(officer).post(
        reverse("event_create", args=[consultation.pk]),
        {"occurred_on": "1899-01-01", "kind": "note", "summary": "Kept summary", "visibility": "members"},
    )

    assert response.status_code == 400
    assert "occurred_on" in response.context["form"].errors
    assert "Kept summary" in response.text


def test_a_web_form_refuses_control_characters_keeping_what_was_typed(client_for, officer, consultation):
    response = client_for(officer).post(
        reverse("event_create", args=[consultation.pk]),
        {"occurred_on": "2025-01-01", "kind": "note", "summary": "Bad \x07 bell", "visibility": "members"},
    )

    assert response.status_code == 400
    assert "summary" in response.context["form"].errors


def test_every_api_error_answers_in_json_even_a_500(api, union, officer, monkeypatch):
    from plumbing.api.viewsets import CaucusViewSet

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(CaucusViewSet, "retrieve", broken)
    position = PositionFactory(union=union)
    client = api(officer)
    client.raise_request_exception = False

    response = client.get(detail_url("positions", position))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "a bug" not in response.content.decode()


def test_a_version_in_a_hidden_session_shows_members_neither_its_session_nor_its_date(api, union, member):
    clause = ClauseFactory(agreement__bargaining_unit__union=union, visibility=Visibility.MEMBERS)
    session = NegotiationSessionFactory(
        bargaining_unit=clause.agreement.bargaining_unit, visibility=Visibility.INTERNAL
    )
    version = ClauseVersionFactory(clause=clause, session=session, tabled_on=session.held_on)

    detail = api(member).get(f"/api/v1/clause-versions/{version.pk}/").json()
    nested = api(member).get(f"/api/v1/clauses/{clause.pk}/").json()["versions"][0]
    filtered = api(member).get(f"/api/v1/clause-versions/?tabled_after={version.tabled_on.isoformat()}").json()

    assert detail["session"] is None and detail["tabled_on"] is None
    assert nested["session"] is None and nested["tabled_on"] is None
    assert filtered["results"] == []
