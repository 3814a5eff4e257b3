"""An employer's page: each section holds only what the reader may see, bounded, with a link to the full list;
its AI training budget year by year with the support of the reader's own unions."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import SupportLevel
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    BudgetSupportFactory,
    ConsultationFactory,
    PositionFactory,
    ProcurementProposalFactory,
    TrainingBudgetFactory,
)

pytestmark = pytest.mark.django_db

MEMBERS, INTERNAL, PUBLIC = Visibility.MEMBERS, Visibility.INTERNAL, Visibility.PUBLIC


def page(client, employer):
    return client.get(reverse("employer_detail", args=[employer.pk]))


def section_rows(response, name):
    return list(response.context["sections"][name].rows)


def test_anonymous_is_sent_to_sign_in(client_for, anonymous, employer):
    response = page(client_for(anonymous), employer)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_unknown_employer_is_404(client_for, member):
    assert client_for(member).get(reverse("employer_detail", args=[999_999])).status_code == 404


def test_the_page_gathers_the_districts_records_across_the_apps(
    client_for, member, employer, unit, agreement, proposal, tool, consultation, union
):
    position = PositionFactory(union=union, proposal=proposal, tool=tool, visibility=MEMBERS)

    response = page(client_for(member), employer)

    assert section_rows(response, "units") == [unit]
    assert section_rows(response, "agreements") == [agreement]
    assert section_rows(response, "proposals") == [proposal]
    assert section_rows(response, "tools") == [tool]
    assert section_rows(response, "consultations") == [consultation]
    assert section_rows(response, "positions") == [position]
    for name, record in [
        ("unit_detail", unit),
        ("agreement_detail", agreement),
        ("proposal_detail", proposal),
        ("tool_detail", tool),
        ("consultation_detail", consultation),
        ("position_detail", position),
    ]:
        assert reverse(name, args=[record.pk]) in response.text


@pytest.mark.parametrize(
    ("persona", "sees_internal", "sees_members"),
    [("other_officer", False, False), ("member", False, True), ("organiser", True, True), ("staff", True, True)],
)
def test_each_section_holds_only_what_the_reader_may_see(
    request, client_for, employer, union, tool, persona, sees_internal, sees_members
):
    records = {}
    for visibility, job_group in ((INTERNAL, "school_leaders"), (MEMBERS, "support_staff")):
        unit = BargainingUnitFactory(union=union, employer=employer, job_group=job_group, visibility=visibility)
        proposal = ProcurementProposalFactory(employer=employer, tool=tool)
        records[visibility] = {
            "units": unit,
            "agreements": AgreementFactory(bargaining_unit=unit, visibility=visibility),
            "consultations": ConsultationFactory(union=union, proposal=proposal, visibility=visibility),
            "positions": PositionFactory(union=union, proposal=proposal, tool=tool, visibility=visibility),
        }

    response = page(client_for(request.getfixturevalue(persona)), employer)

    for visibility, expected in ((INTERNAL, sees_internal), (MEMBERS, sees_members)):
        for section, record in records[visibility].items():
            assert (record in section_rows(response, section)) is expected, (visibility, section)


def test_a_long_section_shows_the_latest_five_and_links_to_the_filtered_list(client_for, member, employer):
    for day in range(1, 8):
        ProcurementProposalFactory(employer=employer, title=f"Proposal {day}", announced_on=f"2025-01-{day:02d}")

    response = page(client_for(member), employer)

    proposals = response.context["sections"]["proposals"]
    assert [proposal.title for proposal in proposals.rows] == [f"Proposal {day}" for day in range(7, 2, -1)]
    assert (proposals.total, proposals.hidden) == (7, 2)
    assert f'href="{reverse("proposal_list")}?employer={employer.slug}"' in response.text
    assert "All 7 proposals of this district" in response.text


@pytest.mark.parametrize(
    ("list_name", "section"), [("tool_list", "tools"), ("position_list", "positions"), ("unit_list", "units")]
)
def test_the_full_lists_filter_to_the_district(
    client_for, officer, employer, unit, proposal, tool, union, list_name, section
):
    PositionFactory(union=union, proposal=proposal, tool=tool, visibility=MEMBERS)
    elsewhere = ProcurementProposalFactory(title="Elsewhere")
    PositionFactory(union=union, proposal=elsewhere, tool=elsewhere.tool, visibility=MEMBERS)
    BargainingUnitFactory(union=union, visibility=MEMBERS)
    client = client_for(officer)

    listed = client.get(reverse(list_name), {"employer": employer.slug}).context["rows"]

    assert list(listed) == section_rows(page(client, employer), section)


# The budget


@pytest.fixture
def budgets(employer):
    return {
        "2024-25": TrainingBudgetFactory(employer=employer, school_year="2024-25", current=5_000, proposed=8_000),
        "2025-26": TrainingBudgetFactory(employer=employer, school_year="2025-26", current=8_000, proposed=None),
        "2026-27": TrainingBudgetFactory(employer=employer, school_year="2026-27", current=10_000, proposed=25_000),
    }


def test_the_budget_is_shown_year_by_year_with_how_it_moved(client_for, member, employer, budgets):
    response = page(client_for(member), employer)

    lines = response.context["budgets"]
    assert [(line.year.budget.school_year, line.year.change) for line in lines] == [
        ("2026-27", 2_000),
        ("2025-26", 3_000),
        ("2024-25", None),
    ]
    assert "+$15,000" in response.text and "first on record" in response.text


def test_support_shown_is_the_readers_unions_and_internal_only_to_its_leadership(
    client_for, member, organiser, other_officer, employer, budgets, union, other_union
):
    BudgetSupportFactory(
        union=union,
        budget=budgets["2026-27"],
        level=SupportLevel.MODERATE,
        visibility=INTERNAL,
        note="INTERNAL-NOTE tie it to release time",
    )
    BudgetSupportFactory(union=union, budget=budgets["2025-26"], level=SupportLevel.HIGH, visibility=PUBLIC)
    BudgetSupportFactory(union=other_union, budget=budgets["2026-27"], level=SupportLevel.OPPOSED, visibility=PUBLIC)

    as_member = page(client_for(member), employer)
    as_organiser = page(client_for(organiser), employer)
    as_outsider = page(client_for(other_officer), employer)

    assert "INTERNAL-NOTE" not in as_member.text and "Moderate" not in as_member.text
    assert "INTERNAL-NOTE" in as_organiser.text and "Moderate" in as_organiser.text
    # Each reader sees their own union's support only, even where another union's is public.
    assert "Opposed" not in as_member.text and "Opposed" not in as_organiser.text
    assert "Opposed" in as_outsider.text
    assert "High" in as_member.text and "High" not in as_outsider.text


def test_officers_may_edit_budgets_and_record_their_unions_support_where_missing(
    client_for, officer, member, employer, budgets, union
):
    support = BudgetSupportFactory(union=union, budget=budgets["2026-27"], visibility=MEMBERS)

    as_officer = page(client_for(officer), employer).text
    as_member = page(client_for(member), employer).text

    assert reverse("trainingbudget_edit", args=[budgets["2026-27"].pk]) in as_officer
    assert reverse("budgetsupport_edit", args=[support.pk]) in as_officer
    assert f"{reverse('budgetsupport_create')}?budget={budgets['2025-26'].pk}" in as_officer
    assert f"{reverse('budgetsupport_create')}?budget={budgets['2026-27'].pk}" not in as_officer
    assert f"{reverse('trainingbudget_create')}?employer={employer.pk}" in as_officer
    assert reverse("employer_edit", args=[employer.pk]) in as_officer
    assert "/edit/" not in as_member
    assert reverse("budgetsupport_create") not in as_member
    assert reverse("trainingbudget_create") not in as_member


def test_another_unions_officer_may_edit_the_shared_budget_but_not_our_support(
    client_for, other_officer, employer, budgets, union
):
    support = BudgetSupportFactory(union=union, budget=budgets["2026-27"], visibility=PUBLIC)

    text = page(client_for(other_officer), employer).text

    assert reverse("trainingbudget_edit", args=[budgets["2026-27"].pk]) in text
    assert reverse("budgetsupport_edit", args=[support.pk]) not in text


def test_the_employer_page_query_count_does_not_grow(
    client_for, officer, employer, union, tool, count_queries, django_assert_num_queries
):
    def add_everything(index):
        # Each in a union of its own: one union has a single unit per job group at an employer.
        unit = BargainingUnitFactory(employer=employer, visibility=PUBLIC)
        AgreementFactory(bargaining_unit=unit, visibility=PUBLIC)
        proposal = ProcurementProposalFactory(employer=employer)
        ConsultationFactory(union=union, proposal=proposal)
        PositionFactory(union=union, proposal=proposal, tool=proposal.tool, visibility=MEMBERS)
        budget = TrainingBudgetFactory(employer=employer, school_year=f"{2000 + index}-{(index + 1) % 100:02d}")
        BudgetSupportFactory(union=union, budget=budget)

    client = client_for(officer)
    add_everything(1)
    few = count_queries(client, reverse("employer_detail", args=[employer.pk]))
    for index in range(2, 9):
        add_everything(index)
    with django_assert_num_queries(few):
        client.get(reverse("employer_detail", args=[employer.pk]))
