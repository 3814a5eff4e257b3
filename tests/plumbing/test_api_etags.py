"""No lost updates: detail responses carry an ETag, and writes with a stale If-Match answer 412."""

import pytest

from bargaining.access import Visibility
from policies.models import Position
from tests.factories import PositionFactory, PrincipleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def position(union):
    return PositionFactory(union=union, title="On TutorBot", visibility=Visibility.INTERNAL)


def url(position):
    return f"/api/v1/positions/{position.pk}/"


def test_detail_response_carries_an_etag_that_changes_with_the_record(api, officer, position):
    client = api(officer)
    first = client.get(url(position))["ETag"]

    assert client.get(url(position))["ETag"] == first
    client.patch(url(position), {"title": "Changed"})
    assert client.get(url(position))["ETag"] != first


def test_change_with_the_current_etag_succeeds_and_returns_the_new_one(api, officer, position):
    client = api(officer)
    etag = client.get(url(position))["ETag"]

    response = client.patch(url(position), {"title": "Changed"}, HTTP_IF_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response["ETag"] == client.get(url(position))["ETag"]


def test_two_officers_editing_one_position_cannot_overwrite_each_other(api, union, officer, position):
    alice, bob = api(officer), api(officer)
    etag = alice.get(url(position))["ETag"]
    assert bob.get(url(position))["ETag"] == etag

    assert alice.patch(url(position), {"rationale": "Alice's reasons"}, HTTP_IF_MATCH=etag).status_code == 200
    response = bob.patch(url(position), {"rationale": "Bob's reasons"}, HTTP_IF_MATCH=etag)

    assert response.status_code == 412
    assert "changed" in response.json()["detail"]
    position.refresh_from_db()
    assert position.rationale == "Alice's reasons"


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_every_write_method_honours_if_match(api, officer, position, method):
    client = api(officer)
    payload = {"title": "Changed", "union": position.union.pk, "tool": position.tool.pk}

    response = getattr(client, method)(url(position), payload, HTTP_IF_MATCH='"stale"')

    assert response.status_code == 412
    assert Position.objects.get(pk=position.pk).title == "On TutorBot"


def test_delete_with_the_current_etag_succeeds(api, officer, union):
    # A principle never adopted or published may be deleted (plumbing.records.delete_record).
    principle = PrincipleFactory(union=union, visibility="internal")
    client = api(officer)
    etag = client.get(f"/api/v1/principles/{principle.pk}/")["ETag"]

    assert client.delete(f"/api/v1/principles/{principle.pk}/", HTTP_IF_MATCH=etag).status_code == 204


def test_if_match_star_and_a_list_of_etags_are_understood(api, officer, position):
    client = api(officer)
    etag = client.get(url(position))["ETag"]

    assert client.patch(url(position), {"title": "A"}, HTTP_IF_MATCH="*").status_code == 200
    etag = client.get(url(position))["ETag"]
    assert client.patch(url(position), {"title": "B"}, HTTP_IF_MATCH=f'"other", {etag}').status_code == 200


def test_every_change_to_a_position_is_a_new_version(api, officer, position):
    client = api(officer)

    response = client.patch(url(position), {"rationale": "Because"})

    assert response.json()["version"] == position.version + 1


def test_stale_etag_does_not_reveal_a_record_the_caller_cannot_see(api, other_officer, position):
    response = api(other_officer).patch(url(position), {"title": "X"}, HTTP_IF_MATCH='"stale"')

    assert response.status_code == 404


def test_workflow_steps_honour_if_match(api, officer, position):
    response = api(officer).post(f"{url(position)}adopt/", {}, HTTP_IF_MATCH='"stale"')

    assert response.status_code == 412
    position.refresh_from_db()
    assert position.status == "draft"


def test_a_created_record_comes_with_its_etag(api, officer, union, position):
    client = api(officer)

    response = client.post("/api/v1/positions/", {"union": union.pk, "title": "New", "tool": position.tool.pk})

    assert response.status_code == 201
    assert response["ETag"] == client.get(f"/api/v1/positions/{response.json()['id']}/")["ETag"]


def test_publishing_answers_with_the_new_etag(api, officer, position):
    client = api(officer)
    client.post(f"{url(position)}adopt/", {})
    etag = client.get(url(position))["ETag"]

    response = client.post(f"{url(position)}publish/", {"visibility": "members"}, HTTP_IF_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] == client.get(url(position))["ETag"] != etag


def test_one_record_has_one_etag_whichever_host_name_the_client_used(api, settings, officer, position):
    settings.ALLOWED_HOSTS = ["testserver", "caucus.example.org"]
    client = api(officer)

    assert client.get(url(position))["ETag"] == client.get(url(position), HTTP_HOST="caucus.example.org")["ETag"]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_edits_with_one_etag_cannot_both_succeed(api, monkeypatch, union, officer):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers by itself; the row lock is for PostgreSQL")
    import threading
    import time

    from policies.api import PositionViewSet

    position = PositionFactory(union=union, title="Before")
    etag = api(officer).get(url(position))["ETag"]
    slow_update = PositionViewSet.perform_update

    def perform_update_slowly(self, serializer):
        time.sleep(0.3)  # widen the window in which a second writer could slip in
        slow_update(self, serializer)

    monkeypatch.setattr(PositionViewSet, "perform_update", perform_update_slowly)
    answers = []

    def edit(title):
        try:
            answers.append(api(officer).patch(url(position), {"title": title}, HTTP_IF_MATCH=etag).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(title,)) for title in ("Alice", "Bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [200, 412]
