"""Full-text indexes of timeline events and attached documents (consultations/search.py): an FTS5 table kept by
triggers on SQLite, a GIN expression index on PostgreSQL."""

from django.db import migrations

from consultations.search import DOCUMENTS, EVENTS

INDEXES = [("consultationevent", EVENTS), ("attachment", DOCUMENTS)]


def create(apps, schema_editor):
    for model, index in INDEXES:
        index.create(apps.get_model("consultations", model), schema_editor)


def drop(apps, schema_editor):
    for model, index in INDEXES:
        index.drop(apps.get_model("consultations", model), schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0013_event_by_kind"),
    ]

    operations = [migrations.RunPython(create, drop)]
