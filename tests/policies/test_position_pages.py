"""Positions: list and page by role; officers draft, edit, adopt and publish; stale saves are refused."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from policies.models import Position, PositionStatus
from tests.factories import PositionFactory, PrincipleFactory

pytestmark = pytest.mark.django_db


# Reading


def test_member_lists_published_positions_but_not_drafts(client_for, member, draft_position, public_position):
    assert list(client_for(member).get(reverse("position_list")).context["rows"]) == [public_position]


def test_organiser_lists_drafts_too(client_for, organiser, draft_position, public_position):
    assert set(client_for(organiser).get(reverse("position_list")).context["rows"]) == {draft_position, public_position}


def test_anonymous_lists_only_public_positions(client_for, anonymous, union, draft_position, public_position):
    PositionFactory(union=union, visibility=Visibility.MEMBERS)

    assert list(client_for(anonymous).get(reverse("position_list")).context["rows"]) == [public_position]


def test_member_gets_404_for_a_draft(client_for, member, draft_position):
    assert client_for(member).get(reverse("position_detail", args=[draft_position.pk])).status_code == 404


def test_other_unions_officer_gets_404_for_our_draft(client_for, other_officer, draft_position):
    assert client_for(other_officer).get(reverse("position_detail", args=[draft_position.pk])).status_code == 404


def test_position_page_links_to_its_paper_and_shows_history(client_for, officer, public_position):
    response = client_for(officer).get(reverse("position_detail", args=[public_position.pk]))

    assert "Download position paper (PDF)" in response.text
    assert reverse("position_paper", args=[public_position.pk]) in response.text
    assert "History of changes" in response.text
    assert "Drafted" in response.text


def test_anonymous_reads_a_public_position_without_officer_actions_or_authors(client_for, anonymous, public_position):
    response = client_for(anonymous).get(reverse("position_detail", args=[public_position.pk]))

    assert response.status_code == 200
    assert "Officers' actions" not in response.text
    assert response.context["history"].show_authors is False


def test_position_list_query_count_does_not_grow(client_for, officer, union, count_queries, django_assert_num_queries):
    client = client_for(officer)
    PositionFactory(union=union)
    few = count_queries(client, reverse("position_list"))
    PositionFactory.create_batch(5, union=union, visibility=Visibility.MEMBERS)
    with django_assert_num_queries(few):
        client.get(reverse("position_list"))


# Drafting, adopting and publishing


def test_officer_drafts_a_position_citing_a_principle(client_for, officer, union, tool):
    principle = PrincipleFactory(union=union)

    response = client_for(officer).post(
        reverse("position_create"),
        {
            "union": union.pk,
            "title": "GradeGenie: conditions",
            "tool": tool.pk,
            "stance": "support_with_conditions",
            "conditions": "Workload cap\nNo monitoring",
            "principles": [principle.pk],
        },
    )

    position = Position.objects.get(title="GradeGenie: conditions")
    assert response.url == reverse("position_detail", args=[position.pk])
    assert position.status == PositionStatus.DRAFT
    assert position.visibility == Visibility.INTERNAL
    assert list(position.principles.all()) == [principle]


def test_a_position_without_proposal_or_tool_is_refused_keeping_the_text(client_for, officer, union):
    response = client_for(officer).post(
        reverse("position_create"),
        {"union": union.pk, "title": "About nothing", "stance": "oppose", "rationale": "Carefully argued."},
    )

    assert response.status_code == 400
    assert "A position is about a proposal or a tool" in response.text
    assert 'value="About nothing"' in response.text
    assert "Carefully argued." in response.text
    assert not Position.objects.exists()


def test_officer_cannot_cite_another_unions_principle(client_for, officer, union, other_union, tool):
    foreign = PrincipleFactory(union=other_union, visibility=Visibility.PUBLIC)

    response = client_for(officer).post(
        reverse("position_create"),
        {"union": union.pk, "title": "x", "tool": tool.pk, "stance": "oppose", "principles": [foreign.pk]},
    )

    assert response.status_code == 400
    assert not Position.objects.exists()


def test_member_may_not_draft_a_position(client_for, member):
    assert client_for(member).get(reverse("position_create")).status_code == 403


def test_anonymous_is_sent_to_sign_in_to_draft(client_for, anonymous):
    assert client_for(anonymous).get(reverse("position_create")).status_code == 302


def test_officer_adopts_then_publishes_to_members(client_for, officer, draft_position):
    client = client_for(officer)

    client.post(reverse("position_adopt", args=[draft_position.pk]))
    draft_position.refresh_from_db()
    assert draft_position.status == PositionStatus.ADOPTED
    assert draft_position.adopted_by == officer

    client.post(reverse("position_publish", args=[draft_position.pk]), {"visibility": "members", "version_token": 2})
    draft_position.refresh_from_db()
    assert draft_position.visibility == Visibility.MEMBERS
    assert draft_position.version == 3


def test_publishing_a_draft_is_refused_with_the_reason(client_for, officer, draft_position):
    response = client_for(officer).post(
        reverse("position_publish", args=[draft_position.pk]), {"visibility": "public", "version_token": 1}
    )

    assert response.status_code == 400
    assert "Adopt the position before publishing it" in response.text
    draft_position.refresh_from_db()
    assert draft_position.visibility == Visibility.INTERNAL


def test_member_may_not_adopt_or_publish(client_for, member, public_position):
    client = client_for(member)

    assert (
        client.post(
            reverse("position_publish", args=[public_position.pk]), {"visibility": "internal", "version_token": 1}
        ).status_code
        == 403
    )
    public_position.refresh_from_db()
    assert public_position.visibility == Visibility.PUBLIC


def test_other_unions_officer_gets_404_adopting_our_draft(client_for, other_officer, draft_position):
    assert client_for(other_officer).post(reverse("position_adopt", args=[draft_position.pk])).status_code == 404
    draft_position.refresh_from_db()
    assert draft_position.status == PositionStatus.DRAFT


def test_other_unions_officer_gets_403_editing_our_public_position(client_for, other_officer, public_position):
    assert client_for(other_officer).get(reverse("position_edit", args=[public_position.pk])).status_code == 403


# Editing, and two officers editing at once


def edit_data(position, **changes):
    return {
        "title": position.title,
        "tool": position.tool_id,
        "stance": position.stance,
        "rationale": position.rationale,
        "conditions": position.conditions,
        "version_token": position.version,
        **changes,
    }


def test_officer_edits_a_position_and_its_version_goes_up(client_for, officer, draft_position):
    response = client_for(officer).post(
        reverse("position_edit", args=[draft_position.pk]), edit_data(draft_position, rationale="Because workload.")
    )

    assert response.status_code == 302
    draft_position.refresh_from_db()
    assert draft_position.rationale == "Because workload."
    assert draft_position.version == 2
    history = client_for(officer).get(reverse("position_detail", args=[draft_position.pk])).text
    assert "Changed rationale" in history


def test_the_second_of_two_concurrent_saves_is_refused_keeping_its_text(client_for, officer, union, draft_position):
    from tests.factories import MembershipFactory, UserFactory

    second = MembershipFactory(union=union, role="officer", user=UserFactory(username="second-officer")).user
    opened_by_both = edit_data(draft_position)
    client_for(officer).post(
        reverse("position_edit", args=[draft_position.pk]), {**opened_by_both, "rationale": "First officer's words."}
    )

    response = client_for(second).post(
        reverse("position_edit", args=[draft_position.pk]), {**opened_by_both, "rationale": "Second officer's words."}
    )

    assert response.status_code == 409
    assert "Someone else saved this position" in response.text
    assert "Second officer&#x27;s words." in response.text
    draft_position.refresh_from_db()
    assert draft_position.rationale == "First officer's words."
    assert draft_position.version == 2


def test_after_a_refused_save_saving_again_applies_the_change(client_for, officer, draft_position):
    client = client_for(officer)
    stale = edit_data(draft_position)
    client.post(reverse("position_edit", args=[draft_position.pk]), {**stale, "rationale": "One."})
    refused = client.post(reverse("position_edit", args=[draft_position.pk]), {**stale, "rationale": "Two."})

    client.post(
        reverse("position_edit", args=[draft_position.pk]),
        {**stale, "rationale": "Two.", "version_token": refused.context["form"].data["version_token"]},
    )

    draft_position.refresh_from_db()
    assert draft_position.rationale == "Two."


def test_a_visibility_change_over_a_newer_save_is_refused(client_for, officer, public_position):
    public_position.version = 5
    public_position.save()

    response = client_for(officer).post(
        reverse("position_publish", args=[public_position.pk]), {"visibility": "internal", "version_token": 4}
    )

    assert response.status_code == 400
    assert "Someone else saved this position (now version 5)" in response.text
    public_position.refresh_from_db()
    assert public_position.visibility == Visibility.PUBLIC


def test_an_impossible_principle_id_is_refused_as_an_invalid_choice(client_for, officer, union, tool):
    response = client_for(officer).post(
        reverse("position_create"),
        {"union": union.pk, "title": "Kept title", "tool": tool.pk, "stance": "oppose", "principles": ["9" * 23]},
    )

    assert response.status_code == 400
    assert "is not a valid value" in response.text
    assert 'value="Kept title"' in response.text
    assert not Position.objects.exists()
