"""Personas, clients and the scenario records shared by every test.

`union` is the union whose records the tests are about; `officer`, `organiser` and `member` belong to it.
`other_officer` leads `other_union`; `staff` is a site administrator with no membership; `anonymous`
is a visitor who has not signed in. Each persona fixture returns a user.

The scenario fixtures below (`employer`, `unit`, `members_clause`, `consultation`, ...) are records of
`union` around one tool, each at the visibility its name gives; `other_union` owns nothing unless a test
says so, so `other_officer` is the outsider who must get 404s. `world` is a fuller scenario for the
printed documents: every record that carries a visibility exists once per level, with a text naming it.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.services import issue_api_token
from bargaining.access import Role, Visibility
from bargaining.models import ClauseVersionStatus, ModelRating, TabledBy
from consultations.models import ConsultationStage, EventKind
from policies.models import Stance
from tests.clients import ReadFirstAPIClient
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    MembershipFactory,
    ModelClauseFactory,
    NegotiationSessionFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    TopicFactory,
    UnionFactory,
    UserFactory,
    clause_with_versions,
)

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Production settings expect collectstatic's manifest; tests render templates straight from the source.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A deliberately slow hasher protects real passwords; in tests it only costs time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    # A request in Welsh leaves Welsh active in the thread (LocaleMiddleware activates, nothing deactivates):
    # each test starts, and ends, in the default language, as each request of a server does.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counters (and anything else cached) live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


# Personas ---------------------------------------------------------------------------------------------


@pytest.fixture
def union(db):
    return UnionFactory(name="Northview Education Association", slug="nea", short_name="NEA")


@pytest.fixture
def other_union(db):
    return UnionFactory(name="Lakeside Support Staff Union", slug="lssu", short_name="LSSU", colour="#1c4f8a")


def _member_of(union, role, username):
    return MembershipFactory(user=UserFactory(username=username), union=union, role=role).user


@pytest.fixture
def officer(union):
    return _member_of(union, Role.OFFICER, "officer")


@pytest.fixture
def organiser(union):
    return _member_of(union, Role.ORGANISER, "organiser")


@pytest.fixture
def member(union):
    return _member_of(union, Role.MEMBER, "member")


@pytest.fixture
def other_officer(other_union):
    return _member_of(other_union, Role.OFFICER, "other-officer")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True)


# Clients ----------------------------------------------------------------------------------------------


@pytest.fixture
def client_for():
    """A test client signed in as a persona (or not signed in, for `anonymous`): `client_for(member)`."""

    def signed_in_as(user):
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        return client

    return signed_in_as


@pytest.fixture
def api():
    """An API client acting as a persona (or nobody, for `anonymous`): `api(member).get(...)`.

    `api(member, token=True)` sends a new API token of the persona, as a script would, instead of
    authenticating the client directly. Changes send the ETag read first (tests/clients.py), unless
    `read_first=False`.
    """

    def client_as(user, *, token=False, read_first=True):
        client = ReadFirstAPIClient()
        client.read_first = read_first
        if user.is_authenticated:
            if token:
                _token, plain = issue_api_token(user=user)
                client.credentials(HTTP_AUTHORIZATION=f"Token {plain}")
            else:
                client.force_authenticate(user)
        return client

    return client_as


@pytest.fixture
def count_queries():
    """`count_queries(client, url)`: the number of SQL queries one GET runs (asserting it answers 200)."""

    def run(client, url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        return len(captured.captured_queries)

    return run


# Records of `union` around one tool, each at the visibility its name gives --------------------------------


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


# The printed documents' world: every visibility of every record, each text naming its level --------------


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
