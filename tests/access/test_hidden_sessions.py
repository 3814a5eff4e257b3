"""A page never dates or links a session the reader may not see: not even through its versions' dates."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from policies.overview.timeline import tool_timeline
from tests.factories import ClauseFactory, ClauseVersionFactory, ConsultationFactory, NegotiationSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_in_internal_session(union):
    session = NegotiationSessionFactory(
        bargaining_unit__union=union, visibility=Visibility.INTERNAL, held_on=datetime.date(2025, 3, 3)
    )
    clause = ClauseFactory(agreement__bargaining_unit=session.bargaining_unit, visibility=Visibility.MEMBERS)
    # Tabled in the session, so dated like it: that date would reveal the meeting.
    return ClauseVersionFactory(clause=clause, session=session, tabled_on=session.held_on)


def test_member_sees_that_a_version_came_from_a_session_but_not_which(client_for, member, version_in_internal_session):
    response = client_for(member).get(reverse("clause_detail", args=[version_in_internal_session.clause_id]))

    assert response.status_code == 200
    assert "in a negotiation session" in response.text
    assert "3 Mar 2025" not in response.text
    assert reverse("session_detail", args=[version_in_internal_session.session_id]) not in response.text


def test_organiser_sees_the_session_date_and_link(client_for, organiser, version_in_internal_session):
    response = client_for(organiser).get(reverse("clause_detail", args=[version_in_internal_session.clause_id]))

    assert "the session of 3 Mar 2025" in response.text
    assert reverse("session_detail", args=[version_in_internal_session.session_id]) in response.text


def test_the_versions_own_date_does_not_reveal_the_hidden_session(client_for, member, version_in_internal_session):
    response = client_for(member).get(reverse("clause_detail", args=[version_in_internal_session.clause_id]))

    assert "2025-03-03" not in response.text
    assert "3 Mar 2025" not in response.text


def test_the_dashboard_leaves_out_versions_dated_by_a_hidden_session(client_for, member, organiser, union):
    # Tabled recently, so that the dashboard's recent activity would list it.
    session = NegotiationSessionFactory(
        bargaining_unit__union=union, visibility=Visibility.INTERNAL, held_on=datetime.date.today()
    )
    clause = ClauseFactory(agreement__bargaining_unit=session.bargaining_unit, visibility=Visibility.MEMBERS)
    ClauseVersionFactory(clause=clause, session=session, tabled_on=session.held_on)

    assert clause not in [row[2] for row in client_for(member).get(reverse("home")).context["activity"]]
    assert clause in [row[2] for row in client_for(organiser).get(reverse("home")).context["activity"]]


def test_the_tool_timeline_leaves_out_versions_dated_by_a_hidden_session(
    member, organiser, version_in_internal_session
):
    consultation = ConsultationFactory(
        union=version_in_internal_session.clause.agreement.bargaining_unit.union, visibility=Visibility.MEMBERS
    )
    consultation.resulting_clauses.add(version_in_internal_session.clause)
    tool = consultation.proposal.tool

    assert [entry.obj for entry in tool_timeline(tool, member).rows if entry.kind == "clause_version"] == []
    assert [entry.obj for entry in tool_timeline(tool, organiser).rows if entry.kind == "clause_version"] == [
        version_in_internal_session
    ]
