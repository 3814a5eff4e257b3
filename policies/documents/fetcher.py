"""The only way WeasyPrint may reach a resource: the app's own static files and `data:` URIs.

Documents carry text people typed. Whatever URL ends up in the HTML (an image, a stylesheet, an
`<a rel="attachment">`), WeasyPrint asks this fetcher for it; anything but our own static files is
refused without touching the file system or the network.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

# A reserved name (RFC 2606) that never resolves: documents are rendered against it, so that
# "/static/css/print.css" becomes an absolute URL this fetcher recognises, and nothing else.
APP_BASE_URL = "https://caucus.invalid/"
STATIC_PREFIX = APP_BASE_URL + "static/"


class RefusedURL(ValueError):
    """A document asked for a resource outside the app's own static files."""


class CaucusURLFetcher(URLFetcher):
    def __init__(self):
        # No redirects, no retries on other protocols; errors are warnings, the document still renders.
        super().__init__(timeout=1, allowed_protocols=("https", "data"), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            # Decoded in memory by urllib's DataHandler: no I/O.
            return super().fetch(url, headers)
        if url.startswith(STATIC_PREFIX):
            return self._static_file(url)
        raise RefusedURL(f"Refused to fetch {url[:200]!r}: documents may only use the app's own static files.")

    def _static_file(self, url):
        parts = urlsplit(url)
        if parts.query or parts.fragment:
            raise RefusedURL(f"Refused to fetch {url[:200]!r}: static files take no query.")
        relative = unquote(parts.path).removeprefix("/static/")
        normalised = posixpath.normpath(relative)
        if normalised.startswith(("..", "/")) or normalised != relative:
            raise RefusedURL(f"Refused to fetch {url[:200]!r}: not a plain static file path.")
        try:
            path = finders.find(normalised)
        except SuspiciousFileOperation as error:
            raise RefusedURL(f"Refused to fetch {url[:200]!r}: {error}") from error
        if not path:
            raise RefusedURL(f"No static file {normalised!r}.")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, headers={"Content-Type": content_type})
