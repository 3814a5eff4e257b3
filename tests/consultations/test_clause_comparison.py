"""Comparing clauses: each names its employer, unit, agreement and term and is redlined against the first;
the clauses are picked across pages of the library, the selection kept in a shareable address."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    clause_with_versions,
)

pytestmark = pytest.mark.django_db

MEMBERS, INTERNAL = Visibility.MEMBERS, Visibility.INTERNAL


@pytest.fixture
def lakeside_clause(union, topic):
    unit = BargainingUnitFactory(union=union, name="Lakeside teachers", employer__name="Lakeside Unified")
    agreement = AgreementFactory(
        bargaining_unit=unit,
        title="Lakeside agreement 2025-28",
        term_start=datetime.date(2025, 9, 1),
        term_end=datetime.date(2028, 8, 31),
    )
    return clause_with_versions(
        agreement,
        topic,
        visibility=MEMBERS,
        title="Lakeside workload",
        texts=["No AI tool shall add to a teacher's workload without written agreement of the union."],
    )


def compare(client, *clauses):
    return client.get(reverse("clause_compare"), {"ids": [clause.pk for clause in clauses]})


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_each_clause_names_its_employer_unit_agreement_and_term(client_for, member, members_clause, lakeside_clause):
    response = compare(client_for(member), members_clause, lakeside_clause)

    text = text_of(response.text)
    assert "Employer Northview School District" in text
    assert "Union Northview Education Association" in text
    assert "Unit Northview teachers" in text
    assert "Agreement Northview teachers' agreement 2024-27" in text
    assert "Term 1 Sep 2024 to 31 Aug 2027" in text
    assert "Employer Lakeside Unified" in text
    assert "Term 1 Sep 2025 to 31 Aug 2028" in text
    assert reverse("agreement_detail", args=[lakeside_clause.agreement_id]) in response.text


def test_each_clause_after_the_first_is_redlined_against_it_word_by_word(
    client_for, member, members_clause, lakeside_clause
):
    response = compare(client_for(member), members_clause, lakeside_clause)

    first, second = response.context["columns"]
    assert first["segments"] is None
    assert [(segment.kind, segment.text) for segment in second["segments"] if segment.kind != "equal"] == [
        ("delete", "consultation."),
        ("insert", "written agreement of the union."),
    ]
    assert "[only in the first: </span>consultation." in response.text
    assert "[only in this clause: </span>written agreement of the union." in response.text


def test_a_clause_with_the_same_words_as_the_first_says_so(client_for, member, members_clause, agreement, topic):
    same = clause_with_versions(
        agreement,
        topic,
        visibility=MEMBERS,
        title="Same",
        texts=["No AI tool shall add to a teacher's workload\nwithout   consultation."],
    )

    response = compare(client_for(member), members_clause, same)

    assert response.context["columns"][1]["segments"] is None
    assert "Word for word the same as the first." in response.text


def test_another_clause_can_be_made_the_one_the_others_are_compared_with(
    client_for, member, members_clause, lakeside_clause
):
    client = client_for(member)
    second = compare(client, members_clause, lakeside_clause).context["columns"][1]

    swapped = client.get(reverse("clause_compare") + "?" + second["as_base"])

    assert swapped.context["clauses"] == [lakeside_clause, members_clause]
    kinds = [segment.kind for segment in swapped.context["columns"][1]["segments"]]
    assert "delete" in kinds and "insert" in kinds


def test_a_clause_can_be_removed_from_a_comparison_of_three(
    client_for, member, members_clause, lakeside_clause, agreement, topic
):
    third = clause_with_versions(agreement, topic, visibility=MEMBERS, title="Third", texts=["Third text."])
    client = client_for(member)
    columns = compare(client, members_clause, lakeside_clause, third).context["columns"]

    two = client.get(reverse("clause_compare") + "?" + columns[1]["without"])

    assert two.context["clauses"] == [members_clause, third]
    assert two.context["columns"][0]["without"] is None


def test_the_librarys_selection_opens_at_the_comparisons_own_address(
    client_for, member, members_clause, lakeside_clause
):
    response = client_for(member).get(
        reverse("clause_compare"),
        {"compare": [members_clause.pk, lakeside_clause.pk], "search": "workload", "page": "2"},
    )

    assert response.status_code == 302
    assert parse_qs(urlparse(response.url).query) == {"ids": [str(members_clause.pk), str(lakeside_clause.pk)]}


def test_too_few_picked_goes_back_to_the_library_with_what_was_picked(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_compare"), {"ids": [members_clause.pk]})

    assert response.status_code == 400
    assert "Choose between 2 and 4 clauses to compare (you chose 1)." in response.text
    assert f'href="{reverse("clause_list")}?compare={members_clause.pk}"' in response.text


def test_the_outsider_cannot_compare_through_the_librarys_selection_either(
    client_for, other_officer, members_clause, lakeside_clause
):
    response = client_for(other_officer).get(
        reverse("clause_compare"), {"compare": [members_clause.pk, lakeside_clause.pk]}, follow=True
    )

    assert response.status_code == 404


def test_the_comparison_query_count_does_not_grow_with_the_clauses(
    client_for, member, agreement, topic, django_assert_num_queries, count_queries
):
    clauses = [
        clause_with_versions(agreement, topic, visibility=MEMBERS, title=f"C{i}", texts=["a b", "a c"])
        for i in range(4)
    ]
    client = client_for(member)
    two = count_queries(client, reverse("clause_compare") + f"?ids={clauses[0].pk}&ids={clauses[1].pk}")

    with django_assert_num_queries(two):
        client.get(reverse("clause_compare"), {"ids": [clause.pk for clause in clauses]})


# Picking clauses in the library


@pytest.fixture
def many_clauses(agreement, topic):
    """30 members' clauses: more than one page of the library (25 a page)."""
    clauses = []
    for number in range(30):
        clause = ClauseFactory(agreement=agreement, topic=topic, visibility=MEMBERS, title=f"Clause {number:02d}")
        ClauseVersionFactory(clause=clause, text=f"Text {number}.")
        clauses.append(clause)
    return clauses


