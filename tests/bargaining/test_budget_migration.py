"""Migration 0006 moves each employer's budget into a budget for the current school year, history included."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from bargaining.models import current_school_year
from tests.factories import UserFactory

BEFORE = ("bargaining", "0005_training_budgets_per_school_year")
AFTER = ("bargaining", "0007_remove_employer_budget_fields")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def migrate_to_latest():
    """Every app to its newest migration: going back in bargaining also unapplies the apps that depend on it."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def before_the_move(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_each_budget_moves_to_the_current_school_year_keeping_who_set_it_and_when(before_the_move):
    """With history, the steps are kept; without, a budget gets one creation entry."""
    apps = before_the_move
    Employer = apps.get_model("bargaining", "Employer")
    HistoricalEmployer = apps.get_model("bargaining", "HistoricalEmployer")
    officer = UserFactory(username="officer")
    set_on, raised_on = (timezone.make_aware(datetime.datetime(2025, month, 1)) for month in (3, 9))
    northview = Employer.objects.create(
        name="Northview", slug="northview", ai_training_budget_current=10_000, ai_training_budget_proposed=25_000
    )
    Employer.objects.create(name="Never set", slug="never-set", ai_training_budget_current=0)
    # A budget without history gets one creation entry (in the same migration run: each run costs minutes).
    lakeside = Employer.objects.create(name="Lakeside", slug="lakeside", ai_training_budget_current=5_000)
    history = {"id": northview.pk, "name": "Northview", "slug": "northview", "kind": "school_district", "region": ""}
    for when, current, proposed, kind in [
        (set_on, 10_000, None, "+"),
        (raised_on, 10_000, 25_000, "~"),
        (raised_on + datetime.timedelta(days=1), 10_000, 25_000, "~"),  # a rename: the budget did not change
    ]:
        HistoricalEmployer.objects.create(
            **history,
            ai_training_budget_current=current,
            ai_training_budget_proposed=proposed,
            history_date=when,
            history_type=kind,
            history_user_id=officer.pk,
        )

    apps = migrate(AFTER)

    TrainingBudget = apps.get_model("bargaining", "TrainingBudget")
    HistoricalTrainingBudget = apps.get_model("bargaining", "HistoricalTrainingBudget")
    assert TrainingBudget.objects.count() == 2
    budget = TrainingBudget.objects.get(employer_id=northview.pk)
    assert (budget.employer_id, budget.school_year) == (northview.pk, current_school_year())
    assert (budget.current, budget.proposed) == (Decimal(10_000), Decimal(25_000))
    steps = HistoricalTrainingBudget.objects.filter(id=budget.pk).order_by("history_date")
    assert [(step.history_type, step.proposed, step.history_date, step.history_user_id) for step in steps] == [
        ("+", None, set_on, officer.pk),
        ("~", Decimal(25_000), raised_on, officer.pk),
    ]
    assert steps[0].history_change_reason == "Moved from the employer's record"
    lakeside_budget = TrainingBudget.objects.get(employer_id=lakeside.pk)
    lakeside_steps = HistoricalTrainingBudget.objects.filter(id=lakeside_budget.pk)
    assert [(step.history_type, step.current, step.history_user_id) for step in lakeside_steps] == [("+", 5_000, None)]


def test_going_back_puts_the_latest_years_budget_on_the_employer_again(transactional_db):
    apps = migrate(AFTER)
    employer = apps.get_model("bargaining", "Employer").objects.create(name="Greenfield", slug="greenfield")
    TrainingBudget = apps.get_model("bargaining", "TrainingBudget")
    TrainingBudget.objects.create(employer=employer, school_year="2024-25", current=0, proposed=None)
    TrainingBudget.objects.create(employer=employer, school_year="2025-26", current=0, proposed=20_000)

    apps = migrate(("bargaining", "0004_dates_within_a_plausible_window"))
    try:
        restored = apps.get_model("bargaining", "Employer").objects.get(pk=employer.pk)
        assert (restored.ai_training_budget_current, restored.ai_training_budget_proposed) == (0, 20_000)
    finally:
        migrate_to_latest()
