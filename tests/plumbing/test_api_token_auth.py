"""Token and session authentication; failed token requests are throttled."""

import pytest
from rest_framework.test import APIClient

from accounts.models import ApiToken
from plumbing.api.throttles import ScopedRateThrottle
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def officer_with_password(officer):
    officer.set_password(PASSWORD)
    officer.save()
    return officer


def test_username_and_password_give_a_token_that_signs_requests_in(union, officer_with_password):
    position = PositionFactory(union=union)  # a draft: the union's officers only
    client = APIClient()

    response = client.post("/api/v1/auth/token/", {"username": "officer", "password": PASSWORD}, format="json")

    assert response.status_code == 200
    token = response.json()["token"]
    stored = ApiToken.objects.get()
    assert stored.user == officer_with_password
    # Only a hash is kept: the token itself is nowhere in the database.
    assert token not in (stored.digest, stored.token_key)
    assert response.json()["expiry"] is not None
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(f"/api/v1/positions/{position.pk}/").status_code == 200


def test_a_wrong_password_gives_no_token(officer_with_password):
    response = APIClient().post("/api/v1/auth/token/", {"username": "officer", "password": "guess"}, format="json")

    assert response.status_code == 400
    assert "token" not in response.json()
    assert not ApiToken.objects.exists()


def test_token_requests_are_throttled(monkeypatch, officer_with_password):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"token": "3/minute"})
    client = APIClient()

    answers = [
        client.post("/api/v1/auth/token/", {"username": "officer", "password": "guess"}, format="json").status_code
        for _ in range(4)
    ]

    assert answers == [400, 400, 400, 429]
    # Even the right password waits until the window has passed.
    response = client.post("/api/v1/auth/token/", {"username": "officer", "password": PASSWORD}, format="json")
    assert response.status_code == 429
    assert "Retry-After" in response


def test_an_invalid_token_answers_401_even_on_public_reads():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = client.get("/api/v1/unions/")

    assert response.status_code == 401


def test_session_writes_need_the_csrf_token(union, officer):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(officer)
    position = PositionFactory(union=union)

    response = client.patch(f"/api/v1/positions/{position.pk}/", {"title": "Forged"}, format="json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    position.refresh_from_db()
    assert position.title != "Forged"


def test_session_reads_work_for_the_signed_in_browser(union, member):
    client = APIClient()
    client.force_login(member)
    position = PositionFactory(union=union, visibility="members")

    assert client.get(f"/api/v1/positions/{position.pk}/").status_code == 200


def test_anonymous_reads_public_records_only(union, anonymous):
    public = PositionFactory(union=union, visibility="public")
    PositionFactory(union=union, visibility="members")

    response = APIClient().get("/api/v1/positions/")

    assert [row["id"] for row in response.json()["results"]] == [public.pk]


def test_a_client_that_keeps_failing_is_locked_out_even_with_the_right_password(
    monkeypatch, settings, officer_with_password
):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"token": "100/minute"})
    client = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/api/v1/auth/token/", {"username": "officer", "password": "guess"}, format="json")

    response = client.post("/api/v1/auth/token/", {"username": "officer", "password": PASSWORD}, format="json")

    assert response.status_code == 429
    assert not ApiToken.objects.exists()
    # Like the API's other errors: JSON, saying when to try again (not the lockout page in HTML).
    assert response["Content-Type"] == "application/json"
    assert "Too many failed sign-ins" in response.json()["detail"]
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME * 3600


def test_a_stale_token_in_the_header_does_not_stop_signing_in(officer_with_password):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token expired-token")

    response = client.post("/api/v1/auth/token/", {"username": "officer", "password": PASSWORD}, format="json")

    assert response.status_code == 200
