"""The clause library: search with highlights, filters, lineage and redline, comparison, CSV export."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import ClauseFactory, ClauseVersionFactory, clause_with_versions
from tests.helpers import read_export

pytestmark = pytest.mark.django_db


def test_search_finds_clauses_by_text_and_highlights_the_matches(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_list"), {"search": "workload"})

    assert list(response.context["rows"]) == [members_clause]
    assert "<mark>Workload</mark> and AI tools" in response.text
    assert "teacher&#x27;s <mark>workload</mark>" in response.text


def test_search_escapes_the_text_before_marking_matches(client_for, member, agreement, topic):
    ClauseVersionFactory(
        clause=ClauseFactory(agreement=agreement, topic=topic, title="<script>alert(1)</script> notice"),
        text="<img src=x onerror=alert(2)> notice period",
    )

    response = client_for(member).get(reverse("clause_list"), {"search": "notice"})

    assert "<script>alert(1)" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(2)&gt; <mark>notice</mark>" in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>notice</mark>" in response.text


def test_member_search_does_not_reach_internal_clauses(client_for, member, members_clause, internal_clause):
    response = client_for(member).get(reverse("clause_list"), {"search": "monitoring"})

    assert list(response.context["rows"]) == []
    assert "Secret fallback" not in response.text


def test_organiser_search_reaches_internal_clauses(client_for, organiser, internal_clause):
    response = client_for(organiser).get(reverse("clause_list"), {"search": "monitoring"})

    assert list(response.context["rows"]) == [internal_clause]


def test_other_unions_officer_finds_none_of_our_member_clauses(client_for, other_officer, members_clause):
    assert list(client_for(other_officer).get(reverse("clause_list")).context["rows"]) == []


def test_anonymous_finds_only_public_clauses(client_for, anonymous, agreement, topic, members_clause):
    # A public clause under a members-only agreement stays hidden: the parent caps the child.
    clause_with_versions(agreement, topic, visibility=Visibility.PUBLIC, title="Capped", texts=["t"])
    public = ClauseFactory(visibility=Visibility.PUBLIC, title="Public one")

    assert list(client_for(anonymous).get(reverse("clause_list")).context["rows"]) == [public]


def test_library_filters_by_topic_status_and_job_group(client_for, member, agreement, members_clause):
    from tests.factories import TopicFactory

    other = clause_with_versions(
        agreement, TopicFactory(code="training", name="Training"), visibility="members", title="Training", texts=["t"]
    )
    client = client_for(member)

    assert list(client.get(reverse("clause_list"), {"topic": "training"}).context["rows"]) == [other]
    assert list(client.get(reverse("clause_list"), {"status": "countered"}).context["rows"]) == [members_clause]
    assert len(client.get(reverse("clause_list"), {"job_group": "teachers"}).context["rows"]) == 2
    assert list(client.get(reverse("clause_list"), {"job_group": "support_staff"}).context["rows"]) == []


def test_an_invalid_library_filter_is_shown_and_lists_nothing(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_list"), {"status": "signed-in-blood"})

    assert "could not be applied" in response.text
    assert list(response.context["rows"]) == []


def test_library_query_count_does_not_grow(
    client_for, member, agreement, topic, count_queries, django_assert_num_queries
):
    client = client_for(member)
    url = reverse("clause_list") + "?search=notice"
    ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic))
    few = count_queries(client, url)
    for _ in range(6):
        ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic))
    with django_assert_num_queries(few):
        client.get(url)


# Clause page: lineage and redline


def test_clause_page_shows_the_lineage_and_a_redline_of_the_latest_two(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_detail", args=[members_clause.pk]))

    assert "Version 1: Proposed" in response.text
    assert "Version 2: Countered" in response.text
    assert '<del><span class="visually-hidden">[removed: </span>agreement.</span>' not in response.text
    assert "agreement." in response.text
    assert "consultation." in response.text
    assert (response.context["old"].number, response.context["new"].number) == (1, 2)


def test_redline_between_any_two_versions(client_for, member, members_clause):
    ClauseVersionFactory(clause=members_clause, number=3, text="Entirely new wording.", status="ratified")

    response = client_for(member).get(reverse("clause_detail", args=[members_clause.pk]), {"from": 1, "to": 3})

    assert (response.context["old"].number, response.context["new"].number) == (1, 3)
    kinds = {segment.kind for segment in response.context["segments"]}
    assert kinds == {"insert", "delete"}


def test_unknown_versions_fall_back_to_the_latest_two_with_a_message(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_detail", args=[members_clause.pk]), {"from": "x", "to": 99})

    assert response.status_code == 200
    assert "Those versions do not exist" in response.text


def test_member_gets_404_for_an_internal_clause(client_for, member, internal_clause):
    assert client_for(member).get(reverse("clause_detail", args=[internal_clause.pk])).status_code == 404


def test_other_unions_officer_gets_404_for_our_clause(client_for, other_officer, members_clause):
    assert client_for(other_officer).get(reverse("clause_detail", args=[members_clause.pk])).status_code == 404


def test_anonymous_gets_404_for_a_members_clause(client_for, anonymous, members_clause):
    assert client_for(anonymous).get(reverse("clause_detail", args=[members_clause.pk])).status_code == 404


# Comparison


def test_two_clauses_side_by_side_on_a_shareable_address(client_for, member, members_clause, agreement, topic):
    other = clause_with_versions(agreement, topic, visibility="members", title="Second", texts=["Second text."])

    response = client_for(member).get(reverse("clause_compare"), {"ids": [members_clause.pk, other.pk]})

    assert response.status_code == 200
    assert response.context["clauses"] == [members_clause, other]
    assert "Second text." in response.text
    assert "without consultation." in response.text


def test_comparing_one_clause_or_five_is_refused_with_a_message(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_compare"), {"ids": [members_clause.pk]})

    assert response.status_code == 400
    assert "Choose between 2 and 4 clauses" in response.text
    response = client_for(member).get(reverse("clause_compare"), {"ids": ["1", "2", "3", "4", "5"]})
    assert response.status_code == 400


def test_comparison_with_a_clause_the_member_may_not_see_is_404(client_for, member, members_clause, internal_clause):
    response = client_for(member).get(reverse("clause_compare"), {"ids": [members_clause.pk, internal_clause.pk]})

    assert response.status_code == 404


def test_comparison_with_junk_ids_is_refused_not_a_500(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_compare"), {"ids": [members_clause.pk, "1;DROP"]})

    assert response.status_code == 400


# CSV export


def read_csv(response):
    return read_export(response)


def test_csv_export_has_one_field_per_column_and_a_bom(client_for, member, members_clause):
    response = client_for(member).get(reverse("clause_export"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:4] == ["Article", "Title", "Topic", "Current status"]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Title"] == "Workload and AI tools"
    assert row["Current status"] == "Countered"
    assert row["Current text"] == "No AI tool shall add to a teacher's workload without consultation."


def test_csv_export_follows_the_filters_and_never_includes_what_the_member_may_not_see(
    client_for, member, members_clause, internal_clause
):
    rows = read_csv(client_for(member).get(reverse("clause_export"), {"topic": "workload"}))[1:]

    assert [row[1] for row in rows] == ["Workload and AI tools"]


def test_csv_export_for_other_unions_officer_is_empty(client_for, other_officer, members_clause):
    assert read_csv(client_for(other_officer).get(reverse("clause_export")))[1:] == []


def test_csv_export_neutralises_spreadsheet_formulas(client_for, member, agreement, topic):
    clause = ClauseFactory(agreement=agreement, topic=topic, title='=HYPERLINK("http://evil")')
    ClauseVersionFactory(clause=clause, text="+1+cmd|' /C calc'!A0")

    rows = read_csv(client_for(member).get(reverse("clause_export")))
    row = dict(zip(rows[0], rows[1], strict=True))

    assert row["Title"] == '\'=HYPERLINK("http://evil")'
    assert row["Current text"].startswith("'+1")


def test_csv_export_with_invalid_filters_goes_back_to_the_library_with_the_errors(client_for, member):
    response = client_for(member).get(reverse("clause_export"), {"topic": "no-such-topic"}, follow=True)

    assert response.redirect_chain
    assert "could not be applied" in response.text


def test_csv_export_query_count_does_not_grow(
    client_for, member, agreement, topic, count_queries, django_assert_num_queries
):
    client = client_for(member)
    ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic))
    few = count_queries(client, reverse("clause_export"))
    for _ in range(6):
        ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic))
    with django_assert_num_queries(few):
        client.get(reverse("clause_export"))


def test_statuses_are_shown_in_words(client_for, member, members_clause, agreement, topic):
    other = clause_with_versions(agreement, topic, visibility="members", title="Third", texts=["a", "b", "c"])

    compare = client_for(member).get(reverse("clause_compare"), {"ids": [members_clause.pk, other.pk]})
    agreement_page = client_for(member).get(reverse("agreement_detail", args=[agreement.pk]))

    assert "Tentatively agreed" in compare.text
    assert "Tentatively agreed" in agreement_page.text
    assert "Tentatively_agreed" not in agreement_page.text
