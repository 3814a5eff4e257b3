"""The navigation offers what the person may use, and marks where they are."""

import re

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


def test_the_main_navigation_marks_the_section_of_a_records_other_pages(client_for, officer, consultation):
    html = client_for(officer).get(reverse("consultation_edit", args=[consultation.pk])).text

    assert re.search(r'href="/consultations/" aria-current="true"', html)
    assert 'aria-current="page"' not in html.split('<nav aria-label="Main"')[1].split("</nav>")[0]
