"""The journeys of an officer keeping the record on the web, end to end in Chromium: a proposal for a tool not yet
in the registry, a corrected deadline told on the timeline and in the history, an agreement with two articles and
their first versions, and a clause rated against the model clause."""

import datetime

import pytest
from playwright.sync_api import expect

from bargaining.access import Role, Visibility
from bargaining.models import ModelRating
from consultations.models import EdTechTool
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationFactory,
    EmployerFactory,
    MembershipFactory,
    ModelClauseFactory,
    NegotiationSessionFactory,
    ProcurementProposalFactory,
    TopicFactory,
    UnionFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

MEMBERS = Visibility.MEMBERS


@pytest.fixture
def officer_world(transactional_db):
    union = UnionFactory(name="Northview Education Association", slug="nea", short_name="NEA")
    officer = MembershipFactory(
        union=union, role=Role.OFFICER, user=UserFactory(username="officer", first_name="Dana", last_name="Whitfield")
    ).user
    employer = EmployerFactory(name="Northview School District", slug="northview")
    unit = BargainingUnitFactory(union=union, employer=employer, name="Northview teachers", visibility=MEMBERS)
    session = NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2025, 4, 2), location="Board room")
    workload = TopicFactory(code="workload", name="Workload")
    consultation = ConsultationFactory(
        union=union,
        proposal=ProcurementProposalFactory(employer=employer, title="Adopt GradeGenie for marking"),
        response_deadline=datetime.date(2025, 2, 19),
        visibility=MEMBERS,
    )
    agreement = AgreementFactory(bargaining_unit=unit, title="Teachers' agreement 2024-27", visibility=MEMBERS)
    clause = ClauseFactory(agreement=agreement, topic=workload, title="Workload and AI", visibility=MEMBERS)
    ClauseVersionFactory(clause=clause, text="No AI tool shall add to workload without consultation.")
    ModelClauseFactory(
        union=union,
        topic=workload,
        title="Model clause on workload",
        preferred_text="No AI tool shall add to workload without agreement.",
        fallback_text="No AI tool shall add to workload without consultation.",
        walk_away_text="At least thirty days' notice of any AI tool.",
        visibility=MEMBERS,
    )
    return {
        "officer": officer,
        "employer": employer,
        "unit": unit,
        "session": session,
        "consultation": consultation,
        "clause": clause,
    }


def test_officer_records_a_proposal_for_a_tool_not_yet_in_the_registry(page, sign_in, officer_world):
    sign_in(officer_world["officer"])
    page.goto(f"{page.base_url}/proposals/")
    page.get_by_role("link", name="Record a proposal").click()

    page.get_by_label("Employer").select_option(label="Northview School District")
    page.get_by_label("Name of the new tool").fill("ClassPulse")
    page.get_by_label("Name of the new vendor").fill("Pulse Learning Inc.")
    page.get_by_label("Title").fill("Pilot ClassPulse in grade 9")
    page.get_by_label("Announced on").fill("2025-04-01")
    page.get_by_role("button", name="Record proposal").click()

    # The category was forgotten: nothing is saved, and nothing typed is lost.
    expect(page.locator("#form-errors")).to_contain_text("Choose the new tool's category.")
    expect(page.get_by_label("Name of the new tool")).to_have_value("ClassPulse")
    expect(page.get_by_label("Name of the new vendor")).to_have_value("Pulse Learning Inc.")
    expect(page.get_by_label("Title")).to_have_value("Pilot ClassPulse in grade 9")
    assert not EdTechTool.objects.filter(name="ClassPulse").exists()

    page.get_by_label("Its category").select_option(label="Analytics or early warning")
    page.get_by_role("button", name="Record proposal").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Pilot ClassPulse in grade 9")
    expect(page.locator(".facts")).to_contain_text("Pulse Learning Inc.")
    page.get_by_role("link", name="ClassPulse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ClassPulse")
    expect(page.locator(".timeline")).to_contain_text("Pilot ClassPulse in grade 9")


