"""The landing page: who you are, your unions, and counts of only what you may see."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import ClauseFactory, PositionFactory, UserFactory

pytestmark = pytest.mark.django_db


def count_of(response, label):
    return dict(response.context["counts"])[label]


@pytest.fixture
def positions(union):
    for visibility in Visibility.values:
        PositionFactory(union=union, visibility=visibility)


def test_signing_in_lands_on_the_home_page_with_my_unions(client, union):
    UserFactory(username="alice", password=make_password("a-long-passphrase"))
    user = UserFactory._meta.model.objects.get(username="alice")
    union.memberships.create(user=user, role="officer")

    response = client.post(reverse("login"), {"username": "alice", "password": "a-long-passphrase"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Northview Education Association" in response.text
    assert "Officer" in response.text


def test_wrong_password_is_refused_with_a_message_and_keeps_the_username(client, member):
    response = client.post(reverse("login"), {"username": "member", "password": "wrong"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text
    assert 'value="member"' in response.text
    assert "_auth_user_id" not in client.session


def test_officer_counts_every_position_of_their_union(client_for, officer, positions):
    response = client_for(officer).get(reverse("home"))

    assert count_of(response, "Positions") == 3


def test_member_counts_only_member_and_public_positions(client_for, member, positions):
    response = client_for(member).get(reverse("home"))

    assert count_of(response, "Positions") == 2


def test_other_unions_officer_counts_only_public_positions(client_for, other_officer, positions):
    response = client_for(other_officer).get(reverse("home"))

    assert count_of(response, "Positions") == 1
    assert "Northview Education Association" not in response.text


def test_anonymous_visitor_sees_only_published_counts_and_a_sign_in_link(client_for, anonymous, positions):
    ClauseFactory(visibility=Visibility.MEMBERS)

    response = client_for(anonymous).get(reverse("home"))

    assert response.status_code == 200
    assert count_of(response, "Positions") == 1
    assert count_of(response, "Clauses") == 0
    assert reverse("login") in response.text


def test_home_page_query_count_does_not_grow_with_records(client_for, officer, django_assert_max_num_queries):
    client = client_for(officer)
    PositionFactory(union=officer.memberships.get().union)
    # The dashboard reads five kinds of deadline (one query each) and the header's unread notifications.
    with django_assert_max_num_queries(24) as few:
        client.get(reverse("home"))
    for _ in range(10):
        PositionFactory(union=officer.memberships.get().union)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))
