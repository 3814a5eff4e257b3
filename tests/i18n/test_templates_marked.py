"""No template shows a person text that the Welsh catalogue cannot reach: every word outside {% translate %} and
{% blocktranslate %} fails here, with the template and the text."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# A word: two letters in a row. Single letters, numbers, punctuation and symbols need no translation.
WORD = re.compile(r"[^\W\d_]{2,}")
# Attributes whose value a person reads or hears.
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "aria-description", "label"}
# Where text is never shown as such, or is already marked: skipped from its opening tag to its end.
SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment"}
# Never translated: the product's name, and its data format names.
UNTRANSLATED = {"Caucus", "CSV", "JSON", "XLSX", "PDF", "API", "iCalendar", "ReDoc", "Swagger"}
PLACEHOLDER = "\x00"


def templates():
    return sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt"})


def text_outside_tags(source: str) -> str:
    """The template with every tag, variable and marked block replaced by a placeholder."""
    out, skipping = [], None
    for token in Lexer(source).tokenize():
        if skipping:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == skipping:
                skipping = None
            continue
        if token.token_type == TokenType.TEXT:
            out.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK and token.contents.split()[0] in SKIPPED_BLOCKS:
            skipping = SKIPPED_BLOCKS[token.contents.split()[0]]
        # Spaced, so that a tag inside an element's opening tag (`<tr{% if %} class="x"{% endif %}>`) reads as
        # one more attribute, and the attributes after it stay attributes.
        out.append(f" {PLACEHOLDER} ")
    return "".join(out)


class ShownText(HTMLParser):
    """Collects the text and attribute values a browser shows, outside <script> and <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shown, self.hidden_depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.hidden_depth += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if value and name in SHOWN_ATTRIBUTES:
                self.shown.append(value)
        # An input button shows its value; a <button> shows its content (its value is for the server).
        if tag == "input" and attributes.get("type") in {"submit", "button", "reset"} and attributes.get("value"):
            self.shown.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth:
            self.shown.append(data)


def unmarked_words(source: str, *, html: bool) -> list[str]:
    text = text_outside_tags(source)
    if html:
        parser = ShownText()
        parser.feed(text)
        pieces = parser.shown
    else:
        pieces = [text]
    found = []
    for piece in pieces:
        for part in piece.split(PLACEHOLDER):
            words = [w for w in WORD.findall(part) if w not in UNTRANSLATED]
            if words:
                found.append(" ".join(part.split()))
    return found


@pytest.mark.parametrize("path", templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_has_no_text_outside_translation_tags(path):
    assert unmarked_words(path.read_text(), html=path.suffix == ".html") == []


def test_the_check_finds_unmarked_text_in_content_and_attributes():
    source = (
        '{% load i18n %}<p title="Open it">Hello {{ name }}</p>{% translate "Fine" %}<script>var a = "x y";</script>'
    )
    assert unmarked_words(source, html=True) == ["Open it", "Hello"]


def test_the_check_reads_attributes_set_by_a_tag_as_attributes():
    source = '<tr{% if a %} class="chosen"{% endif %}><td>{{ b }}</td></tr><details{% if c %} open{% endif %}>'
    assert unmarked_words(source, html=True) == []


def test_the_check_accepts_marked_text_names_and_symbols():
    source = (
        "{% load i18n %}<h1>{% translate 'Tools' %} · Caucus</h1>{% blocktranslate trimmed %}Hi {{ x }}"
        "{% endblocktranslate %}<p>{{ a }} — {{ b }} (3)</p>{# note #}{% comment %}Words here{% endcomment %}"
    )
    assert unmarked_words(source, html=True) == []
