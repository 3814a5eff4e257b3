"""Writers racing each other: the loser gets a clean refusal (412, 409) or waits its turn; nobody gets a 500.

Each racer is a thread with its own client and its own database connection, lined up by a barrier so that
their requests reach the database together. On SQLite the test database is a file for these tests (see
`racing_database`): an in-memory one is a single connection shared by every thread, so nothing would race.
On PostgreSQL (DATABASE_URL) the threads race on the suite's own test database.
"""

import sqlite3
import threading

import pytest
from django.db import close_old_connections, connection, transaction
from django.urls import reverse

from bargaining.models import ClauseVersion
from policies.models import Position
from tests.helpers import form_data

RACERS_TIMEOUT = 60  # seconds a racer may wait at the barrier before the test fails rather than hangs


@pytest.fixture(autouse=True)
def racing_database(transactional_db, tmp_path):
    """The test database, on a file when the suite runs on SQLite in memory; restored after the test.

    Threads open connections of their own from the connection's settings, so pointing its NAME at a copy
    of the (migrated, empty) in-memory database sends every thread, this one included, to that file.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    path = tmp_path / "races.sqlite3"
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    in_memory, name = connection.connection, connection.settings_dict["NAME"]
    # Closing an in-memory connection would destroy the suite's database: set it aside instead.
    connection.connection = None
    connection.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = in_memory


def race(*requests):
    """Run each callable in a thread of its own, all released together; return their results in order."""
    barrier = threading.Barrier(len(requests))
    results: list = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait(timeout=RACERS_TIMEOUT)
            results[index] = request()
        except BaseException as error:  # the test reports it; a thread must not die silently
            results[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(index, request)) for index, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=2 * RACERS_TIMEOUT)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def test_two_patches_holding_one_etag_give_one_200_and_one_412(api, officer, draft_position):
    url = f"/api/v1/positions/{draft_position.pk}/"
    clients = [api(officer, token=True), api(officer, token=True)]
    etag = clients[0].get(url)["ETag"]

    def patch(client, rationale):
        return lambda: client.patch(url, {"rationale": rationale}, format="json", HTTP_IF_MATCH=etag).status_code

    statuses = race(patch(clients[0], "First writer's reasons."), patch(clients[1], "Second writer's reasons."))

    assert sorted(statuses) == [200, 412]
    draft_position.refresh_from_db()
    assert draft_position.rationale in {"First writer's reasons.", "Second writer's reasons."}


def test_eight_simultaneous_tablings_number_the_versions_without_gaps(api, officer, members_clause):
    before = members_clause.versions.count()
    clients = [api(officer, token=True) for _ in range(8)]

    def table(client, n):
        data = {"clause": members_clause.pk, "text": f"Racing text {n}.", "tabled_by": "union", "status": "proposed"}
        return lambda: client.post("/api/v1/clause-versions/", data, format="json").status_code

    statuses = race(*(table(client, n) for n, client in enumerate(clients)))

    assert all(status == 201 or 400 <= status < 500 for status in statuses), statuses
    versions = ClauseVersion.objects.filter(clause=members_clause).order_by("number")
    numbers = list(versions.values_list("number", flat=True))
    assert numbers == list(range(1, before + statuses.count(201) + 1))
    assert statuses.count(201) == 8


def test_two_web_saves_from_one_read_give_one_302_and_one_409(client_for, officer, draft_position):
    url = reverse("position_edit", args=[draft_position.pk])
    clients = [client_for(officer), client_for(officer)]
    read = form_data(clients[0].get(url).context["form"])

    def save(client, rationale):
        return lambda: client.post(url, {**read, "rationale": rationale}).status_code

    statuses = race(save(clients[0], "First writer's reasons."), save(clients[1], "Second writer's reasons."))

    assert sorted(statuses) == [302, 409]


def test_a_write_waits_for_a_transaction_holding_the_lock_and_then_succeeds(api, officer, draft_position):
    """SQLite: BEGIN IMMEDIATE takes the database's write lock; PostgreSQL: the row is locked for update."""
    url = f"/api/v1/positions/{draft_position.pk}/"
    client = api(officer, token=True)
    etag = client.get(url)["ETag"]
    released = threading.Event()
    locked = threading.Event()

    def hold_the_lock():
        with transaction.atomic():
            Position.objects.select_for_update().get(pk=draft_position.pk)
            locked.set()
            threading.Event().wait(1)  # a long-running write elsewhere
            released.set()
        return "released"

    def write():
        locked.wait(timeout=RACERS_TIMEOUT)
        response = client.patch(url, {"rationale": "Written after the wait."}, format="json", HTTP_IF_MATCH=etag)
        return response.status_code, released.is_set()

    holder, (status, waited) = race(hold_the_lock, write)

    assert holder == "released"
    assert status == 200
    assert waited  # it answered only once the lock was released, rather than failing at once
    draft_position.refresh_from_db()
    assert draft_position.rationale == "Written after the wait."
