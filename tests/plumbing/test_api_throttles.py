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
    # Once the tenth of a minute that counts the four has gone out of the last minute.
    assert int(refused["Retry-After"]) == 66


def test_each_user_and_each_anonymous_address_has_its_own_count(api, member, officer, anonymous, clock, rates):
    assert statuses(api(member), 5) == [200] * 4 + [429]
    assert statuses(api(officer), 1) == [200]
    assert statuses(api(anonymous), 3) == [401, 401, 429]  # counted before it is refused for want of a sign-in


def test_requests_count_for_a_minute_whichever_window_they_fell_in(api, member, clock, rates):
    client = api(member)
    clock[0] += 54
    assert statuses(client, 4) == [200] * 4
    clock[0] += 56  # into the next minute, but the four were less than a minute ago
    assert statuses(client, 1) == [429]
    clock[0] += 10  # a minute and six seconds after them
    assert statuses(client, 5) == [200] * 4 + [429]


def test_no_more_than_the_rate_gets_through_in_any_minute_however_the_requests_fall(api, member, clock, rates):
    rates(user="20/minute")
    client = api(member)
    clock[0] += 59
    first = statuses(client, 20)
    clock[0] += 2  # just into the next minute
    second = statuses(client, 20)
    clock[0] += 56  # still within a minute of the first burst
    third = statuses(client, 20)
    clock[0] += 10  # a minute and eight seconds after the first burst
    fourth = statuses(client, 21)
    assert first.count(200) == 20
    assert first.count(200) + second.count(200) + third.count(200) == 20
    assert fourth.count(200) == 20


def test_a_rate_of_zero_refuses_everything_with_429_not_an_error(api, member, clock, rates):
    rates(user="0/minute")
    response = api(member).get(URL)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 60


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
    assert cache.get(f"{key}:{int(clock[0] // (MINUTE / 10))}") == 60
    assert cache.get(key) is None  # no log of request times, as DRF's own throttle keeps


def test_a_rate_limit_keeps_its_counter_for_its_whole_period_in_the_database_cache(settings):
    """Django's database cache implements incr as get and set, which writes back its default timeout (300 s)."""
    import datetime

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from plumbing.ratelimit import RateLimit

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "test_cache"}}
    call_command("createcachetable", verbosity=0)
    limit = RateLimit.parse("test-hourly", "5/hour")
    assert [limit.hit("client") for _ in range(6)] == [True] * 5 + [False]
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM test_cache WHERE cache_key LIKE %s", ["%ratelimit:test-hourly:client:%"])
        [(expires,)] = cursor.fetchall()
    if isinstance(expires, str):
        expires = datetime.datetime.fromisoformat(expires)
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, datetime.UTC)
    assert expires > timezone.now() + datetime.timedelta(minutes=59)
