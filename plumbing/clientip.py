"""The address of the client behind the proxies we trust: for lockouts and rate limits alike.

Behind nginx or Caddy, REMOTE_ADDR is the proxy's address for everyone, so it cannot tell clients apart.
Each trusted proxy appends the address it saw to X-Forwarded-For; the client is the entry the outermost
trusted proxy added. Entries to its left were written by the client and may be forged, so they are never
read. TRUSTED_PROXY_COUNT (0 by default: clients connect directly) says how many proxies there are; DRF's
throttles read the same number (NUM_PROXIES).
"""

from django.conf import settings


def client_ip(request) -> str | None:
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
