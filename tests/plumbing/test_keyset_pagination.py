"""Keyset (cursor) pagination: every row once in order, both ways, at the edges, and a tampered cursor is a 400."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from plumbing.keyset import InvalidCursor, keyset_page
from tests.factories import ConsultationEventFactory, ConsultationFactory, VendorFactory

pytestmark = pytest.mark.django_db


def walk(client, url):
    """Every page of an API list, following `next`: (ids in the order read, the pages' answers)."""
    ids, answers = [], []
    while url:
        answer = client.get(url)
        assert answer.status_code == 200
        data = answer.json()
        answers.append(data)
        ids += [row["id"] for row in data["results"]]
        url = data["next"]
    return ids, answers


@pytest.fixture
def events(union):
    """Eleven events on three days, several on the same day: ties are settled by the id."""
    consultation = ConsultationFactory(union=union, visibility=Visibility.PUBLIC)
    return [
        ConsultationEventFactory(
            consultation=consultation,
            occurred_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 3),
            visibility=Visibility.MEMBERS,
        )
        for n in range(11)
    ]


def test_following_next_reads_every_event_once_in_the_lists_order(api, member, events):
    expected = [event.pk for event in sorted(events, key=lambda e: (e.occurred_on, e.created_at, e.pk))]

    ids, answers = walk(api(member), "/api/v1/consultation-events/?page_size=4")

    assert ids == expected
    assert [len(data["results"]) for data in answers] == [4, 4, 3]
    assert answers[0]["previous"] is None and answers[-1]["next"] is None
    assert all("count" not in data for data in answers)


def test_an_ordering_asked_for_is_paged_by_its_own_values(api, member, events):
    expected = [event.pk for event in sorted(events, key=lambda e: (e.occurred_on, e.created_at, e.pk), reverse=True)]

    ids, _answers = walk(api(member), "/api/v1/consultation-events/?page_size=3&ordering=-occurred_on,-created_at")

    assert ids == expected


def test_previous_goes_back_to_the_same_rows(api, member, events):
    client = api(member)
    first = client.get("/api/v1/consultation-events/?page_size=4").json()
    second = client.get(first["next"]).json()

    back = client.get(second["previous"]).json()

    assert [row["id"] for row in back["results"]] == [row["id"] for row in first["results"]]
    assert back["previous"] is None


def test_an_empty_list_has_no_pages_either_side(api, member):
    data = api(member).get("/api/v1/consultation-events/").json()

    assert data == {"next": None, "previous": None, "results": []}


@pytest.mark.parametrize(
    "cursor",
    ["nonsense", "eyJ2IjpbMV19:forged:signature", "", "%00"],
)
def test_a_cursor_tampered_with_is_refused_with_400_naming_it(api, member, events, cursor):
    answer = api(member).get("/api/v1/consultation-events/", {"cursor": cursor or "x" * 500})

    assert answer.status_code == 400
    assert "cursor" in answer.json()


def test_a_cursor_kept_across_a_change_of_ordering_is_refused(api, member, events):
    client = api(member)
    cursor = client.get("/api/v1/consultation-events/?page_size=2").json()["next"].split("cursor=")[1].split("&")[0]

    answer = client.get(f"/api/v1/consultation-events/?ordering=-occurred_on&cursor={cursor}")

    assert answer.status_code == 400 and "cursor" in answer.json()


def test_a_page_size_out_of_range_is_a_400(api, member):
    assert api(member).get("/api/v1/vendors/?page_size=0").status_code == 400
    assert api(member).get("/api/v1/vendors/?page_size=many").status_code == 400


def test_nullable_orderings_keep_nulls_together_in_both_directions(db):
    from consultations.models import ProcurementProposal
    from tests.factories import ProcurementProposalFactory

    for n in range(7):
        ProcurementProposalFactory(review_on=None if n % 2 else datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    for ordering in ("review_on", "-review_on"):
        queryset = ProcurementProposal.objects.order_by(ordering)
        seen, cursor = [], None
        while True:
            page = keyset_page(queryset, cursor, per_page=2)
            seen += [tool.pk for tool in page.rows]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert sorted(seen) == sorted(ProcurementProposal.objects.values_list("pk", flat=True))
        assert len(seen) == len(set(seen))


def test_a_forged_cursor_never_reaches_the_database(db):
    from consultations.models import Vendor

    with pytest.raises(InvalidCursor):
        keyset_page(Vendor.objects.all(), "e30:1a2b3c:forged", per_page=5)


def test_web_lists_page_by_cursor_and_say_so_in_their_links(client_for, member):
    VendorFactory.create_batch(30)
    client = client_for(member)

    first = client.get(reverse("vendor_list"))
    second = client.get(reverse("vendor_list"), {"cursor": first.context["page_obj"].next_cursor})

    assert 'rel="next"' in first.text and "cursor=" in first.text
    assert first.context["page_obj"].count == 30
    assert not {v.pk for v in first.context["rows"]} & {v.pk for v in second.context["rows"]}
    assert len(second.context["rows"]) == 5


def test_a_web_page_with_a_tampered_cursor_shows_the_first_page_with_a_warning(client_for, member):
    VendorFactory.create_batch(3)

    page = client_for(member).get(reverse("vendor_list"), {"cursor": "tampered"})

    assert page.status_code == 200
    assert len(page.context["rows"]) == 3
    assert "Showing the first page" in page.text


def test_the_schema_describes_the_cursor_and_the_pages(api, member):
    schema = api(member).get("/api/v1/schema/?format=json")
    text = schema.content.decode()

    assert schema.status_code == 200
    assert '"cursor"' in text or "name: cursor" in text
    assert "Paginated" in text
