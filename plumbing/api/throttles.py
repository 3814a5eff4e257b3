"""DRF's throttles with counters instead of logs: constant work per request, whatever the rate.

DRF's own throttles keep the time of every request of the last period in one cache entry and write it back on
each request: at 1,200 requests a minute, 1,200 timestamps unpickled, pickled and written (to the database
cache by default, under SQLite's single writer) by every API call. These keep a counter per client and window
of the period's length, in the same shared cache, and estimate the last period as DRF's log would count it:
this window's requests plus the previous window's, weighed by how much of it the last period still covers.
A refused request is not counted, as with DRF. Rates, scopes, keys and `Retry-After` are DRF's.
"""

import math

from django.core.cache import cache
from rest_framework import throttling


class CountedRateThrottle(throttling.SimpleRateThrottle):
    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        current, previous = f"{self.key}:{window}", f"{self.key}:{window - 1}"
        counts = cache.get_many([current, previous])
        self.counts = counts.get(current, 0), counts.get(previous, 0)
        if self.estimate() + 1 > self.num_requests:
            return self.throttle_failure()
        if not cache.add(current, 1, timeout=2 * self.duration + 1):
            try:
                cache.incr(current)
            except ValueError:  # expired between the two calls
                cache.set(current, 1, timeout=2 * self.duration + 1)
        return True

    def elapsed(self) -> float:
        """How far into the current window we are, from 0 to 1."""
        return (self.now % self.duration) / self.duration

    def estimate(self) -> float:
        current, previous = self.counts
        return current + previous * (1 - self.elapsed())

    def wait(self):
        """Seconds until one more request would be allowed, if no other came meanwhile."""
        current, previous = self.counts
        free = self.num_requests - 1 - current  # what the previous window's weighed share may still take
        if free >= 0:
            seconds = (1 - free / previous - self.elapsed()) * self.duration if previous else 0
        else:
            # Only a later window helps: then this window is the previous one, and its weight must fall too.
            seconds = (1 - self.elapsed()) * self.duration
            seconds += max(0.0, 1 - (self.num_requests - 1) / current) * self.duration
        return max(1, math.ceil(seconds))


class AnonRateThrottle(throttling.AnonRateThrottle, CountedRateThrottle):
    pass


class UserRateThrottle(throttling.UserRateThrottle, CountedRateThrottle):
    pass


class ScopedRateThrottle(throttling.ScopedRateThrottle, CountedRateThrottle):
    pass
