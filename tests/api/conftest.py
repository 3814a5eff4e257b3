"""Helpers for the API tests: a client per persona, and one record of each collection to aim at."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from bargaining.access import Visibility
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    ModelClauseFactory,
    NegotiationSessionFactory,
    PositionFactory,
    PrincipleFactory,
)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counters live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    """An API client acting as a persona (or nobody, for `anonymous`): `api(member).get(...)`."""

    def client_as(user):
        client = APIClient()
        if user.is_authenticated:
            client.force_authenticate(user)
        return client

    return client_as


# One union-owned record per collection, owned by `union` and readable at `visibility`.
# Parents are public, so the record's own visibility decides (see tests/factories.py).
UNION_OWNED = {
    "bargaining-units": lambda union, visibility: BargainingUnitFactory(union=union, visibility=visibility),
    "agreements": lambda union, visibility: AgreementFactory(
        bargaining_unit__union=union, bargaining_unit__visibility=Visibility.PUBLIC, visibility=visibility
    ),
    "clauses": lambda union, visibility: ClauseFactory(agreement__bargaining_unit__union=union, visibility=visibility),
    "clause-versions": lambda union, visibility: ClauseVersionFactory(
        clause__agreement__bargaining_unit__union=union, clause__visibility=visibility
    ),
    "sessions": lambda union, visibility: NegotiationSessionFactory(
        bargaining_unit__union=union, visibility=visibility
    ),
    "consultations": lambda union, visibility: ConsultationFactory(union=union, visibility=visibility),
    "consultation-events": lambda union, visibility: ConsultationEventFactory(
        consultation__union=union, visibility=visibility
    ),
    "principles": lambda union, visibility: PrincipleFactory(union=union, visibility=visibility),
    "model-clauses": lambda union, visibility: ModelClauseFactory(union=union, visibility=visibility),
    "positions": lambda union, visibility: PositionFactory(union=union, visibility=visibility),
}

# A change to each union-owned record (clause versions are append-only and have none).
CHANGES = {
    "bargaining-units": {"name": "Renamed unit"},
    "agreements": {"title": "Renamed agreement"},
    "clauses": {"title": "Renamed clause"},
    "sessions": {"location": "Renamed room"},
    "consultations": {"outcome": "Renamed outcome"},
    "consultation-events": {"summary": "Renamed summary"},
    "principles": {"title": "Renamed principle"},
    "model-clauses": {"title": "Renamed model clause"},
    "positions": {"title": "Renamed position"},
}


def detail_url(collection, record):
    return f"/api/v1/{collection}/{record.pk}/"


def list_ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]
