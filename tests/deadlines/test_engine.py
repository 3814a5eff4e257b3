"""The deadline engine: each kind of item, who may see it, what takes it off, and the queries it costs."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bargaining.access import Visibility
from bargaining.models import AgreementStatus
from consultations.models import ConsultationStage, EventKind, PrivacyAgreementStatus, ProposalStatus
from policies.deadlines.engine import Kind, deadlines_for, due_soon_for
from tests.factories import (
    AgreementFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    ProcurementProposalFactory,
    TaskFactory,
)

TODAY = datetime.date(2026, 6, 15)
DAY = datetime.timedelta(days=1)
PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


def kinds_and_dates(user, **filters):
    return [(item.kind, item.due) for item in deadlines_for(user, today=TODAY, **filters)]


@pytest.fixture
def due_consultation(union, proposal):
    return ConsultationFactory(
        union=union, proposal=proposal, opened_on=TODAY - 20 * DAY, response_deadline=TODAY + 5 * DAY
    )


def test_member_sees_a_consultation_response_deadline(member, due_consultation):
    [item] = deadlines_for(member, today=TODAY)
    assert (item.kind, item.due, item.record, item.union) == (
        Kind.CONSULTATION_RESPONSE,
        TODAY + 5 * DAY,
        due_consultation,
        due_consultation.union,
    )
    assert not item.computed
    assert item.due_soon and not item.overdue


@pytest.mark.parametrize("persona", ["other_officer", "anonymous", "staff"])
def test_outsiders_see_no_consultation_deadline(request, persona, due_consultation):
    # Staff see every record, but the dashboard's deadlines are those of the unions one belongs to.
    assert deadlines_for(request.getfixturevalue(persona), today=TODAY) == []


def test_member_does_not_see_an_internal_consultations_deadline(member, organiser, due_consultation):
    due_consultation.visibility = INTERNAL
    due_consultation.save()
    assert deadlines_for(member, today=TODAY) == []
    assert kinds_and_dates(organiser) == [(Kind.CONSULTATION_RESPONSE, TODAY + 5 * DAY)]


def test_deadline_without_a_date_is_the_statutory_window_from_the_notice(member, union, due_consultation):
    union.statutory_response_days = 20
    union.save()
    due_consultation.response_deadline = None
    due_consultation.save()
    ConsultationEventFactory(consultation=due_consultation, kind=EventKind.NOTICE, occurred_on=TODAY - 18 * DAY)
    [item] = deadlines_for(member, today=TODAY)
    assert item.due == TODAY + 2 * DAY
    assert item.computed


def test_without_a_notice_the_window_counts_from_the_opening(member, due_consultation):
    due_consultation.response_deadline = None
    due_consultation.save()
    assert kinds_and_dates(member) == [(Kind.CONSULTATION_RESPONSE, TODAY - 20 * DAY + 30 * DAY)]


def test_a_notice_the_reader_may_not_see_does_not_date_their_deadline(member, organiser, due_consultation):
    due_consultation.response_deadline = None
    due_consultation.save()
    ConsultationEventFactory(
        consultation=due_consultation, kind=EventKind.NOTICE, occurred_on=TODAY - 15 * DAY, visibility=INTERNAL
    )
    assert kinds_and_dates(organiser) == [(Kind.CONSULTATION_RESPONSE, TODAY + 15 * DAY)]
    assert kinds_and_dates(member) == [(Kind.CONSULTATION_RESPONSE, TODAY + 10 * DAY)]


@pytest.mark.parametrize("stage", [ConsultationStage.DECISION, ConsultationStage.REVIEW])
def test_closing_a_consultation_takes_its_deadline_off(member, due_consultation, stage):
    due_consultation.stage = stage
    due_consultation.save()
    assert deadlines_for(member, today=TODAY) == []


def test_an_agreement_has_an_expiry_and_a_reopener_deadline(member, unit):
    agreement = AgreementFactory(
        bargaining_unit=unit, status=AgreementStatus.RATIFIED, term_end=TODAY + 100 * DAY, reopener_days=90
    )
    assert kinds_and_dates(member) == [(Kind.REOPENER, TODAY + 10 * DAY), (Kind.AGREEMENT_EXPIRY, TODAY + 100 * DAY)]
    assert {item.uid for item in deadlines_for(member, today=TODAY)} == {
        f"reopener-{agreement.pk}@caucus",
        f"agreement_expiry-{agreement.pk}@caucus",
    }


def test_an_expired_agreement_is_overdue_without_a_reopener(member, unit):
    AgreementFactory(bargaining_unit=unit, status=AgreementStatus.RATIFIED, term_end=TODAY - DAY)
    assert kinds_and_dates(member) == [(Kind.AGREEMENT_EXPIRY, TODAY - DAY)]
    assert kinds_and_dates(member, overdue=False) == []


def test_renewing_an_agreement_takes_its_items_off(member, unit):
    AgreementFactory(bargaining_unit=unit, status=AgreementStatus.RATIFIED, term_end=TODAY + 10 * DAY)
    AgreementFactory(
        bargaining_unit=unit,
        status=AgreementStatus.RATIFIED,
        term_start=TODAY + 10 * DAY,
        term_end=TODAY + 1000 * DAY,
    )
    assert [due for _kind, due in kinds_and_dates(member)] == [TODAY + 910 * DAY, TODAY + 1000 * DAY]


def test_an_agreement_marked_expired_has_no_deadlines(member, unit):
    AgreementFactory(bargaining_unit=unit, status=AgreementStatus.EXPIRED, term_end=TODAY + 10 * DAY)
    assert deadlines_for(member, today=TODAY) == []


def test_an_archived_agreement_has_no_deadlines(member, unit):
    AgreementFactory(bargaining_unit=unit, term_end=TODAY + 10 * DAY, archived_on=TODAY)
    assert deadlines_for(member, today=TODAY) == []


def test_a_successor_still_in_negotiation_does_not_renew_an_agreement(member, unit):
    AgreementFactory(bargaining_unit=unit, term_end=TODAY - DAY)
    AgreementFactory(bargaining_unit=unit, term_start=TODAY - DAY, term_end=TODAY + 1000 * DAY)
    assert kinds_and_dates(member, overdue=True) == [(Kind.AGREEMENT_EXPIRY, TODAY - DAY)]


def test_members_do_not_see_an_internal_agreements_deadlines(member, organiser, other_officer, unit):
    AgreementFactory(
        bargaining_unit=unit, status=AgreementStatus.RATIFIED, term_end=TODAY + 10 * DAY, visibility=INTERNAL
    )
    assert deadlines_for(member, today=TODAY) == []
    assert deadlines_for(other_officer, today=TODAY) == []
    assert len(deadlines_for(organiser, today=TODAY)) == 2


def test_a_privacy_agreement_expires_for_the_unions_consulting_about_its_tool(
    member, other_officer, due_consultation, tool
):
    tool.privacy_agreement_status = PrivacyAgreementStatus.SIGNED
    tool.privacy_agreement_expires_on = TODAY + 3 * DAY
    tool.save()
    assert kinds_and_dates(member, kinds=[Kind.PRIVACY_AGREEMENT]) == [(Kind.PRIVACY_AGREEMENT, TODAY + 3 * DAY)]
    assert deadlines_for(other_officer, today=TODAY) == []


def test_a_tool_no_union_of_the_reader_consults_about_is_not_their_deadline(member, due_consultation):
    EdTechToolFactory(privacy_agreement_status=PrivacyAgreementStatus.SIGNED, privacy_agreement_expires_on=TODAY)
    assert kinds_and_dates(member, kinds=[Kind.PRIVACY_AGREEMENT]) == []


def test_a_deployed_tool_is_reviewed_a_year_after_deployment_unless_a_date_is_set(member, due_consultation):
    proposal = due_consultation.proposal
    proposal.status = ProposalStatus.DEPLOYED
    proposal.deployed_on = datetime.date(2025, 6, 20)
    proposal.save()
    [review] = deadlines_for(member, today=TODAY, kinds=[Kind.TOOL_REVIEW])
    assert (review.due, review.computed, review.union) == (datetime.date(2026, 6, 20), True, None)
    proposal.review_on = TODAY + 40 * DAY
    proposal.save()
    [review] = deadlines_for(member, today=TODAY, kinds=[Kind.TOOL_REVIEW])
    assert (review.due, review.computed) == (TODAY + 40 * DAY, False)


@pytest.mark.parametrize(
    ("started", "reviewed"),
    [
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28)),  # no 29 February next year: the day before
        (datetime.date(2024, 2, 28), datetime.date(2025, 2, 28)),
        (datetime.date(2023, 3, 1), datetime.date(2024, 3, 1)),
        (datetime.date(2025, 12, 31), datetime.date(2026, 12, 31)),
    ],
)
def test_a_review_a_year_on_is_counted_by_the_database_as_by_the_calendar(member, due_consultation, started, reviewed):
    proposal = due_consultation.proposal
    proposal.status = ProposalStatus.APPROVED
    proposal.proposed_start = started
    proposal.save()
    [review] = deadlines_for(member, today=TODAY, kinds=[Kind.TOOL_REVIEW])
    assert review.due == reviewed


def test_a_proposal_not_yet_approved_has_no_review(member, due_consultation):
    due_consultation.proposal.deployed_on = TODAY
    due_consultation.proposal.save()
    assert kinds_and_dates(member, kinds=[Kind.TOOL_REVIEW]) == []


def test_tasks_are_seen_by_the_unions_leadership_only(officer, organiser, member, other_officer, union):
    task = TaskFactory(union=union, assignee=organiser, due_on=TODAY - 2 * DAY)
    for reader in (officer, organiser):
        assert [(item.record, item.overdue) for item in deadlines_for(reader, today=TODAY)] == [(task, True)]
    assert deadlines_for(member, today=TODAY) == []
    assert deadlines_for(other_officer, today=TODAY) == []


def test_completing_a_task_takes_it_off(officer, union):
    TaskFactory(union=union, assignee=officer, due_on=TODAY, done_on=TODAY)
    assert deadlines_for(officer, today=TODAY) == []


def test_a_deactivated_user_sees_nothing(officer, union):
    TaskFactory(union=union, assignee=officer, due_on=TODAY)
    officer.is_active = False
    officer.save()
    assert deadlines_for(officer, today=TODAY) == []


def test_filters_by_overdue_range_kind_and_union(officer, union, other_union, unit):
    from tests.factories import MembershipFactory

    MembershipFactory(user=officer, union=other_union)
    TaskFactory(union=union, assignee=officer, due_on=TODAY - DAY)
    TaskFactory(union=union, assignee=officer, due_on=TODAY + 20 * DAY)
    AgreementFactory(bargaining_unit=unit, status=AgreementStatus.RATIFIED, term_end=TODAY + 400 * DAY)
    ConsultationFactory(union=other_union, opened_on=TODAY, response_deadline=TODAY + DAY, visibility=MEMBERS)
    assert kinds_and_dates(officer, overdue=True) == [(Kind.TASK, TODAY - DAY)]
    assert kinds_and_dates(officer, overdue=False, due_to=TODAY + 30 * DAY) == [
        (Kind.CONSULTATION_RESPONSE, TODAY + DAY),
        (Kind.TASK, TODAY + 20 * DAY),
    ]
    assert kinds_and_dates(officer, due_from=TODAY + 100 * DAY) == [
        (Kind.REOPENER, TODAY + 310 * DAY),
        (Kind.AGREEMENT_EXPIRY, TODAY + 400 * DAY),
    ]
    assert kinds_and_dates(officer, kinds=[Kind.REOPENER]) == [(Kind.REOPENER, TODAY + 310 * DAY)]
    assert kinds_and_dates(officer, union=other_union) == [(Kind.CONSULTATION_RESPONSE, TODAY + DAY)]


def build_every_kind(union, unit, officer, n):
    for i in range(n):
        proposal = ProcurementProposalFactory(
            status=ProposalStatus.DEPLOYED,
            deployed_on=TODAY - 300 * DAY,
            tool=EdTechToolFactory(
                privacy_agreement_status=PrivacyAgreementStatus.SIGNED, privacy_agreement_expires_on=TODAY + i * DAY
            ),
        )
        consultation = ConsultationFactory(union=union, proposal=proposal, opened_on=TODAY, response_deadline=None)
        ConsultationEventFactory(consultation=consultation, occurred_on=TODAY)
        ConsultationEventFactory(consultation=consultation, occurred_on=TODAY, kind=EventKind.INFORMATION_REQUEST)
        AgreementFactory(
            bargaining_unit__union=union, status=AgreementStatus.RATIFIED, term_end=TODAY + (i + 200) * DAY
        )
        TaskFactory(union=union, assignee=officer, consultation=consultation, due_on=TODAY + i * DAY)


def test_the_engine_costs_the_same_queries_for_many_items(officer, union, unit):
    counts = []
    for n in (2, 12):
        build_every_kind(union, unit, officer, n if not counts else n - 2)
        with CaptureQueriesContext(connection) as captured:
            items = deadlines_for(officer, today=TODAY)
            [(item.title, item.url, str(item.union)) for item in items]
        counts.append(len(captured.captured_queries))
        assert len(items) == n * 7
    assert counts[0] == counts[1] <= 7  # one query a kind


def build_overdue(union, officer, n):
    """`n` overdue tasks, consultations and information requests, of different ages."""
    for i in range(n):
        TaskFactory(union=union, assignee=officer, due_on=TODAY - (i + 1) * DAY)
        consultation = ConsultationFactory(
            union=union, opened_on=TODAY - 90 * DAY, response_deadline=TODAY - 2 * i * DAY
        )
        request_event(consultation, on=TODAY - (40 + i) * DAY, visibility=INTERNAL)


def test_a_limit_keeps_the_oldest_across_kinds(officer, union, unit):
    build_every_kind(union, unit, officer, 4)
    everything = deadlines_for(officer, today=TODAY)
    assert [item.due for item in everything] == sorted(item.due for item in everything)
    for narrowing in ({}, {"overdue": True}, {"overdue": False, "due_to": TODAY + 30 * DAY}, {"kinds": [Kind.TASK]}):
        wanted = deadlines_for(officer, today=TODAY, **narrowing)
        assert deadlines_for(officer, today=TODAY, limit=5, **narrowing) == wanted[:5]


@pytest.mark.parametrize("limit", [1, 3, 100])
def test_due_soon_lists_the_oldest_of_each_side_and_counts_them_all(officer, union, unit, limit):
    build_every_kind(union, unit, officer, 4)
    build_overdue(union, officer, 4)
    window = TODAY + 30 * DAY
    overdue = deadlines_for(officer, today=TODAY, overdue=True)
    upcoming = deadlines_for(officer, today=TODAY, overdue=False, due_to=window)
    assert overdue and upcoming
    due = due_soon_for(officer, today=TODAY, due_to=window, limit=limit)
    assert (due.overdue, due.overdue_count) == (overdue[:limit], len(overdue))
    assert (due.upcoming, due.upcoming_count) == (upcoming[:limit], len(upcoming))


def test_due_soon_shows_and_counts_only_what_the_reader_may_see(officer, member, other_officer, union, unit):
    build_every_kind(union, unit, officer, 3)
    build_overdue(union, officer, 3)
    window = TODAY + 30 * DAY
    for reader in (member, other_officer, AnonymousUser()):
        due = due_soon_for(reader, today=TODAY, due_to=window, limit=10)
        seen = deadlines_for(reader, today=TODAY, due_to=window)
        assert due.overdue + due.upcoming == [item for item in seen if item.overdue] + [
            item for item in seen if not item.overdue
        ]
        assert due.overdue_count + due.upcoming_count == len(seen)
    assert due_soon_for(other_officer, today=TODAY, due_to=window, limit=10) == due_soon_for(
        AnonymousUser(), today=TODAY, due_to=window, limit=10
    )


def test_a_reopener_window_counts_back_from_the_expiry_in_the_database(member, unit):
    AgreementFactory(bargaining_unit=unit, status=AgreementStatus.RATIFIED, term_end=TODAY + 10 * DAY, reopener_days=45)
    assert kinds_and_dates(member, kinds=[Kind.REOPENER]) == [(Kind.REOPENER, TODAY - 35 * DAY)]
    assert kinds_and_dates(member, kinds=[Kind.REOPENER], overdue=False) == []
    assert kinds_and_dates(member, overdue=False) == [(Kind.AGREEMENT_EXPIRY, TODAY + 10 * DAY)]


# Information requests ----------------------------------------------------------------------------------


def request_event(consultation, *, on=TODAY - 20 * DAY, due=None, visibility=MEMBERS):
    return ConsultationEventFactory(
        consultation=consultation,
        kind=EventKind.INFORMATION_REQUEST,
        occurred_on=on,
        answer_due_on=due,
        visibility=visibility,
    )


def request_items(user):
    return [item for item in deadlines_for(user, today=TODAY) if item.kind == Kind.INFORMATION_REQUEST]


def test_an_information_requests_answer_is_due_on_the_date_it_gives(officer, due_consultation):
    event = request_event(due_consultation, due=TODAY + 3 * DAY)
    [item] = request_items(officer)
    assert (item.due, item.record, item.computed, item.union) == (TODAY + 3 * DAY, event, False, due_consultation.union)


def test_without_a_date_the_answer_is_due_after_the_unions_days(officer, union, due_consultation):
    union.information_request_days = 10
    union.save()
    request_event(due_consultation, on=TODAY - 20 * DAY)
    [item] = request_items(officer)
    assert (item.due, item.computed, item.overdue) == (TODAY - 10 * DAY, True, True)


def test_a_document_received_after_the_request_answers_it(officer, due_consultation):
    request_event(due_consultation, on=TODAY - 20 * DAY)
    ConsultationEventFactory(
        consultation=due_consultation, kind=EventKind.DOCUMENT_RECEIVED, occurred_on=TODAY - 19 * DAY
    )
    assert request_items(officer) == []


def test_a_document_received_before_the_request_does_not_answer_it(officer, due_consultation):
    ConsultationEventFactory(
        consultation=due_consultation, kind=EventKind.DOCUMENT_RECEIVED, occurred_on=TODAY - 30 * DAY
    )
    request_event(due_consultation, on=TODAY - 20 * DAY)
    assert len(request_items(officer)) == 1


def test_a_closed_consultations_request_is_no_longer_due(officer, due_consultation):
    request_event(due_consultation)
    due_consultation.stage = ConsultationStage.DECISION
    due_consultation.save()
    assert request_items(officer) == []


def test_an_internal_request_is_due_for_the_leadership_only(officer, organiser, member, due_consultation):
    request_event(due_consultation, visibility=INTERNAL)
    assert len(request_items(officer)) == 1
    assert len(request_items(organiser)) == 1
    assert request_items(member) == []


def test_another_unions_officer_is_never_given_our_requests(other_officer, due_consultation):
    request_event(due_consultation, visibility=PUBLIC)
    assert request_items(other_officer) == []


def test_an_answer_date_belongs_to_an_information_request_only(due_consultation):
    from django.core.exceptions import ValidationError

    event = ConsultationEventFactory.build(
        consultation=due_consultation, kind=EventKind.MEETING, occurred_on=TODAY, answer_due_on=TODAY + DAY
    )
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "answer_due_on" in refused.value.message_dict
    event.kind = EventKind.INFORMATION_REQUEST
    event.answer_due_on = TODAY - DAY
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "answer_due_on" in refused.value.message_dict
