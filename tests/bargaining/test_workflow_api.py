"""Workflow steps through the same services as the web pages: table, add an event, adopt, publish, note."""

import datetime

import pytest

from bargaining.access import Visibility
from bargaining.models import ClauseVersion, SessionNote
from consultations.models import ConsultationEvent
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NegotiationSessionFactory,
    PositionFactory,
    SessionNoteFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL
VERSION = {"text": "Ninety days' notice.", "tabled_by": "union", "status": "proposed", "tabled_on": "2025-03-12"}


@pytest.fixture
def clause(union):
    return ClauseFactory(agreement__bargaining_unit__union=union, visibility=MEMBERS)


# Tabling a clause version


def test_officer_tables_a_version_on_a_clause(api, officer, clause):
    ClauseVersionFactory(clause=clause)

    response = api(officer).post(f"/api/v1/clauses/{clause.pk}/versions/", VERSION)

    assert response.status_code == 201, response.content
    assert response.json()["number"] == 2
    version = ClauseVersion.objects.get(pk=response.json()["id"])
    assert version.created_by == officer


def test_a_version_dated_before_the_last_one_answers_400_naming_the_date(api, officer, clause):
    ClauseVersionFactory(clause=clause, tabled_on=datetime.date(2025, 9, 14))

    response = api(officer).post(f"/api/v1/clauses/{clause.pk}/versions/", VERSION)

    assert response.status_code == 400
    assert "tabled_on" in response.json()
    assert clause.versions.count() == 1


def test_officer_tables_a_version_through_the_clause_versions_collection(api, officer, clause):
    response = api(officer).post("/api/v1/clause-versions/", {**VERSION, "clause": clause.pk})

    assert response.status_code == 201, response.content
    assert response.json()["number"] == 1


def test_tabling_without_a_date_takes_the_session_s_date(api, officer, clause):
    session = NegotiationSessionFactory(
        bargaining_unit=clause.agreement.bargaining_unit, held_on=datetime.date(2025, 4, 2)
    )
    payload = {key: value for key, value in VERSION.items() if key != "tabled_on"}

    response = api(officer).post(f"/api/v1/clauses/{clause.pk}/versions/", {**payload, "session": session.pk})

    assert response.json()["tabled_on"] == "2025-04-02"


def test_tabling_in_a_session_of_another_unit_answers_400_naming_the_session(api, union, officer, clause):
    session = NegotiationSessionFactory(bargaining_unit__union=union)

    response = api(officer).post(f"/api/v1/clauses/{clause.pk}/versions/", {**VERSION, "session": session.pk})

    assert response.status_code == 400
    assert "session" in response.json()
    assert not clause.versions.exists()


def test_member_cannot_table_a_version(api, member, clause):
    assert api(member).post(f"/api/v1/clauses/{clause.pk}/versions/", VERSION).status_code == 403
    assert api(member).post("/api/v1/clause-versions/", {**VERSION, "clause": clause.pk}).status_code == 403
    assert not clause.versions.exists()


def test_other_officer_cannot_table_on_a_clause_they_cannot_see(api, other_officer, clause):
    assert api(other_officer).post(f"/api/v1/clauses/{clause.pk}/versions/", VERSION).status_code == 404
    response = api(other_officer).post("/api/v1/clause-versions/", {**VERSION, "clause": clause.pk})
    assert response.status_code == 400
    assert "does not exist" in str(response.json()["clause"])


def test_anonymous_cannot_table_a_version(api, anonymous, clause):
    assert api(anonymous).post(f"/api/v1/clauses/{clause.pk}/versions/", VERSION).status_code == 401


# Adding a consultation event


EVENT = {"kind": "meeting", "summary": "Met the district.", "occurred_on": "2025-02-01", "visibility": "members"}


def test_officer_adds_an_event_to_a_consultation(api, officer, consultation):
    response = api(officer).post(f"/api/v1/consultations/{consultation.pk}/events/", EVENT)

    assert response.status_code == 201, response.content
    event = ConsultationEvent.objects.get(pk=response.json()["id"])
    assert event.consultation == consultation
    assert event.author == officer


def test_officer_adds_an_event_through_the_events_collection(api, officer, consultation):
    response = api(officer).post("/api/v1/consultation-events/", {**EVENT, "consultation": consultation.pk})

    assert response.status_code == 201, response.content


def test_event_cannot_be_more_visible_than_its_consultation(api, officer, consultation):
    response = api(officer).post(f"/api/v1/consultations/{consultation.pk}/events/", {**EVENT, "visibility": "public"})

    assert response.status_code == 400
    assert "visibility" in response.json()
    assert not consultation.events.exists()


def test_member_and_outsider_cannot_add_events(api, member, other_officer, anonymous, consultation):
    url = f"/api/v1/consultations/{consultation.pk}/events/"

    assert api(member).post(url, EVENT).status_code == 403
    assert api(other_officer).post(url, EVENT).status_code == 404
    assert api(anonymous).post(url, EVENT).status_code == 401
    assert not consultation.events.exists()


# Adopting and publishing a position


@pytest.fixture
def draft(union):
    return PositionFactory(union=union, visibility=INTERNAL)


def test_officer_adopts_a_draft_position(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {"adopted_on": "2025-02-01"})

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "adopted"
    assert response.json()["adopted_on"] == "2025-02-01"
    assert response.json()["version"] == draft.version + 1
    assert response["ETag"]


def test_adopting_twice_answers_400(api, officer, draft):
    api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {})

    response = api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {})

    assert response.status_code == 400
    assert "status" in response.json()


