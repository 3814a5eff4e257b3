"""The OpenAPI schema and its documentation pages, served from the application itself."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

COLLECTIONS = [
    "unions",
    "employers",
    "training-budgets",
    "budget-support",
    "bargaining-units",
    "agreements",
    "topics",
    "clauses",
    "clause-versions",
    "sessions",
    "vendors",
    "tools",
    "proposals",
    "consultations",
    "consultation-events",
    "principles",
    "model-clauses",
    "positions",
]


@pytest.fixture
def schema():
    response = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_schema_describes_every_collection(schema):
    assert schema["openapi"].startswith("3.")
    for collection in COLLECTIONS:
        assert f"/api/v1/{collection}/" in schema["paths"], collection
        assert f"/api/v1/{collection}/{{id}}/" in schema["paths"], collection


def test_schema_documents_the_error_answers_of_a_write(schema):
    patch = schema["paths"]["/api/v1/positions/{id}/"]["patch"]

    assert {"200", "400", "401", "403", "404", "412"} <= set(patch["responses"])
    assert "If-Match" in [parameter["name"] for parameter in patch["parameters"]]
    assert "ETag" in patch["responses"]["200"]["headers"]


def test_schema_says_the_employers_budget_fields_are_read_only_and_where_budgets_are_kept(schema):
    employer = schema["components"]["schemas"]["Employer"]["properties"]

    for name in ("ai_training_budget_school_year", "ai_training_budget_current", "ai_training_budget_proposed"):
        assert employer[name]["readOnly"] is True
        assert "/api/v1/training-budgets/" in employer[name]["description"]


def test_schema_has_no_put_patch_or_delete_on_clause_versions(schema):
    assert set(schema["paths"]["/api/v1/clause-versions/{id}/"]) == {"get"}


def test_schema_generation_is_clean_with_warnings_as_errors(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert (tmp_path / "schema.yaml").read_text().startswith("openapi:")


def test_interactive_docs_load_their_assets_from_the_application():
    response = APIClient().get("/api/v1/docs/")
    html = response.content.decode()

    assert response.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    for asset in assets:
        assert not asset.startswith(("http:", "https:", "//")), asset
    for asset in [asset for asset in assets if "/static/" in asset]:
        assert finders.find(asset.split("/static/", 1)[1]), asset
    # No inline script: the Content-Security-Policy would block it.
    assert "<script>" not in html


def test_interactive_docs_start_up_script_points_at_the_schema():
    response = APIClient().get("/api/v1/docs/?script=")

    assert response.status_code == 200
    assert "/api/v1/schema/" in response.content.decode()


def test_redoc_loads_nothing_from_elsewhere():
    html = APIClient().get("/api/v1/redoc/").content.decode()

    assert "googleapis" not in html
    assert "/static/drf_spectacular_sidecar/redoc" in html
