"""The printed documents through the API: GET positions/{id}/paper.pdf and the packs endpoints."""

import pytest

from bargaining.access import Visibility
from policies.models import BriefingPack, PackSection, PackStatus
from tests.factories import UserFactory
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def paper(position):
    return f"/api/v1/positions/{position.pk}/paper.pdf"


def ready_pack(requester, world, **fields):
    return BriefingPack.objects.create(
        audience="leadership",
        requester=requester,
        union=world.union,
        bargaining_unit=world.unit,
        sections=["summary"],
        status=PackStatus.READY,
        pdf=b"%PDF-1.7 pack",
        page_count=1,
        **fields,
    )


# The position paper


def test_a_member_gets_a_members_paper_through_the_api(world, member, api):
    response = api(member, token=True).get(paper(world.members_position))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="nea-position-members-position-on-brightpath-v1.pdf"' in response["Content-Disposition"]
    assert "MEMBERS-RATIONALE" in pdf_text(response.content)


def test_a_client_may_ask_for_application_pdf(world, member, api):
    response = api(member, token=True).get(paper(world.members_position), HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_anonymous_gets_a_public_paper_through_the_api(world, anonymous, api):
    assert api(anonymous, token=True).get(paper(world.public_position)).status_code == 200


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
def test_a_paper_the_caller_may_not_see_is_a_404(world, request, api, persona, position):
    response = api(request.getfixturevalue(persona), token=True).get(paper(getattr(world, position)))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_a_404_is_json_even_when_the_client_asked_for_pdf(world, member, api):
    response = api(member, token=True).get(paper(world.internal_position), HTTP_ACCEPT="application/pdf")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No Position matches the given query."}


def test_a_bad_token_is_a_401(world, api, anonymous):
    client = api(anonymous, token=True)
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")

    assert client.get(paper(world.public_position)).status_code == 401


# Briefing packs


def test_an_officer_asks_for_a_pack_and_gets_it_back_ready(world, officer, api):
    client = api(officer, token=True)

    response = client.post(
        "/api/v1/packs/", {"bargaining_unit": world.unit.pk, "sections": ["summary", "talking_points"]}
    )

    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "ready"
    assert body["subject"] == "Northview Teachers" and body["subject_kind"] == "bargaining unit"
    assert body["union"] == world.union.pk
    assert body["sections"] == ["summary", "talking_points"]
    assert response["Location"] == body["url"]
    download = client.get(body["download_url"])
    assert download.status_code == 200
    assert "PUBLIC-CONDITION paid training" in pdf_text(download.content)


def test_a_pack_asked_for_without_sections_has_them_all(world, officer, api):
    response = api(officer, token=True).post("/api/v1/packs/", {"employer": world.employer.pk, "paper_size": "letter"})

    assert response.status_code == 202
    assert response.json()["sections"] == PackSection.values
    assert response.json()["paper_size"] == "letter"


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"bargaining_unit": 1, "employer": 1},
        {"bargaining_unit": 999999},
        {"bargaining_unit": "abc"},
        {"employer": 99999999999},
        {"tool": True},
        {"employer": 1, "sections": ["nonsense"]},
        {"employer": 1, "paper_size": "A3"},
    ],
)
def test_a_bad_pack_request_is_a_400(world, officer, api, payload):
    payload = {
        key: (world.employer.pk if value == 1 and key == "employer" else value) for key, value in payload.items()
    }

    response = api(officer, token=True).post("/api/v1/packs/", payload, format="json")

    assert response.status_code == 400
    assert not BriefingPack.objects.exists()


def test_a_pack_for_another_unions_colours_is_a_400(world, officer, other_union, api):
    response = api(officer, token=True).post("/api/v1/packs/", {"employer": world.employer.pk, "union": other_union.pk})

    assert response.status_code == 400
    assert "union" in response.json()


def test_a_member_may_not_ask_for_a_pack(world, member, api):
    response = api(member, token=True).post("/api/v1/packs/", {"employer": world.employer.pk})

    assert response.status_code == 403
    assert "officers and organisers" in response.json()["detail"]