def test_a_position_cannot_be_adopted_in_the_future(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {"adopted_on": "2999-01-01"})

    assert response.status_code == 400
    assert "adopted_on" in response.json()


def test_officer_publishes_an_adopted_position(api, officer, member, draft):
    api(officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {})

    response = api(officer).post(f"/api/v1/positions/{draft.pk}/publish/", {"visibility": "members"})

    assert response.status_code == 200
    assert response.json()["visibility"] == "members"
    assert api(member).get(f"/api/v1/positions/{draft.pk}/").status_code == 200


def test_a_draft_cannot_be_published(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/publish/", {"visibility": "public"})

    assert response.status_code == 400
    assert "visibility" in response.json()


def test_publishing_to_an_unknown_audience_answers_400(api, officer, draft):
    response = api(officer).post(f"/api/v1/positions/{draft.pk}/publish/", {"visibility": "everyone"})

    assert response.status_code == 400
    assert "visibility" in response.json()


def test_visibility_and_status_are_not_changed_by_a_plain_edit(api, officer, draft):
    response = api(officer).patch(f"/api/v1/positions/{draft.pk}/", {"visibility": "public", "status": "adopted"})

    assert response.status_code == 200
    assert response.json()["visibility"] == "internal"
    assert response.json()["status"] == "draft"


def test_member_cannot_adopt_or_publish(api, union, member):
    published = PositionFactory(union=union, visibility=MEMBERS)

    assert api(member).post(f"/api/v1/positions/{published.pk}/adopt/", {}).status_code == 403
    assert api(member).post(f"/api/v1/positions/{published.pk}/publish/", {"visibility": "public"}).status_code == 403


def test_outsider_and_anonymous_cannot_adopt(api, other_officer, anonymous, draft):
    assert api(other_officer).post(f"/api/v1/positions/{draft.pk}/adopt/", {}).status_code == 404
    assert api(anonymous).post(f"/api/v1/positions/{draft.pk}/adopt/", {}).status_code == 401


# Session notes: child records with a visibility of their own


def test_members_see_only_the_session_notes_shared_with_them(api, union, member, officer):
    session = NegotiationSessionFactory(bargaining_unit__union=union, visibility=MEMBERS)
    shared = SessionNoteFactory(session=session, visibility=MEMBERS)
    internal = SessionNoteFactory(session=session, visibility=INTERNAL)

    member_notes = [note["id"] for note in api(member).get(f"/api/v1/sessions/{session.pk}/").json()["notes"]]
    officer_notes = [note["id"] for note in api(officer).get(f"/api/v1/sessions/{session.pk}/").json()["notes"]]

    assert member_notes == [shared.pk]
    assert sorted(officer_notes) == sorted([shared.pk, internal.pk])


def test_officer_adds_a_note_to_a_session(api, union, officer, member):
    session = NegotiationSessionFactory(bargaining_unit__union=union, visibility=MEMBERS)

    response = api(officer).post(f"/api/v1/sessions/{session.pk}/notes/", {"body": "They asked for time."})

    assert response.status_code == 201, response.content
    note = SessionNote.objects.get(pk=response.json()["id"])
    assert note.visibility == INTERNAL
    assert note.author == officer
    assert api(member).post(f"/api/v1/sessions/{session.pk}/notes/", {"body": "Mine"}).status_code == 403


def test_a_note_cannot_be_more_visible_than_its_session(api, union, officer):
    session = NegotiationSessionFactory(bargaining_unit__union=union, visibility=MEMBERS)

    response = api(officer).post(f"/api/v1/sessions/{session.pk}/notes/", {"body": "Hi", "visibility": "public"})

    assert response.status_code == 400
    assert "visibility" in response.json()


# Moving a consultation to another stage


def test_officer_moves_a_consultation_to_another_stage(api, officer, consultation):
    client = api(officer)
    etag = client.get(f"/api/v1/consultations/{consultation.pk}/")["ETag"]

    response = client.post(f"/api/v1/consultations/{consultation.pk}/stage/", {"stage": "meetings"}, HTTP_IF_MATCH=etag)

    assert response.status_code == 200, response.content
    assert response.json()["stage"] == "meetings"
    assert consultation.history.first().history_user == officer


def test_stage_changes_only_through_the_workflow_step(api, officer, consultation):
    response = api(officer).patch(f"/api/v1/consultations/{consultation.pk}/", {"stage": "decision"})

    assert response.status_code == 200
    assert response.json()["stage"] == "notice_received"


def test_an_unknown_stage_answers_400(api, officer, consultation):
    response = api(officer).post(f"/api/v1/consultations/{consultation.pk}/stage/", {"stage": "limbo"})

    assert response.status_code == 400
    assert "stage" in response.json()


def test_a_stale_etag_stops_a_stage_move(api, officer, consultation):
    response = api(officer).post(
        f"/api/v1/consultations/{consultation.pk}/stage/", {"stage": "meetings"}, HTTP_IF_MATCH='"stale"'
    )

    assert response.status_code == 412
    consultation.refresh_from_db()
    assert consultation.stage == "notice_received"


def test_member_and_outsider_cannot_move_a_consultation(api, member, other_officer, anonymous, consultation):
    url = f"/api/v1/consultations/{consultation.pk}/stage/"

    assert api(member).post(url, {"stage": "meetings"}).status_code == 403
    assert api(other_officer).post(url, {"stage": "meetings"}).status_code == 404
    assert api(anonymous).post(url, {"stage": "meetings"}).status_code == 401
