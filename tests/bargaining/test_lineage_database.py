"""The database itself keeps clause lineage append-only, whatever code talks to it."""

import pytest
from django.db import DatabaseError, connection, transaction

from bargaining.models import ClauseVersion, ClauseVersionStatus, TabledBy
from bargaining.services import table_clause_version
from tests.factories import ClauseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(officer):
    clause = ClauseFactory()
    return table_clause_version(
        clause=clause,
        text="The employer shall consult the union before introducing any AI tool.",
        tabled_by=TabledBy.UNION,
        status=ClauseVersionStatus.PROPOSED,
        user=officer,
    )


def test_raw_sql_cannot_rewrite_a_tabled_version(version):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE bargaining_clauseversion SET text = %s WHERE id = %s", ["Rewritten.", version.pk])

    assert ClauseVersion.objects.get(pk=version.pk).text == version.text


def test_raw_sql_cannot_change_a_tabled_versions_status(version):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE bargaining_clauseversion SET status = 'ratified' WHERE id = %s", [version.pk])

    assert ClauseVersion.objects.get(pk=version.pk).status == ClauseVersionStatus.PROPOSED


def test_removing_the_user_who_tabled_a_version_keeps_the_version(version):
    author = UserFactory(username="departed")
    other = table_clause_version(
        clause=version.clause, text="Counter.", tabled_by=TabledBy.UNION, status="countered", user=author
    )

    author.delete()

    other = ClauseVersion.objects.get(pk=other.pk)
    assert other.created_by is None
    assert other.text == "Counter."
