"""Private by default to caches: what depends on who asks is never kept by a shared cache or on disk."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import PositionFactory
from tests.helpers import detail_url

pytestmark = pytest.mark.django_db


def test_a_signed_in_page_is_private_and_not_stored(client_for, member, consultation):
    response = client_for(member).get(reverse("consultation_detail", args=[consultation.pk]))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_an_api_answer_to_a_token_is_private_and_not_stored(api, union, officer):
    position = PositionFactory(union=union, visibility=Visibility.INTERNAL)

    response = api(officer, token=True).get(detail_url("positions", position))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Authorization" in response["Vary"]


def test_an_api_answer_to_a_signed_in_session_is_private(union, member, client_for):
    position = PositionFactory(union=union, visibility=Visibility.MEMBERS)

    response = client_for(member).get(detail_url("positions", position))

    assert response["Cache-Control"] == "private, no-store"


def test_a_public_page_for_an_anonymous_reader_may_be_cached(client_for, anonymous, public_position):
    response = client_for(anonymous).get(reverse("position_detail", args=[public_position.pk]))

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
