"""A clause page never dates or links a session the reader may not see."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import ClauseFactory, ClauseVersionFactory, NegotiationSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_in_internal_session(union):
    session = NegotiationSessionFactory(
        bargaining_unit__union=union, visibility=Visibility.INTERNAL, held_on=datetime.date(2025, 3, 3)
    )
    clause = ClauseFactory(agreement__bargaining_unit=session.bargaining_unit, visibility=Visibility.MEMBERS)
    return ClauseVersionFactory(clause=clause, session=session)


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
