"""Bargaining units, agreements and sessions; officers log sessions and table clause versions."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersion, NegotiationSession, SessionNote
from tests.factories import BargainingUnitFactory, NegotiationSessionFactory, SessionNoteFactory

pytestmark = pytest.mark.django_db


def test_unit_page_shows_agreements_sessions_and_coverage_by_topic(
    client_for, member, unit, agreement, session, members_clause, topic
):
    response = client_for(member).get(reverse("unit_detail", args=[unit.pk]))

    assert reverse("agreement_detail", args=[agreement.pk]) in response.text
    assert reverse("session_detail", args=[session.pk]) in response.text
    cell = next(cell for cell in response.context["coverage"] if cell.topic == topic)
    assert cell.status_label in response.text
    assert reverse("clause_detail", args=[members_clause.pk]) in response.text
    assert "Log a session" not in response.text


def test_officer_sees_the_log_a_session_button(client_for, officer, unit):
    assert "Log a session" in client_for(officer).get(reverse("unit_detail", args=[unit.pk])).text


def test_other_unions_officer_gets_404_for_our_unit_agreement_and_session(
    client_for, other_officer, unit, agreement, session
):
    client = client_for(other_officer)
    assert client.get(reverse("unit_detail", args=[unit.pk])).status_code == 404
    assert client.get(reverse("agreement_detail", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("session_detail", args=[session.pk])).status_code == 404


def test_anonymous_gets_404_for_a_members_unit_but_lists_public_units(client_for, anonymous, unit, union):
    public = BargainingUnitFactory(union=union, name="Public unit", visibility=Visibility.PUBLIC)

    assert client_for(anonymous).get(reverse("unit_detail", args=[unit.pk])).status_code == 404
    assert list(client_for(anonymous).get(reverse("unit_list")).context["rows"]) == [public]


def test_member_does_not_read_internal_session_notes(client_for, member, organiser, session):
    SessionNoteFactory(session=session, body="They will fold on training budget")

    assert "fold on training" not in client_for(member).get(reverse("session_detail", args=[session.pk])).text
    assert "fold on training" in client_for(organiser).get(reverse("session_detail", args=[session.pk])).text


def test_unit_list_query_count_does_not_grow(client_for, member, union, count_queries, django_assert_num_queries):
    client = client_for(member)
    BargainingUnitFactory(union=union)
    few = count_queries(client, reverse("unit_list"))
    BargainingUnitFactory.create_batch(5, union=union)
    with django_assert_num_queries(few):
        client.get(reverse("unit_list"))


def test_unit_page_query_count_does_not_grow(
    client_for, member, unit, agreement, count_queries, django_assert_num_queries
):
    client = client_for(member)
    url = reverse("unit_detail", args=[unit.pk])
    NegotiationSessionFactory(bargaining_unit=unit)
    few = count_queries(client, url)
    NegotiationSessionFactory.create_batch(5, bargaining_unit=unit)
    with django_assert_num_queries(few):
        client.get(url)


# Logging a session


SESSION = {
    "held_on": "2025-04-02",
    "location": "District office, room 4",
    "attendees": "A. Officer (union)\nB. Director (employer)",
    "next_steps": "Employer to cost the training proposal.",
    "visibility": "members",
    "notes": "Employer seemed ready to move on notice.",
}


def test_officer_logs_a_session_with_internal_notes(client_for, officer, unit):
    response = client_for(officer).post(reverse("session_create", args=[unit.pk]), SESSION)

    session = NegotiationSession.objects.get(location="District office, room 4")
    assert response.url == reverse("session_detail", args=[session.pk])
    assert session.created_by == officer
    note = SessionNote.objects.get(session=session)
    assert note.visibility == Visibility.INTERNAL
    assert note.author == officer


def test_an_invalid_session_keeps_what_was_typed_and_names_the_field(client_for, officer, unit):
    response = client_for(officer).post(reverse("session_create", args=[unit.pk]), {**SESSION, "held_on": "2025-13-45"})

    assert response.status_code == 400
    assert "Held on" in response.text
    assert "Enter a valid date" in response.text
    assert "District office, room 4" in response.text
    assert "Employer seemed ready to move on notice." in response.text
    assert not NegotiationSession.objects.exists()


def test_a_session_more_visible_than_its_unit_is_refused(client_for, officer, unit):
    response = client_for(officer).post(reverse("session_create", args=[unit.pk]), {**SESSION, "visibility": "public"})

    assert response.status_code == 400
    assert "Cannot be more visible than its bargaining unit" in response.text


def test_member_may_not_log_a_session(client_for, member, unit):
    assert client_for(member).post(reverse("session_create", args=[unit.pk]), SESSION).status_code == 403
    assert not NegotiationSession.objects.exists()


def test_other_unions_officer_gets_404_logging_a_session_for_our_unit(client_for, other_officer, unit):
    assert client_for(other_officer).post(reverse("session_create", args=[unit.pk]), SESSION).status_code == 404


def test_anonymous_is_sent_to_sign_in_to_log_a_session(client_for, anonymous, unit):
    assert client_for(anonymous).get(reverse("session_create", args=[unit.pk])).status_code == 302


# Tabling clause versions


def test_the_table_form_starts_from_the_clauses_current_text(client_for, officer, session, members_clause):
    response = client_for(officer).get(reverse("version_create", args=[session.pk]), {"clause": members_clause.pk})

    assert "without consultation." in response.text


def test_officer_tables_a_counter_proposal_and_lands_on_the_redline(client_for, officer, session, members_clause):
    response = client_for(officer).post(
        reverse("version_create", args=[session.pk]),
        {
            "clause": members_clause.pk,
            "tabled_by": "employer",
            "status": "countered",
            "text": "No AI tool shall add to a teacher's workload without thirty days' notice.",
        },
    )

    version = ClauseVersion.objects.get(clause=members_clause, number=3)
    assert version.session == session
    assert version.created_by == officer
    assert response.url == reverse("clause_detail", args=[members_clause.pk]) + "#redline"
    page = client_for(officer).get(response.url)
    assert "<ins>" in page.text
    assert "thirty" in page.text


def test_an_empty_text_is_refused_keeping_the_other_choices(client_for, officer, session, members_clause):
    response = client_for(officer).post(
        reverse("version_create", args=[session.pk]),
        {"clause": members_clause.pk, "tabled_by": "employer", "status": "countered", "text": "   "},
    )

    assert response.status_code == 400
    assert '<a href="#id_text">Text</a>: This field is required.' in response.text
    assert '<option value="countered" selected>' in response.text
    assert members_clause.versions.count() == 2


def test_a_clause_of_another_unit_cannot_be_tabled_in_this_session(client_for, officer, union, session, topic):
    from tests.factories import AgreementFactory, ClauseFactory

    other_unit_clause = ClauseFactory(
        agreement=AgreementFactory(bargaining_unit=BargainingUnitFactory(union=union)), topic=topic
    )

    response = client_for(officer).post(
        reverse("version_create", args=[session.pk]),
        {"clause": other_unit_clause.pk, "tabled_by": "union", "status": "proposed", "text": "x"},
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.text


def test_member_may_not_table_a_version(client_for, member, session, members_clause):
    response = client_for(member).post(
        reverse("version_create", args=[session.pk]),
        {"clause": members_clause.pk, "tabled_by": "union", "status": "proposed", "text": "x"},
    )

    assert response.status_code == 403
    assert members_clause.versions.count() == 2


def test_other_unions_officer_gets_404_tabling_in_our_session(client_for, other_officer, session, members_clause):
    response = client_for(other_officer).post(
        reverse("version_create", args=[session.pk]),
        {"clause": members_clause.pk, "tabled_by": "union", "status": "proposed", "text": "x"},
    )

    assert response.status_code == 404


def test_a_clause_with_a_later_version_is_not_offered_in_an_older_session_and_the_text_is_kept(
    client_for, officer, unit, members_clause
):
    import datetime

    from tests.factories import NegotiationSessionFactory

    earlier = NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2024, 11, 5))
    client = client_for(officer)

    offered = client.get(reverse("version_create", args=[earlier.pk])).context["form"].fields["clause"].queryset
    response = client.post(
        reverse("version_create", args=[earlier.pk]),
        {"clause": members_clause.pk, "tabled_by": "employer", "status": "countered", "text": "A late counter."},
    )

    assert members_clause not in offered
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert "A late counter." in response.text
    assert members_clause.versions.count() == 2
