"""A full-text index of procurement proposals (consultations/search.py), as 0014 made for events and documents."""

from django.db import migrations

from consultations.search import PROPOSALS


def create(apps, schema_editor):
    PROPOSALS.create(apps.get_model("consultations", "procurementproposal"), schema_editor)


def drop(apps, schema_editor):
    PROPOSALS.drop(apps.get_model("consultations", "procurementproposal"), schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0014_text_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
