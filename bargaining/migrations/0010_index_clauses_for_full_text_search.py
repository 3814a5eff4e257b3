# ruff: noqa: S608 - SQL written from the constant names below; no input reaches it
"""Clauses get a full-text index: a clause's title, article number, topic name and the text of every version.

SQLite: an external-content FTS5 table over a view of those columns (the text is stored once, in the tables),
stemmed with the Porter stemmer. Triggers keep it in step: an entry is deleted with the values it was indexed
with (read from the view before the change) and inserted again after it, for changes to a clause, a new version
or a renamed topic. PostgreSQL: a stored tsvector on the clause with a GIN index, recomputed by a trigger when
the clause changes; a new version or a renamed topic touches the clauses concerned.
"""

import django.db.models.deletion
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

import bargaining.models.clauses

FTS = "bargaining_clause_fts"
SOURCE = "bargaining_clause_search_source"
COLUMNS = "title, article_number, topic, body"


def _sqlite_delete(where: str) -> str:
    return f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) SELECT 'delete', id, {COLUMNS} FROM {SOURCE} WHERE {where};"


def _sqlite_insert(where: str) -> str:
    return f"INSERT INTO {FTS}(rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM {SOURCE} WHERE {where};"


def _sqlite_triggers():
    """(name, when, event, table, statements) for every change that alters an indexed value."""
    clause = "bargaining_clause"
    version = "bargaining_clauseversion"
    topic = "bargaining_topic"
    clause_fields = "UPDATE OF title, article_number, topic_id"
    return [
        ("clause_ai", "AFTER", "INSERT", clause, _sqlite_insert("id = NEW.id")),
        ("clause_bu", "BEFORE", clause_fields, clause, _sqlite_delete("id = OLD.id")),
        ("clause_au", "AFTER", clause_fields, clause, _sqlite_insert("id = NEW.id")),
        ("clause_bd", "BEFORE", "DELETE", clause, _sqlite_delete("id = OLD.id")),
        ("version_bi", "BEFORE", "INSERT", version, _sqlite_delete("id = NEW.clause_id")),
        ("version_ai", "AFTER", "INSERT", version, _sqlite_insert("id = NEW.clause_id")),
        ("version_bd", "BEFORE", "DELETE", version, _sqlite_delete("id = OLD.clause_id")),
        ("version_ad", "AFTER", "DELETE", version, _sqlite_insert("id = OLD.clause_id")),
        (
            "topic_bu",
            "BEFORE",
            "UPDATE OF name",
            topic,
            _sqlite_delete(f"id IN (SELECT id FROM {clause} WHERE topic_id = OLD.id)"),
        ),
        (
            "topic_au",
            "AFTER",
            "UPDATE OF name",
            topic,
            _sqlite_insert(f"id IN (SELECT id FROM {clause} WHERE topic_id = NEW.id)"),
        ),
        (
            "topic_bd",
            "BEFORE",
            "DELETE",
            topic,
            _sqlite_delete(f"id IN (SELECT id FROM {clause} WHERE topic_id = OLD.id)"),
        ),
        (
            "topic_ad",
            "AFTER",
            "DELETE",
            topic,
            _sqlite_insert(f"id IN (SELECT id FROM {clause} WHERE topic_id = OLD.id)"),
        ),
    ]


SQLITE_CREATE = [
    f"""
    CREATE VIEW {SOURCE} AS
    SELECT c.id AS id, c.title AS title, c.article_number AS article_number, coalesce(t.name, '') AS topic,
           coalesce((SELECT group_concat(text, char(10)) FROM (
               SELECT v.text AS text FROM bargaining_clauseversion v WHERE v.clause_id = c.id ORDER BY v.number
           )), '') AS body
    FROM bargaining_clause c LEFT JOIN bargaining_topic t ON t.id = c.topic_id
    """,
    f"""
    CREATE VIRTUAL TABLE {FTS} USING fts5(
        {COLUMNS}, content='{SOURCE}', content_rowid='id', tokenize='porter unicode61'
    )
    """,
    *(
        f"CREATE TRIGGER {FTS}_{name} {when} {event} ON {table} BEGIN {statement} END"
        for name, when, event, table, statement in _sqlite_triggers()
    ),
    # The table's `rank` column: bm25 weighted title and article number, topic, then the texts.
    f"INSERT INTO {FTS}({FTS}, rank) VALUES ('rank', 'bm25(10.0, 10.0, 4.0, 1.0)')",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {FTS}_{name}" for name, *_ in _sqlite_triggers()),
    f"DROP TABLE IF EXISTS {FTS}",
    f"DROP VIEW IF EXISTS {SOURCE}",
]

