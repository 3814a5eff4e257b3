"""Rendering cannot exhaust the server: one rate limit for web and API renders, and a cache of identical renders."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import UserFactory
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def web_paper(world, audience=None):
    url = reverse("position_paper", args=[world.public_position.pk])
    return url + (f"?audience={audience}" if audience else "")


def api_paper(world):
    return f"/api/v1/positions/{world.public_position.pk}/paper.pdf"


@pytest.fixture
def two_renders(settings):
    # A day-long window, so that a test never straddles two windows.
    settings.PDF_RENDER_RATE = "2/day"


def test_web_and_api_renders_share_one_limit_per_user(world, officer, client_for, api, two_renders):
    client = client_for(officer)

    assert client.get(web_paper(world, "public")).status_code == 200
    assert client.get(web_paper(world, "members")).status_code == 200
    response = api(officer).get(api_paper(world), {"audience": "leadership"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_anonymous_renders_are_limited_per_address(world, anonymous, client_for, api, two_renders):
    world.public_position.rationale = "First"
    world.public_position.save()
    assert client_for(anonymous).get(web_paper(world)).status_code == 200
    world.public_position.rationale = "Second"
    world.public_position.save()
    assert api(anonymous).get(api_paper(world)).status_code == 200
    world.public_position.rationale = "Third"
    world.public_position.save()

    response = client_for(anonymous).get(web_paper(world))

    assert response.status_code == 429
    assert "Try again" in response.content.decode()


def test_many_accounts_from_one_address_share_its_limit(world, client_for, two_renders):
    for number in range(2):
        user = UserFactory(username=f"reader-{number}")
        assert client_for(user).get(web_paper(world)).status_code == 200

    assert client_for(UserFactory(username="reader-3")).get(web_paper(world)).status_code == 429


def test_asking_for_packs_counts_against_the_same_limit(world, officer, client_for, api, two_renders):
    client = client_for(officer)
    client.get(web_paper(world, "public"))
    client.get(web_paper(world, "members"))

    web = client.post(
        reverse("pack_new"), {"subject": f"unit:{world.unit.pk}", "sections": ["summary"], "union": world.union.pk}
    )
    response = api(officer).post("/api/v1/packs/", {"bargaining_unit": world.unit.pk}, format="json")

    assert (web.status_code, response.status_code) == (429, 429)


def test_an_identical_request_is_served_from_the_cache_without_counting(world, member, client_for, settings):
    settings.PDF_RENDER_RATE = "1/day"
    client = client_for(member)

    first = client.get(web_paper(world, "members"))
    second = client.get(web_paper(world, "members"))

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.content == second.content


def test_a_changed_record_is_rendered_afresh(world, member, client_for):
    client = client_for(member)
    client.get(web_paper(world, "members"))
    world.public_position.rationale = "REVISED-RATIONALE"
    world.public_position.save()

    assert "REVISED-RATIONALE" in pdf_text(client.get(web_paper(world, "members")).content)


def test_a_record_hidden_since_is_never_served_from_the_cache(world, member, client_for):
    client = client_for(member)
    assert "MEMBERS-EVENT" in pdf_text(client.get(web_paper(world, "members")).content)
    world.consultation.events.filter(visibility=Visibility.MEMBERS).update(visibility=Visibility.INTERNAL)

    assert "MEMBERS-EVENT" not in pdf_text(client.get(web_paper(world, "members")).content)


def test_each_audience_and_printer_has_its_own_cached_render(world, officer, member, client_for):
    officer_public = client_for(officer).get(web_paper(world, "public")).content
    officer_leadership = client_for(officer).get(web_paper(world, "leadership")).content
    member_public = client_for(member).get(web_paper(world, "public")).content

    assert "WALKAWAY-WORDING" not in pdf_text(officer_public)
    assert "WALKAWAY-WORDING" in pdf_text(officer_leadership)
    assert "Printed by member" in pdf_text(member_public)
