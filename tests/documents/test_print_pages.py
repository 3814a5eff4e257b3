"""The printed documents on the web: the paper download, the pack builder, a pack's page and its download."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from policies.models import BriefingPack, PackSection, PackStatus
from tests.factories import UserFactory
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def paper_url(position):
    return reverse("position_paper", args=[position.pk])


def test_the_urls_are_under_print():
    assert reverse("position_paper", args=[7]) == "/print/positions/7/paper.pdf"
    assert reverse("pack_new") == "/print/packs/new/"
    assert reverse("pack_detail", args=[7]) == "/print/packs/7/"
    assert reverse("pack_download", args=[7]) == "/print/packs/7/download/"


# The position paper


def test_a_member_downloads_a_members_paper_with_a_sensible_name(world, member, client_for):
    response = client_for(member).get(paper_url(world.members_position))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="nea-position-members-position-on-brightpath-v{world.members_position.version}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert "MEMBERS-RATIONALE" in pdf_text(response.content)


def test_anonymous_downloads_a_public_paper(world, anonymous, client_for):
    response = client_for(anonymous).get(paper_url(world.public_position))

    assert response.status_code == 200
    assert "PUBLIC-RATIONALE" in pdf_text(response.content)


@pytest.mark.parametrize(
    ("persona", "position"),
    [
        ("member", "internal_position"),
        ("other_officer", "members_position"),
        ("other_officer", "internal_position"),
        ("anonymous", "members_position"),
        ("anonymous", "internal_position"),
    ],
)
def test_a_paper_the_user_may_not_see_is_a_404(world, request, client_for, persona, position):
    response = client_for(request.getfixturevalue(persona)).get(paper_url(getattr(world, position)))

    assert response.status_code == 404


def test_a_paper_that_does_not_exist_is_a_404(db, officer, client_for):
    assert client_for(officer).get("/print/positions/999999/paper.pdf").status_code == 404


def test_a_paper_too_long_to_render_says_why_instead_of_failing(world, officer, client_for, settings):
    settings.PDF_RENDER_LIMITS = {
        **settings.PDF_RENDER_LIMITS,
        "paper": {**settings.PDF_RENDER_LIMITS["paper"], "MAX_PAGES": 1},
    }

    response = client_for(officer).get(paper_url(world.public_position))

    assert response.status_code == 503
    assert "longer than 1 pages" in response.content.decode()


# The pack builder


def test_an_organiser_sees_the_pack_builder_with_every_section_ticked(world, organiser, client_for):
    response = client_for(organiser).get(reverse("pack_new") + f"?subject=unit:{world.unit.pk}")

    assert response.status_code == 200
    form = response.context["form"]
    assert form["subject"].value() == f"unit:{world.unit.pk}"
    assert form["sections"].initial == PackSection.values
    assert f'value="unit:{world.unit.pk}" selected' in response.content.decode()


def test_a_member_is_told_packs_are_for_officers_and_organisers(world, member, client_for):
    response = client_for(member).get(reverse("pack_new"))

    assert response.status_code == 403
    assert "officers and organisers" in response.content.decode()


def test_anonymous_is_sent_to_sign_in_for_the_pack_builder(db, anonymous, client_for):
    response = client_for(anonymous).get(reverse("pack_new"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_officer_builds_a_pack_and_downloads_it_when_ready(world, officer, client_for):
    client = client_for(officer)

    response = client.post(
        reverse("pack_new"),
        {
            "subject": f"unit:{world.unit.pk}",
            "sections": ["summary", "coverage"],
            "union": world.union.pk,
            "audience": "members",
        },
    )

    pack = BriefingPack.objects.get()
    assert pack.audience == "members"
    assert response.status_code == 302
    assert response["Location"] == reverse("pack_detail", args=[pack.pk])
    assert pack.status == PackStatus.READY  # the immediate backend renders at once
    assert pack.sections == ["summary", "coverage"]
    page = client.get(response["Location"])
    assert "Download the pack for members of the union (PDF)" in page.content.decode()
    assert "Refresh" not in page
    download = client.get(reverse("pack_download", args=[pack.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="nea-briefing-pack-northview-teachers-')
    assert "Coverage matrix" in pdf_text(download.content)


def test_a_pack_request_without_sections_keeps_what_was_entered(world, officer, client_for):
    response = client_for(officer).post(
        reverse("pack_new"),
        {"subject": f"employer:{world.employer.pk}", "union": world.union.pk, "paper_size": "letter"},
    )

    assert response.status_code == 400
    assert "Choose at least one section." in response.content.decode()
    form = response.context["form"]
    assert form["subject"].value() == f"employer:{world.employer.pk}"
    assert form["paper_size"].value() == "letter"
    assert not BriefingPack.objects.exists()


@pytest.mark.parametrize("subject", ["", "unit:abc", "unit:999999", "planet:1", "unit:"])
def test_a_pack_request_for_an_unknown_subject_is_refused_politely(world, officer, client_for, subject):
    response = client_for(officer).post(
        reverse("pack_new"), {"subject": subject, "sections": ["summary"], "union": world.union.pk}
    )

    assert response.status_code == 400
    assert not BriefingPack.objects.exists()


def test_a_pack_request_for_a_unit_the_officer_may_not_see_is_refused(world, other_officer, client_for):
    world.unit.visibility = Visibility.MEMBERS
    world.unit.save()

    response = client_for(other_officer).post(
        reverse("pack_new"), {"subject": f"unit:{world.unit.pk}", "sections": ["summary"]}
    )

    assert response.status_code == 400
    assert not BriefingPack.objects.exists()


def test_an_officer_cannot_print_a_pack_for_another_union(world, officer, other_union, client_for):
    response = client_for(officer).post(
        reverse("pack_new"), {"subject": f"unit:{world.unit.pk}", "sections": ["summary"], "union": other_union.pk}
    )

    assert response.status_code == 400
    assert not BriefingPack.objects.exists()


def test_a_failed_pack_says_why(world, officer, client_for, settings):
    settings.PDF_RENDER_LIMITS = {
        **settings.PDF_RENDER_LIMITS,
        "pack": {**settings.PDF_RENDER_LIMITS["pack"], "MAX_PAGES": 1},
    }
    client = client_for(officer)

    response = client.post(
        reverse("pack_new"),
        {"subject": f"unit:{world.unit.pk}", "sections": PackSection.values, "union": world.union.pk},
    )

    pack = BriefingPack.objects.get()
    assert pack.status == PackStatus.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "The pack could not be printed." in page
    assert "longer than 1 pages" in page
    assert client.get(reverse("pack_download", args=[pack.pk])).status_code == 404


def test_a_queued_pack_page_refreshes_itself(world, officer, client_for):
    pack = BriefingPack.objects.create(
        audience="leadership", requester=officer, union=world.union, bargaining_unit=world.unit, sections=["summary"]
    )

    response = client_for(officer).get(reverse("pack_detail", args=[pack.pk]))

    assert response.status_code == 200
    assert response["Refresh"] == "5"
    assert "Waiting for its turn" in response.content.decode()


@pytest.mark.parametrize("persona", ["other_officer", "member", "organiser", "anonymous"])
@pytest.mark.parametrize("url_name", ["pack_detail", "pack_download"])
def test_only_the_requester_sees_a_pack(world, officer, request, client_for, persona, url_name):
    pack = BriefingPack.objects.create(
        audience="leadership",
        requester=officer,
        union=world.union,
        bargaining_unit=world.unit,
        sections=["summary"],
        status=PackStatus.READY,
        pdf=b"%PDF-1.7",
    )

    response = client_for(request.getfixturevalue(persona)).get(reverse(url_name, args=[pack.pk]))

    assert response.status_code == 404


def test_staff_may_open_anyones_pack(world, officer, staff, client_for):
    pack = BriefingPack.objects.create(
        audience="leadership",
        requester=officer,
        union=world.union,
        bargaining_unit=world.unit,
        sections=["summary"],
        status=PackStatus.READY,
        pdf=b"%PDF-1.7 x",
    )

    assert client_for(staff).get(reverse("pack_download", args=[pack.pk])).content == b"%PDF-1.7 x"


@pytest.mark.parametrize("count", [1, 6])
def test_the_pack_builder_costs_the_same_queries_whatever_the_number_of_packs(
    world, officer, client_for, django_assert_num_queries, count
):
    for _ in range(count):
        BriefingPack.objects.create(
            audience="leadership",
            requester=officer,
            union=world.union,
            employer=world.employer,
            sections=["summary"],
            status=PackStatus.READY,
            pdf=b"%PDF" + b"x" * 10_000,
        )
    BriefingPack.objects.create(
        audience="leadership", requester=UserFactory(), union=world.union, employer=world.employer, sections=["summary"]
    )
    client = client_for(officer)

    # 13: the header's unread notifications are one of them, the topics and units to narrow to two more.
    with django_assert_num_queries(13) as captured:
        response = client.get(reverse("pack_new"))

    assert len(response.context["packs"]) == count
    # No query fetches a PDF for the list.
    assert not any('"pdf"' in query["sql"] and "briefingpack" in query["sql"] for query in captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/print/packs/99999999999999999999/",
        "/print/packs/99999999999999999999/download/",
        "/print/positions/99999999999999999999/paper.pdf",
    ],
)
def test_an_id_too_large_for_the_database_is_a_404(db, officer, client_for, url):
    assert client_for(officer).get(url).status_code == 404
