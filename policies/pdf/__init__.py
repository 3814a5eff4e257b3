"""Printed documents: functions that take domain objects and a reader and return PDF bytes.

They know nothing of requests; each selects only what `reader` may see (the `visible_to` rules).
"""

import logging

# WeasyPrint announces its built-in stylesheets on import; the render budget (render.py) takes over after.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from policies.pdf.briefing_pack import render_briefing_pack  # noqa: E402
from policies.pdf.position_paper import NotVisible, paper_filename, render_position_paper  # noqa: E402
from policies.pdf.render import PdfLimitExceeded, PdfRenderError  # noqa: E402

__all__ = [
    "NotVisible",
    "PdfLimitExceeded",
    "PdfRenderError",
    "paper_filename",
    "render_briefing_pack",
    "render_position_paper",
]
