"""Clause lineage is append-only: the database itself refuses edits to a tabled version's content.

Only the content columns are guarded, so that removing a user (created_by is SET_NULL) still works.
Deletion is guarded by PROTECT from the clause and by the model.
"""

from django.db import migrations

CONTENT_COLUMNS = "clause_id, number, text, tabled_by, tabled_on, session_id, status"
MESSAGE = "clause versions are append-only: table a new version instead"

SQLITE_CREATE = f"""
CREATE TRIGGER bargaining_clauseversion_append_only
BEFORE UPDATE OF {CONTENT_COLUMNS} ON bargaining_clauseversion
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}');
END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS bargaining_clauseversion_append_only;"

POSTGRES_CREATE = f"""
CREATE OR REPLACE FUNCTION bargaining_refuse_clauseversion_edit() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER bargaining_clauseversion_append_only
BEFORE UPDATE OF {CONTENT_COLUMNS} ON bargaining_clauseversion
FOR EACH ROW EXECUTE FUNCTION bargaining_refuse_clauseversion_edit();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS bargaining_clauseversion_append_only ON bargaining_clauseversion;
DROP FUNCTION IF EXISTS bargaining_refuse_clauseversion_edit();
"""

STATEMENTS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRES_CREATE, POSTGRES_DROP),
}


def create_trigger(apps, schema_editor):
    create, _ = STATEMENTS.get(schema_editor.connection.vendor, (None, None))
    if create:
        schema_editor.execute(create)


def drop_trigger(apps, schema_editor):
    _, drop = STATEMENTS.get(schema_editor.connection.vendor, (None, None))
    if drop:
        schema_editor.execute(drop)


class Migration(migrations.Migration):
    dependencies = [
        ("bargaining", "0001_initial_domain"),
    ]

    operations = [
        migrations.RunPython(create_trigger, drop_trigger),
    ]
