"""HTML to PDF bytes, within limits, through the safe fetcher only."""

import logging
import os
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.logger import PROGRESS_LOGGER

from policies.documents.fetcher import APP_BASE_URL, STATIC_PREFIX, CaucusURLFetcher

# Every document is printed with this stylesheet (static/css/print.css).
PRINT_STYLESHEET = "css/print.css"


class PdfRenderError(Exception):
    """A document could not be rendered; the message is fit to show the person who asked for it."""


class PdfLimitExceeded(PdfRenderError):
    """A render ran too long or grew too large and was stopped."""


@dataclass(frozen=True)
class RenderLimits:
    seconds: float
    max_pages: int
    max_html_bytes: int
    max_pdf_bytes: int

    @classmethod
    def from_settings(cls, kind: str) -> "RenderLimits":
        """`kind` is "paper" (rendered while the reader waits) or "pack" (rendered by a worker)."""
        limits = settings.PDF_RENDER_LIMITS[kind]
        return cls(
            seconds=limits["SECONDS"],
            max_pages=limits["MAX_PAGES"],
            max_html_bytes=limits["MAX_HTML_BYTES"],
            max_pdf_bytes=limits["MAX_PDF_BYTES"],
        )


@dataclass
class RenderedPdf:
    content: bytes
    page_count: int


# WeasyPrint reports each step and each page laid out to its progress logger; a filter on that logger
# is the one place inside a render where we get control back often enough to stop it.
_budget = threading.local()


class _Budget:
    def __init__(self, limits: RenderLimits):
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.pages = 0

    def check(self, record: logging.LogRecord) -> None:
        if record.msg == "Step 5 - Creating layout - Page %d" and record.args:
            self.pages = max(self.pages, int(record.args[0]))
            if self.pages > self.limits.max_pages:
                raise PdfLimitExceeded(
                    f"The document is longer than {self.limits.max_pages} pages and was stopped. "
                    "Choose fewer sections or a narrower subject."
                )
        if time.monotonic() > self.deadline:
            raise PdfLimitExceeded(
                f"The document took longer than {self.limits.seconds:g} seconds to render and was stopped"
                f"{f' at page {self.pages}' if self.pages else ''}. Choose fewer sections or a narrower subject."
            )


class _EnforceBudget(logging.Filter):
    def filter(self, record):
        budget = getattr(_budget, "current", None)
        if budget is not None:
            budget.check(record)
        # Progress chatter ("Page 87") is not worth a log line per page.
        return False


PROGRESS_LOGGER.addFilter(_EnforceBudget())
# The filter only runs for records that are created: make sure INFO progress records always are.
PROGRESS_LOGGER.setLevel(logging.INFO)


_parsed_stylesheets: dict = {}


def print_stylesheet() -> CSS:
    """The print stylesheet, parsed once per process and again whenever the file changes.

    Parsed CSS is read-only once built (WeasyPrint shares its own default stylesheets the same way),
    and it is fetched through the safe fetcher like anything else.
    """
    path = finders.find(PRINT_STYLESHEET)
    key = (path, os.stat(path).st_mtime_ns)
    sheet = _parsed_stylesheets.get(key)
    if sheet is None:
        sheet = CSS(url=STATIC_PREFIX + PRINT_STYLESHEET, url_fetcher=CaucusURLFetcher())
        _parsed_stylesheets.clear()
        _parsed_stylesheets[key] = sheet
    return sheet


def html_to_pdf(html: str, *, limits: RenderLimits) -> RenderedPdf:
    """Render `html` (a whole document from our own templates) to PDF, or raise PdfRenderError."""
    if len(html.encode()) > limits.max_html_bytes:
        raise PdfLimitExceeded(
            f"The document has too much content to print ({len(html.encode()) // 1_000_000} MB of text; "
            f"the limit is {limits.max_html_bytes // 1_000_000} MB). Choose fewer sections or a narrower subject."
        )
    fetcher = CaucusURLFetcher()
    _budget.current = _Budget(limits)
    try:
        document = HTML(string=html, base_url=APP_BASE_URL, url_fetcher=fetcher).render(
            stylesheets=[print_stylesheet()]
        )
        content = document.write_pdf()
    finally:
        _budget.current = None
    page_count = len(document.pages)
    if len(content) > limits.max_pdf_bytes:
        raise PdfLimitExceeded(
            f"The PDF came out at {len(content) / 1_000_000:.1f} MB, over the limit of "
            f"{limits.max_pdf_bytes / 1_000_000:.0f} MB. Choose fewer sections or a narrower subject."
        )
    return RenderedPdf(content=content, page_count=page_count)
