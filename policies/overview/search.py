"""One search over everything a reader may see: clauses, model clauses, tools, proposals, consultations and their
events, positions and principles, grouped by kind with a count for each.

Clauses are found through their full-text index (bargaining/search.py); timeline events, documents and
proposals, the kinds that run to tens of thousands of rows or more, through theirs (consultations/search.py).
The other kinds, thousands of rows at most, are searched on the fly (plumbing.search.search_documents: a
tsvector computed per row on PostgreSQL, substrings on SQLite) over the text the reader may read: each kind's
`document` leaves out what a per-field rule hides (a model clause's walk-away wording and guidance, for anyone
but the union's leadership). Every kind starts from `visible_to`, so a hidden record is never found, counted or
quoted. One query per kind (its count rides along as a window), plus one for the clauses' highlights: a
constant number, whatever the size of the library.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, Count, F, TextField, Value, When, Window
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from bargaining.models import Clause
from bargaining.search import highlight_clauses, search_clauses
from consultations import search as search_index
from consultations.attachments import Attachment
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal
from plumbing.bilingual import text_in
from plumbing.pages import excerpt, highlight
from plumbing.search import TextQuery, light_stem, search_documents
from plumbing.textindex import TextIndex
from policies.models import ModelClause, Position, Principle

PER_KIND = 5
# The label of the first group, found through the clauses' own index.
CLAUSES_LABEL = _("Clauses")


@dataclass
class Result:
    title: str  # escaped HTML, matches marked
    url: str
    snippet: str  # escaped HTML, matches marked
    context: str = ""  # plain text: where the record sits (a clause's agreement and employer)


@dataclass
class Group:
    kind: str
    label: str
    count: int
    results: list[Result] = field(default_factory=list)
    more_url: str | None = None  # where all of them are listed, when a list page can search them


def _text(*fields: str):
    """The fields' text as one document, a line each (an empty field is an empty line)."""
    parts = []
    for name in fields:
        parts += [Coalesce(F(name), Value(""), output_field=TextField()), Value("\n")]
    return Concat(*parts, output_field=TextField())


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    rows: Callable  # user -> the queryset of records the user may see
    body: Callable  # () -> the expression of the text the reader may search and be quoted, besides the title
    title_field: str
    title: Callable = str
    # The Welsh text of records kept in both languages (plumbing.bilingual), searched without English stemming.
    welsh: Callable | None = None
    # A full-text index of the kind's title and body (which then hold no text the reader may not read).
    index: TextIndex | None = None


MODEL_CLAUSE_OPEN = ("preferred_text", "fallback_text")

KINDS = [
    Kind(
        "model-clauses",
        _("Model clauses"),
        lambda user: ModelClause.objects.visible_to(user).with_playbook(user),
        # The walk-away wording and guidance are searched (and quoted) for the union's leadership only.
        lambda: Case(
            When(show_playbook=True, then=_text(*MODEL_CLAUSE_OPEN, "walk_away_text", "guidance")),
            default=_text(*MODEL_CLAUSE_OPEN),
            output_field=TextField(),
        ),
        "title",
        lambda clause: text_in(clause, "title").text,
        lambda: _text("title_cy", *(f"{name}_cy" for name in MODEL_CLAUSE_OPEN)),
    ),
    Kind(
        "tools",
        _("EdTech tools"),
        lambda user: EdTechTool.objects.visible_to(user),
        lambda: _text("description", "ai_features"),
        "name",
        lambda tool: tool.name,
    ),
    Kind(
        "proposals",
        _("Proposals"),
        lambda user: ProcurementProposal.objects.visible_to(user),
        lambda: _text("purpose", "budget_line"),
        "title",
        lambda proposal: proposal.title,
        index=search_index.PROPOSALS,
    ),
    Kind(
        "consultations",
        _("Consultations"),
        lambda user: Consultation.objects.visible_to(user).select_related("union", "proposal"),
        lambda: _text("outcome"),
        "proposal__title",
    ),
    Kind(
        "events",
        _("Consultation events"),
        lambda user: ConsultationEvent.objects.visible_to(user).select_related(
            "consultation__union", "consultation__proposal"
        ),
        lambda: _text("summary"),
        "summary",
        index=search_index.EVENTS,
        title=lambda event: (
            # Translators: an event of a consultation found by search: its kind, its date, and the consultation.
            gettext("%(kind)s (%(date)s): %(consultation)s")
            % {
                "kind": event.get_kind_display(),
                "date": format_date(event.occurred_on, "j M Y"),
                "consultation": event.consultation,
            }
        ),
    ),
    Kind(
        "positions",
        _("Positions"),
        lambda user: Position.objects.visible_to(user),
        lambda: _text("rationale", "conditions"),
        "title",
        lambda position: text_in(position, "title").text,
        lambda: _text("title_cy", "rationale_cy"),
    ),
    Kind(
        "principles",
        _("Principles"),
        lambda user: Principle.objects.visible_to(user),
        lambda: _text("statement"),
        "title",
        lambda principle: text_in(principle, "title").text,
        lambda: _text("title_cy", "statement_cy"),
    ),
    # Documents attached to records: their name and the text of a PDF or Word document.
    Kind(
        "documents",
        _("Documents"),
        lambda user: Attachment.objects.visible_to(user),
        lambda: _text("text"),
        "name",
        lambda document: document.name,
        index=search_index.DOCUMENTS,
    ),
]


