"""Consultation workflows. The web pages and the API both call these."""

import datetime

from django.db import transaction

from consultations.models import Consultation, ConsultationEvent


@transaction.atomic
def add_consultation_event(
    *,
    consultation: Consultation,
    kind: str,
    summary: str,
    occurred_on: datetime.date,
    visibility: str,
    user=None,
) -> ConsultationEvent:
    """Add an event to a consultation's timeline. Raises ValidationError naming the field at fault."""
    event = ConsultationEvent(
        consultation=consultation,
        kind=kind,
        summary=summary,
        occurred_on=occurred_on,
        visibility=visibility,
        author=user if user is not None and user.is_authenticated else None,
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def move_consultation_stage(*, consultation: Consultation, stage: str, user=None) -> Consultation:
    """Move a consultation to another stage. Raises ValidationError naming `stage` when it is unknown."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    consultation.stage = stage
    consultation.full_clean()
    if user is not None and user.is_authenticated:
        consultation._history_user = user
    consultation.save(update_fields=["stage"])
    return consultation
