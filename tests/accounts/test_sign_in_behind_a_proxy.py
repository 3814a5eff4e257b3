"""Sign-in that an attacker cannot turn against everyone: real client addresses, per-username lockouts,
shared counters, rate-limited resets, and sessions that end on shared school computers."""

import time

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from plumbing.api.throttles import ScopedRateThrottle
from plumbing.clientip import client_ip
from plumbing.sessions import LAST_SEEN
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def from_client(address: str, *, spoofed: str = "") -> dict:
    """What the proxy passes on for a request from `address` (the client may have written `spoofed` itself)."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


@pytest.fixture
def people(db):
    password = make_password("a-long-passphrase")
    return {name: UserFactory(username=name, password=password) for name in ("alice", "bob")}


def sign_in(client, username, password, **meta):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def test_the_client_address_is_the_one_the_trusted_proxy_saw(rf, behind_one_proxy):
    assert client_ip(rf.get("/", **from_client("203.0.113.7"))) == "203.0.113.7"
    # Entries to the left were written by the client: never believed.
    assert client_ip(rf.get("/", **from_client("203.0.113.7", spoofed="6.6.6.6"))) == "203.0.113.7"


def test_without_proxies_the_client_is_the_connecting_address(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(rf.get("/", REMOTE_ADDR="198.51.100.2", HTTP_X_FORWARDED_FOR="6.6.6.6")) == "198.51.100.2"


def test_failures_from_one_client_behind_the_proxy_never_lock_out_another(people, settings, behind_one_proxy):
    attacker, member = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        sign_in(attacker, "alice", "wrong", **from_client("203.0.113.66"))

    response = sign_in(member, "alice", "a-long-passphrase", **from_client("198.51.100.10"))

    assert response.status_code == 302
    assert "_auth_user_id" in member.session


def test_the_failing_client_is_locked_out_for_that_username(people, settings, behind_one_proxy):
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, "alice", "wrong", **from_client("203.0.113.66"))

    assert sign_in(attacker, "alice", "a-long-passphrase", **from_client("203.0.113.66")).status_code == 429
    # Rotating the part of X-Forwarded-For the client writes itself changes nothing.
    rotated = sign_in(attacker, "alice", "a-long-passphrase", **from_client("203.0.113.66", spoofed="1.2.3.4"))
    assert rotated.status_code == 429


def test_one_username_locked_out_from_a_client_leaves_its_other_usernames_alone(people, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alice", "wrong")

    assert sign_in(client, "bob", "a-long-passphrase").status_code == 302


def test_sign_in_attempts_are_rate_limited_per_client(people, settings):
    settings.SIGN_IN_RATE = "3/minute"
    client = Client()

    answers = [sign_in(client, f"user{n}", "wrong").status_code for n in range(4)]

    assert answers == [200, 200, 200, 429]
    assert sign_in(Client(REMOTE_ADDR="198.51.100.99"), "bob", "a-long-passphrase").status_code == 302


def test_the_token_throttle_counts_per_real_client_whatever_it_writes_in_x_forwarded_for(
    monkeypatch, people, behind_one_proxy
):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"token": "2/minute"})
    client = APIClient()

    answers = [
        client.post(
            "/api/v1/auth/token/",
            {"username": "alice", "password": "wrong"},
            format="json",
            **from_client("203.0.113.66", spoofed=f"10.9.9.{n}"),
        ).status_code
        for n in range(3)
    ]

    assert answers == [400, 400, 429]


def test_password_reset_requests_are_rate_limited(people, settings):
    settings.PASSWORD_RESET_RATE = "2/hour"
    people["alice"].email = "alice@example.org"
    people["alice"].save()
    client = Client()

    answers = [client.post(reverse("password_reset"), {"email": "alice@example.org"}).status_code for _ in range(3)]

    assert answers == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_without_keep_me_signed_in_the_session_ends_with_the_browser(people):
    client = Client()

    sign_in(client, "alice", "a-long-passphrase")

    assert client.session.get_expire_at_browser_close() is True


def test_keep_me_signed_in_keeps_the_session_after_the_browser_closes(people, settings):
    client = Client()

    client.post(reverse("login"), {"username": "alice", "password": "a-long-passphrase", "keep_signed_in": "on"})

    assert client.session.get_expire_at_browser_close() is False
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_an_idle_session_is_signed_out(people, settings):
    client = Client()
    sign_in(client, "alice", "a-long-passphrase")
    session = client.session
    session[LAST_SEEN] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 1
    session.save()

    response = client.get(reverse("profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_kept_session_is_not_signed_out_for_idling(people, settings):
    client = Client()
    client.post(reverse("login"), {"username": "alice", "password": "a-long-passphrase", "keep_signed_in": "on"})
    session = client.session
    session[LAST_SEEN] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 1
    session.save()

    assert client.get(reverse("profile")).status_code == 200


def test_the_sign_in_page_offers_to_keep_one_signed_in(client):
    response = client.get(reverse("login"))

    assert "Keep me signed in on this device" in response.text
