"""Consultation workflow services shared by the web pages and the API: adding events, moving stages."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bargaining.access import Visibility
from consultations.models import ConsultationEvent, ConsultationStage, EventKind
from consultations.services import add_consultation_event, move_consultation_stage
from tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db


def test_adding_an_event_records_its_author(union, officer):
    consultation = ConsultationFactory(union=union)

    event = add_consultation_event(
        consultation=consultation,
        kind=EventKind.INFORMATION_REQUEST,
        summary="Asked what data the tool collects and who can see it.",
        occurred_on=datetime.date(2025, 1, 25),
        visibility=Visibility.MEMBERS,
        user=officer,
    )

    assert event.author == officer
    assert list(consultation.events.all()) == [event]


def test_an_event_more_visible_than_its_consultation_is_refused_and_not_saved(union, officer):
    consultation = ConsultationFactory(union=union, visibility=Visibility.INTERNAL)

    with pytest.raises(ValidationError) as refused:
        add_consultation_event(
            consultation=consultation,
            kind=EventKind.NOTE,
            summary="Leaked.",
            occurred_on=datetime.date(2025, 1, 25),
            visibility=Visibility.PUBLIC,
            user=officer,
        )

    assert "visibility" in refused.value.message_dict
    assert not ConsultationEvent.objects.exists()


def test_an_event_of_an_unknown_kind_is_refused_naming_the_field(union, officer):
    with pytest.raises(ValidationError) as refused:
        add_consultation_event(
            consultation=ConsultationFactory(union=union),
            kind="rumour",
            summary="?",
            occurred_on=datetime.date(2025, 1, 25),
            visibility=Visibility.MEMBERS,
            user=officer,
        )

    assert "kind" in refused.value.message_dict


def test_moving_a_stage_is_kept_in_the_history_with_who_did_it(union, officer):
    consultation = ConsultationFactory(union=union)

    move_consultation_stage(consultation=consultation, stage=ConsultationStage.MEETINGS, user=officer)

    consultation.refresh_from_db()
    assert consultation.stage == ConsultationStage.MEETINGS
    assert consultation.history.first().history_user == officer


def test_moving_to_an_unknown_stage_is_refused(union, officer):
    consultation = ConsultationFactory(union=union)

    with pytest.raises(ValidationError) as refused:
        move_consultation_stage(consultation=consultation, stage="limbo", user=officer)

    assert "stage" in refused.value.message_dict
    consultation.refresh_from_db()
    assert consultation.stage == ConsultationStage.NOTICE_RECEIVED
