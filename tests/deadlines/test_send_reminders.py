"""`manage.py send_reminders`: who gets a digest, what is in it, nothing twice on one day, nothing hidden."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import DeadlineSettings, ReminderFrequency
from bargaining.access import Visibility
from policies.deadlines.reminders import send_reminders
from tests.factories import ConsultationFactory, ProcurementProposalFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
MONDAY = datetime.date(2026, 6, 15)
TUESDAY = MONDAY + DAY


def wants(user, reminders=ReminderFrequency.DAILY, window_days=7):
    DeadlineSettings.objects.update_or_create(user=user, defaults={"reminders": reminders, "window_days": window_days})


@pytest.fixture
def deadlines(union, officer, proposal):
    """An overdue task (leadership only), a consultation due in 3 days (members), and one due in 20 days."""
    TaskFactory(union=union, assignee=officer, title="Draft the response", due_on=TODAY - 2 * DAY)
    ConsultationFactory(union=union, proposal=proposal, opened_on=TODAY - 9 * DAY, response_deadline=TODAY + 3 * DAY)
    ConsultationFactory(union=union, opened_on=TODAY - 9 * DAY, response_deadline=TODAY + 20 * DAY)


def test_officer_gets_one_digest_of_what_is_overdue_and_due_within_the_window(officer, deadlines):
    wants(officer)
    assert send_reminders() == 1
    [message] = mail.outbox
    assert message.to == [officer.email]
    assert "1 overdue, 1 due soon" in message.subject
    assert "OVERDUE" in message.body and "Draft the response" in message.body
    assert "Response to" in message.body
    assert "/tasks/#task-" in message.body  # a link back
    [(html, mime)] = message.alternatives
    assert mime == "text/html" and "⚠ Overdue" in html and "Draft the response" in html


def test_a_wider_window_brings_later_items(officer, deadlines):
    wants(officer, window_days=30)
    send_reminders()
    assert mail.outbox[0].body.count("Response to") == 2


def test_a_member_is_never_sent_the_leaderships_tasks(member, deadlines):
    wants(member)
    send_reminders()
    [message] = mail.outbox
    assert "Draft the response" not in message.body and "Draft the response" not in message.alternatives[0][0]


def test_outsiders_get_nothing_about_our_union(other_officer, deadlines):
    wants(other_officer)
    assert send_reminders() == 0
    assert mail.outbox == []


def test_an_internal_consultation_is_not_sent_to_members(member, organiser, union):
    ConsultationFactory(
        union=union, opened_on=TODAY - DAY, response_deadline=TODAY + DAY, visibility=Visibility.INTERNAL
    )
    wants(member)
    wants(organiser)
    assert send_reminders() == 1
    assert mail.outbox[0].to == [organiser.email]


def test_a_second_run_the_same_day_sends_nothing_again(officer, deadlines):
    wants(officer)
    assert send_reminders() == 1
    assert send_reminders() == 0
    assert len(mail.outbox) == 1


def test_a_new_item_the_same_day_is_sent_alone(officer, union, deadlines):
    wants(officer)
    send_reminders()
    TaskFactory(union=union, assignee=officer, title="Send the information request", due_on=TODAY)
    assert send_reminders() == 1
    assert "Send the information request" in mail.outbox[1].body
    assert "Draft the response" not in mail.outbox[1].body


def test_the_next_day_overdue_items_are_sent_again(officer, deadlines):
    wants(officer)
    send_reminders(today=TODAY)
    assert send_reminders(today=TODAY + DAY) == 1


def test_those_who_chose_never_or_have_no_address_get_nothing(officer, organiser, deadlines):
    wants(officer, ReminderFrequency.NEVER)
    wants(organiser)
    organiser.email = ""
    organiser.save()
    assert send_reminders() == 0


def test_nobody_gets_reminders_without_asking(officer, deadlines):
    DeadlineSettings.of(officer)
    assert send_reminders() == 0


def test_a_deactivated_user_gets_nothing(officer, deadlines):
    wants(officer)
    officer.is_active = False
    officer.save()
    assert send_reminders() == 0


def test_weekly_digests_go_out_on_mondays(officer, union):
    TaskFactory(union=union, assignee=officer, due_on=MONDAY)
    wants(officer, ReminderFrequency.WEEKLY)
    assert send_reminders(today=TUESDAY) == 0
    assert send_reminders(today=MONDAY) == 1


def test_the_command_says_how_many_it_sent(officer, deadlines):
    wants(officer)
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert out.getvalue().strip() == "Sent 1 reminder digest."


def test_the_profile_page_saves_the_choice_and_refuses_nonsense(client_for, officer):
    client = client_for(officer)
    response = client.post("/accounts/profile/", {"reminders": "daily", "window_days": "14"})
    assert response.status_code == 302
    assert (DeadlineSettings.of(officer).reminders, DeadlineSettings.of(officer).window_days) == ("daily", 14)
    response = client.post("/accounts/profile/", {"reminders": "hourly", "window_days": "0"})
    assert response.status_code == 400
    assert set(response.context["reminder_form"].errors) == {"reminders", "window_days"}
    assert DeadlineSettings.of(officer).reminders == "daily"


# Notifications in the digest -----------------------------------------------------------------------------


def notify(consultation, author, summary, visibility=Visibility.MEMBERS):
    from consultations.models import EventKind
    from consultations.services import add_consultation_event

    add_consultation_event(
        consultation=consultation,
        user=author,
        occurred_on=TODAY,
        kind=EventKind.MEETING,
        summary=summary,
        visibility=visibility,
    )


def test_notifications_come_in_the_digest_only_for_those_who_chose_them(officer, organiser, member, consultation):
    from policies.following.models import set_following

    set_following(member, "consultation", consultation, True)
    wants(officer)
    wants(member)
    DeadlineSettings.objects.filter(user=member).update(notifications_in_digest=True)
    notify(consultation, organiser, "Survey results are in")

    send_reminders(today=TODAY)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Survey results are in" in by_address[member.email].body
    assert "Survey results are in" in by_address[member.email].alternatives[0][0]
    assert "ON WHAT YOU FOLLOW" not in by_address.get(officer.email, mail.EmailMessage()).body


def test_a_notification_is_mailed_once_and_a_hidden_one_never(officer, organiser, member, consultation):
    from policies.following.models import set_following

    set_following(member, "consultation", consultation, True)
    wants(member)
    DeadlineSettings.objects.filter(user=member).update(notifications_in_digest=True)
    notify(consultation, organiser, "First meeting")
    notify(consultation, organiser, "Our walk-away line", visibility=Visibility.INTERNAL)

    send_reminders(today=TODAY)
    send_reminders(today=TODAY + DAY)

    # The consultation's deadline may come again the next day; the notification does not.
    assert ["First meeting" in message.body for message in mail.outbox] == [True] + [False] * (len(mail.outbox) - 1)
    assert not any("walk-away" in message.body for message in mail.outbox)


def test_a_digest_of_notifications_alone_says_so(officer, organiser, member, tool):
    from consultations.models import Consultation
    from policies.following.models import set_following

    consultation = Consultation.objects.create(
        union=officer.memberships.first().union,
        proposal=ProcurementProposalFactory(tool=tool),
        opened_on=TODAY,
        response_deadline=TODAY + 60 * DAY,
    )
    set_following(member, "consultation", consultation, True)
    wants(member)
    DeadlineSettings.objects.filter(user=member).update(notifications_in_digest=True)
    notify(consultation, organiser, "First meeting")

    send_reminders(today=TODAY)

    [message] = mail.outbox
    assert message.subject == "Caucus: 1 notification on what you follow"


def test_the_profile_page_offers_notifications_in_the_digest(client_for, member):
    from django.urls import reverse

    page = client_for(member).get(reverse("profile"))
    assert "also send my notifications" in page.text.lower()
