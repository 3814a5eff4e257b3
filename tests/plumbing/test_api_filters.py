"""Filtering and ordering every list through the shared FilterSets; bad values answer 400 naming them."""

import datetime

import pytest

from bargaining.access import Visibility
from bargaining.models import JobGroup
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    PositionFactory,
    ProcurementProposalFactory,
    TopicFactory,
    VendorFactory,
)
from tests.helpers import list_ids

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


def ids(client, url):
    return sorted(list_ids(client.get(url)))


# Clauses


@pytest.fixture
def library(union, other_union):
    """Two clauses that differ in everything a filter can look at."""
    workload = ClauseFactory(
        agreement__bargaining_unit__union=union,
        agreement__bargaining_unit__job_group=JobGroup.TEACHERS,
        agreement__status="ratified",
        topic=TopicFactory(code="workload"),
        title="Workload limits",
        visibility=PUBLIC,
    )
    ClauseVersionFactory(clause=workload, text="No more than five hours of screen time.", status="ratified")
    privacy = ClauseFactory(
        agreement__bargaining_unit__union=other_union,
        agreement__bargaining_unit__job_group=JobGroup.SUPPORT_STAFF,
        agreement__status="in_negotiation",
        topic=TopicFactory(code="data-privacy"),
        title="Student data",
        visibility=PUBLIC,
    )
    ClauseVersionFactory(clause=privacy, text="Data stays in the district.", status="proposed")
    return workload, privacy


def test_clauses_filter_by_every_dimension(api, member, union, library):
    workload, privacy = library
    client = api(member)
    employer = workload.agreement.bargaining_unit.employer
    unit = workload.agreement.bargaining_unit

    for query in [
        "topic=workload",
        "status=ratified",
        f"union={union.slug}",
        f"employer={employer.slug}",
        f"bargaining_unit={unit.pk}",
        "job_group=teachers",
        "agreement_status=ratified",
        "search=screen",
        "search=workload",
        "search=SCREEN%20hours",
    ]:
        assert ids(client, f"/api/v1/clauses/?{query}") == [workload.pk], query
    assert ids(client, "/api/v1/clauses/?search=district") == [privacy.pk]


def test_clauses_filter_by_the_tool_whose_consultation_produced_them(api, member, union, library):
    workload, _ = library
    tool = EdTechToolFactory()
    consultation = ConsultationFactory(union=union, proposal__tool=tool, visibility=MEMBERS)
    consultation.resulting_clauses.add(workload)

    assert ids(api(member), f"/api/v1/clauses/?tool={tool.pk}") == [workload.pk]


def test_a_tool_links_to_no_clause_through_a_consultation_the_caller_cannot_see(api, member, union, library):
    workload, _ = library
    tool = EdTechToolFactory()
    ConsultationFactory(union=union, proposal__tool=tool, visibility=INTERNAL).resulting_clauses.add(workload)

    assert ids(api(member), f"/api/v1/clauses/?tool={tool.pk}") == []


def test_clauses_are_ordered_on_request(api, member, library):
    workload, privacy = library
    client = api(member)

    assert list_ids(client.get("/api/v1/clauses/?ordering=title")) == [privacy.pk, workload.pk]
    assert list_ids(client.get("/api/v1/clauses/?ordering=-title")) == [workload.pk, privacy.pk]


# Proposals, consultations, events, positions, tools


def test_proposals_filter_by_employer_tool_status_and_date_range(api, member):
    early = ProcurementProposalFactory(announced_on=datetime.date(2024, 5, 1), status="approved")
    late = ProcurementProposalFactory(announced_on=datetime.date(2025, 5, 1))
    client = api(member)

    assert ids(client, f"/api/v1/proposals/?employer={early.employer.slug}") == [early.pk]
    assert ids(client, f"/api/v1/proposals/?tool={late.tool.pk}") == [late.pk]
    assert ids(client, "/api/v1/proposals/?status=approved") == [early.pk]
    assert ids(client, "/api/v1/proposals/?announced_after=2025-01-01") == [late.pk]
    assert ids(client, "/api/v1/proposals/?announced_before=2025-01-01") == [early.pk]
    assert list_ids(client.get("/api/v1/proposals/?ordering=announced_on")) == [early.pk, late.pk]


def test_consultations_filter_by_union_stage_tool_employer_and_deadline(api, union, other_union, staff):
    ours = ConsultationFactory(union=union, stage="meetings", response_deadline=datetime.date(2025, 3, 1))
    theirs = ConsultationFactory(union=other_union, response_deadline=datetime.date(2025, 6, 1))
    client = api(staff)

    assert ids(client, f"/api/v1/consultations/?union={union.slug}") == [ours.pk]
    assert ids(client, "/api/v1/consultations/?stage=meetings") == [ours.pk]
    assert ids(client, f"/api/v1/consultations/?tool={theirs.proposal.tool.pk}") == [theirs.pk]
    assert ids(client, f"/api/v1/consultations/?employer={ours.proposal.employer.slug}") == [ours.pk]
    assert ids(client, "/api/v1/consultations/?deadline_after=2025-04-01") == [theirs.pk]
    assert ids(client, "/api/v1/consultations/?deadline_before=2025-04-01") == [ours.pk]
    assert list_ids(client.get("/api/v1/consultations/?ordering=-response_deadline")) == [theirs.pk, ours.pk]


