"""AI training budgets per school year: the school-year rules, the models' validation, and the comparison."""

import datetime
from decimal import Decimal

import pytest

from bargaining.access import Visibility
from bargaining.budgets import compare_budgets
from bargaining.models import (
    BudgetSupport,
    SupportLevel,
    TrainingBudget,
    current_school_year,
    school_year_of,
    shift_school_year,
)
from tests.factories import (
    BargainingUnitFactory,
    BudgetSupportFactory,
    EmployerFactory,
    TrainingBudgetFactory,
)
from tests.helpers import validation_errors

MEMBERS, INTERNAL, PUBLIC = Visibility.MEMBERS, Visibility.INTERNAL, Visibility.PUBLIC


# School years


@pytest.mark.parametrize(
    ("day", "school_year"),
    [
        (datetime.date(2026, 6, 30), "2025-26"),
        (datetime.date(2026, 7, 1), "2026-27"),
        (datetime.date(2026, 11, 30), "2026-27"),
        (datetime.date(1999, 9, 1), "1999-00"),
    ],
)
def test_a_school_year_runs_from_1_july(day, school_year):
    assert school_year_of(day) == school_year


def test_school_years_shift_back_and_forward_across_a_century():
    assert shift_school_year("2025-26", -1) == "2024-25"
    assert shift_school_year("1999-00", 1) == "2000-01"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("school_year", "message"),
    [
        ("2025/26", "Enter a school year as YYYY-YY, for example 2025-26."),
        ("2025-2026", "Enter a school year as YYYY-YY, for example 2025-26."),
        ("25-26", "Enter a school year as YYYY-YY, for example 2025-26."),
        ("2025-27", "A school year runs over two consecutive years: 2025-26, not 2025-27."),
        ("2025-25", "A school year runs over two consecutive years: 2025-26, not 2025-25."),
        ("1989-90", "Enter a school year between 1990-91 and"),
        ("2999-00", "Enter a school year between 1990-91 and"),
    ],
)
def test_a_budget_refuses_a_school_year_that_is_not_one(school_year, message):
    budget = TrainingBudgetFactory.build(employer=EmployerFactory(), school_year=school_year)

    errors = validation_errors(budget)

    assert list(errors) == ["school_year"]
    assert errors["school_year"][0].startswith(message)


@pytest.mark.django_db
@pytest.mark.parametrize("amount", ["current", "proposed"])
def test_a_budget_refuses_a_negative_amount_on_its_field(amount):
    budget = TrainingBudgetFactory.build(employer=EmployerFactory(), **{amount: Decimal("-1")})

    assert validation_errors(budget) == {amount: ["A budget cannot be negative."]}


@pytest.mark.django_db
def test_a_second_budget_for_the_same_year_is_refused_on_the_school_year():
    first = TrainingBudgetFactory(school_year="2025-26")

    errors = validation_errors(TrainingBudgetFactory.build(employer=first.employer, school_year="2025-26"))

    assert errors == {
        "school_year": ["This employer already has an AI training budget for that school year: edit that one."]
    }


@pytest.mark.django_db
def test_the_same_year_at_another_employer_or_another_year_here_is_fine():
    first = TrainingBudgetFactory(school_year="2025-26")

    assert validation_errors(TrainingBudgetFactory.build(employer=EmployerFactory(), school_year="2025-26")) == {}
    assert validation_errors(TrainingBudgetFactory.build(employer=first.employer, school_year="2024-25")) == {}


@pytest.mark.django_db
def test_a_union_records_its_support_for_a_budget_once(union):
    support = BudgetSupportFactory(union=union)

    errors = validation_errors(BudgetSupport(union=union, budget=support.budget, level=SupportLevel.LOW))

    assert errors == {
        "budget": ["Your union has already recorded its support for this budget: edit that record instead."]
    }


def test_the_increase_is_what_is_proposed_above_the_current_budget():
    assert TrainingBudget(current=10_000, proposed=25_000).increase == 15_000
    assert TrainingBudget(current=10_000, proposed=8_000).increase == -2_000
    assert TrainingBudget(current=10_000, proposed=None).increase is None


# The comparison


