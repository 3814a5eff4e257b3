"""The coverage matrix: units by topics, best status reached, ratings against model clauses."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersionStatus, ModelRating
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ModelClauseFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def cell_of(response, unit, topic):
    return response.context["matrix"].cell(unit, topic)


def test_each_cell_says_its_status_in_words_and_links_to_its_clauses(client_for, member, unit, topic, members_clause):
    empty_topic = TopicFactory(code="training", name="Training")

    response = client_for(member).get(reverse("coverage"))

    assert cell_of(response, unit, topic).status == "on_the_table"
    assert cell_of(response, unit, empty_topic).status == "none"
    assert "Proposed or countered" in response.text
    assert "No clause" in response.text
    assert reverse("clause_detail", args=[members_clause.pk]) in response.text


def test_a_ratified_clause_beats_a_proposed_one(client_for, member, unit, agreement, topic, members_clause):
    ratified = ClauseFactory(agreement=agreement, topic=topic, visibility=Visibility.MEMBERS)
    ClauseVersionFactory(clause=ratified, status=ClauseVersionStatus.RATIFIED)

    cell = cell_of(client_for(member).get(reverse("coverage")), unit, topic)

    assert cell.status == "ratified"
    assert cell.best_clause == ratified


def test_cells_with_a_model_clause_show_the_rating_or_that_it_is_unrated(
    client_for, member, union, unit, topic, members_clause
):
    ModelClauseFactory(union=union, topic=topic, visibility=Visibility.MEMBERS)

    response = client_for(member).get(reverse("coverage"))
    assert "Not rated" in response.text

    members_clause.model_rating = ModelRating.FALLBACK
    members_clause.save()
    response = client_for(member).get(reverse("coverage"))
    assert "Meets the fallback wording" in response.text


def test_member_cells_ignore_internal_clauses(client_for, member, organiser, unit, topic, internal_clause):
    assert cell_of(client_for(member).get(reverse("coverage")), unit, topic).status == "none"
    assert cell_of(client_for(organiser).get(reverse("coverage")), unit, topic).status == "on_the_table"


def test_other_unions_officer_gets_none_of_our_members_units(client_for, other_officer, unit, members_clause):
    response = client_for(other_officer).get(reverse("coverage"))

    assert unit not in response.context["matrix"].units
    assert "Workload and AI tools" not in response.text


def test_filter_by_union_and_employer(client_for, officer, union, other_union, unit, employer, topic):
    public_other = BargainingUnitFactory(union=other_union, visibility=Visibility.PUBLIC, name="Other public unit")
    client = client_for(officer)

    assert client.get(reverse("coverage"), {"union": "nea"}).context["matrix"].units == [unit]
    assert client.get(reverse("coverage"), {"union": "lssu"}).context["matrix"].units == [public_other]
    assert client.get(reverse("coverage"), {"employer": employer.slug}).context["matrix"].units == [unit]


def test_an_invalid_coverage_filter_shows_its_error(client_for, officer, unit):
    response = client_for(officer).get(reverse("coverage"), {"union": "no-such-union"})

    assert "could not be applied" in response.text
    assert response.context["matrix"].units == []


def test_coverage_query_count_does_not_grow(client_for, member, union, topic, count_queries, django_assert_num_queries):
    client = client_for(member)

    def unit_with_clause():
        agreement = AgreementFactory(bargaining_unit=BargainingUnitFactory(union=union))
        ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic))

    unit_with_clause()
    few = count_queries(client, reverse("coverage"))
    for _ in range(5):
        unit_with_clause()
    TopicFactory(code="training")
    with django_assert_num_queries(few):
        client.get(reverse("coverage"))


def test_a_crowded_cell_links_its_best_clauses_and_the_rest_in_the_library(client_for, member, unit, agreement, topic):
    from bargaining.coverage import COVERAGE_CLAUSES_PER_CELL

    clauses = []
    for status in [ClauseVersionStatus.PROPOSED] * (COVERAGE_CLAUSES_PER_CELL + 2) + [ClauseVersionStatus.RATIFIED]:
        clause = ClauseFactory(agreement=agreement, topic=topic, visibility=Visibility.MEMBERS)
        ClauseVersionFactory(clause=clause, status=status)
        clauses.append(clause)

    response = client_for(member).get(reverse("coverage"))

    cell = cell_of(response, unit, topic)
    assert (cell.status, cell.best_clause, cell.clause_count) == ("ratified", clauses[-1], len(clauses))
    linked = [clause for clause in clauses if reverse("clause_detail", args=[clause.pk]) + '"' in response.text]
    assert len(linked) == COVERAGE_CLAUSES_PER_CELL
    assert clauses[-1] in linked
    assert "+3 more" in response.text
    rest = f"{reverse('clause_list')}?bargaining_unit={unit.pk}&amp;topic={topic.code}"
    assert rest in response.text
    listed = client_for(member).get(f"{reverse('clause_list')}?bargaining_unit={unit.pk}&topic={topic.code}")
    assert all(clause.title in listed.text for clause in clauses)
