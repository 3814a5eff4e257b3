"""The outsider (an officer of another union) on every page: our members' records are 404s, and lists,
counts and exports leave them out."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import ConsultationEventFactory, PrincipleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours(unit, agreement, session, members_clause, consultation, draft_position, union):
    """Members-only records of `union`, plus a members-only position and principle."""
    position = draft_position
    position.status, position.adopted_on, position.visibility = "adopted", "2025-02-01", Visibility.MEMBERS
    position.save()
    ConsultationEventFactory(consultation=consultation, summary="Members-only event")
    return {
        "unit": unit,
        "agreement": agreement,
        "session": session,
        "clause": members_clause,
        "consultation": consultation,
        "position": position,
        "principle": PrincipleFactory(union=union, visibility=Visibility.MEMBERS),
    }


DETAIL_PAGES = [
    ("unit_detail", "unit"),
    ("agreement_detail", "agreement"),
    ("session_detail", "session"),
    ("clause_detail", "clause"),
    ("consultation_detail", "consultation"),
    ("position_detail", "position"),
    ("principle_detail", "principle"),
]
WRITES = [
    ("session_create", "unit"),
    ("version_create", "session"),
    ("event_create", "consultation"),
    ("stage_move", "consultation"),
    ("position_edit", "position"),
    ("position_adopt", "position"),
    ("position_publish", "position"),
]


@pytest.mark.parametrize(("name", "key"), DETAIL_PAGES)
def test_outsider_gets_404_for_our_members_record(client_for, other_officer, ours, name, key):
    assert client_for(other_officer).get(reverse(name, args=[ours[key].pk])).status_code == 404


@pytest.mark.parametrize(("name", "key"), DETAIL_PAGES)
def test_member_reads_the_same_records(client_for, member, ours, name, key):
    assert client_for(member).get(reverse(name, args=[ours[key].pk])).status_code == 200


@pytest.mark.parametrize(("name", "key"), WRITES)
def test_outsider_gets_404_writing_to_our_records(client_for, other_officer, ours, name, key):
    assert client_for(other_officer).post(reverse(name, args=[ours[key].pk]), {}).status_code == 404


@pytest.mark.parametrize(("name", "key"), WRITES)
def test_member_gets_403_writing_to_records_they_may_read(client_for, member, ours, name, key):
    assert client_for(member).post(reverse(name, args=[ours[key].pk]), {}).status_code == 403


@pytest.mark.parametrize(
    "name", ["unit_list", "clause_list", "consultation_list", "position_list", "principle_list", "coverage"]
)
def test_outsider_lists_none_of_our_members_records(client_for, other_officer, ours, name):
    html = client_for(other_officer).get(reverse(name)).text

    for detail, key in DETAIL_PAGES:
        assert reverse(detail, args=[ours[key].pk]) not in html


def test_member_lists_link_to_the_same_records(client_for, member, ours):
    html = client_for(member).get(reverse("clause_list")).text + client_for(member).get(reverse("unit_list")).text

    assert reverse("clause_detail", args=[ours["clause"].pk]) in html
    assert reverse("unit_detail", args=[ours["unit"].pk]) in html


def test_outsider_sees_the_proposal_but_not_our_consultation_on_it(client_for, other_officer, ours, proposal):
    response = client_for(other_officer).get(reverse("proposal_detail", args=[proposal.pk]))

    assert response.status_code == 200
    assert reverse("consultation_detail", args=[ours["consultation"].pk]) not in response.text


def test_outsider_cannot_compare_our_clause(client_for, other_officer, ours):
    from tests.factories import ClauseFactory

    theirs = ClauseFactory(visibility=Visibility.PUBLIC)

    response = client_for(other_officer).get(reverse("clause_compare"), {"ids": [theirs.pk, ours["clause"].pk]})

    assert response.status_code == 404


def test_outsiders_dashboard_counts_none_of_our_members_records(client_for, other_officer, ours):
    counts = dict(client_for(other_officer).get(reverse("home")).context["counts"])

    assert counts["Clauses"] == counts["Consultations"] == counts["Positions"] == counts["Bargaining units"] == 0
