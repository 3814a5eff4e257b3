"""django-simple-history: every change to the record leaves a row saying what changed, and who changed it."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from simple_history.manager import HistoryManager

from bargaining.access import Visibility
from bargaining.models import Employer, TrainingBudget
from policies.models import Position, PositionStatus, Stance
from tests import factories
from tests.helpers import domain_models

pytestmark = pytest.mark.django_db

CREATED, CHANGED, DELETED = "+", "~", "-"


def history_of(model, pk):
    """(history_type, history_user) of every historical row of one record, oldest first."""
    return list(model.history.filter(id=pk).order_by("history_id").values_list("history_type", "history_user"))


def test_creating_changing_and_deleting_a_position_leaves_three_history_rows_by_their_author(officer):
    position = factories.PositionFactory.build(union=factories.UnionFactory(), tool=factories.EdTechToolFactory())
    position._history_user = officer
    position.save()
    position.stance = Stance.OPPOSE
    position.visibility = Visibility.PUBLIC
    position.status = PositionStatus.ADOPTED
    position.adopted_on = datetime.date(2025, 3, 1)
    position.save()
    pk = position.pk
    position.delete()

    assert history_of(Position, pk) == [(CREATED, officer.pk), (CHANGED, officer.pk), (DELETED, officer.pk)]
    assert [row.stance for row in Position.history.filter(id=pk).order_by("history_id")] == [
        Stance.NO_POSITION,
        Stance.OPPOSE,
        Stance.OPPOSE,
    ]


def test_changing_a_training_budget_keeps_its_earlier_amounts_in_history(officer):
    budget = factories.TrainingBudgetFactory.build(employer=factories.EmployerFactory(), current=10_000)
    budget._history_user = officer
    budget.save()
    budget.current = 25_000
    budget.save()

    amounts = TrainingBudget.history.filter(id=budget.pk).order_by("history_id").values_list("current", flat=True)
    assert [int(amount) for amount in amounts] == [10_000, 25_000]
    assert history_of(TrainingBudget, budget.pk) == [(CREATED, officer.pk), (CHANGED, officer.pk)]


@pytest.fixture
def admin_client_for_staff(staff, client_for):
    """The `staff` persona signed in to the admin, allowed to manage employers."""
    staff.user_permissions.set(
        Permission.objects.filter(content_type__app_label="bargaining", codename__endswith="employer")
    )
    return client_for(staff)


EMPLOYER_FORM = {
    "name": "Northview School District",
    "slug": "northview",
    "kind": "school_district",
    "region": "North",
    # The employer's page in the admin lists its budgets per school year (none added here).
    "training_budgets-TOTAL_FORMS": "0",
    "training_budgets-INITIAL_FORMS": "0",
}


def test_employer_added_changed_and_deleted_in_the_admin_is_in_history_with_the_staff_user(
    admin_client_for_staff, staff
):
    if not admin.site.is_registered(Employer):
        pytest.skip("bargaining/admin.py does not register Employer yet")

    response = admin_client_for_staff.post(reverse("admin:bargaining_employer_add"), EMPLOYER_FORM)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    employer = Employer.objects.get(slug="northview")

    changed = {**EMPLOYER_FORM, "region": "North Valley"}
    response = admin_client_for_staff.post(reverse("admin:bargaining_employer_change", args=[employer.pk]), changed)
    assert response.status_code == 302

    response = admin_client_for_staff.post(
        reverse("admin:bargaining_employer_delete", args=[employer.pk]), {"post": "yes"}
    )
    assert response.status_code == 302

    assert not Employer.objects.filter(pk=employer.pk).exists()
    assert history_of(Employer, employer.pk) == [(CREATED, staff.pk), (CHANGED, staff.pk), (DELETED, staff.pk)]


@pytest.mark.parametrize("model", list(domain_models()), ids=lambda model: model.__name__)
def test_every_domain_model_keeps_a_history(model):
    assert isinstance(model.history, HistoryManager)


def test_the_history_check_covers_every_app():
    covered = {model._meta.app_label for model in domain_models()}

    assert covered == {"bargaining", "consultations", "policies"}
