"""Choosing the language: Accept-Language on a first visit, the switch on every page (a cookie for a visitor,
the profile for someone signed in), the same URLs in both languages, and the API's messages in the caller's."""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import Preferences

pytestmark = pytest.mark.django_db

WELSH_SIGN_IN = "Mewngofnodi"


def html_lang(response) -> str:
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_a_first_visit_follows_accept_language(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="cy-GB,cy;q=0.9,en;q=0.5")
    assert html_lang(response) == "cy"
    assert response["Content-Language"] == "cy"
    assert WELSH_SIGN_IN in response.content.decode()


def test_without_a_choice_the_pages_are_in_english(client):
    response = client.get(reverse("login"))
    assert html_lang(response) == "en"
    assert "Sign in" in response.content.decode()


def test_the_switch_is_on_the_sign_in_page_and_offers_the_other_language(client):
    english = client.get(reverse("login")).content.decode()
    assert 'name="language" value="cy"' in english and 'name="language" value="en"' not in english
    welsh = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert 'name="language" value="en"' in welsh


def test_a_visitor_choice_is_kept_in_a_cookie_and_beats_accept_language(client):
    response = client.post(reverse("choose_language"), {"language": "cy", "next": "/accounts/login/"})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    assert html_lang(client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")) == "cy"


def test_the_url_is_the_same_in_both_languages(client):
    client.post(reverse("choose_language"), {"language": "cy", "next": "/"})
    assert client.get("/consultations/").status_code == 200
    assert client.get("/cy/consultations/").status_code == 404


def test_a_signed_in_choice_is_kept_in_the_profile_and_follows_them_to_another_device(client_for, officer):
    client_for(officer).post(reverse("choose_language"), {"language": "cy", "next": "/"})
    assert Preferences.objects.get(user=officer).language == "cy"
    elsewhere = client_for(officer)  # a new browser: no cookie, English Accept-Language
    assert html_lang(elsewhere.get("/", HTTP_ACCEPT_LANGUAGE="en")) == "cy"


def test_switching_back_to_english_is_kept_too(client_for, officer):
    client = client_for(officer)
    client.post(reverse("choose_language"), {"language": "cy", "next": "/"})
    client.post(reverse("choose_language"), {"language": "en", "next": "/"})
    assert Preferences.objects.get(user=officer).language == "en"
    assert html_lang(client.get("/")) == "en"


def test_an_unknown_language_changes_nothing_and_says_so(client_for, officer):
    client = client_for(officer)
    response = client.post(reverse("choose_language"), {"language": "fr", "next": "/"}, follow=True)
    assert "Choose English or Cymraeg." in response.content.decode()
    assert not Preferences.objects.filter(user=officer).exists()
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switch_never_sends_the_reader_to_another_site(client):
    response = client.post(reverse("choose_language"), {"language": "cy", "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_the_switch_is_post_only(client):
    assert client.get(reverse("choose_language"), {"language": "cy"}).status_code == 405


def test_the_api_answers_in_the_caller_language_but_keeps_its_field_names(api, officer):
    response = api(officer).post("/api/v1/positions/", {}, format="json", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 400
    assert "title" in response.json()  # the field at fault, by its name in the data
    assert response.json()["title"] == ["Mae'r maes hwn yn ofynnol."]


def test_the_api_answers_in_english_by_default(api, officer):
    response = api(officer).post("/api/v1/positions/", {}, format="json")
    assert response.json()["title"] == ["This field is required."]


def test_the_account_page_shows_the_choice_and_can_forget_it(client_for, officer):
    client = client_for(officer)
    client.post(reverse("choose_language"), {"language": "cy", "next": "/"})
    html = client.get(reverse("profile")).content.decode()
    assert '<option value="cy" lang="cy" selected>' in html
    response = client.post(reverse("choose_language"), {"language": "", "next": "/accounts/profile/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    assert Preferences.objects.get(user=officer).language == ""
    assert html_lang(client.get("/", HTTP_ACCEPT_LANGUAGE="en")) == "en"


def test_a_welsh_reader_gets_the_reminder_digest_and_calendar_in_welsh(officer, union):
    import datetime

    import icalendar
    from django.core import mail
    from django.test import Client
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    from accounts.models import DeadlineSettings, ReminderFrequency
    from policies.deadlines.reminders import send_reminders
    from tests.factories import TaskFactory

    TaskFactory(union=union, assignee=officer, title="Draft the response", due_on=datetime.date.today())
    DeadlineSettings.objects.update_or_create(user=officer, defaults={"reminders": ReminderFrequency.DAILY})
    Preferences.objects.create(user=officer, language="cy")
    with translation.override("cy"):
        subject = ngettext(
            "Caucus: %(count)s deadline in the next %(days)s days",
            "Caucus: %(count)s deadlines in the next %(days)s days",
            1,
        ) % {"count": 1, "days": 7}
        calendar_name = gettext("Caucus deadlines")
    assert "deadline" not in subject
    assert send_reminders() == 1
    [message] = mail.outbox
    assert message.subject == subject
    assert 'lang="cy"' in message.alternatives[0][0]
    feed = Client().get(reverse("calendar_feed", args=[DeadlineSettings.of(officer).feed_token]))
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert str(calendar["X-WR-CALNAME"]) == calendar_name != "Caucus deadlines"


def test_a_site_set_up_in_welsh_greets_a_visitor_without_a_preference_in_welsh(client, settings):
    settings.LANGUAGE_CODE = "cy"
    assert html_lang(client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="fr")) == "cy"
    assert html_lang(client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")) == "en"


def test_a_language_code_caucus_does_not_speak_is_refused_at_start():
    import os
    import subprocess
    import sys

    env = {**os.environ, "DEBUG": "true", "LANGUAGE_CODE": "fr"}
    result = subprocess.run([sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "LANGUAGE_CODE must be one of en, cy" in result.stderr
