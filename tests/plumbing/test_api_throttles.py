"""API throttles count requests per client and window (plumbing.api.throttles): DRF's rates and 429s, at a
constant cost per request however high the rate."""

import pytest
from django.core.cache import cache

from plumbing.api.throttles import AnonRateThrottle, CountedRateThrottle, UserRateThrottle

pytestmark = pytest.mark.django_db

URL = "/api/v1/deadlines/"
MINUTE = 60.0


@pytest.fixture
def clock(monkeypatch):
    """The throttles' time, moved by the test: starts at the beginning of a minute."""
    now = [1_000_000 * MINUTE]
    monkeypatch.setattr(CountedRateThrottle, "timer", lambda self: now[0])
    return now


@pytest.fixture
def rates(monkeypatch):
    def set_rates(user="4/minute", anon="2/minute"):
        for throttle in (UserRateThrottle, AnonRateThrottle):
            monkeypatch.setattr(throttle, "THROTTLE_RATES", {"user": user, "anon": anon})

    set_rates()
    return set_rates


def statuses(client, times):
    return [client.get(URL).status_code for _ in range(times)]


def test_a_user_gets_the_rate_and_then_429_with_retry_after(api, member, clock, rates):
    client = api(member)
    assert statuses(client, 4) == [200] * 4
    refused = client.get(URL)
    assert refused.status_code == 429
    # The rest of this minute, and a quarter of the next, while this minute's four still weigh 3/4 or more.
    assert int(refused["Retry-After"]) == 75


def test_each_user_and_each_anonymous_address_has_its_own_count(api, member, officer, anonymous, clock, rates):
    assert statuses(api(member), 5) == [200] * 4 + [429]
    assert statuses(api(officer), 1) == [200]
    assert statuses(api(anonymous), 3) == [401, 401, 429]  # counted before it is refused for want of a sign-in


def test_the_previous_minute_still_counts_for_the_part_of_it_the_last_minute_covers(api, member, clock, rates):
    client = api(member)
    clock[0] += 0.9 * MINUTE
    assert statuses(client, 4) == [200] * 4
    # A quarter into the next minute, three quarters of the previous one's four still count: room for one.
    clock[0] += 0.35 * MINUTE
    assert statuses(client, 2) == [200, 429]
    # Once both those minutes have gone by, the full rate again.
    clock[0] += 2 * MINUTE
    assert statuses(client, 5) == [200] * 4 + [429]


def test_refused_requests_are_not_counted(api, member, clock, rates):
    client = api(member)
    assert statuses(client, 10) == [200] * 4 + [429] * 6
    clock[0] += 2 * MINUTE
    assert statuses(client, 4) == [200] * 4


def test_the_retry_after_is_when_a_request_would_pass_again(api, member, clock, rates):
    client = api(member)
    statuses(client, 4)
    wait = int(client.get(URL)["Retry-After"])
    clock[0] += wait - 1.5
    assert client.get(URL).status_code == 429
    clock[0] += 2
    assert client.get(URL).status_code == 200


def test_what_is_kept_per_client_stays_a_number_however_many_requests(api, member, clock, rates):
    rates(user="100000/minute")
    statuses(api(member), 60)
    key = f"throttle_user_{member.pk}"
    assert cache.get(f"{key}:{int(clock[0] // MINUTE)}") == 60
    assert cache.get(key) is None  # no log of request times, as DRF's own throttle keeps
