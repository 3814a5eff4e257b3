"""A consultation tells its story: a change of stage, response deadline or visibility goes on its timeline by
itself, with who and when, through the web form, the stage step, the API and the admin alike; what it tells is
never shown to anyone who could not read the consultation both before and after the change."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from bargaining.access import Visibility
from consultations.models import Consultation, ConsultationEvent, EventKind
from consultations.services import add_consultation_event, edit_consultation, move_consultation_stage
from tests.helpers import detail_url, form_data

pytestmark = pytest.mark.django_db

INTERNAL, MEMBERS, PUBLIC = Visibility.INTERNAL, Visibility.MEMBERS, Visibility.PUBLIC


def told(consultation):
    return list(
        ConsultationEvent.objects.filter(consultation=consultation, kind=EventKind.RECORD_CHANGE).order_by("pk")
    )


def test_a_deadline_corrected_on_the_web_is_told_on_the_timeline_with_who_and_when(client_for, officer, consultation):
    url = reverse("consultation_edit", args=[consultation.pk])
    client = client_for(officer)

    response = client.post(url, {**form_data(client.get(url).context["form"]), "response_deadline": "2025-03-05"})

    assert response.status_code == 302
    [event] = told(consultation)
    assert event.summary == "Response deadline changed from 19 Feb 2025 to 5 Mar 2025."
    assert event.author == officer
    assert event.occurred_on == timezone.localdate()
    assert event.visibility == MEMBERS
    page = client.get(reverse("consultation_detail", args=[consultation.pk])).text
    assert "Response deadline changed from 19 Feb 2025 to 5 Mar 2025." in page
    assert "by officer" in page


def test_a_stage_move_and_a_visibility_change_are_told_one_event_each(officer, consultation):
    edit_consultation(consultation=consultation, user=officer, changes={"stage": "meetings", "visibility": "public"})

    summaries = [event.summary for event in told(consultation)]
    assert summaries == [
        "Stage moved from “Notice received” to “Meetings”.",
        "Visibility changed from “Members of the union” to “Public”.",
    ]


def test_an_edit_that_changes_nothing_told_leaves_the_timeline_alone(officer, consultation):
    edit_consultation(consultation=consultation, user=officer, changes={"outcome": "Pilot in one school."})

    assert told(consultation) == []


def test_the_stage_step_on_the_web_tells_the_timeline(client_for, officer, consultation):
    client_for(officer).post(
        reverse("stage_move", args=[consultation.pk]), {"stage": "meetings", "current_stage": "notice_received"}
    )

    [event] = told(consultation)
    assert event.summary == "Stage moved from “Notice received” to “Meetings”."
    assert event.author == officer


@pytest.mark.parametrize(
    ("before", "after", "told_to"),
    [
        (INTERNAL, MEMBERS, INTERNAL),  # widening does not tell members it was once internal
        (MEMBERS, PUBLIC, MEMBERS),
        (INTERNAL, PUBLIC, INTERNAL),
        (PUBLIC, INTERNAL, INTERNAL),  # narrowing leaves the old audience no trace of what follows
        (PUBLIC, MEMBERS, MEMBERS),
    ],
)
def test_a_told_change_is_shown_only_to_those_who_could_read_the_consultation_before_and_after(
    officer, union, before, after, told_to
):
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory(union=union, visibility=before)

    edit_consultation(
        consultation=consultation,
        user=officer,
        changes={"visibility": after, "response_deadline": datetime.date(2025, 3, 1)},
    )

    assert {event.visibility for event in told(consultation)} == {told_to}


def test_members_do_not_see_that_a_consultation_they_now_read_was_internal(client_for, officer, member, union):
    from tests.factories import ConsultationFactory

    consultation = ConsultationFactory(union=union, visibility=INTERNAL)
    edit_consultation(consultation=consultation, user=officer, changes={"visibility": MEMBERS})

    page = client_for(member).get(reverse("consultation_detail", args=[consultation.pk])).text

    assert "Visibility changed" not in page
    assert "Internal" not in page


def test_members_see_told_changes_without_who_made_them(client_for, officer, member, consultation):
    move_consultation_stage(consultation=consultation, stage="meetings", user=officer)

    page = client_for(member).get(reverse("consultation_detail", args=[consultation.pk])).text

    assert "Stage moved from" in page
    assert "by officer" not in page


def test_an_api_patch_of_the_deadline_is_told_on_the_timeline(api, officer, consultation):
    response = api(officer).patch(detail_url("consultations", consultation), {"response_deadline": "2025-03-10"})

    assert response.status_code == 200, response.content
    [event] = told(consultation)
    assert event.summary == "Response deadline changed from 19 Feb 2025 to 10 Mar 2025."
    assert event.author == officer


def test_an_api_stage_step_is_told_on_the_timeline(api, officer, consultation):
    response = api(officer).post(f"/api/v1/consultations/{consultation.pk}/stage/", {"stage": "meetings"})

    assert response.status_code == 200, response.content
    assert [event.summary for event in told(consultation)] == ["Stage moved from “Notice received” to “Meetings”."]


def test_an_admin_edit_of_the_visibility_is_told_on_the_timeline(client_for, staff, consultation):
    staff.user_permissions.set(Permission.objects.filter(codename__in=["change_consultation", "view_consultation"]))
    url = reverse("admin:consultations_consultation_change", args=[consultation.pk])
    client = client_for(staff)
    data = {
        "union": consultation.union_id,
        "proposal": consultation.proposal_id,
        "stage": consultation.stage,
        "opened_on": "2025-01-20",
        "response_deadline": "2025-02-19",
        "outcome": "",
        "visibility": "public",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert [event.summary for event in told(consultation)] == [
        "Visibility changed from “Members of the union” to “Public”."
    ]
    assert told(consultation)[0].author == staff


def test_caucus_s_own_record_of_a_change_cannot_be_edited_or_deleted(client_for, api, officer, staff, consultation):
    move_consultation_stage(consultation=consultation, stage="meetings", user=officer)
    [event] = told(consultation)

    assert client_for(officer).get(reverse("event_edit", args=[event.pk])).status_code == 403
    assert client_for(staff).get(reverse("event_edit", args=[event.pk])).status_code == 403
    assert api(officer).patch(detail_url("consultation-events", event), {"summary": "Rewritten"}).status_code == 403
    assert api(officer).delete(detail_url("consultation-events", event)).status_code == 403
    event.refresh_from_db()
    assert event.summary.startswith("Stage moved")


def test_nobody_writes_a_record_change_by_hand(api, officer, consultation):
    response = api(officer).post(
        f"/api/v1/consultations/{consultation.pk}/events/",
        {"occurred_on": "2025-02-01", "kind": "record_change", "summary": "Deadline moved", "visibility": "members"},
    )

    assert response.status_code == 400
    assert "kind" in response.json()
    with pytest.raises(Exception, match="Caucus records changes"):
        add_consultation_event(
            consultation=consultation,
            kind=EventKind.RECORD_CHANGE,
            summary="x",
            occurred_on=datetime.date(2025, 2, 1),
            visibility=MEMBERS,
            user=officer,
        )


def test_the_event_form_does_not_offer_the_record_change_kind(client_for, officer, consultation):
    form = client_for(officer).get(reverse("event_create", args=[consultation.pk])).context["form"]

    assert EventKind.RECORD_CHANGE not in dict(form.fields["kind"].choices)


def test_the_consultation_history_page_shows_the_deadline_change_old_and_new(client_for, officer, consultation):
    edit_consultation(consultation=consultation, user=officer, changes={"response_deadline": datetime.date(2025, 3, 5)})

    page = client_for(officer).get(reverse("consultation_history", args=[consultation.pk])).text

    assert "Changed response deadline" in page
    assert "2025-02-19" in page
    assert "2025-03-05" in page


def test_a_resulting_clause_of_another_union_is_not_offered_nor_accepted(
    client_for, officer, consultation, other_union
):
    from tests.factories import ClauseFactory

    theirs = ClauseFactory(agreement__bargaining_unit__union=other_union, visibility=PUBLIC)
    url = reverse("consultation_edit", args=[consultation.pk])
    client = client_for(officer)
    shown = client.get(url).context["form"]

    response = client.post(url, {**form_data(shown), "resulting_clauses": [theirs.pk]})

    assert theirs not in shown.fields["resulting_clauses"].queryset
    assert response.status_code == 400
    assert "resulting_clauses" in response.context["form"].errors
    assert not Consultation.objects.get(pk=consultation.pk).resulting_clauses.exists()


def test_an_officer_chooses_the_clauses_that_came_out_of_the_consultation(
    client_for, officer, consultation, members_clause
):
    url = reverse("consultation_edit", args=[consultation.pk])
    client = client_for(officer)

    client.post(url, {**form_data(client.get(url).context["form"]), "resulting_clauses": [members_clause.pk]})

    assert list(consultation.resulting_clauses.all()) == [members_clause]
    page = client.get(reverse("consultation_detail", args=[consultation.pk])).text
    assert reverse("clause_detail", args=[members_clause.pk]) in page


def test_the_timeline_tells_a_change_in_the_unions_language_whoever_makes_it(officer, consultation):
    from django.utils import translation

    consultation.union.document_language = "cy+en"
    consultation.union.save()
    with translation.override("en"):
        edit_consultation(consultation=consultation, user=officer, changes={"stage": "meetings"})

    [event] = told(consultation)
    welsh, english = event.summary.split(" / ")
    assert english == "Stage moved from “Notice received” to “Meetings”."
    assert welsh != english and "Meetings" not in welsh
