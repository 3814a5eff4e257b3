"""The four journeys of the web interface, end to end in Chromium."""

import csv
import io
import re

import pytest
from django.contrib.auth.hashers import make_password
from playwright.sync_api import expect

from bargaining.access import Role, Visibility
from bargaining.models import ClauseVersionStatus, TabledBy
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    MembershipFactory,
    ModelClauseFactory,
    PositionFactory,
    ProcurementProposalFactory,
    TopicFactory,
    UnionFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

MEMBERS, INTERNAL = Visibility.MEMBERS, Visibility.INTERNAL


@pytest.fixture
def live_world(transactional_db):
    """One union's records: a unit with an agreement, two clauses on workload, a tool with a consultation."""
    union = UnionFactory(name="Northview Education Association", slug="nea", short_name="NEA")
    other_union = UnionFactory(name="Lakeside Support Staff Union", slug="lssu", short_name="LSSU")
    people = {
        role: MembershipFactory(union=union, role=role, user=UserFactory(username=role)).user
        for role in [Role.OFFICER, Role.ORGANISER, Role.MEMBER]
    }
    people["other_officer"] = MembershipFactory(
        union=other_union, role=Role.OFFICER, user=UserFactory(username="other-officer")
    ).user
    employer = EmployerFactory(name="Northview School District", slug="northview")
    unit = BargainingUnitFactory(union=union, employer=employer, name="Northview teachers", visibility=MEMBERS)
    agreement = AgreementFactory(bargaining_unit=unit, title="Teachers' agreement 2024-27", visibility=MEMBERS)
    workload = TopicFactory(code="workload", name="Workload")
    training = TopicFactory(code="training", name="Training")
    clause = ClauseFactory(agreement=agreement, topic=workload, title="Workload and AI", visibility=MEMBERS)
    ClauseVersionFactory(
        clause=clause, number=1, text="No AI tool shall add to workload without agreement.", tabled_by=TabledBy.UNION
    )
    second = ClauseFactory(agreement=agreement, topic=workload, title="Workload reviews", visibility=MEMBERS)
    ClauseVersionFactory(
        clause=second, text="Workload shall be reviewed each term.", status=ClauseVersionStatus.RATIFIED
    )
    ClauseVersionFactory(
        clause=ClauseFactory(agreement=agreement, topic=training, title="Training time", visibility=MEMBERS),
        text="Paid training before any AI tool is used.",
    )
    ModelClauseFactory(union=union, topic=workload, visibility=MEMBERS)
    tool = EdTechToolFactory(name="GradeGenie")
    proposal = ProcurementProposalFactory(tool=tool, employer=employer, title="Adopt GradeGenie for marking")
    consultation = ConsultationFactory(union=union, proposal=proposal, visibility=MEMBERS)
    consultation.resulting_clauses.add(clause)
    ConsultationEventFactory(consultation=consultation, summary="Written notice of GradeGenie received.")
    internal = ConsultationFactory(
        union=union,
        proposal=ProcurementProposalFactory(tool=tool, employer=employer, title="GradeGenie analytics"),
        visibility=INTERNAL,
    )
    ConsultationEventFactory(consultation=internal, summary="Our bottom line is a workload cap.", visibility=INTERNAL)
    draft = PositionFactory(union=union, tool=tool, title="Draft stance on GradeGenie")
    return {
        **people,
        "unit": unit,
        "clause": clause,
        "tool": tool,
        "consultation": consultation,
        "internal": internal,
        "draft": draft,
    }


def test_officer_logs_a_session_and_tables_a_counter_proposal_then_sees_it_in_the_redline(page, sign_in, live_world):
    sign_in(live_world["officer"])
    page.goto(f"{page.base_url}/units/{live_world['unit'].pk}/")
    page.get_by_role("link", name="Log a session").click()

    page.get_by_label("Held on").fill("2025-04-02")
    page.get_by_label("Location").fill("District office")
    page.get_by_label("Attendees").fill("A. Officer (union)\nB. Director (employer)")
    page.get_by_label("Notes").fill("Employer wants notice, not agreement.")
    page.get_by_role("button", name="Log session").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Session of 2 April 2025")
    page.get_by_role("link", name=re.compile("Workload and AI")).click()
    text = page.get_by_label("Text")
    expect(text).to_have_value("No AI tool shall add to workload without agreement.")
    page.get_by_label("Tabled by").select_option("employer")
    page.get_by_label("Status").select_option("countered")
    text.fill("No AI tool shall add to workload without thirty days' notice.")
    page.get_by_role("button", name="Table this version").click()

    expect(page.get_by_text("Tabled version 2 of")).to_be_visible()
    redline = page.locator(".redline")
    expect(redline.locator("ins")).to_contain_text("thirty days' notice.")
    expect(redline.locator("del")).to_contain_text("agreement.")


