"""Plain helpers shared by tests of several areas: reading PDFs and spreadsheets, the API's addresses, the domain's
models."""

import csv
import io

from django.apps import apps
from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from pypdf import PdfReader
from simple_history.models import HistoricalChanges

from bargaining.models import Agreement, BargainingUnit, BudgetSupport, Clause, ClauseVersion, NegotiationSession
from consultations.models import Consultation, ConsultationEvent
from policies.models import ModelClause, Position, Principle

# Printed documents


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


# The API

# The API collection of each union-owned model (session notes have none: they hang under their session).
# Build one with tests.factories.UNION_OWNED[API_COLLECTIONS[collection]](union, visibility).
API_COLLECTIONS = {
    "bargaining-units": BargainingUnit,
    "agreements": Agreement,
    "clauses": Clause,
    "clause-versions": ClauseVersion,
    "sessions": NegotiationSession,
    "consultations": Consultation,
    "consultation-events": ConsultationEvent,
    "principles": Principle,
    "model-clauses": ModelClause,
    "positions": Position,
    "budget-support": BudgetSupport,
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


# Spreadsheets


def read_export(response) -> list[list]:
    """The rows (header first) of a CSV or XLSX download, read back with a real reader."""
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        text = body.decode("utf-8")
        assert text.startswith("\ufeff"), "a BOM, so that Excel reads UTF-8"
        return list(csv.reader(io.StringIO(text[1:])))
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    # An empty cell at the end of a row is not stored: read it as None, like the cells before it.
    return [row + [None] * (len(rows[0]) - len(row)) for row in rows]


# Models

DOMAIN_APPS = ["bargaining", "consultations", "policies"]


def domain_models():
    """Every model of the domain apps, without the history tables (get_models() leaves out m2m through models)
    and without the database's own read-only tables (unmanaged: the clauses' full-text index)."""
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            if not issubclass(model, HistoricalChanges) and not model._meta.auto_created and model._meta.managed:
                yield model


def validation_errors(instance) -> dict[str, list[str]]:
    """The field → messages that full_clean() raises for `instance` (empty when it is valid)."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


# Web forms


def form_data(form) -> dict:
    """What a browser would post for `form` as it was shown (its initial values), ready to change and post."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value == "":
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(getattr(item, "pk", item)) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = str(getattr(value, "pk", value))
    return data
