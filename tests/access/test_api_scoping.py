"""Who may read and change which record, on every union-owned collection: the matrix, "no" rows included."""

import pytest

from bargaining.access import Visibility
from tests.factories import UNION_OWNED
from tests.helpers import API_COLLECTIONS, CHANGES, detail_url, list_ids

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


COLLECTIONS = sorted(API_COLLECTIONS)
CHANGEABLE = sorted(CHANGES)

# (persona, visibility) -> may read. Every other combination must not see the record at all.
READERS = {
    ("officer", INTERNAL): True,
    ("organiser", INTERNAL): True,
    ("member", INTERNAL): False,
    ("other_officer", INTERNAL): False,
    ("anonymous", INTERNAL): False,
    ("officer", MEMBERS): True,
    ("organiser", MEMBERS): True,
    ("member", MEMBERS): True,
    ("other_officer", MEMBERS): False,
    ("anonymous", MEMBERS): False,
    ("officer", PUBLIC): True,
    ("organiser", PUBLIC): True,
    ("member", PUBLIC): True,
    ("other_officer", PUBLIC): True,
    ("anonymous", PUBLIC): True,
}


def make(collection, union, visibility):
    return UNION_OWNED[API_COLLECTIONS[collection]](union, visibility)


@pytest.mark.parametrize("collection", COLLECTIONS)
@pytest.mark.parametrize(("persona", "visibility"), list(READERS))
def test_list_and_detail_show_a_record_exactly_to_those_who_may_read_it(
    request, api, union, collection, persona, visibility
):
    user = request.getfixturevalue(persona)
    record = make(collection, union, visibility)
    client = api(user)

    listed = record.pk in list_ids(client.get(f"/api/v1/{collection}/"))
    detail = client.get(detail_url(collection, record))

    assert listed is READERS[(persona, visibility)]
    assert detail.status_code == (200 if READERS[(persona, visibility)] else 404)


@pytest.mark.parametrize("collection", CHANGEABLE)
def test_officer_of_the_owning_union_may_change_and_delete_the_record(api, union, officer, collection):
    record = make(collection, union, MEMBERS)
    client = api(officer)

    changed = client.patch(detail_url(collection, record), CHANGES[collection])
    assert changed.status_code == 200, changed.content
    field, value = next(iter(CHANGES[collection].items()))
    assert changed.json()[field] == value

    deleted = client.delete(detail_url(collection, record))
    assert deleted.status_code in (204, 409), deleted.content
    if deleted.status_code == 204:
        assert client.get(detail_url(collection, record)).status_code == 404


@pytest.mark.parametrize("collection", CHANGEABLE)
@pytest.mark.parametrize("persona", ["member", "organiser"])
def test_readers_who_are_not_officers_get_403_on_every_write(request, api, union, collection, persona):
    user = request.getfixturevalue(persona)
    record = make(collection, union, MEMBERS)
    client = api(user)
    url = detail_url(collection, record)

    assert client.patch(url, CHANGES[collection]).status_code == 403
    assert client.put(url, CHANGES[collection]).status_code == 403
    assert client.delete(url).status_code == 403
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("collection", CHANGEABLE)
def test_other_officer_gets_404_on_every_method_for_a_record_they_cannot_see(api, union, other_officer, collection):
    record = make(collection, union, MEMBERS)
    client = api(other_officer)
    url = detail_url(collection, record)

    assert client.get(url).status_code == 404
    assert client.patch(url, CHANGES[collection]).status_code == 404
    assert client.put(url, CHANGES[collection]).status_code == 404
    assert client.delete(url).status_code == 404


@pytest.mark.parametrize("collection", CHANGEABLE)
def test_other_officer_gets_403_on_a_public_record_of_another_union(api, union, other_officer, collection):
    record = make(collection, union, PUBLIC)
    client = api(other_officer)
    url = detail_url(collection, record)

    assert client.get(url).status_code == 200
    assert client.patch(url, CHANGES[collection]).status_code == 403
    assert client.delete(url).status_code == 403


@pytest.mark.parametrize("collection", CHANGEABLE)
def test_anonymous_gets_401_on_every_write(api, union, anonymous, collection):
    record = make(collection, union, PUBLIC)
    client = api(anonymous)
    url = detail_url(collection, record)

    for response in (
        client.patch(url, CHANGES[collection]),
        client.delete(url),
        client.post(f"/api/v1/{collection}/", {}),
    ):
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Token")


def test_clause_versions_are_never_changed_or_deleted(api, union, officer):
    version = make("clause-versions", union, MEMBERS)
    client = api(officer)
    url = detail_url("clause-versions", version)

    assert client.patch(url, {"text": "Rewritten"}).status_code == 405
    assert client.put(url, {"text": "Rewritten"}).status_code == 405
    assert client.delete(url).status_code == 405
    version.refresh_from_db()
    assert version.text != "Rewritten"


def test_staff_read_and_change_every_union_s_records(api, union, staff):
    record = make("positions", union, INTERNAL)
    client = api(staff)

    assert client.get(detail_url("positions", record)).status_code == 200
    assert client.patch(detail_url("positions", record), {"title": "By staff"}).status_code == 200
