"""Workflow services shared by the web pages and the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bargaining.access import Visibility
from bargaining.models import ClauseVersionStatus, TabledBy
from bargaining.services import table_clause_version
from consultations.models import ConsultationEvent, ConsultationStage, EventKind
from consultations.services import add_consultation_event, move_consultation_stage
from policies.models import PositionStatus
from policies.services import adopt_position, publish_position
from tests.factories import ClauseFactory, ConsultationFactory, NegotiationSessionFactory, PositionFactory

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


def test_adopting_a_draft_dates_it_names_the_officer_and_bumps_the_version(union, officer):
    draft = PositionFactory(union=union)

    adopted = adopt_position(position=draft, user=officer, adopted_on=datetime.date(2025, 3, 1))

    assert adopted.status == PositionStatus.ADOPTED
    assert adopted.adopted_by == officer
    assert adopted.adopted_on == datetime.date(2025, 3, 1)
    assert adopted.version == 2
    assert adopted.visibility == Visibility.INTERNAL


def test_adopting_twice_is_refused(union, officer):
    adopted = PositionFactory(union=union, visibility=Visibility.MEMBERS)

    with pytest.raises(ValidationError) as refused:
        adopt_position(position=adopted, user=officer)

    assert "status" in refused.value.message_dict


def test_publishing_an_adopted_position_widens_its_visibility(union, officer):
    position = adopt_position(position=PositionFactory(union=union), user=officer)

    published = publish_position(position=position, visibility=Visibility.PUBLIC, user=officer)

    assert published.visibility == Visibility.PUBLIC
    assert published.version == 3
    assert published.history.first().history_user == officer


def test_a_draft_cannot_be_published(union, officer):
    draft = PositionFactory(union=union)

    with pytest.raises(ValidationError) as refused:
        publish_position(position=draft, visibility=Visibility.MEMBERS, user=officer)

    assert "visibility" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.visibility == Visibility.INTERNAL


def test_publishing_to_an_unknown_audience_is_refused(union, officer):
    position = PositionFactory(union=union, visibility=Visibility.MEMBERS)

    with pytest.raises(ValidationError) as refused:
        publish_position(position=position, visibility="everyone", user=officer)

    assert "visibility" in refused.value.message_dict


def test_a_version_dated_before_the_one_it_follows_is_refused_and_not_saved(officer):
    clause = ClauseFactory()
    table_clause_version(
        clause=clause,
        text="Union proposal.",
        tabled_by=TabledBy.UNION,
        status=ClauseVersionStatus.PROPOSED,
        tabled_on=datetime.date(2025, 9, 14),
        user=officer,
    )

    with pytest.raises(ValidationError) as refused:
        table_clause_version(
            clause=clause,
            text="Back-dated counter.",
            tabled_by=TabledBy.EMPLOYER,
            status=ClauseVersionStatus.COUNTERED,
            tabled_on=datetime.date(2025, 5, 20),
            user=officer,
        )

    assert "tabled_on" in refused.value.message_dict
    assert list(clause.versions.values_list("text", flat=True)) == ["Union proposal."]


def test_a_version_in_a_session_held_before_the_last_version_names_the_session(officer):
    clause = ClauseFactory()
    table_clause_version(
        clause=clause,
        text="Agreed.",
        tabled_by=TabledBy.JOINT,
        status=ClauseVersionStatus.TENTATIVELY_AGREED,
        tabled_on=datetime.date(2025, 9, 14),
        user=officer,
    )
    earlier = NegotiationSessionFactory(
        bargaining_unit=clause.agreement.bargaining_unit, held_on=datetime.date(2025, 5, 20)
    )

    with pytest.raises(ValidationError) as refused:
        table_clause_version(
            clause=clause, text="Late entry.", tabled_by=TabledBy.EMPLOYER, status="countered", session=earlier
        )

    assert "session" in refused.value.message_dict