POSTGRES_CREATE = [
    """
    CREATE FUNCTION bargaining_clause_index() RETURNS trigger AS $$
    BEGIN
        -- Angle brackets become spaces: PostgreSQL's parser would skip "<b>words</b>" as a tag, FTS5 reads them.
        NEW.search_vector :=
            setweight(to_tsvector('english', translate(
                coalesce(NEW.title, '') || ' ' || coalesce(NEW.article_number, ''), '<>', '  ')), 'A')
            || setweight(to_tsvector('english', translate(coalesce(
                (SELECT name FROM bargaining_topic WHERE id = NEW.topic_id), ''), '<>', '  ')), 'B')
            || setweight(to_tsvector('english', translate(coalesce(
                (SELECT string_agg(text, E'\\n' ORDER BY number) FROM bargaining_clauseversion
                 WHERE clause_id = NEW.id), ''), '<>', '  ')), 'C');
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    # search_vector is in the list so that a save writing every column (and so a NULL) recomputes it.
    """
    CREATE TRIGGER bargaining_clause_index
    BEFORE INSERT OR UPDATE OF title, article_number, topic_id, search_vector ON bargaining_clause
    FOR EACH ROW EXECUTE FUNCTION bargaining_clause_index()
    """,
    """
    CREATE FUNCTION bargaining_clause_reindex_for_version() RETURNS trigger AS $$
    BEGIN
        UPDATE bargaining_clause SET search_vector = NULL
        WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.clause_id ELSE NEW.clause_id END);
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER bargaining_clause_reindex_for_version
    AFTER INSERT OR DELETE ON bargaining_clauseversion
    FOR EACH ROW EXECUTE FUNCTION bargaining_clause_reindex_for_version()
    """,
    """
    CREATE FUNCTION bargaining_clause_reindex_for_topic() RETURNS trigger AS $$
    BEGIN
        UPDATE bargaining_clause SET search_vector = NULL WHERE topic_id = NEW.id;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER bargaining_clause_reindex_for_topic
    AFTER UPDATE OF name ON bargaining_topic
    FOR EACH ROW EXECUTE FUNCTION bargaining_clause_reindex_for_topic()
    """,
    "UPDATE bargaining_clause SET search_vector = NULL",
    "CREATE INDEX bargaining_clause_search_vector_gin ON bargaining_clause USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS bargaining_clause_search_vector_gin",
    "DROP TRIGGER IF EXISTS bargaining_clause_reindex_for_topic ON bargaining_topic",
    "DROP FUNCTION IF EXISTS bargaining_clause_reindex_for_topic()",
    "DROP TRIGGER IF EXISTS bargaining_clause_reindex_for_version ON bargaining_clauseversion",
    "DROP FUNCTION IF EXISTS bargaining_clause_reindex_for_version()",
    "DROP TRIGGER IF EXISTS bargaining_clause_index ON bargaining_clause",
    "DROP FUNCTION IF EXISTS bargaining_clause_index()",
]

STATEMENTS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRES_CREATE, POSTGRES_DROP),
}


def create_index(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[0]:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("bargaining", "0009_archive_employers"),
    ]

    operations = [
        migrations.AddField(
            model_name="clause",
            name="search_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index, drop_index),
        migrations.CreateModel(
            name="ClauseSearchEntry",
            fields=[
                (
                    "clause",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="bargaining.clause",
                    ),
                ),
                ("entry", bargaining.models.clauses.FullTextField(db_column="bargaining_clause_fts")),
                ("rank", models.FloatField()),
            ],
            options={
                "db_table": "bargaining_clause_fts",
                "managed": False,
            },
        ),
    ]
