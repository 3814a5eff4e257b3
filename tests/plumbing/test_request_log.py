"""One greppable log line per request, and the request's id on every line it logs, its traceback included."""

import io
import logging
import re
from contextlib import contextmanager

import pytest
from django.test import Client

from plumbing import health

pytestmark = pytest.mark.django_db


@contextmanager
def log_output():
    """What the configured console handler (settings.LOGGING) writes, as the server's output would show it."""
    handler = next(handler for handler in logging.getLogger().handlers if handler.get_name() == "console")
    output = io.StringIO()
    previous = handler.setStream(output)
    try:
        yield output
    finally:
        handler.setStream(previous)


def request_lines(output: io.StringIO) -> list[str]:
    return [line for line in output.getvalue().splitlines() if " caucus.requests " in line]


def test_every_answer_carries_a_request_id_made_by_caucus():
    first, second = Client().get("/healthz"), Client().get("/healthz")

    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept():
    response = Client().get("/healthz", headers={"X-Request-ID": "nginx-7f3a.9_b"})

    assert response["X-Request-ID"] == "nginx-7f3a.9_b"


@pytest.mark.parametrize("offered", ["x" * 65, "two words", "id\nstatus=500", "ünïcode", ""])
def test_a_request_id_that_is_not_a_plain_token_is_replaced(offered):
    response = Client().get("/healthz", headers={"X-Request-ID": offered})

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_one_line_per_request_names_it_and_its_outcome():
    with log_output() as output:
        response = Client().get("/healthz", headers={"X-Request-ID": "abc-123"})

    [line] = request_lines(output)
    assert response.status_code == 200
    assert re.search(r" INFO caucus\.requests request_id=abc-123 method=GET path=/healthz status=200 ", line)
    assert re.search(r" duration_ms=\d+ user=-$", line)


def test_the_line_names_the_signed_in_user_by_id(client_for, officer):
    with log_output() as output:
        client_for(officer).get("/healthz")

    [line] = request_lines(output)
    assert line.endswith(f" user={officer.pk}")


def test_a_path_with_spaces_or_line_breaks_stays_on_one_line():
    with log_output() as output:
        Client().get("/no%20such%0Apage/")

    [line] = request_lines(output)
    assert " path=/no%20such%0Apage/ status=404 " in line


def test_django_s_own_line_about_an_error_answer_carries_the_request_id():
    with log_output() as output:
        Client().get("/no-such-page/", headers={"X-Request-ID": "lost-1"})

    assert "WARNING django.request request_id=lost-1 Not Found: /no-such-page/" in output.getvalue()


def test_the_query_string_is_not_logged():
    with log_output() as output:
        Client().get("/healthz?search=walk-away+wording")

    assert "walk-away" not in output.getvalue()


def test_a_server_error_logs_its_traceback_with_the_request_id(monkeypatch):
    def crash():
        raise RuntimeError("the bug")

    monkeypatch.setattr(health, "check_database", crash)
    client = Client(raise_request_exception=False)

    with log_output() as output:
        response = client.get("/healthz", headers={"X-Request-ID": "crash-1"})

    assert response.status_code == 500
    logged = output.getvalue()
    assert "ERROR django.request request_id=crash-1 Internal Server Error: /healthz" in logged
    assert "Traceback" in logged
    assert "RuntimeError: the bug" in logged
    assert "request_id=crash-1 method=GET path=/healthz status=500" in logged


def test_the_fields_are_on_the_record_for_a_structured_handler(caplog):
    with caplog.at_level(logging.INFO, logger="caucus.requests"):
        Client().get("/no-such-page/", headers={"X-Request-ID": "abc-123"})

    [record] = [record for record in caplog.records if record.name == "caucus.requests"]
    assert (record.request_id, record.method, record.path, record.status) == ("abc-123", "GET", "/no-such-page/", 404)


def test_a_line_outside_any_request_says_so():
    Client().get("/healthz")

    with log_output() as output:
        logging.getLogger("caucus.test").warning("outside")

    assert "WARNING caucus.test request_id=- outside" in output.getvalue()
