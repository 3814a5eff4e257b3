"""The private calendar feed: parsed back as iCalendar; its token, regenerated; deactivated and demoted users."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import DeadlineSettings
from bargaining.access import Role, Visibility
from bargaining.models import Membership
from policies.deadlines.models import Task
from tests.factories import TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def feed_url(user) -> str:
    return reverse("calendar_feed", args=[DeadlineSettings.of(user).feed_token])


def events(url) -> list:
    response = Client().get(url)  # a calendar program: no session
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


@pytest.fixture
def task(union, officer, consultation):
    return TaskFactory(union=union, assignee=officer, consultation=consultation, title="Draft the response")


def test_the_feed_holds_each_deadline_as_an_all_day_event_with_a_link_and_an_alarm(officer, task, consultation):
    by_uid = {str(event["UID"]): event for event in events(feed_url(officer))}
    event = by_uid[f"task-{task.pk}@caucus"]
    assert event.decoded("DTSTART") == task.due_on
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)  # all-day
    assert event.decoded("DTEND") == task.due_on + DAY
    assert str(event["SUMMARY"]) == "Task due: Draft the response"
    assert "http://testserver" + task.get_absolute_url() in str(event["DESCRIPTION"])
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert f"consultation_response-{consultation.pk}@caucus" in by_uid


def test_uids_are_stable_when_a_date_changes(officer, task):
    first = {str(event["UID"]) for event in events(feed_url(officer))}
    task.due_on = TODAY + 20 * DAY
    task.save()
    assert {str(event["UID"]) for event in events(feed_url(officer))} == first


def test_a_regenerated_token_closes_the_old_address(client_for, officer, task):
    old = feed_url(officer)
    response = client_for(officer).post(reverse("feed_regenerate"))
    assert response.status_code == 302
    new = feed_url(officer)
    assert new != old
    assert Client().get(old).status_code == 404
    assert events(new)


def test_regenerating_needs_a_signed_in_post(client_for, anonymous, officer):
    assert client_for(officer).get(reverse("feed_regenerate")).status_code == 405
    assert client_for(anonymous).post(reverse("feed_regenerate")).status_code == 302
    assert DeadlineSettings.objects.count() == 0


def test_a_deactivated_users_feed_is_a_404(officer, task):
    url = feed_url(officer)
    officer.is_active = False
    officer.save()
    assert Client().get(url).status_code == 404


@pytest.mark.parametrize("token", ["x" * 43, "short", "../../etc/passwd"])
def test_an_unknown_token_is_a_404(officer, token):
    DeadlineSettings.of(officer)
    assert Client().get(f"/calendar/{token}.ics").status_code == 404


def test_a_demoted_officer_loses_what_only_the_leadership_sees(officer, union, task, consultation):
    consultation.visibility = Visibility.INTERNAL
    consultation.save()
    url = feed_url(officer)
    assert len(events(url)) == 2
    Membership.objects.filter(user=officer, union=union).update(role=Role.MEMBER)
    assert events(url) == []


def test_the_feed_shows_nothing_of_another_union(other_officer, task):
    assert events(feed_url(other_officer)) == []


def test_profile_and_dashboard_link_the_feed(client_for, officer):
    profile = client_for(officer).get(reverse("profile")).text
    assert feed_url(officer) in profile
    assert reverse("profile") + "#calendar" in client_for(officer).get(reverse("home")).text


def test_a_feed_of_a_thousand_items_costs_the_same_queries_as_one_of_ten(officer, union):
    url = feed_url(officer)
    counts = []
    for n in (10, 1000):
        Task.objects.bulk_create(
            Task(union=union, assignee=officer, title=f"Task {i}", due_on=TODAY + i % 60 * DAY)
            for i in range(n - (10 if counts else 0))
        )
        with CaptureQueriesContext(connection) as captured:
            assert len(events(url)) == n
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