def search_everything(user, query: TextQuery, raw: str, *, per_kind: int = PER_KIND) -> list[Group]:
    """The groups of records `user` may see that match `query` (`raw`, as typed, for links), clauses first."""
    if not query:
        return []
    words = [light_stem(word) for word in query.words]
    return [_clauses(user, query, raw, per_kind), *(_kind(kind, user, query, words, per_kind) for kind in KINDS)]


def _counted(queryset, per_kind):
    rows = list(queryset.annotate(search_total=Window(Count("pk")))[:per_kind])
    return rows, (rows[0].search_total if rows else 0)


def _clauses(user, query, raw, per_kind) -> Group:
    clauses = Clause.objects.visible_to(user).select_related("topic", "agreement__bargaining_unit__employer")
    rows, count = _counted(search_clauses(clauses, query), per_kind)
    marks = highlight_clauses(rows, query)
    results = [
        Result(
            title=format_html(
                # Translators: "Art." is short for "Article"; then the clause's number and its title.
                gettext("Art. {number} {title}"),
                number=clause.article_number,
                title=marks[clause.pk].title if clause.pk in marks else clause.title,
            ),
            url=clause.get_absolute_url(),
            snippet=marks[clause.pk].snippet if clause.pk in marks else "",
            # Articles are numbered alike across agreements: say whose this one is.
            context=f"{clause.agreement.title} · {clause.agreement.bargaining_unit.employer.name}",
        )
        for clause in rows
    ]
    more = reverse("clause_list") + "?" + urlencode({"search": raw})
    return Group("clauses", CLAUSES_LABEL, count, results, more_url=more)


def _quoted_body(row, words) -> str:
    """The text to quote from: the reader's language, else the language the words were found in."""
    welsh = getattr(row, "search_document_cy", "") or ""
    english = row.search_body or ""
    if not welsh.strip():
        return english
    if get_language() == "cy":
        return welsh if any(word in welsh.lower() for word in words) or not english.strip() else english
    return english if any(word in english.lower() for word in words) else welsh


def _kind(kind: Kind, user, query, words, per_kind) -> Group:
    rows = kind.rows(user).annotate(search_body=kind.body())
    if kind.index is not None:
        found = kind.index.matching(rows, query)
    else:
        document = Concat(F(kind.title_field), Value("\n"), F("search_body"), output_field=TextField())
        welsh = kind.welsh() if kind.welsh else None
        found = search_documents(rows, document, query, title_field=kind.title_field, welsh_document=welsh)
    rows, count = _counted(found, per_kind)
    results = [
        Result(
            title=highlight(kind.title(row), words, word_starts=True),
            url=row.get_absolute_url(),
            snippet=highlight(excerpt(_quoted_body(row, words), words), words, word_starts=True),
        )
        for row in rows
    ]
    return Group(kind.key, kind.label, count, results)