def test_events_filter_by_consultation_kind_and_date_range(api, union, member):
    first = ConsultationEventFactory(consultation__union=union, occurred_on=datetime.date(2025, 1, 5), kind="notice")
    second = ConsultationEventFactory(consultation__union=union, occurred_on=datetime.date(2025, 2, 5), kind="meeting")
    client = api(member)

    assert ids(client, f"/api/v1/consultation-events/?consultation={first.consultation.pk}") == [first.pk]
    assert ids(client, "/api/v1/consultation-events/?kind=meeting") == [second.pk]
    assert ids(client, "/api/v1/consultation-events/?occurred_after=2025-02-01") == [second.pk]
    assert ids(client, "/api/v1/consultation-events/?occurred_before=2025-02-01") == [first.pk]


def test_positions_filter_by_stance_proposal_tool_union_and_visibility(api, union, officer):
    proposal = ProcurementProposalFactory()
    on_proposal = PositionFactory(union=union, tool=None, proposal=proposal, stance="oppose", visibility=PUBLIC)
    on_tool = PositionFactory(union=union, stance="support", visibility=INTERNAL)
    client = api(officer)

    assert ids(client, "/api/v1/positions/?stance=oppose") == [on_proposal.pk]
    assert ids(client, f"/api/v1/positions/?proposal={proposal.pk}") == [on_proposal.pk]
    assert ids(client, f"/api/v1/positions/?tool={proposal.tool.pk}") == [on_proposal.pk]
    assert ids(client, f"/api/v1/positions/?tool={on_tool.tool.pk}") == [on_tool.pk]
    assert ids(client, f"/api/v1/positions/?union={union.slug}") == sorted([on_proposal.pk, on_tool.pk])
    assert ids(client, "/api/v1/positions/?visibility=internal") == [on_tool.pk]


def test_tools_filter_by_category_vendor_risk_and_privacy_agreement(api, member):
    vendor = VendorFactory()
    watched = EdTechToolFactory(
        vendor=vendor, category="monitoring", risk_rating="high", privacy_agreement_status="signed"
    )
    EdTechToolFactory(category="tutoring")
    client = api(member)

    for query in ["category=monitoring", f"vendor={vendor.pk}", "risk_rating=high", "privacy_agreement_status=signed"]:
        assert ids(client, f"/api/v1/tools/?{query}") == [watched.pk], query


# Bad values


@pytest.mark.parametrize(
    ("collection", "parameter", "value"),
    [
        ("clauses", "topic", "no-such-topic"),
        ("clauses", "status", "signed-in-blood"),
        ("clauses", "union", "no-such-union"),
        ("clauses", "tool", "abc"),
        ("clauses", "tool", "999999"),
        ("clauses", "job_group", "astronauts"),
        ("clauses", "ordering", "secret_field"),
        ("proposals", "announced_after", "2025-13-45"),
        ("proposals", "announced_before", "not-a-date"),
        ("proposals", "status", "maybe"),
        ("consultations", "deadline_after", "99999-01-01"),
        ("consultations", "stage", "limbo"),
        ("consultation-events", "kind", "party"),
        ("consultation-events", "consultation", "abc"),
        ("positions", "stance", "sort-of"),
        ("positions", "visibility", "secret"),
        ("tools", "category", "toaster"),
        ("tools", "vendor", "-1"),
        ("tools", "risk_rating", "extreme"),
        ("tools", "privacy_agreement_status", "lost"),
        ("employers", "ordering", "password"),
    ],
)
def test_an_invalid_filter_value_answers_400_naming_the_parameter(api, member, collection, parameter, value):
    response = api(member).get(f"/api/v1/{collection}/?{parameter}={value}")

    assert response.status_code == 400
    assert parameter in response.json()


def test_filtering_by_a_record_the_caller_cannot_see_is_refused_like_one_that_does_not_exist(api, union, other_officer):
    hidden = ConsultationFactory(union=union, visibility=INTERNAL)

    response = api(other_officer).get(f"/api/v1/consultation-events/?consultation={hidden.pk}")

    assert response.status_code == 400
    assert "consultation" in response.json()


def test_an_employer_filter_is_by_slug(api, member):
    employer = EmployerFactory(slug="northview")
    proposal = ProcurementProposalFactory(employer=employer)

    assert ids(api(member), "/api/v1/proposals/?employer=northview") == [proposal.pk]


def test_lists_are_paginated_with_next_and_previous(api, member):
    for _ in range(3):
        VendorFactory()

    data = api(member).get("/api/v1/vendors/?page_size=2").json()

    assert set(data) >= {"next", "previous", "results"}
    assert len(data["results"]) == 2
    assert data["previous"] is None
    assert "cursor=" in data["next"]


def test_a_search_of_many_words_is_cut_to_a_handful_rather_than_refused(api, member, library):
    workload, _ = library
    words = "%20".join(["screen"] * 12 + ["nowhere"] * 100)

    assert ids(api(member), f"/api/v1/clauses/?search={words}") == [workload.pk]
