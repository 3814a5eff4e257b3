"""Writes require a precondition: 428 without If-Match, 412 with a stale one; and the order of the answers.

A caller who may not see the record gets 404, one who may see but not change it 403, anonymous 401, whether
or not they sent If-Match; only a caller who may write ever learns about preconditions.
"""

import pytest

from bargaining.access import Visibility
from tests.factories import UNION_OWNED, PositionFactory
from tests.helpers import API_COLLECTIONS, CHANGES, detail_url

pytestmark = pytest.mark.django_db


def make(collection, union, visibility=Visibility.MEMBERS):
    return UNION_OWNED[API_COLLECTIONS[collection]](union, visibility)


@pytest.mark.parametrize("collection", sorted(CHANGES))
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_change_without_if_match_is_refused_with_428_and_changes_nothing(api, union, officer, collection, method):
    record = make(collection, union)
    client = api(officer, read_first=False)
    before = api(officer).get(detail_url(collection, record)).json()

    response = getattr(client, method)(detail_url(collection, record), CHANGES[collection])

    assert response.status_code == 428, response.content
    assert "If-Match" in response.json()["detail"]
    assert api(officer).get(detail_url(collection, record)).json() == before


@pytest.mark.parametrize("collection", sorted(CHANGES))
def test_a_change_with_the_etag_just_read_succeeds(api, union, officer, collection):
    record = make(collection, union)
    client = api(officer, read_first=False)
    etag = client.get(detail_url(collection, record))["ETag"]

    response = client.patch(detail_url(collection, record), CHANGES[collection], HTTP_IF_MATCH=etag)

    assert response.status_code == 200, response.content


def test_a_change_with_a_stale_etag_is_refused_with_412(api, union, officer):
    position = PositionFactory(union=union)
    client = api(officer, read_first=False)
    etag = client.get(detail_url("positions", position))["ETag"]
    client.patch(detail_url("positions", position), {"title": "First"}, HTTP_IF_MATCH=etag)

    response = client.patch(detail_url("positions", position), {"title": "Second"}, HTTP_IF_MATCH=etag)

    assert response.status_code == 412
    position.refresh_from_db()
    assert position.title == "First"


@pytest.mark.parametrize("step", ["adopt", "publish"])
def test_a_workflow_step_without_if_match_is_refused_with_428(api, union, officer, step):
    position = PositionFactory(union=union)
    body = {"visibility": Visibility.INTERNAL} if step == "publish" else {}

    response = api(officer, read_first=False).post(f"{detail_url('positions', position)}{step}/", body)

    assert response.status_code == 428


def test_a_stage_move_without_if_match_is_refused_with_428(api, consultation, officer):
    response = api(officer, read_first=False).post(
        f"{detail_url('consultations', consultation)}stage/", {"stage": "meetings"}
    )

    assert response.status_code == 428


# The order of answers: who you are and what you may see come first, preconditions only for writers.

ORDER = [
    # persona, visibility of the record, expected answer with no If-Match, with a wrong If-Match
    ("anonymous", Visibility.PUBLIC, 401, 401),
    ("anonymous", Visibility.MEMBERS, 401, 401),
    ("other_officer", Visibility.MEMBERS, 404, 404),
    ("member", Visibility.INTERNAL, 404, 404),
    ("member", Visibility.MEMBERS, 403, 403),
    ("organiser", Visibility.INTERNAL, 403, 403),
    ("other_officer", Visibility.PUBLIC, 403, 403),
    ("officer", Visibility.INTERNAL, 428, 412),
]


@pytest.mark.parametrize(("persona", "visibility", "without", "stale"), ORDER)
@pytest.mark.parametrize("method", ["patch", "delete"])
def test_the_answer_to_a_change_depends_first_on_who_asks(
    request, api, union, persona, visibility, without, stale, method
):
    position = PositionFactory(union=union, visibility=visibility, status="adopted", adopted_on="2025-01-01")
    client = api(request.getfixturevalue(persona), read_first=False)
    send = getattr(client, method)

    assert send(detail_url("positions", position), {"title": "x"}).status_code == without
    assert send(detail_url("positions", position), {"title": "x"}, HTTP_IF_MATCH='"stale"').status_code == stale


def test_a_member_gets_403_before_any_validation_of_a_huge_body(api, union, member, django_assert_max_num_queries):
    position = PositionFactory(union=union, visibility=Visibility.MEMBERS, status="adopted", adopted_on="2025-01-01")

    with django_assert_max_num_queries(6):
        response = api(member, read_first=False).patch(
            detail_url("positions", position), {"principles": list(range(1, 10_001))}
        )

    assert response.status_code == 403


def test_the_schema_documents_the_required_if_match_and_the_428(client):
    document = client.get("/api/v1/schema/?format=json").json()
    patch = document["paths"]["/api/v1/positions/{id}/"]["patch"]

    assert "428" in patch["responses"]
    if_match = next(parameter for parameter in patch["parameters"] if parameter["name"] == "If-Match")
    assert if_match["required"] is True
