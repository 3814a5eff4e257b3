"""Full-text search of clauses: one interface, two backends chosen by the database in use.

The index (migration 0010) holds a clause's title, article number, topic name and the text of every version:
on SQLite an FTS5 table (Porter stemming, bm25 ranking, snippet()), on PostgreSQL a stored tsvector with a GIN
index (english configuration, ts_rank, ts_headline). Both are kept in step by database triggers, so every write
path (services, forms, the admin, a topic renamed) keeps them true.

Search narrows a queryset the caller has already scoped (`visible_to`, filters), so a hidden clause is never
found, counted or highlighted; and every version of a clause is exactly as visible as the clause.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, FloatField, OuterRef, Subquery, Value
from django.db.models.aggregates import StringAgg
from django.db.models.expressions import RawSQL

from bargaining.models import Clause, ClauseVersion
from plumbing.search import START, STOP, TextQuery, fts5_any, fts5_match, marked, websearch

FTS = "bargaining_clause_fts"
SNIPPET_TOKENS = 32


@dataclass(frozen=True)
class Highlight:
    """A found clause's title and a window of its text, escaped, with the matches marked."""

    title: str
    snippet: str


def search_clauses(queryset, query: TextQuery):
    """`queryset` narrowed to the clauses matching `query`, annotated `search_rank` and best first."""
    if not query:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return _postgres_search(queryset, query)
    return _sqlite_search(queryset, query)


def highlight_clauses(clauses, query: TextQuery) -> dict[int, Highlight]:
    """Each clause's highlighted title and snippet, by id, in one query: for a page of results only."""
    ids = [clause.pk for clause in clauses]
    if not ids or not query.include:
        return {}
    if connections[Clause.objects.db].vendor == "postgresql":
        return _postgres_highlights(ids, query)
    return _sqlite_highlights(ids, query)


# The SQL is written from constant names; what people type is only ever a parameter (%s).
MATCHING_IDS = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s"  # noqa: S608
# `+rowid`: the query is run once and its matches kept for the page, rather than run again for each id.
HIGHLIGHTS = (
    f"SELECT rowid, highlight({FTS}, 0, %s, %s), snippet({FTS}, 3, %s, %s, '…', {SNIPPET_TOKENS}) "  # noqa: S608
    f"FROM {FTS} WHERE {FTS} MATCH %s AND +rowid IN "
)


def _sqlite_matches(expression: str) -> RawSQL:
    return RawSQL(MATCHING_IDS, [expression])  # noqa: S611 - the expression is a parameter


def _sqlite_search(queryset, query: TextQuery):
    if not query.include:
        # Nothing to look for, only words to leave out: every clause without them.
        return queryset.exclude(pk__in=_sqlite_matches(fts5_any(query.exclude))).annotate(
            search_rank=Value(0.0, output_field=FloatField())
        )
    expression = fts5_match(query.include, query.exclude)
    # Joined to the index, so that its rank (bm25, weighted: see migration 0010) is computed once per match;
    # bm25 is lower for a better match, negated so that on both backends the best rank is the highest.
    return (
        queryset.filter(search_entry__entry__match=expression)
        .annotate(search_rank=-F("search_entry__rank"))
        .order_by("-search_rank", "pk")
    )


def _sqlite_highlights(ids, query: TextQuery) -> dict[int, Highlight]:
    placeholders = ", ".join(["%s"] * len(ids))
    with connections[Clause.objects.db].cursor() as cursor:
        cursor.execute(f"{HIGHLIGHTS}({placeholders})", [START, STOP, START, STOP, fts5_match(query.include), *ids])
        return {pk: Highlight(marked(title), marked(snippet)) for pk, title, snippet in cursor.fetchall()}


def _postgres_query(query: TextQuery) -> SearchQuery:
    return SearchQuery(websearch(query), search_type="websearch", config="english")


def _postgres_search(queryset, query: TextQuery):
    search = _postgres_query(query)
    return (
        queryset.filter(search_vector=search)
        .annotate(search_rank=SearchRank(F("search_vector"), search))
        .order_by("-search_rank", "pk")
    )


def _postgres_highlights(ids, query: TextQuery) -> dict[int, Highlight]:
    search = SearchQuery(websearch(TextQuery(query.include)), search_type="websearch", config="english")
    texts = (
        ClauseVersion.objects.filter(clause=OuterRef("pk"))
        .values("clause")
        .annotate(all_text=StringAgg("text", delimiter=Value("\n"), order_by="number"))
        .values("all_text")
    )
    marks = {"start_sel": START, "stop_sel": STOP, "config": "english"}
    rows = (
        Clause.objects.filter(pk__in=ids)
        .annotate(
            title_marked=SearchHeadline("title", search, highlight_all=True, **marks),
            snippet_marked=SearchHeadline(Subquery(texts), search, max_words=SNIPPET_TOKENS, min_words=12, **marks),
        )
        .values_list("pk", "title_marked", "snippet_marked")
    )
    return {pk: Highlight(marked(title), marked(snippet)) for pk, title, snippet in rows}
