"""The demo shows every kind of deadline at once, and its users take the daily digest."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import DeadlineSettings, ReminderFrequency
from policies.deadlines.engine import Kind, deadlines_for
from policies.deadlines.models import Task
from policies.deadlines.reminders import send_reminders
from tests.policies.test_load_demo import demo_data, fast_password_hashing, load_demo  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

User = get_user_model()
TODAY = datetime.date.today()


def test_the_officer_sees_every_kind_and_something_overdue_and_due_this_week():
    items = deadlines_for(User.objects.get(username="officer"))
    assert {item.kind for item in items} == set(Kind.values)
    assert any(item.overdue for item in items)
    assert any(item.due_soon for item in items)
    assert any(item.computed and item.kind == Kind.CONSULTATION_RESPONSE for item in items)
    assert any(item.kind == Kind.PRIVACY_AGREEMENT and item.days_left <= 30 for item in items)
    assert any(item.kind == Kind.TASK and not item.overdue for item in items)


def test_the_dashboard_opens_with_what_is_overdue(client):
    client.force_login(User.objects.get(username="officer"))
    response = client.get(reverse("home"))
    assert response.context["overdue"] and response.context["upcoming"]


def test_every_demo_union_user_gets_one_digest():
    assert send_reminders() == 3 + 1  # three people of the first union, one of the second; the admin has no union
    assert sorted(message.to[0].split("@")[0] for message in mail.outbox) == [
        "member",
        "officer",
        "organiser",
        "other-officer",
    ]
    assert send_reminders() == 0


def test_reloading_keeps_a_users_reminder_choice_and_an_officers_edit_of_a_task():
    officer = User.objects.get(username="officer")
    DeadlineSettings.objects.filter(user=officer).update(reminders=ReminderFrequency.NEVER)
    task = Task.objects.filter(union__slug="nlea", done_on__isnull=True).first()
    task.done_on = TODAY
    task._history_user = officer
    task.save()

    load_demo()

    assert DeadlineSettings.objects.get(user=officer).reminders == ReminderFrequency.NEVER
    task.refresh_from_db()
    assert task.done_on == TODAY
