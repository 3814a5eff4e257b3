"""Move each employer's AI training budget (current and proposed) into a budget for the current school year.

The budget keeps its history: each change the employer's history recorded to the two amounts becomes a change
of the new budget, with its date and author, so "who set this figure, and when" survives the move. An employer
whose budget was never set (0, nothing proposed: the old defaults) gets no budget row, rather than a $0 figure
nobody entered. Going back copies the latest school year's amounts onto the employer again.
"""

import datetime

from django.db import migrations
from django.utils import timezone

# As bargaining.models.budgets.school_year_of (a migration does not import the app's code): 1 July starts a year.
SCHOOL_YEAR_STARTS = (7, 1)
MOVED = "Moved from the employer's record"


def school_year_of(day: datetime.date) -> str:
    start = day.year if (day.month, day.day) >= SCHOOL_YEAR_STARTS else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def move_budgets(apps, schema_editor):
    Employer = apps.get_model("bargaining", "Employer")
    HistoricalEmployer = apps.get_model("bargaining", "HistoricalEmployer")
    TrainingBudget = apps.get_model("bargaining", "TrainingBudget")
    HistoricalTrainingBudget = apps.get_model("bargaining", "HistoricalTrainingBudget")
    school_year = school_year_of(datetime.date.today())
    for employer in Employer.objects.all():
        current, proposed = employer.ai_training_budget_current, employer.ai_training_budget_proposed
        if not current and proposed is None:
            continue
        budget = TrainingBudget.objects.create(
            employer=employer, school_year=school_year, current=current, proposed=proposed
        )
        earlier = (
            HistoricalEmployer.objects.filter(id=employer.pk)
            .exclude(history_type="-")
            .order_by("history_date", "history_id")
        )
        steps, last = [], None
        for row in earlier:
            amounts = (row.ai_training_budget_current, row.ai_training_budget_proposed)
            if amounts != last:
                steps.append((row.history_date, row.history_user_id, amounts))
                last = amounts
        if not steps or last != (current, proposed):
            steps.append((timezone.now(), None, (current, proposed)))
        HistoricalTrainingBudget.objects.bulk_create(
            HistoricalTrainingBudget(
                id=budget.pk,
                employer_id=employer.pk,
                school_year=school_year,
                current=step_current,
                proposed=step_proposed,
                history_date=when,
                history_user_id=author,
                history_type="+" if index == 0 else "~",
                history_change_reason=MOVED if index == 0 else None,
            )
            for index, (when, author, (step_current, step_proposed)) in enumerate(steps)
        )


def restore_budgets(apps, schema_editor):
    Employer = apps.get_model("bargaining", "Employer")
    TrainingBudget = apps.get_model("bargaining", "TrainingBudget")
    for employer in Employer.objects.all():
        latest = TrainingBudget.objects.filter(employer=employer).order_by("-school_year").first()
        if latest is not None:
            employer.ai_training_budget_current = latest.current
            employer.ai_training_budget_proposed = latest.proposed
            employer.save(update_fields=["ai_training_budget_current", "ai_training_budget_proposed"])


class Migration(migrations.Migration):
    dependencies = [
        ("bargaining", "0005_training_budgets_per_school_year"),
    ]

    operations = [
        migrations.RunPython(move_budgets, restore_budgets),
    ]
