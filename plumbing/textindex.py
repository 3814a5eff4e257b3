# ruff: noqa: S608 - SQL written from the constant names of an index; what people type is only ever a parameter
"""A full-text index over some text columns of one table, for the kinds the global search reads at a
federation's size (a million timeline events): one definition, two backends, no domain knowledge.

SQLite: an external-content FTS5 table (Porter stemming) over the columns, kept in step by three triggers.
PostgreSQL: a GIN index on the columns' english tsvector, an expression index, so there is nothing to keep in
step; a search writes the very same expression (`vector`), which is what lets PostgreSQL use the index.
Migrations call `create` and `drop`; searches call `matching`.
"""

from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import FloatField, Value
from django.db.models.expressions import RawSQL

from plumbing.search import TextQuery, fts5_any, fts5_match, websearch


@dataclass(frozen=True)
class TextIndex:
    table: str  # the indexed model's table
    columns: tuple[str, ...]  # its text columns (field names and column names alike)

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def gin(self) -> str:
        return f"{self.table[:40]}_text_gin"

    def vector(self) -> SearchVector:
        return SearchVector(*self.columns, config="english")

    # Migrations -------------------------------------------------------------------------------------------------

    def create(self, model, schema_editor) -> None:
        """Make the index for `model` (the migration's historical model of `table`) and fill it."""
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.add_index(model, GinIndex(self.vector(), name=self.gin))
        elif vendor == "sqlite":
            for statement in self._sqlite_create():
                schema_editor.execute(statement)

    def drop(self, model, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {self.gin}")
        elif vendor == "sqlite":
            for name in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {self.fts}_{name}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {self.fts}")

    def _sqlite_create(self) -> list[str]:
        columns = ", ".join(self.columns)
        new = ", ".join(f"new.{column}" for column in self.columns)
        old = ", ".join(f"old.{column}" for column in self.columns)
        delete = f"INSERT INTO {self.fts}({self.fts}, rowid, {columns}) VALUES ('delete', old.id, {old});"
        insert = f"INSERT INTO {self.fts}(rowid, {columns}) VALUES (new.id, {new});"
        return [
            f"CREATE VIRTUAL TABLE {self.fts} USING fts5({columns}, content='{self.table}', content_rowid='id', "
            "tokenize='porter unicode61')",
            f"CREATE TRIGGER {self.fts}_ai AFTER INSERT ON {self.table} BEGIN {insert} END",
            f"CREATE TRIGGER {self.fts}_ad AFTER DELETE ON {self.table} BEGIN {delete} END",
            f"CREATE TRIGGER {self.fts}_au AFTER UPDATE OF {columns} ON {self.table} BEGIN {delete} {insert} END",
            f"INSERT INTO {self.fts}({self.fts}) VALUES ('rebuild')",
        ]

    def rebuild(self, connection) -> None:
        """Fill the index again from the table (SQLite, after rows were written with its triggers off)."""
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {self.fts}({self.fts}) VALUES ('rebuild')")

    # Searches ---------------------------------------------------------------------------------------------------

    def matching(self, queryset, query: TextQuery):
        """`queryset` narrowed to the rows whose indexed text matches `query`, annotated `search_rank`, best
        first (newest first among equals, and on SQLite, where every match of these short texts ranks alike)."""
        if connections[queryset.db].vendor == "postgresql":
            vector = self.vector()
            queryset = queryset.annotate(search_vector=vector)
            for phrase in query.exclude:
                queryset = queryset.exclude(search_vector=_pg_query(TextQuery(include=(phrase,))))
            if not query.include:
                return queryset.annotate(search_rank=Value(0.0, output_field=FloatField())).order_by("-pk")
            search = _pg_query(TextQuery(include=query.include))
            return (
                queryset.filter(search_vector=search)
                .annotate(search_rank=SearchRank(vector, search))
                .order_by("-search_rank", "-pk")
            )
        if query.include:
            queryset = queryset.filter(pk__in=self._sqlite_matches(fts5_match(query.include, query.exclude)))
        else:
            queryset = queryset.exclude(pk__in=self._sqlite_matches(fts5_any(query.exclude)))
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField())).order_by("-pk")

    def _sqlite_matches(self, expression: str) -> RawSQL:
        return RawSQL(f"SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH %s", [expression])  # noqa: S611


def _pg_query(query: TextQuery) -> SearchQuery:
    return SearchQuery(websearch(query), search_type="websearch", config="english")
