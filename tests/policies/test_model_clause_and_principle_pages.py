"""Model clauses (walk-away wording for the leadership only) and principles."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import ModelClauseFactory, PrincipleFactory

pytestmark = pytest.mark.django_db

WALK_AWAY = "WALK-AWAY: at least thirty days"
GUIDANCE = "GUIDANCE: concede notice"


@pytest.mark.parametrize("persona", ["officer", "organiser"])
def test_leadership_reads_the_walk_away_wording_and_guidance(client_for, request, persona, model_clause):
    response = client_for(request.getfixturevalue(persona)).get(reverse("modelclause_detail", args=[model_clause.pk]))

    assert WALK_AWAY in response.text
    assert GUIDANCE in response.text


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_others_read_a_public_model_clause_without_the_walk_away_wording(client_for, request, persona, model_clause):
    response = client_for(request.getfixturevalue(persona)).get(reverse("modelclause_detail", args=[model_clause.pk]))

    assert response.status_code == 200
    assert "No AI tool without agreement." in response.text
    assert WALK_AWAY not in response.text
    assert GUIDANCE not in response.text


def test_other_unions_officer_gets_404_for_a_members_model_clause(client_for, other_officer, model_clause):
    model_clause.visibility = Visibility.MEMBERS
    model_clause.save()

    assert client_for(other_officer).get(reverse("modelclause_detail", args=[model_clause.pk])).status_code == 404


def test_model_clause_list_query_count_does_not_grow(
    client_for, member, union, count_queries, django_assert_num_queries
):
    client = client_for(member)
    ModelClauseFactory(union=union)
    few = count_queries(client, reverse("modelclause_list"))
    ModelClauseFactory.create_batch(5, union=union)
    with django_assert_num_queries(few):
        client.get(reverse("modelclause_list"))


def test_member_lists_members_principles_not_internal_ones(client_for, member, union):
    shown = PrincipleFactory(union=union, title="Shown", visibility=Visibility.MEMBERS)
    PrincipleFactory(union=union, title="Hidden", visibility=Visibility.INTERNAL)

    assert list(client_for(member).get(reverse("principle_list")).context["rows"]) == [shown]


def test_other_unions_officer_gets_404_for_an_internal_principle(client_for, other_officer, union):
    principle = PrincipleFactory(union=union, visibility=Visibility.INTERNAL)

    assert client_for(other_officer).get(reverse("principle_detail", args=[principle.pk])).status_code == 404


def test_principle_page_lists_positions_citing_it_that_the_reader_may_see(
    client_for, member, union, draft_position, public_position
):
    principle = PrincipleFactory(union=union)
    draft_position.principles.add(principle)
    public_position.principles.add(principle)

    response = client_for(member).get(reverse("principle_detail", args=[principle.pk]))

    assert public_position.title in response.text
    assert draft_position.title not in response.text


def test_principle_list_query_count_does_not_grow(
    client_for, anonymous, union, count_queries, django_assert_num_queries
):
    client = client_for(anonymous)
    PrincipleFactory(union=union)
    few = count_queries(client, reverse("principle_list"))
    PrincipleFactory.create_batch(5, union=union)
    with django_assert_num_queries(few):
        client.get(reverse("principle_list"))
