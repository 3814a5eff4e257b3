"""The employer's two budget fields have moved to its budgets per school year (0006): drop them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("bargaining", "0006_move_employer_budgets_to_school_years"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='employer',
            name='employer_current_budget_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='employer',
            name='employer_proposed_budget_not_negative',
        ),
        migrations.RemoveField(
            model_name='historicalemployer',
            name='ai_training_budget_current',
        ),
        migrations.RemoveField(
            model_name='historicalemployer',
            name='ai_training_budget_proposed',
        ),
        migrations.RemoveField(
            model_name='employer',
            name='ai_training_budget_current',
        ),
        migrations.RemoveField(
            model_name='employer',
            name='ai_training_budget_proposed',
        ),
    ]