def test_officer_corrects_a_deadline_and_sees_it_on_the_timeline_and_in_the_history(page, sign_in, officer_world):
    sign_in(officer_world["officer"])
    page.goto(f"{page.base_url}/consultations/{officer_world['consultation'].pk}/")
    page.locator(".record-actions").get_by_role("link", name="Edit").click()

    page.get_by_label("Response deadline").fill("2025-03-05")
    page.get_by_role("button", name="Save changes").click()

    expect(page.locator(".messages")).to_contain_text("Consultation saved")
    expect(page.locator(".facts")).to_contain_text("5 Mar 2025")
    entry = page.locator(".timeline-entry").first
    expect(entry).to_contain_text("Record updated")
    expect(entry).to_contain_text("Response deadline changed from 19 Feb 2025 to 5 Mar 2025.")
    expect(entry).to_contain_text("by Dana Whitfield")

    page.get_by_role("link", name="History of changes").click()
    row = page.locator("table.history tbody tr").first
    expect(row).to_contain_text("Changed response deadline")
    expect(row).to_contain_text("2025-02-19")
    expect(row).to_contain_text("2025-03-05")
    expect(row).to_contain_text("Dana Whitfield")


def test_officer_adds_an_agreement_with_two_articles_and_tables_their_first_versions(page, sign_in, officer_world):
    sign_in(officer_world["officer"])
    page.goto(f"{page.base_url}/units/{officer_world['unit'].pk}/")
    page.get_by_role("link", name="Add an agreement").click()

    page.get_by_label("Title").fill("AI memorandum of understanding")
    page.get_by_label("Kind").select_option(label="Memorandum of understanding")
    page.get_by_label("Term start").fill("2025-05-01")
    page.get_by_label("Term end").fill("2027-04-30")
    page.get_by_role("button", name="Add agreement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("AI memorandum of understanding")

    for number, title, text in [
        ("5.10", "Review of AI tools", "Each AI tool shall be reviewed jointly every year."),
        ("5.2", "Notice of new AI tools", "The District shall give ninety days' notice of any AI tool."),
    ]:
        page.get_by_role("link", name="Add an article").click()
        page.get_by_label("Article number").fill(number)
        page.get_by_label("Title").fill(title)
        page.get_by_label("Topic").select_option(label="Workload")
        page.get_by_label("First text tabled").fill(text)
        page.get_by_label("Session").select_option(label="2 Apr 2025 — Board room")
        page.get_by_role("button", name="Add article").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Art. {number} {title}")
        expect(page.locator(".lineage")).to_contain_text("Version 1: Proposed")
        expect(page.locator(".lineage")).to_contain_text("the session of 2 Apr 2025")
        page.locator(".breadcrumb").get_by_role("link", name="AI memorandum of understanding").click()

    articles = page.locator("table tbody tr td:first-child")
    expect(articles).to_have_text(["5.2", "5.10"])


def test_officer_rates_a_clause_against_the_model_clause(page, sign_in, officer_world):
    clause = officer_world["clause"]
    sign_in(officer_world["officer"])
    page.goto(f"{page.base_url}/clauses/{clause.pk}/")
    page.get_by_role("link", name="Rate against the model clause").click()

    expect(page.get_by_role("heading", name="The negotiated clause")).to_be_visible()
    expect(page.locator(".side").first).to_contain_text("No AI tool shall add to workload without consultation.")
    model = page.locator(".side").nth(1)
    expect(model).to_contain_text("Preferred wording")
    expect(model).to_contain_text("No AI tool shall add to workload without agreement.")
    expect(model).to_contain_text("At least thirty days' notice of any AI tool.")
    page.get_by_label("Meets the fallback wording").check()
    page.get_by_role("button", name="Save rating").click()

    expect(page.locator(".messages")).to_contain_text("Rating saved.")
    expect(page.locator(".facts")).to_contain_text("Meets the fallback wording")
    clause.refresh_from_db()
    assert clause.model_rating == ModelRating.FALLBACK
