"""The dashboard: deadlines of my unions in the next 30 days, consultations by stage, recent activity."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from consultations.models import ConsultationStage
from tests.factories import AgreementFactory, ConsultationEventFactory, ConsultationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def due_soon(union, proposal):
    return ConsultationFactory(
        union=union,
        proposal=proposal,
        opened_on=TODAY - datetime.timedelta(days=5),
        response_deadline=TODAY + datetime.timedelta(days=10),
        visibility=Visibility.MEMBERS,
    )


def test_member_sees_a_response_due_in_the_next_30_days(client_for, member, due_soon):
    response = client_for(member).get(reverse("home"))

    assert "Consultation response due" in response.text
    assert reverse("consultation_detail", args=[due_soon.pk]) in response.text


def test_deadlines_further_than_30_days_are_left_out(client_for, member, due_soon):
    due_soon.response_deadline = TODAY + datetime.timedelta(days=45)
    due_soon.save()

    response = client_for(member).get(reverse("home"))

    assert response.context["deadlines"] == []


def test_member_does_not_see_an_internal_consultations_deadline(client_for, member, organiser, due_soon):
    due_soon.visibility = Visibility.INTERNAL
    due_soon.save()

    assert client_for(member).get(reverse("home")).context["deadlines"] == []
    assert len(client_for(organiser).get(reverse("home")).context["deadlines"]) == 1


def test_other_unions_officer_does_not_see_our_deadlines(client_for, other_officer, due_soon):
    due_soon.visibility = Visibility.PUBLIC
    due_soon.save()

    response = client_for(other_officer).get(reverse("home"))

    assert response.context["deadlines"] == []


def test_agreements_expiring_soon_are_listed(client_for, officer, unit):
    agreement = AgreementFactory(
        bargaining_unit=unit,
        title="Expiring MOU",
        term_start=TODAY - datetime.timedelta(days=300),
        term_end=TODAY + datetime.timedelta(days=20),
    )

    response = client_for(officer).get(reverse("home"))

    assert "Agreement expires" in response.text
    assert reverse("agreement_detail", args=[agreement.pk]) in response.text


def test_consultations_are_counted_by_stage(client_for, officer, consultation, internal_consultation):
    internal_consultation.stage = ConsultationStage.MEETINGS
    internal_consultation.save()

    by_stage = {value: count for value, _, count in client_for(officer).get(reverse("home")).context["by_stage"]}

    assert by_stage[ConsultationStage.NOTICE_RECEIVED] == 1
    assert by_stage[ConsultationStage.MEETINGS] == 1


def test_member_stage_counts_leave_out_internal_consultations(client_for, member, consultation, internal_consultation):
    by_stage = {value: count for value, _, count in client_for(member).get(reverse("home")).context["by_stage"]}

    assert sum(by_stage.values()) == 1


def test_recent_activity_hides_internal_events_from_members(client_for, member, officer, consultation):
    ConsultationEventFactory(consultation=consultation, summary="Public notice received", visibility="members")
    ConsultationEventFactory(consultation=consultation, summary="Our fallback is 20 days", visibility="internal")

    assert "Our fallback is 20 days" not in client_for(member).get(reverse("home")).text
    assert "Public notice received" in client_for(member).get(reverse("home")).text
    assert "Our fallback is 20 days" in client_for(officer).get(reverse("home")).text


def test_anonymous_visitor_gets_no_dashboard(client_for, anonymous, due_soon):
    response = client_for(anonymous).get(reverse("home"))

    assert "deadlines" not in response.context
    assert "Dashboard" not in response.text