def test_the_selection_is_kept_on_every_page_of_the_library(client_for, member, many_clauses):
    first_page_pick, second_page_pick = many_clauses[0], many_clauses[-1]
    client = client_for(member)
    query = {"compare": [first_page_pick.pk, second_page_pick.pk]}

    page_one = client.get(reverse("clause_list"), query)
    page_two = client.get(reverse("clause_list"), {**query, "cursor": page_one.context["page_obj"].next_cursor})

    for page, here, elsewhere in (
        (page_one, first_page_pick, second_page_pick),
        (page_two, second_page_pick, first_page_pick),
    ):
        assert [item["clause"] for item in page.context["selected"]] == [first_page_pick, second_page_pick]
        assert re.search(rf'value="{here.pk}"[^>]*class="compare-box" checked', page.text)
        assert page.context["selected_elsewhere"] == [elsewhere.pk]
        assert f'<input type="hidden" name="compare" value="{elsewhere.pk}" data-picked-elsewhere>' in page.text
    # The links to other pages and the filters carry the selection.
    assert f"compare={first_page_pick.pk}&amp;compare={second_page_pick.pk}&amp;cursor=" in page_one.text
    assert f'<input type="hidden" name="compare" value="{first_page_pick.pk}">' in page_two.text


def test_keeping_the_ticked_clauses_stays_on_the_same_filtered_page(client_for, member, many_clauses):
    response = client_for(member).get(
        reverse("clause_list"), {"search": "Clause", "page": "2", "compare": many_clauses[3].pk}
    )

    form = response.text.split('id="compare-form"')[1].split("</form>")[0]
    assert '<input type="hidden" name="search" value="Clause" data-page-param>' in form
    assert '<input type="hidden" name="page" value="2" data-page-param>' in form
    assert f'formaction="{reverse("clause_list")}"' in form


def test_removing_one_pick_keeps_the_others_and_the_filters(client_for, member, many_clauses):
    picks = many_clauses[:3]
    response = client_for(member).get(reverse("clause_list"), {"search": "Clause", "compare": [c.pk for c in picks]})

    removal = response.context["selected"][1]["without"]
    assert parse_qs(removal) == {"search": ["Clause"], "compare": [str(picks[0].pk), str(picks[2].pk)]}


def test_picks_the_reader_may_not_see_are_dropped_silently(client_for, member, members_clause, internal_clause):
    response = client_for(member).get(
        reverse("clause_list"), {"compare": [members_clause.pk, internal_clause.pk, "junk", "9" * 30]}
    )

    assert [item["clause"] for item in response.context["selected"]] == [members_clause]
    assert "Secret fallback" not in response.text
    assert f'value="{internal_clause.pk}"' not in response.text


def test_more_picks_than_a_comparison_takes_are_kept_and_flagged(client_for, member, many_clauses):
    response = client_for(member).get(reverse("clause_list"), {"compare": [clause.pk for clause in many_clauses[:6]]})

    assert len(response.context["selected"]) == 6
    assert "A comparison takes at most 4 clauses: remove 2." in response.text


def test_the_library_query_count_does_not_grow_with_the_selection(
    client_for, member, many_clauses, count_queries, django_assert_num_queries
):
    client = client_for(member)
    few = count_queries(client, reverse("clause_list") + f"?compare={many_clauses[0].pk}")

    with django_assert_num_queries(few):
        client.get(reverse("clause_list"), {"compare": [clause.pk for clause in many_clauses[:8]]})
