"""Safe rendering: nothing outside the app's static files is fetched or embedded, and runaway renders stop."""

import base64
import http.server
import threading

import pytest

from bargaining.models import ClauseVersionStatus
from plumbing.markdown import markdown_html
from policies.documents.briefing_pack import render_briefing_pack
from policies.documents.fetcher import CaucusURLFetcher, RefusedURL
from policies.documents.position_paper import render_position_paper
from policies.documents.render import PdfLimitExceeded, RenderLimits, html_to_pdf
from policies.models import PackSection
from tests.factories import ClauseVersionFactory, ConsultationEventFactory
from tests.helpers import flat, pdf_reader, pdf_text

GENEROUS = RenderLimits(seconds=60, max_pages=100, max_html_bytes=1_000_000, max_pdf_bytes=10_000_000)
# A 1x1 transparent PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PIXEL)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    """A web server on a loopback port that records every request it receives."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def attachments(content: bytes) -> dict:
    return pdf_reader(content).attachments


def hostile_html(url: str) -> str:
    """Every way a document can make WeasyPrint fetch `url`."""
    return f"""<!doctype html><html><head>
      <link rel="stylesheet" href="{url}/style.css">
      <link rel="attachment" href="{url}/attached.txt">
      <style>@import url("{url}/imported.css"); body {{ background: url("{url}/bg.png"); }}
             @font-face {{ font-family: x; src: url("{url}/font.ttf"); }}</style>
    </head><body>
      <p>Hostile</p>
      <img src="{url}/image.png">
      <object data="{url}/object.svg"></object>
      <a rel="attachment" href="{url}/linked.txt">attached by a link</a>
    </body></html>"""


def test_without_our_fetcher_weasyprint_would_fetch_and_attach_from_the_local_server(local_server):
    """The control: the hostile document does reach the server when WeasyPrint's default fetcher is used."""
    from weasyprint import HTML

    content = HTML(string=hostile_html(f"http://127.0.0.1:{local_server.server_port}")).write_pdf()

    assert "/image.png" in local_server.requests
    assert attachments(content) != {}


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_http_urls_to_any_host_are_neither_fetched_nor_embedded(local_server, scheme, host):
    url = f"{scheme}://{host}:{local_server.server_port}"

    rendered = html_to_pdf(hostile_html(url), limits=GENEROUS)

    assert local_server.requests == []
    assert attachments(rendered.content) == {}


def test_file_urls_are_neither_read_nor_embedded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE-CONTENT")

    rendered = html_to_pdf(hostile_html(f"file://{tmp_path}").replace("/attached.txt", "/secret.txt"), limits=GENEROUS)

    assert attachments(rendered.content) == {}
    assert "TOP-SECRET-FILE-CONTENT" not in pdf_text(rendered.content)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/",
        "https://example.org/logo.png",
        "ftp://example.org/x",
        "https://caucus.invalid/media/upload.png",
        "https://caucus.invalid/static/../../config/settings.py",
        "https://caucus.invalid/static/%2e%2e/%2e%2e/config/settings.py",
        "https://caucus.invalid/static/css/print.css?x=1",
    ],
)
def test_the_fetcher_refuses_everything_but_the_apps_static_files(url):
    with pytest.raises(RefusedURL):
        CaucusURLFetcher().fetch(url)


def test_the_fetcher_serves_the_apps_own_static_files_and_data_uris():
    fetcher = CaucusURLFetcher()

    stylesheet = fetcher.fetch("https://caucus.invalid/static/css/print.css")
    image = fetcher.fetch("data:image/png;base64," + base64.b64encode(PIXEL).decode())

    assert b"@page" in stylesheet.read()
    assert stylesheet.content_type == "text/css"
    assert image.read() == PIXEL


def test_a_data_uri_image_is_embedded():
    html = f'<img src="data:image/png;base64,{base64.b64encode(PIXEL).decode()}" style="width: 5cm">'

    content = html_to_pdf(html, limits=GENEROUS).content

    assert b"/Subtype /Image" in content or b"/Subtype/Image" in content


@pytest.mark.django_db
def test_user_text_with_attachments_and_urls_is_neither_fetched_nor_embedded(world, officer, local_server):
    url = f"http://127.0.0.1:{local_server.server_port}"
    hostile = (
        f'<a rel="attachment" href="{url}/rationale.txt">attach</a> <img src="{url}/r.png"> '
        f"![image]({url}/md.png) <link rel=attachment href='file:///etc/passwd'> <script>alert(1)</script>"
    )
    position = world.public_position
    position.rationale = hostile
    position.conditions = hostile
    position.save()
    ConsultationEventFactory(consultation=world.consultation, summary=hostile, visibility="public")
    ClauseVersionFactory(clause=world.clause, text=hostile, status=ClauseVersionStatus.RATIFIED)

    paper = render_position_paper(position=position, reader=officer)
    pack = render_briefing_pack(subject=world.unit, sections=PackSection.values, reader=officer)

    assert local_server.requests == []
    assert attachments(paper) == {}
    assert attachments(pack) == {}
    # Escaped text shows what was typed, rather than acting on it.
    assert '<a rel="attachment"' in flat(pdf_text(pack))


def test_markdown_is_sanitised_before_it_reaches_a_template():
    html = markdown_html(
        '**bold** <a rel="attachment" href="http://127.0.0.1/x">a</a> <img src="http://127.0.0.1/y">'
        '<script>alert(1)</script> <p style="background:url(http://x/)">s</p> [ok](https://example.org)'
    )

    assert "<strong>bold</strong>" in html
    assert "attachment" not in html
    assert "<img" not in html and "<script" not in html and "style=" not in html
    assert 'href="https://example.org"' in html


def test_a_render_that_runs_too_long_is_stopped_with_a_clear_error():
    limits = RenderLimits(seconds=0, max_pages=100, max_html_bytes=1_000_000, max_pdf_bytes=10_000_000)

    with pytest.raises(PdfLimitExceeded, match="took longer than 0 seconds"):
        html_to_pdf("<p>slow</p>" * 50, limits=limits)


def test_a_render_with_too_many_pages_is_stopped_with_a_clear_error():
    limits = RenderLimits(seconds=60, max_pages=3, max_html_bytes=1_000_000, max_pdf_bytes=10_000_000)
    html = '<p style="page-break-after: always">page</p>' * 10

    with pytest.raises(PdfLimitExceeded, match="longer than 3 pages"):
        html_to_pdf(html, limits=limits)


def test_a_document_with_too_much_content_is_refused_before_rendering():
    limits = RenderLimits(seconds=60, max_pages=100, max_html_bytes=1_000, max_pdf_bytes=10_000_000)

    with pytest.raises(PdfLimitExceeded, match="too much content"):
        html_to_pdf("<p>" + "x" * 2_000 + "</p>", limits=limits)


def test_a_pdf_larger_than_the_limit_is_refused():
    limits = RenderLimits(seconds=60, max_pages=100, max_html_bytes=1_000_000, max_pdf_bytes=500)

    with pytest.raises(PdfLimitExceeded, match="over the limit"):
        html_to_pdf("<p>big enough</p>", limits=limits)


def test_after_a_stopped_render_the_next_one_runs_normally():
    with pytest.raises(PdfLimitExceeded):
        html_to_pdf("<p>x</p>", limits=RenderLimits(seconds=0, max_pages=1, max_html_bytes=10_000, max_pdf_bytes=10**7))

    assert html_to_pdf("<p>fine</p>", limits=GENEROUS).page_count == 1
