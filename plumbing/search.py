"""Full-text search machinery with no domain knowledge: reading what people type, writing it for SQLite FTS5
or PostgreSQL, and turning a database's highlighted text into safe HTML.

What people type is never handed to a database's query syntax: it is read into words, "quoted phrases" and
-excluded words, and each backend's query is written from those, every term quoted, so stray syntax
(`NEAR(`, `*`, `:`, an unbalanced quote) is only ever text.
"""

import functools
import operator
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Case, FloatField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# A search is a handful of words: a longer one is cut to its first MAX_TERMS words (and the page says so), so
# that hundreds of words never become hundreds of terms for the index.
MAX_TERMS = 12
MAX_QUERY_LENGTH = 1000
# Translators: {count} is a number (12); keep it as it is.
TRUNCATED = format_lazy(_("Only the first {count} words of your search were looked for."), count=MAX_TERMS)
# What the databases put around a match: characters nobody types, replaced by <mark> after escaping.
START, STOP = "\ue000", "\ue001"

WORD = re.compile(r"\w+(?:[.-]\w+)*")
CHUNK = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class TextQuery:
    """What a search asks for: phrases (a single word is a phrase of one) to find, and phrases to leave out."""

    include: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[tuple[str, ...], ...] = ()
    truncated: bool = False  # words beyond MAX_TERMS were left out

    def __bool__(self):
        return bool(self.include or self.exclude)

    @property
    def words(self) -> list[str]:
        """The words looked for, for highlighting where the database does not highlight."""
        return [word for phrase in self.include for word in phrase]


def parse_query(text: str | None) -> TextQuery:
    """Read a search as people type it: `class size`, `"class size"`, `monitoring -camera`; only its first
    MAX_TERMS words (of its first MAX_QUERY_LENGTH characters) count."""
    text = text or ""
    truncated = len(text) > MAX_QUERY_LENGTH
    include, exclude, room = [], [], MAX_TERMS
    for match in CHUNK.finditer(text[:MAX_QUERY_LENGTH]):
        minus = match.group(1) or match.group(3)
        words = tuple(word.lower() for word in WORD.findall(match.group(2) or match.group(4) or ""))
        if len(words) > room:
            words, truncated = words[:room], True
        if words:
            (exclude if minus else include).append(words)
            room -= len(words)
    return TextQuery(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)), truncated)


def _quoted(phrase: tuple[str, ...]) -> str:
    # Words hold word characters, dots and hyphens only: in double quotes, a string to FTS5 and to websearch.
    return '"' + " ".join(phrase) + '"'


def fts5_match(phrases: tuple[tuple[str, ...], ...], exclude: tuple[tuple[str, ...], ...] = ()) -> str:
    """An FTS5 MATCH expression: every phrase, none of `exclude` (which needs at least one phrase)."""
    expression = " AND ".join(_quoted(phrase) for phrase in phrases)
    for phrase in exclude:
        expression += f" NOT {_quoted(phrase)}"
    return expression


def fts5_any(phrases: tuple[tuple[str, ...], ...]) -> str:
    """An FTS5 MATCH expression for any of `phrases` (to leave out, when nothing is looked for)."""
    return " OR ".join(_quoted(phrase) for phrase in phrases)


def websearch(query: TextQuery) -> str:
    """The query for PostgreSQL's websearch_to_tsquery, rewritten from the parsed words."""
    return " ".join([*(_quoted(p) for p in query.include), *("-" + _quoted(p) for p in query.exclude)])


def light_stem(word: str) -> str:
    """A crude English stem for substring matching where no index stems ("monitoring" -> "monitor")."""
    for suffix in ("ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def marked(text: str | None):
    """Text a database highlighted with START/STOP, escaped, with the highlights as <mark> elements.

    The markers are read in order and only ever open a closed mark or close an open one, and an open one is
    closed at the end, so whatever the text holds the markup stays balanced.
    """
    pieces, open_ = [], False
    for piece in re.split(f"([{START}{STOP}])", text or ""):
        if piece == START:
            if not open_:
                pieces.append("<mark>")
                open_ = True
        elif piece == STOP:
            if open_:
                pieces.append("</mark>")
                open_ = False
        else:
            pieces.append(str(escape(piece)))
    if open_:
        pieces.append("</mark>")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def search_documents(queryset, document, query: TextQuery, *, title_field: str, welsh_document=None):
    """`queryset` narrowed to the rows whose `document` (an expression: the text the reader may search) matches
    `query`, annotated `search_document` and `search_rank`, best first. Computed on the fly, without an index:
    for record kinds a reader has at most thousands of (the clause library has its own index).

    PostgreSQL: the document's tsvector (english configuration, stemmed) against websearch_to_tsquery, ranked by
    ts_rank. SQLite: each phrase, lightly stemmed, as a case-insensitive substring; a match in the title first.
    `welsh_document`, the records' Welsh text, is searched word for word: English stemming would mangle it.
    """
    queryset = queryset.annotate(search_document=document)
    if welsh_document is not None:
        queryset = queryset.annotate(search_document_cy=welsh_document)
    if connections[queryset.db].vendor == "postgresql":
        vector = SearchVector("search_document", config="english")
        configs = ["english"]
        if welsh_document is not None:
            vector = vector + SearchVector("search_document_cy", config="simple")
            configs.append("simple")

        def matching(phrases) -> SearchQuery:
            # The words as either language reads them: English stemmed, Welsh word for word.
            found = TextQuery(include=phrases)
            queries = [SearchQuery(websearch(found), search_type="websearch", config=config) for config in configs]
            return functools.reduce(operator.or_, queries)

        queryset = queryset.annotate(search_vector=vector)
        # A word left out is left out in both languages (one query of "this -that" would let the Welsh reading
        # of "that" through where the English stem of it is in the record).
        for phrase in query.exclude:
            queryset = queryset.exclude(search_vector=matching((phrase,)))
        if not query.include:
            return queryset.annotate(search_rank=Value(0.0, output_field=FloatField())).order_by("-pk")
        search = matching(query.include)
        return (
            queryset.filter(search_vector=search)
            .annotate(search_rank=SearchRank(vector, search))
            .order_by("-search_rank", "-pk")
        )
    for phrase in query.include:
        queryset = queryset.filter(_contains(phrase, welsh=welsh_document is not None))
    for phrase in query.exclude:
        queryset = queryset.exclude(_contains(phrase, welsh=welsh_document is not None))
    in_title = Q(*(Q(**{f"{title_field}__icontains": stemmed(phrase)}) for phrase in query.include), _connector=Q.OR)
    none = Value(0.0, output_field=FloatField())
    rank = Case(When(in_title, then=Value(1.0)), default=none, output_field=FloatField()) if query.include else none
    return queryset.annotate(search_rank=rank).order_by("-search_rank", "-pk")


def _contains(phrase: tuple[str, ...], *, welsh: bool) -> Q:
    found = Q(search_document__icontains=stemmed(phrase))
    return found | Q(search_document_cy__icontains=" ".join(phrase)) if welsh else found


def stemmed(phrase: tuple[str, ...]) -> str:
    return " ".join(light_stem(word) for word in phrase)
