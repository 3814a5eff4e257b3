"""Tools: the filtered list and the tool page with its timeline across employers."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from consultations.models import RiskRating, ToolCategory
from tests.factories import ConsultationEventFactory, EdTechToolFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_sign_in_for_tools(client_for, anonymous, tool):
    for url in [reverse("tool_list"), reverse("tool_detail", args=[tool.pk])]:
        response = client_for(anonymous).get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_tools_filter_by_category_and_risk(client_for, member):
    EdTechToolFactory(name="WatchTower", category=ToolCategory.MONITORING, risk_rating=RiskRating.HIGH)
    EdTechToolFactory(name="PlanPal", category=ToolCategory.LESSON_PLANNING, risk_rating=RiskRating.LOW)

    response = client_for(member).get(reverse("tool_list"), {"category": "monitoring", "risk_rating": "high"})

    assert "WatchTower" in response.text
    assert "PlanPal" not in response.text


def test_an_invalid_filter_shows_the_error_and_no_unfiltered_list(client_for, member, tool):
    response = client_for(member).get(reverse("tool_list"), {"category": "teleportation"})

    assert response.status_code == 200
    assert "could not be applied" in response.text
    assert "Select a valid choice" in response.text
    assert tool.name not in response.text


def test_tool_page_shows_the_timeline_newest_first_with_links(
    client_for, member, tool, proposal, consultation, public_position
):
    ConsultationEventFactory(consultation=consultation, summary="Notice received", occurred_on="2025-01-20")

    response = client_for(member).get(reverse("tool_detail", args=[tool.pk]))

    assert reverse("proposal_detail", args=[proposal.pk]) in response.text
    assert reverse("consultation_detail", args=[consultation.pk]) in response.text
    assert reverse("position_detail", args=[public_position.pk]) in response.text
    kinds = [entry.kind for entry in response.context["timeline"]]
    assert {"proposal", "consultation_event", "position"} <= set(kinds)
    dates = [entry.date for entry in response.context["timeline"]]
    assert dates == sorted(dates, reverse=True)


def test_tool_timeline_shows_clause_versions_that_came_out_of_its_consultations(
    client_for, member, tool, consultation, members_clause
):
    consultation.resulting_clauses.add(members_clause)

    response = client_for(member).get(reverse("tool_detail", args=[tool.pk]))

    assert reverse("clause_detail", args=[members_clause.pk]) in response.text


def test_member_does_not_see_internal_events_or_draft_positions_on_the_timeline(
    client_for, member, tool, consultation, draft_position
):
    ConsultationEventFactory(consultation=consultation, summary="Internal tactics", visibility=Visibility.INTERNAL)

    response = client_for(member).get(reverse("tool_detail", args=[tool.pk]))

    assert "Internal tactics" not in response.text
    assert draft_position.title not in response.text


def test_other_unions_officer_sees_the_tool_but_not_our_consultation(client_for, other_officer, tool, consultation):
    ConsultationEventFactory(consultation=consultation, summary="Members-only notice")

    response = client_for(other_officer).get(reverse("tool_detail", args=[tool.pk]))

    assert response.status_code == 200
    assert "Members-only notice" not in response.text


def test_missing_tool_is_404(client_for, member):
    assert client_for(member).get(reverse("tool_detail", args=[999999])).status_code == 404


def test_tool_list_query_count_does_not_grow(client_for, member, count_queries, django_assert_num_queries):
    client = client_for(member)
    EdTechToolFactory()
    few = count_queries(client, reverse("tool_list"))
    EdTechToolFactory.create_batch(6)
    with django_assert_num_queries(few):
        client.get(reverse("tool_list"))


def test_tool_page_query_count_does_not_grow_with_its_history(
    client_for, member, tool, consultation, count_queries, django_assert_num_queries
):
    client = client_for(member)
    url = reverse("tool_detail", args=[tool.pk])
    ConsultationEventFactory(consultation=consultation)
    few = count_queries(client, url)
    ConsultationEventFactory.create_batch(5, consultation=consultation)
    with django_assert_num_queries(few):
        client.get(url)
