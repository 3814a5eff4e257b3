"""The navigation offers what the person may use."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["officer", "organiser", "staff"])
def test_leaders_are_offered_briefing_packs(client_for, request, persona, union):
    response = client_for(request.getfixturevalue(persona)).get(reverse("home"))

    assert reverse("pack_new") in response.text


@pytest.mark.parametrize("persona", ["member", "anonymous"])
def test_members_and_visitors_are_not_offered_briefing_packs(client_for, request, persona):
    response = client_for(request.getfixturevalue(persona)).get(reverse("home"))

    assert response.status_code == 200
    assert reverse("pack_new") not in response.text
