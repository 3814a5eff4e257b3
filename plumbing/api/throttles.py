"""DRF's throttles with counters instead of logs: constant work per request, whatever the rate.

DRF's own throttles keep the time of every request of the last period in one cache entry and write it back on
each request: at 1,200 requests a minute, 1,200 timestamps unpickled, pickled and written (to the database
cache by default, under SQLite's single writer) by every API call. These count requests per client in tenths
of the period, in the same shared cache, and sum the tenths that any part of the last period touches. So no
more than the rate ever gets through in any one period (a client may wait up to a tenth of the period longer
than an exact log would make it), and a request costs one read of eleven counters and one write, whatever the
rate. A refused request is not counted, as with DRF. Rates, scopes and keys are DRF's.
"""

import math

from django.core.cache import cache
from rest_framework import throttling

# How finely a period is counted: a request may be held back up to 1/BUCKETS of the period longer than needed.
BUCKETS = 10


class CountedRateThrottle(throttling.SimpleRateThrottle):
    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        size = self.duration / BUCKETS
        bucket = int(self.now // size)
        keys = [f"{self.key}:{number}" for number in range(bucket - BUCKETS, bucket + 1)]  # oldest first
        found = cache.get_many(keys)
        self.counts = [found.get(key, 0) for key in keys]
        self.into = (self.now % size) / size  # how far into the current tenth, from 0 to 1
        if self.estimate() + 1 > self.num_requests:
            return self.throttle_failure()
        # Read, then written back with its own timeout (the database cache's incr would reset it to the default).
        cache.set(keys[-1], self.counts[-1] + 1, timeout=math.ceil(self.duration + size) + 1)
        return True

    def estimate(self) -> int:
        """Requests of the last period, counting whole the oldest tenth, of which only a part is still inside."""
        return sum(self.counts)

    def wait(self):
        """Seconds until one more request would be allowed, if no other came meanwhile."""
        if self.num_requests <= 0:
            return self.duration
        size = self.duration / BUCKETS
        excess = self.estimate() + 1 - self.num_requests  # requests that must leave the count first
        # The oldest tenth leaves when the current one ends; each following one a tenth later.
        seconds = size * (1 - self.into)
        for leaving in self.counts:
            excess -= leaving
            if excess <= 0:
                break
            seconds += size
        return max(1, math.ceil(seconds))


class AnonRateThrottle(throttling.AnonRateThrottle, CountedRateThrottle):
    pass


class UserRateThrottle(throttling.UserRateThrottle, CountedRateThrottle):
    pass


class ScopedRateThrottle(throttling.ScopedRateThrottle, CountedRateThrottle):
    pass
