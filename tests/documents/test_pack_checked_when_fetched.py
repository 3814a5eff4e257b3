"""A stored pack is served only while its requester may still print it; stuck packs fail; old packs are pruned."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from bargaining.access import Role, Visibility
from policies.documents.packs import request_briefing_pack
from policies.models import BriefingPack, PackStatus
from tests.factories import MembershipFactory, PositionFactory
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def downloads(client, pack):
    return (
        client.get(reverse("pack_download", args=[pack.pk])),
        client.get(f"/api/v1/packs/{pack.pk}/download/"),
    )


@pytest.fixture
def dual_officer(officer, other_union):
    """An officer of NEA who is also an organiser of LSSU, which keeps an internal position on the tool."""
    MembershipFactory(user=officer, union=other_union, role=Role.ORGANISER)
    return officer


def test_a_pack_printed_for_another_unions_leadership_is_gone_once_that_membership_is(
    world, dual_officer, other_union, client_for
):
    PositionFactory(
        union=other_union, proposal=world.proposal, tool=world.tool, title="LSSU-SECRET", visibility=Visibility.INTERNAL
    )
    pack = request_briefing_pack(
        requester=dual_officer, subject=world.employer, sections=["positions"], union=other_union, audience="leadership"
    )
    client = client_for(dual_officer)
    web, api = downloads(client, pack)
    assert (web.status_code, api.status_code) == (200, 200)
    assert "LSSU-SECRET" in pdf_text(web.content)

    dual_officer.memberships.filter(union=other_union).delete()
    web, api = downloads(client, pack)

    assert (web.status_code, api.status_code) == (404, 404)
    assert b"LSSU-SECRET" not in web.content


def test_a_pack_printed_for_ones_own_union_never_held_the_other_unions_internal_text(
    world, dual_officer, union, other_union, client_for
):
    PositionFactory(
        union=other_union, proposal=world.proposal, tool=world.tool, title="LSSU-SECRET", visibility=Visibility.INTERNAL
    )
    pack = request_briefing_pack(
        requester=dual_officer, subject=world.employer, sections=["positions"], union=union, audience="leadership"
    )
    dual_officer.memberships.filter(union=other_union).delete()

    web, _api = downloads(client_for(dual_officer), pack)

    assert web.status_code == 200
    text = pdf_text(web.content)
    assert "INTERNAL-RATIONALE" in text and "LSSU-SECRET" not in text


def test_a_public_pack_on_a_unit_since_made_members_only_is_gone(world, officer, client_for):
    pack = request_briefing_pack(requester=officer, subject=world.unit, sections=["summary"], audience="public")
    world.unit.visibility = Visibility.MEMBERS
    world.unit.save()

    web, api = downloads(client_for(officer), pack)

    assert (web.status_code, api.status_code) == (404, 404)
    assert "Ask for a new pack" in web.content.decode()
    assert "Ask for a new pack" in api.json()["detail"]
    page = client_for(officer).get(reverse("pack_detail", args=[pack.pk])).content.decode()
    assert "Ask for a new pack" in page and reverse("pack_download", args=[pack.pk]) not in page


def test_a_pack_printed_before_packs_had_an_audience_is_no_longer_served(world, officer, client_for):
    pack = request_briefing_pack(requester=officer, subject=world.unit, sections=["summary"])
    BriefingPack.objects.filter(pk=pack.pk).update(audience="")

    web, api = downloads(client_for(officer), pack)

    assert (web.status_code, api.status_code) == (404, 404)


def test_a_pack_whose_requester_lost_the_right_before_it_rendered_fails_with_the_reason(
    world, dual_officer, other_union, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    pack = request_briefing_pack(
        requester=dual_officer, subject=world.employer, sections=["summary"], union=other_union, audience="leadership"
    )
    dual_officer.memberships.filter(union=other_union).update(role=Role.MEMBER)

    from policies.documents.tasks import build_briefing_pack

    assert build_briefing_pack(pack_id=pack.pk) == PackStatus.FAILED
    pack.refresh_from_db()
    assert "may no longer print" in pack.error


# A pack left running by a worker that died


def stuck_pack(officer, world, minutes_ago=60):
    return BriefingPack.objects.create(
        requester=officer,
        union=world.union,
        bargaining_unit=world.unit,
        audience="members",
        sections=["summary"],
        status=PackStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
    )


def test_a_pack_stuck_running_past_the_timeout_is_shown_failed_with_the_reason(world, officer, client_for, api):
    pack = stuck_pack(officer, world)

    page = client_for(officer).get(reverse("pack_detail", args=[pack.pk])).content.decode()
    body = api(officer).get(f"/api/v1/packs/{pack.pk}/").json()

    assert "The worker printing this pack stopped" in page and "Try again" in page
    assert body["status"] == PackStatus.FAILED and "stopped" in body["error"]


def test_a_pack_still_within_the_timeout_keeps_running(world, officer, client_for):
    pack = stuck_pack(officer, world, minutes_ago=1)

    client_for(officer).get(reverse("pack_detail", args=[pack.pk]))

    pack.refresh_from_db()
    assert pack.status == PackStatus.RUNNING


def test_a_failed_pack_can_be_tried_again_on_the_web_and_through_the_api(world, officer, client_for, api):
    first, second = stuck_pack(officer, world), stuck_pack(officer, world)

    response = client_for(officer).post(reverse("pack_retry", args=[first.pk]))
    retried = api(officer).post(f"/api/v1/packs/{second.pk}/retry/")

    assert response.status_code == 302
    assert retried.status_code == 202
    for pack in (first, second):
        pack.refresh_from_db()
        assert pack.status == PackStatus.READY and pack.error == ""


def test_a_ready_pack_cannot_be_tried_again(world, officer, api):
    pack = request_briefing_pack(requester=officer, subject=world.unit, sections=["summary"])

    response = api(officer).post(f"/api/v1/packs/{pack.pk}/retry/")

    assert response.status_code == 400
    assert "status" in response.json()


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_outsiders_cannot_retry_a_pack(world, officer, request, client_for, api, persona):
    pack = stuck_pack(officer, world)
    outsider = request.getfixturevalue(persona)

    web = client_for(outsider).post(reverse("pack_retry", args=[pack.pk]))
    response = api(outsider).post(f"/api/v1/packs/{pack.pk}/retry/")

    assert web.status_code in (302, 404) and (web.status_code == 404 or "login" in web["Location"])
    assert response.status_code in (401, 403, 404)
    pack.refresh_from_db()
    assert pack.status == PackStatus.RUNNING


# Pruning


def test_prune_packs_deletes_packs_older_than_the_age_given_and_fails_stuck_ones(world, officer):
    old = request_briefing_pack(requester=officer, subject=world.unit, sections=["summary"])
    BriefingPack.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    recent = request_briefing_pack(requester=officer, subject=world.unit, sections=["summary"])
    stuck = stuck_pack(officer, world)

    call_command("prune_packs", "--older-than", "30d")

    assert list(BriefingPack.objects.values_list("pk", flat=True).order_by("pk")) == [recent.pk, stuck.pk]
    stuck.refresh_from_db()
    assert stuck.status == PackStatus.FAILED


@pytest.mark.parametrize("age", ["30", "thirty days", "-1d", "30y"])
def test_prune_packs_refuses_an_age_it_cannot_read(db, age):
    with pytest.raises(CommandError, match="30d"):
        call_command("prune_packs", f"--older-than={age}")
