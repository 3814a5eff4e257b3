"""Facet counts on the clause library's filters: each option says how many clauses it would give, among those
the reader may see, with the other filters applied; in a constant number of queries."""

import re

import pytest
from django.urls import reverse

from tests.factories import ClauseFactory, ClauseVersionFactory, TopicFactory, clause_with_versions

pytestmark = pytest.mark.django_db


def option(html, value):
    """The label of the <option> with `value` on the page."""
    return re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', html)[1]


@pytest.fixture
def privacy():
    return TopicFactory(code="privacy", name="Privacy")


def test_each_topic_says_how_many_clauses_it_would_give(client_for, member, members_clause, agreement, privacy):
    clause_with_versions(agreement, privacy, visibility="members", title="Data", texts=["Data stays here."])
    clause_with_versions(agreement, privacy, visibility="members", title="Cameras", texts=["No cameras."])

    html = client_for(member).get(reverse("clause_list")).text

    assert option(html, "workload") == "Workload (1)"
    assert option(html, "privacy") == "Privacy (2)"
    assert option(html, "proposed") == "Proposed (2)"


def test_the_counts_follow_the_other_filters_and_the_search(client_for, member, members_clause, agreement, privacy):
    clause_with_versions(agreement, privacy, visibility="members", title="Data", texts=["Data stays here."])

    html = client_for(member).get(reverse("clause_list"), {"search": "data", "topic": "workload"}).text

    # The topic's own choice does not narrow its counts: they say what picking another topic would give.
    assert option(html, "privacy") == "Privacy (1)"
    assert option(html, "workload") == "Workload (0)"


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_a_hidden_clause_adds_to_no_count(request, client_for, persona, internal_clause):
    html = client_for(request.getfixturevalue(persona)).get(reverse("clause_list")).text

    assert option(html, "proposed") == "Proposed (0)"
    assert "Workload (1)" not in html


def test_an_officer_counts_the_internal_clause(client_for, officer, internal_clause):
    html = client_for(officer).get(reverse("clause_list")).text

    assert option(html, "proposed") == "Proposed (1)" and option(html, "workload") == "Workload (1)"


def test_facets_cost_the_same_queries_at_two_sizes(client_for, member, agreement, topic, count_queries):
    client = client_for(member)
    url = reverse("clause_list") + "?search=notice&status=proposed"
    ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic))
    few = count_queries(client, url)
    for _ in range(10):
        ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=TopicFactory()))

    assert count_queries(client, url) == few
