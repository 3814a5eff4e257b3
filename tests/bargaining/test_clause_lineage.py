"""Clause lineage is append-only: versions are numbered in order, never changed or deleted; status follows."""

import pytest
from django.core.exceptions import ValidationError

from bargaining.models import Clause, ClauseVersion, ClauseVersionStatus, ImmutableRecordError, TabledBy
from bargaining.services import table_clause_version
from tests import factories

pytestmark = pytest.mark.django_db


LINEAGE = [
    ("Union: no AI tool without 90 days' notice.", TabledBy.UNION, ClauseVersionStatus.PROPOSED),
    ("Employer: 30 days' notice.", TabledBy.EMPLOYER, ClauseVersionStatus.COUNTERED),
    ("Agreed: 60 days' notice and bargaining on effects.", TabledBy.JOINT, ClauseVersionStatus.TENTATIVELY_AGREED),
]


@pytest.fixture
def lineage(officer):
    """A clause with three versions tabled in order: proposal, counter, tentative agreement."""
    clause = factories.ClauseFactory()
    session = factories.NegotiationSessionFactory(bargaining_unit=clause.agreement.bargaining_unit)
    versions = [
        table_clause_version(clause=clause, text=text, tabled_by=side, status=status, session=session, user=officer)
        for text, side, status in LINEAGE
    ]
    return clause, versions


def test_tabled_versions_are_numbered_one_two_three_in_order(lineage):
    clause, versions = lineage

    assert [version.number for version in versions] == [1, 2, 3]
    assert list(clause.versions.values_list("number", "text")) == [
        (n, text) for n, (text, _, _) in enumerate(LINEAGE, 1)
    ]


def test_tabled_version_records_who_tabled_it_and_when(lineage, officer):
    _, versions = lineage
    session = versions[0].session

    assert versions[0].created_by == officer
    assert versions[0].tabled_on == session.held_on


def test_saving_a_changed_version_is_refused_and_keeps_the_stored_text(lineage):
    _, versions = lineage
    first = versions[0]
    first.text = "Rewritten history."

    with pytest.raises(ImmutableRecordError):
        first.save()

    first.refresh_from_db()
    assert first.text == LINEAGE[0][0]


def test_updating_versions_through_the_queryset_is_refused_and_keeps_the_stored_text(lineage):
    clause, _ = lineage

    with pytest.raises(ImmutableRecordError):
        ClauseVersion.objects.filter(clause=clause).update(text="Rewritten history.")
    with pytest.raises(ImmutableRecordError):
        clause.versions.update(text="Rewritten history.")

    assert list(clause.versions.values_list("text", flat=True)) == [text for text, _, _ in LINEAGE]


def test_deleting_a_version_is_refused_and_keeps_it(lineage):
    clause, versions = lineage

    with pytest.raises(ImmutableRecordError):
        versions[0].delete()
    with pytest.raises(ImmutableRecordError):
        ClauseVersion.objects.filter(clause=clause).delete()

    assert clause.versions.count() == 3


def test_clause_status_follows_its_latest_version(lineage):
    clause, _ = lineage

    assert clause.status == ClauseVersionStatus.TENTATIVELY_AGREED
    assert clause.latest_version.number == 3


def test_clause_status_changes_when_a_new_version_is_tabled(lineage):
    clause, _ = lineage

    table_clause_version(clause=clause, text=LINEAGE[-1][0], tabled_by=TabledBy.JOINT, status="ratified")

    assert Clause.objects.get(pk=clause.pk).status == ClauseVersionStatus.RATIFIED


def test_clause_without_versions_has_no_status():
    clause = factories.ClauseFactory()

    assert clause.status is None
    assert clause.latest_version is None


def test_with_current_annotates_the_latest_number_status_and_text(lineage, django_assert_num_queries):
    clause, _ = lineage
    empty = factories.ClauseFactory()

    with django_assert_num_queries(1):
        clauses = {row.pk: row for row in Clause.objects.with_current()}

    annotated = clauses[clause.pk]
    assert (annotated.current_number, annotated.current_status, annotated.current_text) == (
        3,
        ClauseVersionStatus.TENTATIVELY_AGREED,
        LINEAGE[-1][0],
    )
    assert annotated.status == ClauseVersionStatus.TENTATIVELY_AGREED
    assert (clauses[empty.pk].current_number, clauses[empty.pk].current_status) == (None, None)


def test_tabling_in_another_units_session_raises_and_writes_nothing(lineage):
    clause, _ = lineage
    other_units_session = factories.NegotiationSessionFactory()
    history_before = ClauseVersion.history.count()

    with pytest.raises(ValidationError) as raised:
        table_clause_version(
            clause=clause,
            text="Tabled at the wrong table.",
            tabled_by=TabledBy.UNION,
            status=ClauseVersionStatus.PROPOSED,
            session=other_units_session,
        )

    assert "session" in raised.value.error_dict
    assert clause.versions.count() == 3
    assert ClauseVersion.history.count() == history_before