def test_member_searches_filters_compares_two_clauses_and_exports_csv(page, sign_in, live_world):
    sign_in(live_world["member"])
    page.goto(f"{page.base_url}/clauses/")

    page.get_by_label("Search titles and texts").fill("workload")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("2 clauses")).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("workload", re.I))

    page.get_by_label("Topic").select_option("workload")
    page.get_by_label("Current status").select_option("proposed")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("1 clause", exact=True)).to_be_visible()
    page.get_by_label("Current status").select_option("")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("2 clauses")).to_be_visible()

    page.get_by_label(re.compile("Compare Art.* Workload and AI")).check()
    page.get_by_label(re.compile("Compare Art.* Workload reviews")).check()
    page.get_by_role("button", name="Compare selected").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare clauses")
    expect(page.locator(".compare-col")).to_have_count(2)
    # The second clause is redlined against the first, word by word; its plain text is one click away.
    second = page.locator(".compare-col").nth(1)
    expect(second.locator(".redline ins").first).to_be_visible()
    second.get_by_text("Its text without the markup").click()
    # A search lists the best match first, and the two clauses rank differently on SQLite and PostgreSQL.
    either = re.compile(
        r"^(Workload shall be reviewed each term\.|No AI tool shall add to workload without agreement\.)$"
    )
    expect(second.get_by_text(either)).to_be_visible()

    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="Export these results (CSV)").click()
    body = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert body.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(body[1:])))
    assert header[1] == "Title"
    assert sorted(row[1] for row in rows) == ["Workload and AI", "Workload reviews"]


def test_organiser_opens_a_tools_timeline_and_the_coverage_matrix(page, sign_in, live_world):
    sign_in(live_world["organiser"])
    page.goto(f"{page.base_url}/tools/")
    page.get_by_role("link", name="GradeGenie").click()

    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("Adopt GradeGenie for marking")
    expect(timeline).to_contain_text("Written notice of GradeGenie received.")
    expect(timeline).to_contain_text("Our bottom line is a workload cap.")  # internal: organisers read it
    expect(timeline).to_contain_text("Draft stance on GradeGenie")
    timeline.get_by_role("link", name=re.compile("Workload and AI v1")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workload and AI")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Coverage").click()
    row = page.get_by_role("row", name=re.compile("Northview teachers"))
    expect(row).to_contain_text("Ratified")
    expect(row).to_contain_text("Proposed or countered")
    expect(row).to_contain_text("Not rated")
    page.get_by_label("Union").select_option("lssu")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("No bargaining units to show.")).to_be_visible()


def test_officer_of_another_union_is_refused_the_first_unions_internal_records(page, sign_in, live_world):
    sign_in(live_world["other_officer"])
    for path in [
        f"/consultations/{live_world['internal'].pk}/",
        f"/consultations/{live_world['consultation'].pk}/",
        f"/positions/{live_world['draft'].pk}/",
        f"/clauses/{live_world['clause'].pk}/",
        f"/units/{live_world['unit'].pk}/",
    ]:
        response = page.goto(page.base_url + path)
        assert response.status == 404, path
        expect(page.locator("main")).not_to_contain_text("GradeGenie")

    page.goto(f"{page.base_url}/tools/{live_world['tool'].pk}/")
    expect(page.locator(".timeline")).to_contain_text("Adopt GradeGenie for marking")
    expect(page.locator("body")).not_to_contain_text("Our bottom line")
    expect(page.locator("body")).not_to_contain_text("Draft stance")
    page.goto(f"{page.base_url}/clauses/")
    expect(page.get_by_text("0 clauses")).to_be_visible()


def test_member_signs_in_through_the_form_and_lands_on_the_dashboard(page, live_world):
    live_world["member"].password = make_password("a-long-passphrase")
    live_world["member"].save()

    page.goto(f"{page.base_url}/accounts/login/")
    page.get_by_label("Username").fill("member")
    page.get_by_label("Password").fill("a-long-passphrase")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.locator(".card")).to_contain_text("Northview Education Association")
    expect(page.locator(".card")).to_contain_text("Member")
