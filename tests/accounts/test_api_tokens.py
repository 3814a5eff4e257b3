"""API tokens: hashed, expiring, revocable by their holder, ended by a password change or deactivation."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken
from accounts.services import issue_api_token

pytestmark = pytest.mark.django_db


def client_with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_delete_revokes_the_token_the_request_is_signed_with(officer):
    _token, plain = issue_api_token(user=officer)
    _other, other_plain = issue_api_token(user=officer)
    client = client_with(plain)

    response = client.delete("/api/v1/auth/token/")

    assert response.status_code == 204
    assert client.get("/api/v1/positions/").status_code == 401
    assert client_with(other_plain).get("/api/v1/positions/").status_code == 200


def test_delete_without_a_token_is_refused(client_for, officer):
    assert APIClient().delete("/api/v1/auth/token/").status_code == 401
    assert client_for(officer).delete("/api/v1/auth/token/").status_code in (400, 403)


def test_an_expired_token_stops_working(officer):
    token, plain = issue_api_token(user=officer)
    ApiToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - datetime.timedelta(seconds=1))

    assert client_with(plain).get("/api/v1/positions/").status_code == 401
    assert not ApiToken.objects.filter(pk=token.pk).exists()


def test_tokens_expire_after_the_configured_lifetime(officer, settings):
    token, _plain = issue_api_token(user=officer)

    lifetime = token.expiry - token.created
    assert datetime.timedelta(days=29) < lifetime <= datetime.timedelta(days=30, minutes=1)


def test_a_password_change_ends_every_token(officer):
    _token, plain = issue_api_token(user=officer)
    officer.set_password("a-brand-new-passphrase")
    officer.save()

    assert client_with(plain).get("/api/v1/positions/").status_code == 401


def test_deactivation_ends_every_token(officer):
    _token, plain = issue_api_token(user=officer)
    officer.is_active = False
    officer.save()

    assert client_with(plain).get("/api/v1/positions/").status_code == 401


def test_the_profile_lists_and_revokes_ones_own_tokens_only(client_for, officer, member):
    mine, _ = issue_api_token(user=officer, name="from my laptop")
    theirs, _ = issue_api_token(user=member, name="from the member's script")
    client = client_for(officer)

    page = client.get(reverse("profile"))
    assert "from my laptop" in page.text
    assert "from the member&#x27;s script" not in page.text and "member's script" not in page.text

    client.post(reverse("token_revoke"), {"digest": theirs.digest})
    assert ApiToken.objects.filter(pk=theirs.pk).exists()
    client.post(reverse("token_revoke"), {"digest": mine.digest})
    assert not ApiToken.objects.filter(pk=mine.pk).exists()


def test_revoke_all_revokes_every_token_of_the_holder(client_for, officer):
    issue_api_token(user=officer)
    issue_api_token(user=officer)

    client_for(officer).post(reverse("token_revoke"), {"all": "1"})

    assert not ApiToken.objects.filter(user=officer).exists()


def test_the_profile_page_is_for_signed_in_people(client_for, anonymous):
    response = client_for(anonymous).get(reverse("profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_signing_out_with_tokens_offers_to_revoke_them(client_for, officer):
    issue_api_token(user=officer)
    client = client_for(officer)

    offer = client.post(reverse("logout"))
    assert offer.status_code == 200
    assert "Also revoke my API tokens" in offer.text
    assert "_auth_user_id" in client.session

    done = client.post(reverse("logout"), {"decided": "1", "revoke_tokens": "on"})
    assert "_auth_user_id" not in client.session
    assert "revoked" in done.text
    assert not ApiToken.objects.filter(user=officer).exists()


def test_signing_out_may_keep_the_tokens(client_for, officer):
    issue_api_token(user=officer)
    client = client_for(officer)

    client.post(reverse("logout"), {"decided": "1"})

    assert "_auth_user_id" not in client.session
    assert ApiToken.objects.filter(user=officer).exists()


def test_signing_out_without_tokens_is_one_click(client_for, officer):
    client = client_for(officer)

    client.post(reverse("logout"))

    assert "_auth_user_id" not in client.session


def test_the_admin_never_shows_a_token_and_cannot_make_one(client_for, staff, officer):
    _token, plain = issue_api_token(user=officer)
    staff.is_superuser = True
    staff.save()

    page = client_for(staff).get(reverse("admin:accounts_apitoken_changelist"))

    assert page.status_code == 200
    assert plain not in page.text
    assert client_for(staff).get(reverse("admin:accounts_apitoken_add")).status_code == 403
