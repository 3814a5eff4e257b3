"""A briefing pack's summary shows the AI training budgets: the district's own line and, for an employer, the
chart and table across districts, holding only the support the reader may see."""

import datetime

import pytest

from bargaining.access import Visibility
from bargaining.models import SupportLevel, school_year_of
from policies.documents.briefing_pack import briefing_pack_html, render_briefing_pack
from policies.models import PackSection
from tests.factories import BargainingUnitFactory, BudgetSupportFactory, EmployerFactory, TrainingBudgetFactory
from tests.helpers import flat, pdf_text

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)
YEAR = school_year_of(TODAY)


@pytest.fixture
def budgets(world, union):
    lakeside = EmployerFactory(name="Lakeside Unified", slug="lakeside")
    here = TrainingBudgetFactory(employer=world.employer, school_year=YEAR, current=10_000, proposed=25_000)
    TrainingBudgetFactory(employer=lakeside, school_year=YEAR, current=5_000, proposed=15_000)
    BudgetSupportFactory(union=union, budget=here, level=SupportLevel.MODERATE, visibility=Visibility.INTERNAL)
    return here


def summary(subject, reader, audience=None) -> str:
    """The text of the pack's summary on `subject`, printed by `reader` for `audience`."""
    pdf = render_briefing_pack(
        subject=subject, sections=[PackSection.SUMMARY], reader=reader, audience=audience, today=TODAY
    )
    return flat(pdf_text(pdf))


def test_an_employer_pack_charts_every_districts_budget_with_the_numbers_beside_it(world, budgets, member):
    text = summary(world.employer, member)

    assert f"AI training budgets by district, {YEAR}" in text
    assert f"AI training budget $10,000 now, $25,000 proposed (+$15,000), {YEAR}" in text
    # The chart's own labels, drawn as text in the PDF, and the table's figures.
    for label in ("Northview Unified", "Lakeside Unified", "$10,000 now", "$25,000 proposed", "$15,000 proposed"):
        assert label in text
    assert "Lakeside Unified $5,000 $15,000 +$10,000" in text


def test_the_svg_chart_is_in_the_packs_html(world, budgets, member):
    html = briefing_pack_html(subject=world.employer, sections=[PackSection.SUMMARY], reader=member, today=TODAY)

    assert '<svg class="bar-chart"' in html
    assert 'role="img"' in html


def test_internal_support_appears_only_in_the_leaderships_pack_which_is_then_confidential(
    world, budgets, member, organiser
):
    member_text = summary(world.employer, member, "members")
    organiser_text = summary(world.employer, organiser, "leadership")

    assert "moderate" not in member_text.lower()
    assert "CONFIDENTIAL" not in member_text
    assert "NEA's support: moderate" in organiser_text
    assert "CONFIDENTIAL" in organiser_text


def test_a_units_pack_names_its_districts_budget_without_the_chart(world, budgets, member):
    text = summary(world.unit, member)

    assert f"AI training budget $10,000 now, $25,000 proposed (+$15,000), {YEAR}" in text
    assert "AI training budgets by district" not in text


def test_a_district_without_a_budget_says_so(world, member):
    text = summary(world.employer, member)

    assert f"AI training budget None recorded for {YEAR}" in text


def test_a_units_pack_is_not_confidential_for_another_districts_internal_support(organiser, union):
    northview = TrainingBudgetFactory(employer=EmployerFactory(name="Northview"), school_year=YEAR)
    unit = BargainingUnitFactory(union=union, employer=northview.employer, visibility=Visibility.PUBLIC)
    lakeside = TrainingBudgetFactory(employer=EmployerFactory(name="Lakeside Unified"), school_year=YEAR)
    BudgetSupportFactory(union=union, budget=lakeside, level=SupportLevel.LOW, visibility=Visibility.INTERNAL)

    assert "CONFIDENTIAL" not in summary(unit, organiser, "leadership")
    assert "CONFIDENTIAL" in summary(northview.employer, organiser, "leadership")
