"""Consultation steps through the API, by the same services as the web pages: adding events, moving stages."""

import pytest

from consultations.models import ConsultationEvent

pytestmark = pytest.mark.django_db

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
