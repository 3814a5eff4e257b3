"""What every printed document shares: the cover, the confidentiality mark and the paper."""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from bargaining.access import Visibility
from bargaining.models import PaperSize

DEFAULT_COLOUR = "#8a1c2b"


class NotVisible(LookupError):
    """The reader may not see the record a document is about."""


class Sensitivity:
    """Collects the visibility of everything put into a document; internal anywhere makes it CONFIDENTIAL."""

    def __init__(self):
        self.internal = False

    def note(self, *visibilities: str) -> None:
        """Record one object's visibility, or the visibilities of an object and its ancestors."""
        if any(visibility == Visibility.INTERNAL for visibility in visibilities):
            self.internal = True

    def note_internal(self) -> None:
        """Record leadership-only material that carries no visibility of its own (walk-away wording, guidance)."""
        self.internal = True


@dataclass
class Section:
    anchor: str
    title: str


@dataclass
class DocumentFrame:
    """The parts of a document around its content: cover facts, running header, paper."""

    kind: str
    title: str
    union: object
    reader_label: str
    printed_at: object
    paper_size: str
    confidential: bool = False
    # Who the document is for, on the cover: "For publication", "Prepared for members of NEA".
    audience_line: str = ""
    sections: list[Section] = field(default_factory=list)

    @property
    def colour(self) -> str:
        # The colour goes into CSS: only a plain #RRGGBB may, whatever slipped past the model's validator.
        colour = getattr(self.union, "colour", "") or ""
        return colour if re.fullmatch(r"#[0-9a-fA-F]{6}", colour) else DEFAULT_COLOUR

    @property
    def paper_class(self) -> str:
        return "paper-letter" if self.paper_size == PaperSize.LETTER else "paper-a4"

    @property
    def has_contents(self) -> bool:
        return len(self.sections) > 3


def reader_label(reader) -> str:
    if not reader.is_authenticated:
        return "a visitor who was not signed in"
    name = reader.get_full_name() or reader.username
    return f"{name} ({reader.username})" if reader.get_full_name() else name


def paper_size_for(union, requested: str | None = None) -> str:
    if requested in PaperSize.values:
        return requested
    return getattr(union, "paper_size", PaperSize.A4) or PaperSize.A4


def document_html(template: str, frame: DocumentFrame, context: dict) -> str:
    return render_to_string(template, {"frame": frame, **context})


def now():
    return timezone.localtime()