def test_a_pack_on_a_unit_the_caller_may_not_see_is_a_400_like_a_missing_one(world, other_officer, api):
    world.unit.visibility = Visibility.INTERNAL
    world.unit.save()

    response = api(other_officer, token=True).post("/api/v1/packs/", {"bargaining_unit": world.unit.pk})

    assert response.status_code == 400
    assert "does not exist" in str(response.json())


@pytest.mark.parametrize("url", ["/api/v1/packs/", "/api/v1/packs/1/", "/api/v1/packs/1/download/"])
def test_anonymous_gets_a_401_from_the_packs_endpoints(db, anonymous, api, url):
    assert api(anonymous, token=True).get(url).status_code == 401


def test_anonymous_may_not_ask_for_a_pack(world, anonymous, api):
    assert api(anonymous, token=True).post("/api/v1/packs/", {"employer": world.employer.pk}).status_code == 401


def test_the_list_holds_only_the_callers_packs(world, officer, organiser, api):
    mine = ready_pack(officer, world)
    ready_pack(organiser, world)

    response = api(officer, token=True).get("/api/v1/packs/")

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    assert set(response.json()) >= {"next", "previous", "results"}


@pytest.mark.parametrize("persona", ["organiser", "member", "other_officer"])
@pytest.mark.parametrize("suffix", ["", "download/"])
def test_someone_elses_pack_is_a_404(world, officer, request, api, persona, suffix):
    pack = ready_pack(officer, world)

    response = api(request.getfixturevalue(persona), token=True).get(f"/api/v1/packs/{pack.pk}/{suffix}")

    assert response.status_code == 404


def test_a_pack_not_ready_cannot_be_downloaded_yet(world, officer, api):
    pack = BriefingPack.objects.create(
        audience="leadership", requester=officer, union=world.union, employer=world.employer, sections=["summary"]
    )

    response = api(officer, token=True).get(f"/api/v1/packs/{pack.pk}/download/")

    assert response.status_code == 409
    assert response.json()["detail"] == "The pack is queued, not ready."
    assert api(officer, token=True).get(f"/api/v1/packs/{pack.pk}/").json()["download_url"] is None


def test_a_failed_pack_says_why_through_the_api(world, officer, api):
    pack = BriefingPack.objects.create(
        audience="leadership",
        requester=officer,
        union=world.union,
        employer=world.employer,
        sections=["summary"],
        status=PackStatus.FAILED,
        error="Too long.",
    )

    detail = api(officer, token=True).get(f"/api/v1/packs/{pack.pk}/").json()
    download = api(officer, token=True).get(f"/api/v1/packs/{pack.pk}/download/")

    assert detail["status"] == "failed" and detail["error"] == "Too long."
    assert download.status_code == 409
    assert download.json()["detail"] == "The pack failed: Too long."


@pytest.mark.parametrize("count", [1, 7])
def test_the_pack_list_costs_the_same_queries_whatever_its_length(
    world, officer, api, django_assert_num_queries, count
):
    for _ in range(count):
        ready_pack(officer, world)
    ready_pack(UserFactory(), world)
    client = api(officer, token=True)

    # The token and its user (1), the user's other tokens, to drop expired ones (1), the page of packs with their
    # subjects (1): keyset pages count nothing.
    with django_assert_num_queries(3):
        response = client.get("/api/v1/packs/")

    assert len(response.json()["results"]) == count


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/packs/99999999999999999999/",
        "/api/v1/packs/99999999999999999999/download/",
        "/api/v1/positions/99999999999999999999/paper.pdf",
    ],
)
def test_an_id_too_large_for_the_database_is_a_404_in_the_api(db, officer, api, url):
    assert api(officer, token=True).get(url).status_code == 404


@pytest.mark.parametrize("body", [[None, None], "a text", 7])
def test_a_pack_or_a_task_asked_for_with_a_body_that_is_not_an_object_is_a_400(api, officer, body):
    client = api(officer)
    for url in ("/api/v1/packs/?audience=members", "/api/v1/tasks/"):
        response = client.post(url, body, format="json")
        assert response.status_code == 400, (url, response.content)
