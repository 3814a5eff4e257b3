"""Layouts that only a browser can judge: the coverage matrix at 1366 and 390 px, picking clauses across pages
(with and without JavaScript), and the budget chart."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from bargaining.access import Role, Visibility
from bargaining.models import current_school_year
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    BudgetSupportFactory,
    ClauseFactory,
    ClauseVersionFactory,
    MembershipFactory,
    TopicFactory,
    TrainingBudgetFactory,
    UnionFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

TOPICS = [
    "Definitions", "Notice and bargaining", "Job security", "Training", "Workload", "Human oversight",
    "Evaluation and surveillance", "Data privacy", "Authorship and intellectual property",
    "Joint technology committee", "Equity and access",
]  # fmt: skip


@pytest.fixture
def member_of_a_union(transactional_db):
    union = UnionFactory(name="Northview Education Association", slug="nea", short_name="NEA")
    member = MembershipFactory(union=union, role=Role.MEMBER, user=UserFactory(username="member")).user
    return union, member


@pytest.fixture
def matrix(member_of_a_union):
    union, member = member_of_a_union
    topics = [TopicFactory(code=f"topic-{index}", name=name, sort_order=index) for index, name in enumerate(TOPICS)]
    for name in ("Northview Teachers", "Northview Support Staff", "Lakeside Teachers"):
        unit = BargainingUnitFactory(union=union, name=name, visibility=Visibility.MEMBERS)
        agreement = AgreementFactory(bargaining_unit=unit, visibility=Visibility.MEMBERS)
        for topic in topics[::2]:
            ClauseVersionFactory(clause=ClauseFactory(agreement=agreement, topic=topic, visibility=Visibility.MEMBERS))
    return member


def test_the_coverage_matrix_shows_all_eleven_topics_at_1366_px(page, sign_in, matrix):
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(matrix)
    page.goto(f"{page.base_url}/coverage/")

    headers = page.locator(".matrix thead .topic-head")
    expect(headers).to_have_count(11)
    for index in range(11):
        box = headers.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1366, TOPICS[index]
    wrap = page.locator(".matrix-wrap")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth + 1")
    expect(page.locator("#matrix-cue")).to_be_hidden()


def test_at_390_px_the_matrix_scrolls_sideways_under_a_cue_keeping_the_unit_column(page, sign_in, matrix):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(matrix)
    page.goto(f"{page.base_url}/coverage/")

    expect(page.locator("#matrix-cue")).to_be_visible()
    expect(page.locator("#matrix-cue")).to_contain_text("Scroll sideways for all 11 topics")
    wrap = page.locator(".matrix-wrap")
    assert wrap.evaluate("element => element.scrollWidth > element.clientWidth")
    unit = page.get_by_role("rowheader", name=re.compile("Lakeside Teachers"))
    before = unit.bounding_box()["x"]
    last = page.locator(".matrix thead .topic-head").last

    wrap.evaluate("element => { element.scrollLeft = element.scrollWidth; }")

    assert unit.bounding_box()["x"] == pytest.approx(before, abs=1)
    box = last.bounding_box()
    assert box["x"] + box["width"] <= 390
    expect(page.locator(".matrix-frame")).to_have_attribute("data-at-end", "")


@pytest.fixture
def library(member_of_a_union):
    """Thirty members' clauses: two pages of the clause library."""
    union, member = member_of_a_union
    agreement = AgreementFactory(bargaining_unit__union=union, visibility=Visibility.MEMBERS)
    topic = TopicFactory(code="workload", name="Workload")
    for number in range(30):
        clause = ClauseFactory(
            agreement=agreement,
            topic=topic,
            visibility=Visibility.MEMBERS,
            title=f"Clause {number:02d}",
            article_number=f"{number + 1}",
        )
        ClauseVersionFactory(clause=clause, text=f"The employer shall give {number} days' notice.")
    return member


def pick(page, title):
    page.get_by_label(re.compile(f"Compare Art. .* {title} of")).check()


def test_clauses_picked_on_two_pages_are_compared_together(page, sign_in, library):
    sign_in(library)
    page.goto(f"{page.base_url}/clauses/?ordering=title")

    pick(page, "Clause 00")
    page.get_by_role("link", name="Next →").click()
    expect(page.get_by_role("link", name="First page")).to_be_visible()
    pick(page, "Clause 29")
    assert "compare=" in page.url
    page.get_by_role("button", name="Compare selected").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Compare clauses")
    expect(page.locator(".compare-col")).to_have_count(2)
    expect(page.locator(".compare-col").nth(1).locator("del")).to_contain_text("0")
    expect(page.locator(".compare-col").nth(1).locator("ins")).to_contain_text("29")
    assert re.search(r"/clauses/compare/\?ids=\d+&ids=\d+$", page.url)


def test_without_javascript_the_picks_are_kept_by_the_keep_button(browser, live_server, library):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    client = Client()
    client.force_login(library)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/clauses/?ordering=title")
        pick(page, "Clause 00")
        page.get_by_role("button", name="Keep ticked clauses and browse on").click()
        expect(page.get_by_text("Picked (1):")).to_be_visible()
        page.get_by_role("link", name="Next →").click()
        pick(page, "Clause 29")
        page.get_by_role("button", name="Compare selected").click()

        expect(page.locator(".compare-col")).to_have_count(2)
    finally:
        context.close()


def test_the_budget_chart_is_drawn_with_its_labels(page, sign_in, member_of_a_union):
    union, member = member_of_a_union
    budget = TrainingBudgetFactory(employer__name="Northview Unified", school_year=current_school_year())
    BargainingUnitFactory(union=union, employer=budget.employer, member_count=1240, visibility=Visibility.MEMBERS)
    BudgetSupportFactory(union=union, budget=budget)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(member)
    page.goto(f"{page.base_url}/employers/budgets/")

    chart = page.get_by_role("img", name=re.compile("Bar chart of AI training budgets"))
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 390
    expect(chart.locator("text").filter(has_text="$25,000 proposed")).to_have_count(1)
    expect(page.get_by_role("cell", name="High")).to_be_visible()
