"""HTML to PDF bytes, within limits, through the safe fetcher only."""

import logging
import os
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _
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
        # Pages of the parts already laid out (a bilingual document is laid out one language after the other).
        self.pages_before = 0

    def check(self, record: logging.LogRecord) -> None:
        if record.msg == "Step 5 - Creating layout - Page %d" and record.args:
            self.pages = max(self.pages, self.pages_before + int(record.args[0]))
            if self.pages > self.limits.max_pages:
                raise PdfLimitExceeded(
                    _(
                        "The document is longer than %(max_pages)s pages and was stopped. "
                        "Choose fewer sections or a narrower subject."
                    )
                    % {"max_pages": self.limits.max_pages}
                )
        if time.monotonic() > self.deadline:
            seconds = f"{self.limits.seconds:g}"
            if self.pages:
                raise PdfLimitExceeded(
                    _(
                        "The document took longer than %(seconds)s seconds to render and was stopped at page "
                        "%(page)s. Choose fewer sections or a narrower subject."
                    )
                    % {"seconds": seconds, "page": self.pages}
                )
            raise PdfLimitExceeded(
                _(
                    "The document took longer than %(seconds)s seconds to render and was stopped. "
                    "Choose fewer sections or a narrower subject."
                )
                % {"seconds": seconds}
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


# Our templates' anchors: `id="x"` and the links to them, `href="#x"`.
ANCHOR = re.compile(r'\b(id="|href="#)([^"]+)"')


def _own_anchors(html: str, index: int) -> str:
    """Each part after the first gets its own anchors: the PDF keeps only the first of two anchors with one
    name, so a bilingual document's English contents would lead into the Welsh half."""
    return html if index == 0 else ANCHOR.sub(lambda match: f'{match[1]}part{index}-{match[2]}"', html)


def html_to_pdf(html: str | Sequence[str], *, limits: RenderLimits) -> RenderedPdf:
    """Render `html` (a whole document from our own templates) to PDF, or raise PdfRenderError.

    Several documents (a bilingual one's languages, policies.documents.language) are laid out one after the other
    within one budget and printed as one PDF, each part keeping its own page numbers.
    """
    parts = [html] if isinstance(html, str) else [_own_anchors(part, index) for index, part in enumerate(html)]
    size = sum(len(part.encode()) for part in parts)
    if size > limits.max_html_bytes:
        raise PdfLimitExceeded(
            _(
                "The document has too much content to print (%(size)s MB of text; the limit is %(limit)s MB). "
                "Choose fewer sections or a narrower subject."
            )
            % {"size": size // 1_000_000, "limit": limits.max_html_bytes // 1_000_000}
        )
    fetcher = CaucusURLFetcher()
    budget = _budget.current = _Budget(limits)
    try:
        documents = []
        for part in parts:
            documents.append(
                HTML(string=part, base_url=APP_BASE_URL, url_fetcher=fetcher).render(stylesheets=[print_stylesheet()])
            )
            budget.pages_before += len(documents[-1].pages)
        document = documents[0] if len(documents) == 1 else documents[0].copy([p for d in documents for p in d.pages])
        content = document.write_pdf()
    finally:
        _budget.current = None
    page_count = len(document.pages)
    if len(content) > limits.max_pdf_bytes:
        raise PdfLimitExceeded(
            _(
                "The PDF came out at %(size)s MB, over the limit of %(limit)s MB. "
                "Choose fewer sections or a narrower subject."
            )
            % {"size": f"{len(content) / 1_000_000:.1f}", "limit": f"{limits.max_pdf_bytes / 1_000_000:.0f}"}
        )
    return RenderedPdf(content=content, page_count=page_count)
