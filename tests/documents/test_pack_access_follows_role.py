"""A briefing pack may hold internal material: it stays readable only while its requester leads the union."""

import pytest
from django.urls import reverse

from bargaining.access import Role
from policies.models import BriefingPack, PackSection, PackStatus
from tests.factories import BargainingUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_pack(union, organiser):
    return BriefingPack.objects.create(
        audience="leadership",
        requester=organiser,
        union=union,
        bargaining_unit=BargainingUnitFactory(union=union),
        sections=[PackSection.SUMMARY],
        status=PackStatus.READY,
        pdf=b"%PDF-1.7 internal material",
        page_count=1,
    )


def test_the_organiser_who_asked_downloads_the_pack(client_for, organiser, ready_pack):
    response = client_for(organiser).get(reverse("pack_download", args=[ready_pack.pk]))

    assert response.status_code == 200


def test_an_organiser_demoted_to_member_can_no_longer_download_their_pack(client_for, organiser, union, ready_pack):
    organiser.memberships.filter(union=union).update(role=Role.MEMBER)

    page = client_for(organiser).get(reverse("pack_detail", args=[ready_pack.pk]))
    download = client_for(organiser).get(reverse("pack_download", args=[ready_pack.pk]))
    api = client_for(organiser).get(f"/api/v1/packs/{ready_pack.pk}/download/")

    assert (page.status_code, download.status_code, api.status_code) == (404, 404, 404)


def test_an_organiser_who_left_the_union_can_no_longer_download_their_pack(client_for, organiser, union, ready_pack):
    organiser.memberships.filter(union=union).delete()

    assert not BriefingPack.objects.visible_to(organiser).exists()
    assert client_for(organiser).get(reverse("pack_download", args=[ready_pack.pk])).status_code == 404
