"""How every page says where a date stands: overdue, due soon, or neither (no domain knowledge here)."""

import datetime

from django.db import models

# How soon "due soon" is, on every list that marks rows.
DUE_SOON_DAYS = 7


def due_state(due: datetime.date | None, today: datetime.date) -> str:
    """ "overdue", "due soon" or "" for a date."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due soon"
    return ""


class AddDays(models.Func):
    """`date + days` in SQL, a date again on both databases (`days` may be negative): lets due dates be
    filtered, ordered and limited by the database instead of in Python."""

    output_field = models.DateField()
    arity = 2

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="date(%(expressions)s || ' days')", arg_joiner=", ", **extra_context
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" + ", **extra_context)


class OneYearAfter(models.Func):
    """The same day a year later in SQL, 29 February giving 28 February (as Python's `date.replace` cannot)."""

    output_field = models.DateField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra_context):
        day, params = compiler.compile(self.source_expressions[0])
        # Dates are stored as YYYY-MM-DD text; SQLite would roll 29 February over into March.
        sql = (
            f"CASE WHEN substr({day}, 6) = '02-29' THEN date({day}, '-1 day', '+1 year') "
            f"ELSE date({day}, '+1 year') END"
        )
        return sql, (*params, *params, *params)

    def as_postgresql(self, compiler, connection, **extra_context):
        # PostgreSQL already keeps to the month's last day.
        return self.as_sql(
            compiler, connection, template="(%(expressions)s + interval '1 year')::date", **extra_context
        )
