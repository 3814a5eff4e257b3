"""Bargaining steps through the API, by the same services as the web pages: tabling versions, session notes."""

import datetime

import pytest

from bargaining.access import Visibility
from bargaining.models import ClauseVersion, SessionNote
from tests.factories import ClauseFactory, ClauseVersionFactory, NegotiationSessionFactory, SessionNoteFactory

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
