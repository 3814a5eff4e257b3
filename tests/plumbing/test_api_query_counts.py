"""Every list endpoint, and the details with related rows, run a constant number of queries."""

import pytest

from bargaining.access import Visibility
from tests.factories import (
    UNION_OWNED,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    NegotiationSessionFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    SessionNoteFactory,
    TopicFactory,
    TrainingBudgetFactory,
    UnionFactory,
    VendorFactory,
)
from tests.helpers import API_COLLECTIONS

pytestmark = pytest.mark.django_db

MEMBERS = Visibility.MEMBERS


def add_rows(collection, union, count):
    """`count` rows of `collection` that a member of `union` may read, each with related rows."""
    for _ in range(count):
        if collection in API_COLLECTIONS:
            record = UNION_OWNED[API_COLLECTIONS[collection]](union, MEMBERS)
        else:
            record = REFERENCE[collection]()
        for extra in RELATED.get(collection, []):
            extra(record, union)


REFERENCE = {
    "unions": UnionFactory,
    "employers": EmployerFactory,
    "training-budgets": TrainingBudgetFactory,
    "topics": TopicFactory,
    "vendors": VendorFactory,
    "tools": EdTechToolFactory,
    "proposals": ProcurementProposalFactory,
}

RELATED = {
    # The latest year's budget is read in the list's own query.
    "employers": [
        lambda employer, union: TrainingBudgetFactory(employer=employer, school_year="2024-25"),
        lambda employer, union: TrainingBudgetFactory(employer=employer, school_year="2025-26"),
    ],
    "clauses": [lambda clause, union: ClauseVersionFactory.create_batch(2, clause=clause)],
    "sessions": [lambda session, union: SessionNoteFactory.create_batch(2, session=session, visibility=MEMBERS)],
    "consultations": [
        lambda consultation, union: consultation.resulting_clauses.add(
            ClauseFactory(agreement__bargaining_unit__union=union),
            ClauseFactory(agreement__bargaining_unit__union=union),
        )
    ],
    "model-clauses": [
        lambda model_clause, union: model_clause.principles.add(*PrincipleFactory.create_batch(2, union=union))
    ],
    "positions": [lambda position, union: position.principles.add(*PrincipleFactory.create_batch(2, union=union))],
}

# Queries per list: the page (keyset pagination counts nothing), one per prefetched relation. (Who may read a model
# clause's bottom-line wording is part of the page's query.)
LIST_QUERIES = {
    "unions": 1,
    "employers": 1,
    "training-budgets": 1,
    "budget-support": 1,
    "bargaining-units": 1,
    "agreements": 1,
    "topics": 1,
    "clauses": 2,
    "clause-versions": 1,
    "sessions": 2,
    "vendors": 1,
    "tools": 1,
    "proposals": 1,
    "consultations": 2,
    "consultation-events": 1,
    "principles": 1,
    "model-clauses": 2,
    "positions": 2,
}


@pytest.mark.parametrize("collection", sorted(LIST_QUERIES))
@pytest.mark.parametrize("rows", [2, 7])
def test_list_runs_a_constant_number_of_queries(api, union, member, collection, rows, django_assert_num_queries):
    add_rows(collection, union, rows)
    client = api(member)

    with django_assert_num_queries(LIST_QUERIES[collection]):
        response = client.get(f"/api/v1/{collection}/")

    assert response.status_code == 200
    assert len(response.json()["results"]) >= rows


@pytest.mark.parametrize("versions", [1, 6])
def test_clause_detail_runs_a_constant_number_of_queries(api, union, member, versions, django_assert_num_queries):
    clause = ClauseFactory(agreement__bargaining_unit__union=union)
    ClauseVersionFactory.create_batch(versions, clause=clause)

    with django_assert_num_queries(2):
        response = api(member).get(f"/api/v1/clauses/{clause.pk}/")

    assert len(response.json()["versions"]) == versions


@pytest.mark.parametrize("notes", [1, 6])
def test_session_detail_runs_a_constant_number_of_queries(api, union, member, notes, django_assert_num_queries):
    session = NegotiationSessionFactory(bargaining_unit__union=union)
    SessionNoteFactory.create_batch(notes, session=session, visibility=MEMBERS)

    with django_assert_num_queries(2):
        response = api(member).get(f"/api/v1/sessions/{session.pk}/")

    assert len(response.json()["notes"]) == notes


@pytest.mark.parametrize("events", [1, 6])
def test_tool_history_runs_a_constant_number_of_queries(api, union, member, events, django_assert_num_queries):
    tool = EdTechToolFactory()
    consultation = ConsultationFactory(union=union, proposal__tool=tool)
    ConsultationEventFactory.create_batch(events, consultation=consultation)
    PositionFactory.create_batch(events, union=union, tool=tool, visibility=MEMBERS)

    # The tool, then the timeline's four queries.
    with django_assert_num_queries(5):
        response = api(member).get(f"/api/v1/tools/{tool.pk}/history/")

    assert len(response.json()["results"]) == 1 + 2 * events


@pytest.mark.parametrize("versions", [2, 6])
def test_redline_runs_a_constant_number_of_queries(api, union, member, versions, django_assert_num_queries):
    clause = ClauseFactory(agreement__bargaining_unit__union=union)
    ClauseVersionFactory.create_batch(versions, clause=clause)

    with django_assert_num_queries(2):
        assert api(member).get(f"/api/v1/clauses/{clause.pk}/redline/").status_code == 200
