"""What keeps rendering from exhausting the server: one rate limit for web and API, and a cache of renders.

Every render asked for by a request, on a page or through the API, counts against the same two limits:
one per signed-in user and one per client address (so anonymous readers of public papers too). A render
whose result is already in the cache costs nothing and is not counted.

The cache key is the document's HTML itself (without the time of day it was printed), with the audience,
the language and the printer: the HTML carries the record's version and everything the audience may see
in it, so any change to the record or to what it draws on, including a record hidden since, is a miss.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from plumbing.clientip import client_ip
from plumbing.ratelimit import RateLimit
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf

# The time of day a document was printed is marked in the templates (base.html), and left out of the key.
PRINTED_TIME = re.compile(r"<!--time-->.*?<!--/time-->", re.S)
MAX_CACHED_BYTES = 5_000_000


class RenderRateLimited(Exception):
    """Too many renders from this user or address: try again in `retry_after` seconds."""

    def __init__(self, retry_after: int):
        super().__init__(
            _("Too many documents printed in a short time. Try again in %(seconds)s seconds.")
            % {"seconds": retry_after}
        )
        self.retry_after = retry_after


def count_render(request) -> None:
    """Count one render for the request's user and address; RenderRateLimited when either is over the limit."""
    rate = settings.PDF_RENDER_RATE
    keys = [(RateLimit.parse("render-address", rate), client_ip(request) or "unknown")]
    if request.user.is_authenticated:
        keys.append((RateLimit.parse("render-user", rate), request.user.pk))
    # Both are counted, so that neither a shared address nor many addresses let one past the other.
    refused = [limit for limit, key in keys if not limit.hit(key)]
    if refused:
        raise RenderRateLimited(max(limit.retry_after() for limit in refused))


def render_for_request(
    request, html: str | list[str], *, kind: str, audience: str = "", printer_label: str = ""
) -> RenderedPdf:
    """Render `html` for a request: from the cache when an identical render is there, else counted and rendered."""
    key = cache_key(html, kind=kind, audience=audience, printer_label=printer_label)
    cached = cache.get(key)
    if cached is not None:
        content, page_count = cached
        return RenderedPdf(content=content, page_count=page_count)
    count_render(request)
    rendered = html_to_pdf(html, limits=RenderLimits.from_settings(kind))
    if len(rendered.content) <= MAX_CACHED_BYTES:
        cache.set(key, (rendered.content, rendered.page_count), timeout=settings.PDF_CACHE_SECONDS)
    return rendered


def cache_key(html: str | list[str], *, kind: str, audience: str, printer_label: str) -> str:
    """The same document for the same reader, in the same languages, printed again within minutes."""
    digest = hashlib.sha256()
    text = "\0".join([html] if isinstance(html, str) else html)
    for part in (kind, audience, translation.get_language() or "", printer_label, PRINTED_TIME.sub("", text)):
        digest.update(part.encode())
        digest.update(b"\0")
    return f"pdf:{digest.hexdigest()}"