@pytest.fixture
def districts(union, other_union):
    """Northview (two units of ours), Lakeside (one), Greenfield (only the other union's): this year and last."""
    this_year = current_school_year()
    last_year = shift_school_year(this_year, -1)
    northview = EmployerFactory(name="Northview", slug="northview")
    lakeside = EmployerFactory(name="Lakeside", slug="lakeside")
    greenfield = EmployerFactory(name="Greenfield", slug="greenfield")
    BargainingUnitFactory(union=union, employer=northview, member_count=1240, visibility=PUBLIC)
    BargainingUnitFactory(union=union, employer=northview, job_group="support_staff", member_count=410)
    BargainingUnitFactory(union=union, employer=lakeside, member_count=500, visibility=INTERNAL)
    BargainingUnitFactory(union=other_union, employer=greenfield, member_count=690, visibility=PUBLIC)
    budgets = {
        "northview": TrainingBudgetFactory(employer=northview, school_year=this_year, current=10_000, proposed=25_000),
        "lakeside": TrainingBudgetFactory(employer=lakeside, school_year=this_year, current=5_000, proposed=15_000),
        "greenfield": TrainingBudgetFactory(employer=greenfield, school_year=this_year, current=0, proposed=20_000),
    }
    TrainingBudgetFactory(employer=northview, school_year=last_year, current=8_000, proposed=10_000)
    BudgetSupportFactory(union=union, budget=budgets["northview"], level=SupportLevel.HIGH, visibility=MEMBERS)
    BudgetSupportFactory(union=union, budget=budgets["lakeside"], level=SupportLevel.MODERATE, visibility=INTERNAL)
    BudgetSupportFactory(union=other_union, budget=budgets["greenfield"], level=SupportLevel.OPPOSED, visibility=PUBLIC)
    return {"northview": northview, "lakeside": lakeside, "greenfield": greenfield, "this_year": this_year}


def by_name(comparison):
    return {district.employer.name: district for district in comparison.districts}


@pytest.mark.django_db
def test_per_member_divides_by_the_members_of_the_unions_units_the_reader_may_see(districts, union, member, organiser):
    as_member = by_name(compare_budgets(user=member, school_year=districts["this_year"], union=union))
    as_organiser = by_name(compare_budgets(user=organiser, school_year=districts["this_year"], union=union))

    assert as_member["Northview"].members == 1650
    assert as_member["Northview"].current_per_member == Decimal("6.06")
    assert as_member["Northview"].proposed_per_member == Decimal("15.15")
    assert as_member["Northview"].increase_per_member == Decimal("9.09")
    # Lakeside's unit is internal: a member has no members to divide by there, the leadership has.
    assert as_member["Lakeside"].members is None
    assert as_member["Lakeside"].current_per_member is None
    assert as_organiser["Lakeside"].members == 500
    # Greenfield's units are the other union's: never counted as ours.
    assert as_organiser["Greenfield"].members is None


@pytest.mark.django_db
def test_support_is_the_unions_own_and_internal_support_only_for_its_leadership(districts, union, member, organiser):
    as_member = by_name(compare_budgets(user=member, school_year=districts["this_year"], union=union))
    as_organiser = by_name(compare_budgets(user=organiser, school_year=districts["this_year"], union=union))

    assert as_member["Northview"].support.level == SupportLevel.HIGH
    assert as_member["Lakeside"].support is None
    assert as_organiser["Lakeside"].support.level == SupportLevel.MODERATE
    # The other union's (public) support for Greenfield is not ours.
    assert as_organiser["Greenfield"].support is None


@pytest.mark.django_db
def test_each_district_shows_how_its_budget_moved_newest_first(districts, member, union):
    northview = by_name(compare_budgets(user=member, school_year=districts["this_year"], union=union))["Northview"]

    assert [(year.budget.current, year.change) for year in northview.years] == [(10_000, 2_000), (8_000, None)]


@pytest.mark.django_db
def test_a_year_without_a_budget_leaves_the_district_in_the_table_but_out_of_the_chart(districts, member, union):
    last_year = shift_school_year(districts["this_year"], -1)

    comparison = compare_budgets(user=member, school_year=last_year, union=union)

    assert [district.employer.name for district in comparison.districts] == ["Greenfield", "Lakeside", "Northview"]
    assert [district.employer.name for district in comparison.with_budget] == ["Northview"]
    assert [group.label for group in comparison.chart().groups] == ["Northview"]
    assert comparison.years == [districts["this_year"], last_year]


@pytest.mark.django_db
def test_the_chart_labels_every_bar_with_its_district_and_amount(districts, member, union):
    chart = compare_budgets(user=member, school_year=districts["this_year"], union=union).chart()

    labels = {group.label: [bar.text for bar in group.bars] for group in chart.groups}
    assert labels == {
        "Greenfield": ["$0 now", "$20,000 proposed"],
        "Lakeside": ["$5,000 now", "$15,000 proposed"],
        "Northview": ["$10,000 now", "$25,000 proposed"],
    }
    assert "Northview: $10,000 now, $25,000 proposed" in chart.summary
    assert [tick.label for tick in chart.ticks] == ["$0", "$5k", "$10k", "$15k", "$20k", "$25k"]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 6])
def test_the_comparison_costs_four_queries_whatever_the_number_of_districts(
    union, member, django_assert_num_queries, rows
):
    for _ in range(rows):
        budget = TrainingBudgetFactory(school_year=current_school_year())
        BargainingUnitFactory(union=union, employer=budget.employer)
        BudgetSupportFactory(union=union, budget=budget)
        TrainingBudgetFactory(employer=budget.employer, school_year=shift_school_year(current_school_year(), -1))

    with django_assert_num_queries(4):
        comparison = compare_budgets(user=member, school_year=current_school_year(), union=union)

    assert len(comparison.with_budget) == rows
