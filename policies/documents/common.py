"""What every printed document shares: the cover, the confidentiality mark and the paper."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from bargaining.access import Visibility
from bargaining.models import PaperSize
from consultations.models import ConsultationEvent

DEFAULT_COLOUR = "#8a1c2b"


# A printed timeline shows a consultation's latest events; the earlier ones are counted, and stay on its page.
LATEST_EVENTS = 12


def latest_events(reader) -> Prefetch:
    """Prefetches each consultation's LATEST_EVENTS latest events that `reader` may see, as `latest_events`."""
    events = ConsultationEvent.objects.visible_to(reader).order_by("-occurred_on", "-created_at", "-pk")
    return Prefetch("events", queryset=events[:LATEST_EVENTS], to_attr="latest_events")


def finish_timelines(consultations, reader) -> None:
    """Give each consultation (prefetched with `latest_events`) its `visible_events`, oldest first, its
    `earlier_event_count`, the events `reader` may see that are left out, and `counted_visibilities`, theirs and
    the shown ones', which decide the CONFIDENTIAL mark as the printed events' do: one query for them all."""
    full = [consultation.pk for consultation in consultations if len(consultation.latest_events) == LATEST_EVENTS]
    counts, visibilities = {}, {}
    if full:
        for consultation_id, visibility, count in (
            ConsultationEvent.objects.visible_to(reader)
            .filter(consultation__in=full)
            .values_list("consultation", "visibility")
            .annotate(count=Count("pk"))
            .order_by()
        ):
            counts[consultation_id] = counts.get(consultation_id, 0) + count
            visibilities.setdefault(consultation_id, set()).add(visibility)
    for consultation in consultations:
        shown = consultation.latest_events
        consultation.visible_events = shown[::-1]
        consultation.earlier_event_count = counts.get(consultation.pk, len(shown)) - len(shown)
        consultation.counted_visibilities = visibilities.get(consultation.pk) or {event.visibility for event in shown}


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
        # Translators: completes "Printed by … on 5 May 2025" on a document's cover.
        return _("a visitor who was not signed in")
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
