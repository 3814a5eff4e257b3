"""Fixtures for the printed documents: one union's records around one tool, at every visibility."""

import datetime
import io
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from bargaining.access import Visibility
from bargaining.models import ClauseVersionStatus, ModelRating, TabledBy
from consultations.models import ConsultationStage, EventKind
from policies.models import Stance
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    ModelClauseFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    TopicFactory,
)

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


@dataclass
class World:
    union: object
    employer: object
    unit: object
    tool: object
    proposal: object
    consultation: object
    topic: object
    model_clause: object
    public_position: object
    members_position: object
    internal_position: object
    clause: object


@pytest.fixture
def world(union):
    """Northview's teachers, a tutoring tool proposed there, a consultation and positions on it.

    Every record that carries a visibility exists once per level, with a text that names it, so that a
    test can look for "INTERNAL-..." in a PDF and know what leaked.
    """
    employer = EmployerFactory(name="Northview Unified", slug="northview")
    unit = BargainingUnitFactory(union=union, employer=employer, name="Northview Teachers", visibility=PUBLIC)
    tool = EdTechToolFactory(name="BrightPath Tutor", ai_features="Adaptive practice.")
    proposal = ProcurementProposalFactory(employer=employer, tool=tool, title="Adopt BrightPath Tutor")
    consultation = ConsultationFactory(
        union=union,
        proposal=proposal,
        visibility=PUBLIC,
        stage=ConsultationStage.MEETINGS,
        opened_on=datetime.date(2025, 1, 20),
        response_deadline=datetime.date(2099, 2, 19),
    )
    for visibility, day in ((PUBLIC, 20), (MEMBERS, 22), (INTERNAL, 24)):
        ConsultationEventFactory(
            consultation=consultation,
            occurred_on=datetime.date(2025, 1, day),
            kind=EventKind.MEETING,
            summary=f"{visibility.upper()}-EVENT meeting with the district",
            visibility=visibility,
        )
    topic = TopicFactory(code="workload", name="Workload")
    principle = PrincipleFactory(union=union, title="Tools must reduce workload", visibility=PUBLIC)
    model_clause = ModelClauseFactory(
        union=union,
        topic=topic,
        title="Model clause on workload",
        preferred_text="PREFERRED-WORDING no extra hours.",
        walk_away_text="WALKAWAY-WORDING one paid hour.",
        guidance="GUIDANCE-NOTE watch for 'direct result'.",
        visibility=PUBLIC,
    )
    model_clause.principles.add(principle)

    elsewhere = BargainingUnitFactory(union=union, name="Lakeside Teachers", visibility=PUBLIC)
    won = ClauseFactory(
        agreement=AgreementFactory(bargaining_unit=elsewhere, visibility=PUBLIC),
        topic=topic,
        title="Workload protection",
        visibility=PUBLIC,
    )
    ClauseVersionFactory(clause=won, text="WON-ELSEWHERE no added duties.", status=ClauseVersionStatus.RATIFIED)

    agreement = AgreementFactory(bargaining_unit=unit, title="Northview Teachers Agreement", visibility=PUBLIC)
    clause = ClauseFactory(
        agreement=agreement,
        topic=topic,
        title="Use of AI tools",
        article_number="14.1",
        visibility=PUBLIC,
        model_rating=ModelRating.FALLBACK,
    )
    ClauseVersionFactory(
        clause=clause, text="The District shall consult the union.", status=ClauseVersionStatus.PROPOSED
    )
    ClauseVersionFactory(
        clause=clause,
        text="The District may consult the union.",
        status=ClauseVersionStatus.COUNTERED,
        tabled_by=TabledBy.EMPLOYER,
    )
    ClauseVersionFactory(
        clause=clause,
        text="The District shall consult and agree with the union.",
        status=ClauseVersionStatus.RATIFIED,
        tabled_by=TabledBy.JOINT,
    )
    internal_clause = ClauseFactory(
        agreement=agreement, topic=topic, title="INTERNAL-CLAUSE draft", article_number="14.9", visibility=INTERNAL
    )
    ClauseVersionFactory(clause=internal_clause, text="INTERNAL-CLAUSE-TEXT", status=ClauseVersionStatus.PROPOSED)

    positions = {}
    for visibility in (PUBLIC, MEMBERS, INTERNAL):
        position = PositionFactory(
            union=union,
            title=f"{visibility.capitalize()} position on BrightPath",
            proposal=proposal,
            tool=tool,
            stance=Stance.SUPPORT_WITH_CONDITIONS,
            rationale=f"**{visibility.upper()}-RATIONALE** the tool supplements teaching.",
            conditions=f"{visibility.upper()}-CONDITION paid training\nNo usage reports in evaluation",
            visibility=visibility,
        )
        position.principles.add(principle)
        positions[visibility] = position
    return World(
        union=union,
        employer=employer,
        unit=unit,
        tool=tool,
        proposal=proposal,
        consultation=consultation,
        topic=topic,
        model_clause=model_clause,
        public_position=positions[PUBLIC],
        members_position=positions[MEMBERS],
        internal_position=positions[INTERNAL],
        clause=clause,
    )


def pdf_reader(content) -> PdfReader:
    """The PDF in `content`: bytes, or a document renderer's RenderedPdf."""
    content = getattr(content, "content", content)
    assert content.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(content))


def page_texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in pdf_reader(content).pages]


def pdf_text(content: bytes) -> str:
    return "\n".join(page_texts(content))


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces folded, for phrases the layout may wrap."""
    return " ".join(text.split())
