"""The employers list and the comparison of AI training budgets across districts, by reader."""

import re

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import SupportLevel, current_school_year, shift_school_year
from tests.factories import (
    BargainingUnitFactory,
    BudgetSupportFactory,
    EmployerFactory,
    MembershipFactory,
    TrainingBudgetFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MEMBERS, INTERNAL, PUBLIC = Visibility.MEMBERS, Visibility.INTERNAL, Visibility.PUBLIC
THIS_YEAR = current_school_year()
LAST_YEAR = shift_school_year(THIS_YEAR, -1)


@pytest.fixture
def districts(union, other_union):
    """The product brief's three districts: this year's budgets, Northview's last year, each union's support."""
    northview = EmployerFactory(name="Northview Unified", slug="northview")
    lakeside = EmployerFactory(name="Lakeside Unified", slug="lakeside")
    greenfield = EmployerFactory(name="Greenfield District", slug="greenfield")
    BargainingUnitFactory(union=union, employer=northview, member_count=1240, visibility=PUBLIC)
    BargainingUnitFactory(union=union, employer=lakeside, member_count=860, visibility=MEMBERS)
    BargainingUnitFactory(union=other_union, employer=greenfield, member_count=690, visibility=PUBLIC)
    northview_now = TrainingBudgetFactory(employer=northview, school_year=THIS_YEAR, current=10_000, proposed=25_000)
    lakeside_now = TrainingBudgetFactory(employer=lakeside, school_year=THIS_YEAR, current=5_000, proposed=15_000)
    greenfield_now = TrainingBudgetFactory(employer=greenfield, school_year=THIS_YEAR, current=0, proposed=20_000)
    TrainingBudgetFactory(employer=northview, school_year=LAST_YEAR, current=8_000, proposed=10_000)
    BudgetSupportFactory(union=union, budget=northview_now, level=SupportLevel.HIGH, visibility=MEMBERS)
    BudgetSupportFactory(union=union, budget=lakeside_now, level=SupportLevel.MODERATE, visibility=INTERNAL)
    BudgetSupportFactory(union=union, budget=greenfield_now, level=SupportLevel.HIGH, visibility=PUBLIC)
    BudgetSupportFactory(union=other_union, budget=greenfield_now, level=SupportLevel.OPPOSED, visibility=PUBLIC)
    return {"northview": northview, "lakeside": lakeside, "greenfield": greenfield}


def row_of(response, name) -> str:
    """The text of the comparison table's row for one district, tags removed."""
    table = response.text.split('class="wide budgets')[1].split("</table>")[0]
    for row in table.split("<tr>")[1:]:
        text = " ".join(re.sub(r"<[^>]+>", " ", row).split())
        if text.startswith(name):
            return text
    raise AssertionError(f"No row for {name}")


@pytest.mark.parametrize("name", ["employer_list", "budget_comparison"])
def test_anonymous_is_sent_to_sign_in_like_the_other_reference_lists(client_for, anonymous, name):
    response = client_for(anonymous).get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# The employers list


def test_the_list_shows_each_districts_latest_budget_and_the_units_the_reader_may_see(client_for, member, districts):
    response = client_for(member).get(reverse("employer_list"))

    rows = {employer.name: employer for employer in response.context["rows"]}
    assert rows["Northview Unified"].ai_training_budget_current == 10_000
    assert rows["Northview Unified"].ai_training_budget_school_year == THIS_YEAR
    assert (rows["Northview Unified"].unit_count, rows["Greenfield District"].unit_count) == (1, 1)
    assert "$10,000 now, $25,000 proposed" in response.text


def test_only_officers_are_offered_to_add_an_employer(client_for, officer, member):
    assert reverse("employer_create") in client_for(officer).get(reverse("employer_list")).text
    assert reverse("employer_create") not in client_for(member).get(reverse("employer_list")).text


def test_the_list_filters_by_name(client_for, member, districts):
    response = client_for(member).get(reverse("employer_list"), {"name": "lake"})

    assert [employer.name for employer in response.context["rows"]] == ["Lakeside Unified"]


@pytest.mark.parametrize("name", ["employer_list", "budget_comparison"])
def test_list_and_comparison_query_counts_do_not_grow_with_districts(
    client_for, member, union, count_queries, django_assert_num_queries, name
):
    def district():
        budget = TrainingBudgetFactory(school_year=THIS_YEAR)
        TrainingBudgetFactory(employer=budget.employer, school_year=LAST_YEAR)
        BargainingUnitFactory(union=union, employer=budget.employer)
        BudgetSupportFactory(union=union, budget=budget)

    client = client_for(member)
    district()
    few = count_queries(client, reverse(name))
    for _ in range(5):
        district()
    with django_assert_num_queries(few):
        client.get(reverse(name))


# The comparison


def test_the_comparison_shows_budgets_increase_per_member_and_support(client_for, member, districts):
    response = client_for(member).get(reverse("budget_comparison"))

    assert response.context["comparison"].school_year == THIS_YEAR
    assert row_of(response, "Northview Unified") == (
        "Northview Unified $10,000 $25,000 +$15,000 1,240 $8.06 → $20.16 (+$12.10) High"
    )
    # Greenfield has only the other union's units: no members of ours to divide by.
    assert row_of(response, "Greenfield District") == "Greenfield District $0 $20,000 +$20,000 — — High"


def test_internal_support_is_shown_to_the_unions_leadership_only(client_for, member, organiser, districts):
    assert row_of(client_for(member).get(reverse("budget_comparison")), "Lakeside Unified").endswith("—")
    assert row_of(client_for(organiser).get(reverse("budget_comparison")), "Lakeside Unified").endswith(
        "Moderate (internal)"
    )


def test_another_unions_support_is_never_shown(client_for, other_officer, districts, union):
    response = client_for(other_officer).get(reverse("budget_comparison"))

    # The other union's officer sees their own union's support, not ours (Northview: High, members only).
    assert response.context["comparison"].union.slug == "lssu"
    assert row_of(response, "Greenfield District").endswith("Opposed")
    assert row_of(response, "Northview Unified").endswith("—")
    assert "Moderate" not in response.text and "High" not in response.text


def test_asking_for_another_unions_view_is_refused(client_for, other_officer, districts, union):
    response = client_for(other_officer).get(reverse("budget_comparison"), {"union": union.slug})

    assert response.status_code == 400
    assert response.context["comparison"] is None
    assert "Select a valid choice" in response.text
    assert "High" not in response.text


def test_a_member_of_two_unions_chooses_whose_members_and_support(client_for, member, districts, other_union):
    MembershipFactory(user=member, union=other_union)
    client = client_for(member)

    assert client.get(reverse("budget_comparison")).context["choose_union"] is True
    response = client.get(reverse("budget_comparison"), {"union": "lssu", "year": THIS_YEAR})
    assert row_of(response, "Greenfield District") == (
        "Greenfield District $0 $20,000 +$20,000 690 $0 → $28.99 (+$28.99) Opposed"
    )


def test_a_signed_in_user_of_no_union_sees_budgets_without_members_or_support(client_for, districts):
    response = client_for(UserFactory(username="loner")).get(reverse("budget_comparison"))

    assert response.context["comparison"].union is None
    assert row_of(response, "Northview Unified") == "Northview Unified $10,000 $25,000 +$15,000 — — —"


def test_the_year_can_be_chosen_and_a_year_without_budgets_says_so(client_for, member, districts):
    client = client_for(member)

    last = client.get(reverse("budget_comparison"), {"year": LAST_YEAR})
    assert row_of(last, "Northview Unified").startswith("Northview Unified $8,000 $10,000 +$2,000")
    assert row_of(last, "Lakeside Unified").startswith(f"Lakeside Unified No budget recorded for {LAST_YEAR}")
    empty = client.get(reverse("budget_comparison"), {"year": "2001-02"})
    assert "No district has an AI training budget recorded for 2001-02." in empty.text
    assert '<option value="2001-02" selected>' in empty.text


@pytest.mark.parametrize("year", ["2025-27", "next year", "1900-01"])
def test_a_year_that_is_not_a_school_year_is_refused_with_its_reason(client_for, member, districts, year):
    response = client_for(member).get(reverse("budget_comparison"), {"year": year})

    assert response.status_code == 400
    assert response.context["form"].errors["year"]
    assert "<svg" not in response.text


def test_each_district_shows_how_its_budget_moved_year_by_year(client_for, member, districts):
    response = client_for(member).get(reverse("budget_comparison"))

    moves = response.text.split("How each district's budget moved")[1]
    card = moves.split("Northview Unified</a></h3>")[1].split("</table>")[0]
    northview = " ".join(re.sub(r"<caption.*</caption>|<[^>]+>", " ", card).split())
    assert northview == f"Year Current Change Proposed {THIS_YEAR} $10,000 +$2,000 $25,000 {LAST_YEAR} $8,000 — $10,000"


def test_the_chart_is_an_accessible_svg_with_labels_and_numbers(client_for, member, districts):
    response = client_for(member).get(reverse("budget_comparison"))

    svg = response.text.split("<svg")[1].split("</svg>")[0]
    assert 'role="img"' in svg
    label = re.search(r'aria-label="([^"]+)"', svg)[1]
    assert "Northview Unified: $10,000 now, $25,000 proposed" in label
    for text in (
        "Northview Unified",
        "Lakeside Unified",
        "Greenfield District",
        "$10,000 now",
        "$25,000 proposed",
        "$0 now",
        "$20,000 proposed",
        f"Current budget {THIS_YEAR}",
        f"Proposed for {THIS_YEAR}",
        "$25k",
    ):
        assert f">{text}</text>" in svg
    assert "<script" not in response.text.split("<main")[1]


def test_the_chart_leaves_out_districts_the_year_has_no_budget_for(client_for, member, districts):
    svg = client_for(member).get(reverse("budget_comparison"), {"year": LAST_YEAR}).text.split("<svg")[1]

    assert ">Northview Unified</text>" in svg
    assert "Lakeside" not in svg.split("</svg>")[0]
