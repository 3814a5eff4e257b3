"""Printed documents: position papers and briefing packs, and everything that serves them.

Each document is one function of domain objects and a reader that returns a RenderedPdf
(`render_position_paper`, `render_briefing_pack`); it knows nothing of requests and selects only
what the reader may see. Around them: the web views and API endpoints (views.py, api.py, urls.py,
api_urls.py), the pack requests and their background task (packs.py, tasks.py), and the renderer
that lets WeasyPrint fetch nothing but our own static files (render.py, fetcher.py).
"""

import logging

# WeasyPrint announces its built-in stylesheets on import; the render budget (render.py) takes over after.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
