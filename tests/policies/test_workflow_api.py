"""Position steps through the API, by the same services as the web pages: adopting and publishing."""

import pytest

from bargaining.access import Visibility
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


@pytest.fixture
def draft(union):
    return PositionFactory(union=union, visibility=INTERNAL)


def test_officer_adopts_a_draft_position(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {"adopted_on": "2025-02-01"})

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "adopted"
    assert response.json()["adopted_on"] == "2025-02-01"
    assert response.json()["version"] == draft.version + 1
    assert response["ETag"]


def test_adopting_twice_answers_400(api, officer, draft):
    api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {})

    response = api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {})

    assert response.status_code == 400
    assert "status" in response.json()


def test_a_position_cannot_be_adopted_in_the_future(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {"adopted_on": "2999-01-01"})

    assert response.status_code == 400
    assert "adopted_on" in response.json()


def test_officer_publishes_an_adopted_position(api, officer, member, draft):
    api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {})

    response = api(officer).post(f"/api/v1/positions/{draft.pk}/publish/", {"visibility": "members"})

    assert response.status_code == 200
    assert response.json()["visibility"] == "members"
    assert api(member).get(f"/api/v1/positions/{draft.pk}/").status_code == 200


def test_a_draft_cannot_be_published(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/publish/", {"visibility": "public"})

    assert response.status_code == 400
    assert "visibility" in response.json()


def test_publishing_to_an_unknown_audience_answers_400(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/publish/", {"visibility": "everyone"})

    assert response.status_code == 400
    assert "visibility" in response.json()


def test_visibility_and_status_are_not_changed_by_a_plain_edit(api, officer, draft):
    response = api(officer).patch(f"/api/v1/positions/{draft.pk}/", {"visibility": "public", "status": "adopted"})

    assert response.status_code == 200
    assert response.json()["visibility"] == "internal"
    assert response.json()["status"] == "draft"


def test_member_cannot_adopt_or_publish(api, union, member):
    published = PositionFactory(union=union, visibility=MEMBERS)

    assert api(member).post(f"/api/v1/positions/{published.pk}/adopt/", {}).status_code == 403
    assert api(member).post(f"/api/v1/positions/{published.pk}/publish/", {"visibility": "public"}).status_code == 403


def test_outsider_and_anonymous_cannot_adopt(api, other_officer, anonymous, draft):
    assert api(other_officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {}).status_code == 404
    assert api(anonymous).post(f"/api/v1/positions/{draft.pk}/adopt/", {}).status_code == 401
