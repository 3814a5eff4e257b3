"""Sign in, sign out, change password, and the lockout after repeated failures."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(union):
    user = UserFactory(username="alice", password=make_password("a-long-passphrase"))
    union.memberships.create(user=user, role="member")
    return user


def test_sign_in_page_has_labelled_fields(client):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert '<label for="id_username">' in response.text
    assert '<label for="id_password">' in response.text


def test_signing_in_and_out_returns_to_the_home_page(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "a-long-passphrase"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Dashboard" in response.text

    response = client.post(reverse("logout"), follow=True)

    assert "_auth_user_id" not in client.session
    assert "Sign in" in response.text


def test_repeated_failed_sign_ins_from_one_client_are_locked_out_and_told_so(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
        assert response.status_code == 200

    response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})

    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text
    assert "Try again in 15 minutes" in response.text


def test_a_locked_out_client_cannot_sign_in_even_with_the_right_password(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "alice", "password": "wrong"})

    response = client.post(reverse("login"), {"username": "alice", "password": "a-long-passphrase"})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_anonymous_is_sent_to_sign_in_to_change_password(client):
    response = client.get(reverse("password_change"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_changing_password_with_a_wrong_old_password_names_the_field(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )

    assert response.status_code == 200
    assert "Old password" in response.text
    assert "Your old password was entered incorrectly" in response.text


def test_changing_password_works(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "a-long-passphrase",
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
        follow=True,
    )

    assert "Password changed" in response.text
    alice.refresh_from_db()
    assert alice.check_password("a-new-long-passphrase")


def test_password_reset_pages_are_styled_as_the_rest(client):
    response = client.get(reverse("password_reset"))

    assert response.status_code == 200
    assert "Reset your password" in response.text
    assert '<nav aria-label="Main"' in response.text
