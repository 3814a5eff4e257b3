"""Records of `union` at each visibility, and helpers for the web page tests.

The union's bargaining unit, agreement and tool are readable by its members; individual records carry the
visibility named in the fixture (`members_clause`, `internal_clause`, ...). `other_union` owns nothing here
unless a test says so, so `other_officer` is the outsider who must get 404s.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bargaining.access import Visibility
from bargaining.models import ClauseVersionStatus, TabledBy
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    ModelClauseFactory,
    NegotiationSessionFactory,
    PositionFactory,
    ProcurementProposalFactory,
    TopicFactory,
)

MEMBERS, INTERNAL, PUBLIC = Visibility.MEMBERS, Visibility.INTERNAL, Visibility.PUBLIC


@pytest.fixture
def employer(db):
    return EmployerFactory(name="Northview School District", slug="northview")


@pytest.fixture
def topic(db):
    return TopicFactory(code="workload", name="Workload")


@pytest.fixture
def unit(union, employer):
    return BargainingUnitFactory(union=union, employer=employer, name="Northview teachers", visibility=MEMBERS)


@pytest.fixture
def agreement(unit):
    return AgreementFactory(bargaining_unit=unit, title="Northview teachers' agreement 2024-27", visibility=MEMBERS)


@pytest.fixture
def session(unit):
    return NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2025, 3, 12), visibility=MEMBERS)


def clause_with_versions(agreement, topic, *, visibility, title, texts):
    clause = ClauseFactory(agreement=agreement, topic=topic, visibility=visibility, title=title)
    statuses = [ClauseVersionStatus.PROPOSED, ClauseVersionStatus.COUNTERED, ClauseVersionStatus.TENTATIVELY_AGREED]
    for number, text in enumerate(texts, start=1):
        ClauseVersionFactory(
            clause=clause,
            number=number,
            text=text,
            status=statuses[(number - 1) % 3],
            tabled_by=TabledBy.UNION if number % 2 else TabledBy.EMPLOYER,
        )
    return clause


@pytest.fixture
def members_clause(agreement, topic):
    return clause_with_versions(
        agreement,
        topic,
        visibility=MEMBERS,
        title="Workload and AI tools",
        texts=[
            "No AI tool shall add to a teacher's workload without agreement.",
            "No AI tool shall add to a teacher's workload without consultation.",
        ],
    )


@pytest.fixture
def internal_clause(agreement, topic):
    return clause_with_versions(
        agreement,
        topic,
        visibility=INTERNAL,
        title="Secret fallback on monitoring",
        texts=["Monitoring data shall never be used for discipline."],
    )


@pytest.fixture
def tool(db):
    return EdTechToolFactory(name="GradeGenie")


@pytest.fixture
def proposal(tool, employer):
    return ProcurementProposalFactory(tool=tool, employer=employer, title="Adopt GradeGenie for marking")


@pytest.fixture
def consultation(union, proposal):
    return ConsultationFactory(union=union, proposal=proposal, visibility=MEMBERS)


@pytest.fixture
def internal_consultation(union, tool, employer):
    proposal = ProcurementProposalFactory(tool=tool, employer=employer, title="Adopt GradeGenie analytics")
    return ConsultationFactory(union=union, proposal=proposal, visibility=INTERNAL)


@pytest.fixture
def draft_position(union, tool):
    return PositionFactory(union=union, tool=tool, title="Draft: GradeGenie needs a workload cap")


@pytest.fixture
def public_position(union, tool):
    return PositionFactory(union=union, tool=tool, title="We oppose GradeGenie", visibility=PUBLIC)


@pytest.fixture
def model_clause(union, topic):
    return ModelClauseFactory(
        union=union,
        topic=topic,
        title="Model clause on workload",
        preferred_text="No AI tool without agreement.",
        fallback_text="No AI tool without consultation.",
        walk_away_text="WALK-AWAY: at least thirty days' notice.",
        guidance="GUIDANCE: concede notice before consultation.",
        visibility=PUBLIC,
    )


@pytest.fixture
def count_queries():
    """`count_queries(client, url)`: the number of SQL queries one GET runs (asserting it answers 200)."""

    def run(client, url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        return len(captured.captured_queries)

    return run
