"""Following and notifications: for followers only, only what they may see, unread counted in the header."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Role, Visibility
from bargaining.models import ClauseVersionStatus, TabledBy
from bargaining.services import table_clause_version
from consultations.models import EventKind
from consultations.services import add_consultation_event
from policies.following.models import Follow
from policies.following.notifications import notifications_for, unread_count
from policies.services import adopt_position, publish_position
from tests.factories import ClauseFactory, ConsultationFactory, MembershipFactory, PositionFactory, UserFactory

pytestmark = pytest.mark.django_db


def follow(client, kind, record):
    return client.post(reverse("follow", args=[kind, record.pk]), {"action": "follow"})


def add_event(consultation, officer, summary, visibility=Visibility.MEMBERS):
    return add_consultation_event(
        consultation=consultation,
        user=officer,
        occurred_on=datetime.date.today(),
        kind=EventKind.MEETING,
        summary=summary,
        visibility=visibility,
    )


def texts(user):
    return [note.text for note in notifications_for(user)]


def test_a_follower_hears_of_a_new_event_and_others_do_not(client_for, member, organiser, officer, consultation):
    follow(client_for(member), "consultation", consultation)
    add_event(consultation, officer, "Meeting with the district")
    assert texts(member) == ["Meeting: Meeting with the district"]
    assert texts(organiser) == []  # not following, and not an officer


def test_officers_follow_their_unions_open_consultations_without_asking(other_officer, organiser, consultation):
    second_officer = MembershipFactory(user=UserFactory(), union=consultation.union, role=Role.OFFICER).user
    add_event(consultation, organiser, "Survey results are in")
    assert texts(second_officer) == ["Meeting: Survey results are in"]
    assert texts(other_officer) == []


def test_ones_own_changes_are_not_notified(client_for, officer, consultation):
    follow(client_for(officer), "consultation", consultation)
    add_event(consultation, officer, "I did this")
    assert texts(officer) == []


def test_an_internal_event_reaches_no_member_who_follows(client_for, member, officer, consultation):
    follow(client_for(member), "consultation", consultation)
    add_event(consultation, officer, "Our fallback", visibility=Visibility.INTERNAL)
    assert texts(member) == []


def test_following_a_tool_hears_of_its_consultations_and_positions(client_for, member, officer, consultation, tool):
    follow(client_for(member), "tool", tool)
    add_event(consultation, officer, "Notice about the tool")
    position = PositionFactory(union=consultation.union, tool=tool, visibility=Visibility.INTERNAL)
    adopt_position(position=position, user=officer)
    assert texts(member) == ["Meeting: Notice about the tool"]  # adopted, but still internal
    publish_position(position=position, visibility=Visibility.MEMBERS, user=officer)
    assert texts(member)[0] == "Position published (members of the union)"


def test_following_an_agreement_hears_of_versions_tabled(client_for, member, officer, agreement, session, topic):
    follow(client_for(member), "agreement", agreement)
    clause = ClauseFactory(agreement=agreement, topic=topic, visibility=Visibility.MEMBERS)
    table_clause_version(
        clause=clause,
        user=officer,
        text="New text",
        session=session,
        tabled_by=TabledBy.UNION,
        status=ClauseVersionStatus.PROPOSED,
    )
    assert [note.text.split(" (")[0] for note in notifications_for(member)] == ["Version 1 tabled"]


def test_what_happened_before_following_is_not_notified(client_for, member, officer, consultation):
    add_event(consultation, officer, "Before")
    follow(client_for(member), "consultation", consultation)
    assert texts(member) == []


def test_the_header_counts_unread_and_the_page_reads_them(client_for, member, officer, consultation):
    client = client_for(member)
    follow(client, "consultation", consultation)
    add_event(consultation, officer, "One")
    add_event(consultation, officer, "Two")
    assert unread_count(member) == 2
    assert '<span class="unread-count">2' in client.get(reverse("home")).text
    page = client.get(reverse("notifications"))
    assert "● New" in page.text and "Two" in page.text
    assert unread_count(member) == 0


def test_a_record_one_may_not_see_cannot_be_followed(client_for, other_officer, member, internal_consultation):
    assert follow(client_for(other_officer), "consultation", internal_consultation).status_code == 404
    assert follow(client_for(member), "consultation", internal_consultation).status_code == 404
    assert client_for(member).post(reverse("follow", args=["union", 1])).status_code == 404
    assert not Follow.objects.exists()


def test_following_needs_a_signed_in_post(client_for, anonymous, member, consultation):
    assert client_for(member).get(reverse("follow", args=["consultation", consultation.pk])).status_code == 405
    assert client_for(anonymous).post(reverse("follow", args=["consultation", consultation.pk])).status_code == 302
    assert client_for(anonymous).get(reverse("notifications")).status_code == 302


def test_unfollowing_stops_notifications(client_for, member, officer, consultation):
    client = client_for(member)
    follow(client, "consultation", consultation)
    client.post(reverse("follow", args=["consultation", consultation.pk]), {"action": "unfollow"})
    add_event(consultation, officer, "After")
    assert texts(member) == []


def test_the_follow_button_says_where_one_stands(client_for, member, consultation):
    client = client_for(member)
    url = reverse("consultation_detail", args=[consultation.pk])
    assert "Follow</button>" in client.get(url).text
    follow(client, "consultation", consultation)
    assert "✓ Following" in client.get(url).text


def test_the_notifications_page_costs_the_same_queries_at_two_sizes(
    client_for, member, officer, consultation, agreement, count_queries
):
    client = client_for(member)
    follow(client, "consultation", consultation)
    follow(client, "agreement", agreement)
    client.get(reverse("notifications"))  # the first visit records how far the member has read
    counts = []
    for n in (2, 10):
        for i in range(n - (2 if counts else 0)):
            add_event(consultation, officer, f"Event {n}-{i}")
        counts.append(count_queries(client, reverse("notifications")))
    assert counts[0] == counts[1]


# The API ---------------------------------------------------------------------------------------------


def test_the_api_follows_and_lists_notifications_for_the_caller(api, member, officer, consultation):
    client = api(member)
    response = client.post("/api/v1/follows/", {"consultation": consultation.pk})
    assert response.status_code == 201, response.content
    assert client.post("/api/v1/follows/", {"consultation": consultation.pk}).status_code == 400
    add_event(consultation, officer, "Seen through the API")
    [note] = client.get("/api/v1/notifications/").json()["results"]
    assert note["text"] == "Meeting: Seen through the API"
    assert note["web_url"].startswith("http://testserver/consultations/")
    assert api(officer).get("/api/v1/follows/").json()["results"] == []  # one's own follows only


def test_the_api_refuses_to_follow_what_one_may_not_see_or_two_things(api, member, internal_consultation, tool):
    client = api(member)
    response = client.post("/api/v1/follows/", {"consultation": internal_consultation.pk})
    assert response.status_code == 400 and "consultation" in response.json()
    assert client.post("/api/v1/follows/", {"tool": tool.pk, "consultation": None}).status_code == 201
    assert client.post("/api/v1/follows/", {}).status_code == 400


def test_unfollowing_through_the_api_needs_if_match_and_is_ones_own(api, member, other_officer, tool):
    follow_id = api(member).post("/api/v1/follows/", {"tool": tool.pk}).json()["id"]
    assert api(other_officer).delete(f"/api/v1/follows/{follow_id}/").status_code == 404
    assert api(member, read_first=False).delete(f"/api/v1/follows/{follow_id}/").status_code == 428
    assert api(member).delete(f"/api/v1/follows/{follow_id}/").status_code == 204


def test_anonymous_has_no_notifications_or_follows(api, anonymous):
    assert api(anonymous).get("/api/v1/notifications/").status_code == 401
    assert api(anonymous).post("/api/v1/follows/", {}).status_code == 401


def test_an_officer_can_stop_following_a_consultation_followed_without_asking(
    client_for, officer, organiser, consultation
):
    client = client_for(officer)
    url = reverse("consultation_detail", args=[consultation.pk])
    assert "✓ Following" in client.get(url).text

    client.post(reverse("follow", args=["consultation", consultation.pk]), {"action": "unfollow"})
    add_event(consultation, organiser, "Muted")

    assert texts(officer) == []
    assert "Follow</button>" in client.get(url).text
    assert Follow.objects.get(user=officer).muted
    assert "Muted" not in client.get(reverse("notifications")).text.split("What you follow")[1]


def test_following_again_after_muting_brings_the_notifications_back(client_for, officer, organiser, consultation):
    client = client_for(officer)
    client.post(reverse("follow", args=["consultation", consultation.pk]), {"action": "unfollow"})
    follow(client, "consultation", consultation)
    add_event(consultation, organiser, "Back again")
    assert texts(officer) == ["Meeting: Back again"]


def test_muting_one_consultation_leaves_the_others_followed(client_for, officer, organiser, consultation):
    second = ConsultationFactory(union=consultation.union)
    client_for(officer).post(reverse("follow", args=["consultation", consultation.pk]), {"action": "unfollow"})
    add_event(second, organiser, "Still heard")
    assert texts(officer) == ["Meeting: Still heard"]


def test_the_api_mutes_a_default_follow_and_refuses_muting_anything_else(
    api, officer, organiser, member, consultation, tool
):
    response = api(officer).post("/api/v1/follows/", {"consultation": consultation.pk, "muted": True})
    assert response.status_code == 201, response.content
    assert response.json()["muted"] is True
    add_event(consultation, organiser, "Muted through the API")
    assert texts(officer) == []
    # A member follows nothing without asking: there is nothing to mute.
    refused = api(member).post("/api/v1/follows/", {"consultation": consultation.pk, "muted": True})
    assert refused.status_code == 400 and "muted" in refused.json()
    refused = api(officer).post("/api/v1/follows/", {"tool": tool.pk, "muted": True})
    assert refused.status_code == 400 and "muted" in refused.json()
