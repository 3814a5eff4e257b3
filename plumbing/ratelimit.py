"""Rate limits outside DRF (sign-in, password resets, web documents), counted in the shared cache.

The cache is shared by every worker (the database cache by default, Redis when CACHE_URL names one), so a
limit holds however many gunicorn workers serve the site.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per `seconds` for one key (a client address, a user, an email address)."""

    name: str
    limit: int
    seconds: int

    @classmethod
    def parse(cls, name: str, rate: str) -> "RateLimit":
        """A limit written like DRF's: "10/minute", "5/hour", "100/day"."""
        count, _, period = rate.partition("/")
        seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[0]]
        return cls(name, int(count), seconds)

    def hit(self, key) -> bool:
        """Count one hit for `key`; False when it is over the limit (the hit is refused)."""
        window = int(time.time() // self.seconds)
        cache_key = f"ratelimit:{self.name}:{key}:{window}"
        timeout = self.seconds + 1
        if cache.add(cache_key, 1, timeout=timeout):
            return self.limit >= 1
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=timeout)
            return self.limit >= 1
        # The database cache's incr writes the value back with the cache's default timeout (300 s): without this,
        # an hourly limit would start again after five quiet minutes.
        cache.touch(cache_key, timeout)
        return count <= self.limit

    def retry_after(self) -> int:
        return self.seconds - int(time.time() % self.seconds)
