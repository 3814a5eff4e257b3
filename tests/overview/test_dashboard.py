"""The dashboard: what is overdue, then deadlines of my unions in the next 30 days, consultations by stage, recent
activity. (The engine's rules are tested in tests/deadlines/.)"""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from consultations.models import ConsultationStage
from tests.factories import AgreementFactory, ConsultationEventFactory, ConsultationFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


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

    assert response.context["upcoming"] == []


def test_member_does_not_see_an_internal_consultations_deadline(client_for, member, organiser, due_soon):
    due_soon.visibility = Visibility.INTERNAL
    due_soon.save()

    assert client_for(member).get(reverse("home")).context["upcoming"] == []
    assert len(client_for(organiser).get(reverse("home")).context["upcoming"]) == 1


def test_other_unions_officer_does_not_see_our_deadlines(client_for, other_officer, due_soon):
    due_soon.visibility = Visibility.PUBLIC
    due_soon.save()

    response = client_for(other_officer).get(reverse("home"))

    assert response.context["upcoming"] == []


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
    ConsultationEventFactory(
        consultation=consultation, summary="Public notice received", visibility="members", occurred_on=TODAY
    )
    ConsultationEventFactory(
        consultation=consultation, summary="Our fallback is 20 days", visibility="internal", occurred_on=TODAY
    )

    assert "Our fallback is 20 days" not in client_for(member).get(reverse("home")).text
    assert "Public notice received" in client_for(member).get(reverse("home")).text
    assert "Our fallback is 20 days" in client_for(officer).get(reverse("home")).text


def test_recent_activity_looks_back_a_year(client_for, member, consultation):
    ConsultationEventFactory(consultation=consultation, summary="Last spring", occurred_on=TODAY - 300 * DAY)
    ConsultationEventFactory(consultation=consultation, summary="Two years ago", occurred_on=TODAY - 730 * DAY)

    text = client_for(member).get(reverse("home")).text
    assert "Last spring" in text
    assert "Two years ago" not in text


def test_a_quiet_year_says_so(client_for, member, consultation):
    ConsultationEventFactory(consultation=consultation, summary="Two years ago", occurred_on=TODAY - 730 * DAY)

    response = client_for(member).get(reverse("home"))
    assert response.context["activity"] == []
    assert "Nothing recorded in the last 12 months." in response.text


def test_anonymous_visitor_gets_no_dashboard(client_for, anonymous, due_soon):
    response = client_for(anonymous).get(reverse("home"))

    assert "upcoming" not in response.context
    assert "Dashboard" not in response.text


def test_overdue_items_come_first_oldest_first_in_words(client_for, officer, union, due_soon):
    TaskFactory(union=union, assignee=officer, title="Send the information request", due_on=TODAY - DAY)
    TaskFactory(union=union, assignee=officer, title="Draft the response", due_on=TODAY - 3 * DAY)

    response = client_for(officer).get(reverse("home"))

    assert [item.title for item in response.context["overdue"]] == [
        "Draft the response",
        "Send the information request",
    ]
    text = response.text
    assert (
        text.index("Overdue")
        < text.index("Draft the response")
        < text.index("Send the information")
        < text.index("Due in the next 30 days")
    )
    assert "⚠ Overdue by 3" in text
    assert "◷ Due in" not in text.split("Due in the next 30 days")[0]


def test_a_response_past_its_deadline_stays_on_the_dashboard_as_overdue(client_for, member, due_soon):
    due_soon.response_deadline = TODAY - 2 * DAY
    due_soon.save()

    response = client_for(member).get(reverse("home"))

    assert [item.record for item in response.context["overdue"]] == [due_soon]


def test_completing_a_task_takes_it_off_the_dashboard(client_for, officer, union):
    task = TaskFactory(union=union, assignee=officer, due_on=TODAY - DAY)
    client = client_for(officer)

    client.post(reverse("task_done", args=[task.pk]), {"action": "done"})

    assert client.get(reverse("home")).context["overdue"] == []


def test_dashboard_links_the_calendar_feed(client_for, member):
    assert reverse("profile") + "#calendar" in client_for(member).get(reverse("home")).text


def test_the_dashboard_costs_the_same_queries_with_many_deadlines(client_for, officer, union, unit, count_queries):
    client = client_for(officer)
    counts = []
    for n in (2, 10):
        for i in range(n - (2 if counts else 0)):
            TaskFactory(union=union, assignee=officer, due_on=TODAY + (i - 3) * DAY)
            ConsultationFactory(union=union, opened_on=TODAY - 40 * DAY, response_deadline=None)
            AgreementFactory(bargaining_unit__union=union, term_end=TODAY + (i + 5) * DAY)
        counts.append(count_queries(client, reverse("home")))
    assert counts[0] == counts[1]
