"""Proposals and consultations: lists, the consultation page, and the officer's writes."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from consultations.models import Consultation, ConsultationEvent, ConsultationStage, ProcurementProposal
from tests.factories import ConsultationEventFactory, ConsultationFactory, ProcurementProposalFactory

pytestmark = pytest.mark.django_db


# Lists


def test_member_lists_members_consultations_but_not_internal_ones(
    client_for, member, consultation, internal_consultation
):
    rows = list(client_for(member).get(reverse("consultation_list")).context["rows"])

    assert rows == [consultation]


def test_organiser_lists_internal_consultations_too(client_for, organiser, consultation, internal_consultation):
    rows = set(client_for(organiser).get(reverse("consultation_list")).context["rows"])

    assert rows == {consultation, internal_consultation}


def test_other_unions_officer_lists_none_of_ours(client_for, other_officer, consultation, internal_consultation):
    assert list(client_for(other_officer).get(reverse("consultation_list")).context["rows"]) == []


def test_anonymous_lists_only_public_consultations(client_for, anonymous, consultation, internal_consultation):
    assert list(client_for(anonymous).get(reverse("consultation_list")).context["rows"]) == []


def test_consultations_filter_by_stage(client_for, officer, consultation, internal_consultation):
    internal_consultation.stage = ConsultationStage.MEETINGS
    internal_consultation.save()

    rows = list(client_for(officer).get(reverse("consultation_list"), {"stage": "meetings"}).context["rows"])

    assert rows == [internal_consultation]


def test_a_filter_naming_a_proposal_the_visitor_may_not_see_is_an_error_not_a_leak(
    client_for, anonymous, union, internal_consultation
):
    public = ConsultationFactory(union=union, visibility=Visibility.PUBLIC)
    client = client_for(anonymous)
    hidden = client.get(reverse("consultation_list"), {"proposal": internal_consultation.proposal_id})
    missing = client.get(reverse("consultation_list"), {"proposal": 999999})

    assert list(client.get(reverse("consultation_list")).context["rows"]) == [public]
    assert hidden.status_code == 200
    errors = hidden.context["filter"].errors
    assert list(errors) == ["proposal"]
    assert "Select a valid choice" in errors["proposal"][0]
    assert 'href="#id_proposal"' in hidden.text
    assert list(hidden.context["rows"]) == []
    # The page answers exactly as for a proposal that does not exist: it does not tell that this one does.
    assert errors == missing.context["filter"].errors


def test_a_filter_naming_the_proposal_of_another_unions_consultation_lists_none_of_theirs(
    client_for, member, other_union
):
    theirs = ConsultationFactory(union=other_union, visibility=Visibility.MEMBERS)

    response = client_for(member).get(reverse("consultation_list"), {"proposal": theirs.proposal_id})

    assert response.status_code == 200
    # Proposals are shared reference records, so naming one is a valid filter; the consultation stays theirs.
    assert not response.context["filter"].errors
    assert list(response.context["rows"]) == []


def test_anonymous_is_sent_to_sign_in_for_proposals(client_for, anonymous, proposal):
    for url in [reverse("proposal_list"), reverse("proposal_detail", args=[proposal.pk]), reverse("proposal_create")]:
        assert client_for(anonymous).get(url).status_code == 302


def test_proposals_filter_by_status(client_for, member, proposal):
    ProcurementProposalFactory(title="Deployed already", status="deployed")

    response = client_for(member).get(reverse("proposal_list"), {"status": "deployed"})

    assert "Deployed already" in response.text
    assert proposal.title not in response.text


def test_consultation_list_query_count_does_not_grow(
    client_for, officer, union, count_queries, django_assert_num_queries
):
    client = client_for(officer)
    ConsultationFactory(union=union)
    few = count_queries(client, reverse("consultation_list"))
    ConsultationFactory.create_batch(5, union=union)
    with django_assert_num_queries(few):
        client.get(reverse("consultation_list"))


def test_proposal_list_query_count_does_not_grow(client_for, member, count_queries, django_assert_num_queries):
    client = client_for(member)
    ProcurementProposalFactory()
    few = count_queries(client, reverse("proposal_list"))
    ProcurementProposalFactory.create_batch(5)
    with django_assert_num_queries(few):
        client.get(reverse("proposal_list"))


# The consultation page


def test_member_reads_the_consultation_timeline_without_internal_events(client_for, member, consultation):
    ConsultationEventFactory(consultation=consultation, summary="Notice from the district")
    ConsultationEventFactory(consultation=consultation, summary="Our bottom line", visibility=Visibility.INTERNAL)

    response = client_for(member).get(reverse("consultation_detail", args=[consultation.pk]))

    assert "Notice from the district" in response.text
    assert "Our bottom line" not in response.text
    assert "Add an event" not in response.text
    assert 'aria-current="step"' in response.text


def test_member_gets_404_for_an_internal_consultation(client_for, member, internal_consultation):
    assert client_for(member).get(reverse("consultation_detail", args=[internal_consultation.pk])).status_code == 404


def test_other_unions_officer_gets_404_for_our_consultation(client_for, other_officer, consultation):
    assert client_for(other_officer).get(reverse("consultation_detail", args=[consultation.pk])).status_code == 404


def test_anonymous_gets_404_for_a_members_consultation(client_for, anonymous, consultation):
    assert client_for(anonymous).get(reverse("consultation_detail", args=[consultation.pk])).status_code == 404


# Officers' writes


def test_officer_records_a_proposal(client_for, officer, tool, employer):
    response = client_for(officer).post(
        reverse("proposal_create"),
        {
            "employer": employer.pk,
            "tool": tool.pk,
            "title": "Pilot GradeGenie in grade 8",
            "affected_job_groups": ["teachers"],
            "announced_on": "2025-04-01",
            "status": "announced",
        },
    )

    proposal = ProcurementProposal.objects.get(title="Pilot GradeGenie in grade 8")
    assert response.status_code == 302
    assert proposal.affected_job_groups == ["teachers"]


def test_an_invalid_proposal_keeps_what_was_typed_and_names_the_field(client_for, officer, tool, employer):
    response = client_for(officer).post(
        reverse("proposal_create"),
        {
            "employer": employer.pk,
            "tool": tool.pk,
            "title": "Pilot with a typo in the date",
            "announced_on": "2025-04-01",
            "proposed_start": "2025-03-01",
            "status": "announced",
        },
    )

    assert response.status_code == 400
    assert 'value="Pilot with a typo in the date"' in response.text
    assert "Proposed start" in response.text
    assert "cannot come before the announcement" in response.text
    assert not ProcurementProposal.objects.filter(title="Pilot with a typo in the date").exists()


def test_member_may_not_record_a_proposal(client_for, member):
    assert client_for(member).get(reverse("proposal_create")).status_code == 403


def test_officer_opens_a_consultation_for_their_union(client_for, officer, union, proposal):
    response = client_for(officer).post(
        reverse("consultation_create"),
        {
            "union": union.pk,
            "proposal": proposal.pk,
            "opened_on": "2025-02-01",
            "response_deadline": "2025-03-03",
            "visibility": "members",
        },
    )

    consultation = Consultation.objects.get(union=union, proposal=proposal)
    assert response.url == reverse("consultation_detail", args=[consultation.pk])


def test_officer_cannot_open_a_consultation_for_another_union(client_for, officer, other_union, proposal):
    response = client_for(officer).post(
        reverse("consultation_create"),
        {"union": other_union.pk, "proposal": proposal.pk, "opened_on": "2025-02-01", "visibility": "members"},
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not Consultation.objects.exists()


def test_a_deadline_before_opening_is_refused_naming_the_field(client_for, officer, union, proposal):
    response = client_for(officer).post(
        reverse("consultation_create"),
        {
            "union": union.pk,
            "proposal": proposal.pk,
            "opened_on": "2025-02-01",
            "response_deadline": "2025-01-01",
            "visibility": "members",
        },
    )

    assert response.status_code == 400
    assert "Response deadline" in response.text
    assert 'value="2025-01-01"' in response.text


def test_member_may_not_open_a_consultation(client_for, member):
    assert client_for(member).get(reverse("consultation_create")).status_code == 403


def test_officer_adds_an_event_to_the_timeline(client_for, officer, consultation):
    response = client_for(officer).post(
        reverse("event_create", args=[consultation.pk]),
        {
            "occurred_on": "2025-02-03",
            "kind": "information_request",
            "summary": "Asked what data it collects.",
            "visibility": "members",
        },
    )

    assert response.status_code == 302
    event = ConsultationEvent.objects.get()
    assert event.summary == "Asked what data it collects."
    assert event.author == officer


def test_an_event_more_visible_than_its_consultation_is_refused_keeping_the_summary(client_for, officer, consultation):
    response = client_for(officer).post(
        reverse("event_create", args=[consultation.pk]),
        {"occurred_on": "2025-02-03", "kind": "note", "summary": "Typed with care", "visibility": "public"},
    )

    assert response.status_code == 400
    assert "Cannot be more visible than its consultation" in response.text
    assert "Typed with care" in response.text
    assert not ConsultationEvent.objects.exists()


def test_member_may_not_add_an_event(client_for, member, consultation):
    response = client_for(member).post(
        reverse("event_create", args=[consultation.pk]),
        {"occurred_on": "2025-02-03", "kind": "note", "summary": "x", "visibility": "members"},
    )

    assert response.status_code == 403
    assert not ConsultationEvent.objects.exists()


def test_other_unions_officer_gets_404_adding_an_event(client_for, other_officer, consultation):
    response = client_for(other_officer).post(
        reverse("event_create", args=[consultation.pk]),
        {"occurred_on": "2025-02-03", "kind": "note", "summary": "x", "visibility": "members"},
    )

    assert response.status_code == 404


def test_officer_moves_the_stage(client_for, officer, consultation):
    response = client_for(officer).post(
        reverse("stage_move", args=[consultation.pk]), {"stage": "meetings", "current_stage": "notice_received"}
    )

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.stage == ConsultationStage.MEETINGS


def test_a_stage_move_over_someone_elses_move_is_refused_with_a_message(client_for, officer, consultation):
    consultation.stage = ConsultationStage.RESPONSE_SUBMITTED
    consultation.save()

    response = client_for(officer).post(
        reverse("stage_move", args=[consultation.pk]), {"stage": "meetings", "current_stage": "notice_received"}
    )

    assert response.status_code == 409
    assert "Someone else has moved this consultation" in response.text
    consultation.refresh_from_db()
    assert consultation.stage == ConsultationStage.RESPONSE_SUBMITTED


def test_member_may_not_move_the_stage(client_for, member, consultation):
    response = client_for(member).post(
        reverse("stage_move", args=[consultation.pk]), {"stage": "meetings", "current_stage": "notice_received"}
    )

    assert response.status_code == 403


def test_anonymous_is_sent_to_sign_in_to_move_a_stage(client_for, anonymous, consultation):
    response = client_for(anonymous).post(reverse("stage_move", args=[consultation.pk]), {"stage": "meetings"})

    assert response.status_code == 302


def test_a_negative_cost_is_refused_on_the_cost_field(client_for, officer, tool, employer):
    response = client_for(officer).post(
        reverse("proposal_create"),
        {
            "employer": employer.pk,
            "tool": tool.pk,
            "title": "Pilot with a negative cost",
            "cost": "-5",
            "announced_on": "2025-04-01",
            "status": "announced",
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["cost"] == ["The cost cannot be negative."]
    assert 'value="Pilot with a negative cost"' in response.text
    assert not ProcurementProposal.objects.filter(title="Pilot with a negative cost").exists()


def test_an_information_request_shows_when_its_answer_is_due_entered_or_counted(client_for, member, consultation):
    import datetime

    from consultations.models import EventKind

    consultation.union.information_request_days = 10
    consultation.union.save()
    sent = datetime.date(2026, 3, 2)
    ConsultationEventFactory(consultation=consultation, kind=EventKind.INFORMATION_REQUEST, occurred_on=sent)
    ConsultationEventFactory(
        consultation=consultation,
        kind=EventKind.INFORMATION_REQUEST,
        occurred_on=sent,
        answer_due_on=datetime.date(2026, 4, 1),
    )
    ConsultationEventFactory(consultation=consultation, kind=EventKind.MEETING, occurred_on=sent)
    text = client_for(member).get(reverse("consultation_detail", args=[consultation.pk])).text
    assert "Answer due 12 Mar 2026" in text and "(counted: 10 days from the request)" in text
    assert "Answer due 1 Apr 2026" in text
    assert text.count("Answer due") == 2


def test_the_consultation_page_gives_the_response_due_entered_or_counted(client_for, member, union):
    import datetime

    from consultations.models import EventKind

    union.statutory_response_days = 20
    union.save()
    counted = ConsultationFactory(union=union, opened_on=datetime.date(2026, 3, 1), response_deadline=None)
    ConsultationEventFactory(consultation=counted, kind=EventKind.NOTICE, occurred_on=datetime.date(2026, 3, 5))
    entered = ConsultationFactory(union=union, response_deadline=datetime.date(2026, 6, 30))
    page = client_for(member).get(reverse("consultation_detail", args=[counted.pk])).text
    assert '<time datetime="2026-03-25">25 Mar 2026</time> <span class="muted-inline"' in page
    assert "(computed)" in page
    page = client_for(member).get(reverse("consultation_detail", args=[entered.pk])).text
    assert '<time datetime="2026-06-30">30 Jun 2026</time></dd>' in page
