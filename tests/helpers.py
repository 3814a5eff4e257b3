"""Plain helpers shared by tests of several areas: reading PDFs, the API's addresses, validation errors."""

import io

from django.core.exceptions import ValidationError
from pypdf import PdfReader

from bargaining.models import Agreement, BargainingUnit, Clause, ClauseVersion, NegotiationSession
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
}


def detail_url(collection, record):
    return f"/api/v1/{collection}/{record.pk}/"


def list_ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


# Models


def validation_errors(instance) -> dict[str, list[str]]:
    """The field → messages that full_clean() raises for `instance` (empty when it is valid)."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}
