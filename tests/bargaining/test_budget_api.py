"""The budgets through the API: a collection per school year; the employer's old budget fields, read-only."""

import pytest

from bargaining.access import Visibility
from bargaining.models import BudgetSupport, SupportLevel, TrainingBudget
from tests.factories import BudgetSupportFactory, EmployerFactory, TrainingBudgetFactory
from tests.helpers import list_ids

pytestmark = pytest.mark.django_db


def test_an_employer_still_shows_its_latest_budget_read_only(api, officer, employer):
    TrainingBudgetFactory(employer=employer, school_year="2024-25", current=8_000, proposed=10_000)
    TrainingBudgetFactory(employer=employer, school_year="2025-26", current=10_000, proposed=25_000)
    client = api(officer)

    data = client.get(f"/api/v1/employers/{employer.pk}/").json()
    assert (data["ai_training_budget_school_year"], data["ai_training_budget_current"]) == ("2025-26", "10000.00")
    assert data["ai_training_budget_proposed"] == "25000.00"

    response = client.patch(f"/api/v1/employers/{employer.pk}/", {"region": "East", "ai_training_budget_current": "1"})
    assert response.status_code == 200
    assert response.json()["ai_training_budget_current"] == "10000.00"
    assert TrainingBudget.objects.get(employer=employer, school_year="2025-26").current == 10_000


def test_an_employer_without_a_budget_shows_none(api, member, employer):
    data = api(member).get(f"/api/v1/employers/{employer.pk}/").json()

    assert data["ai_training_budget_current"] is None
    assert data["ai_training_budget_school_year"] is None


def test_employers_sort_by_their_latest_current_budget(api, member):
    small, large = EmployerFactory(), EmployerFactory()
    TrainingBudgetFactory(employer=small, current=1_000)
    TrainingBudgetFactory(employer=large, current=90_000)

    assert list_ids(api(member).get("/api/v1/employers/?ordering=-ai_training_budget_current")) == [large.pk, small.pk]


def test_budgets_filter_by_employer_and_school_year(api, member, employer):
    wanted = TrainingBudgetFactory(employer=employer, school_year="2025-26")
    TrainingBudgetFactory(employer=employer, school_year="2024-25")
    TrainingBudgetFactory(school_year="2025-26")

    response = api(member).get("/api/v1/training-budgets/", {"employer": employer.slug, "school_year": "2025-26"})

    assert list_ids(response) == [wanted.pk]
    assert response.json()["results"][0]["increase"] == "15000.00"


def test_a_bad_school_year_filter_answers_400_naming_it(api, member):
    response = api(member).get("/api/v1/training-budgets/", {"school_year": "2025-27"})

    assert response.status_code == 400
    assert "school_year" in response.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"school_year": "2025-27"}, "school_year"),
        ({"school_year": "2025-26"}, "school_year"),  # this employer's year already has a budget
        ({"current": "-1.00"}, "current"),
        ({"proposed": "-1.00"}, "proposed"),
    ],
)
def test_a_bad_budget_is_refused_naming_the_field(api, officer, employer, payload, field):
    TrainingBudgetFactory(employer=employer, school_year="2025-26")
    body = {"employer": employer.pk, "school_year": "2023-24", "current": "100.00", **payload}

    response = api(officer).post("/api/v1/training-budgets/", body)

    assert response.status_code == 400
    assert field in response.json()
    assert TrainingBudget.objects.count() == 1


def test_another_unions_officer_corrects_a_shared_budget_but_a_member_cannot(api, other_officer, member, employer):
    budget = TrainingBudgetFactory(employer=employer)

    assert api(member).patch(f"/api/v1/training-budgets/{budget.pk}/", {"proposed": "1.00"}).status_code == 403
    assert api(other_officer).patch(f"/api/v1/training-budgets/{budget.pk}/", {"proposed": "30000"}).status_code == 200
    budget.refresh_from_db()
    assert budget.proposed == 30_000


def test_support_lists_only_what_the_caller_may_read(api, union, member, other_officer):
    members = BudgetSupportFactory(union=union, visibility=Visibility.MEMBERS)
    internal = BudgetSupportFactory(union=union, visibility=Visibility.INTERNAL, level=SupportLevel.OPPOSED)

    assert list_ids(api(member).get("/api/v1/budget-support/")) == [members.pk]
    assert list_ids(api(other_officer).get("/api/v1/budget-support/")) == []
    assert api(member).get(f"/api/v1/budget-support/{internal.pk}/").status_code == 404


def test_a_second_support_record_for_the_same_budget_is_refused_on_the_budget(api, union, officer):
    support = BudgetSupportFactory(union=union)

    response = api(officer).post(
        "/api/v1/budget-support/",
        {"union": union.pk, "budget": support.budget.pk, "level": "low", "visibility": "members"},
    )

    assert response.status_code == 400
    assert "budget" in response.json()
    assert BudgetSupport.objects.count() == 1
