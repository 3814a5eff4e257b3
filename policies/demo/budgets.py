"""The districts' AI training budgets, this school year and the one before, and the unions' support for them.

This year's figures are the product brief's table (Northview $10,000 → $25,000, Lakeside $5,000 → $15,000,
Greenfield $0 → $20,000; the first union's support high, moderate, high). Budgets and support are created
once, by the union's demo officer, and never overwritten afterwards: an officer's later edit stands.
"""

from decimal import Decimal

from bargaining.access import Visibility
from bargaining.models import BudgetSupport, SupportLevel, TrainingBudget, school_year_of, shift_school_year
from policies.demo.people import OFFICERS
from policies.demo.records import Demo

# employer slug: {years back: (current, proposed)}
BUDGETS = {
    "northview": {0: (Decimal("10000"), Decimal("25000")), 1: (Decimal("8000"), Decimal("10000"))},
    "lakeside": {0: (Decimal("5000"), Decimal("15000")), 1: (Decimal("5000"), None)},
    "greenfield": {0: (Decimal("0"), Decimal("20000")), 1: (Decimal("0"), None)},
}

# union slug, employer slug, support level, visibility, note (this school year's budget)
SUPPORT = [
    ("nlea", "northview", SupportLevel.HIGH, Visibility.MEMBERS,
     "Training in paid time, designed with teachers, not vendor demonstrations."),
    ("nlea", "lakeside", SupportLevel.MODERATE, Visibility.INTERNAL,
     "Backed if the increase pays for release time; we will not trade it for the monitoring pilot."),
    ("nlea", "greenfield", SupportLevel.HIGH, Visibility.MEMBERS,
     "Greenfield has never funded AI training: any budget is a first."),
    ("gfss", "greenfield", SupportLevel.HIGH, Visibility.INTERNAL,
     "Ask for a share ring-fenced for support staff."),
]  # fmt: skip


def load_budgets(demo: Demo) -> None:
    this_year = school_year_of(demo.today)
    budgets = {}
    for slug, years in BUDGETS.items():
        for back, (current, proposed) in years.items():
            school_year = shift_school_year(this_year, -back)
            budgets[(slug, back)] = _create_once(
                TrainingBudget,
                {"employer": demo.employers[slug], "school_year": school_year},
                {"current": current, "proposed": proposed},
                author=demo.users[OFFICERS["nlea"]],
            )
    for union_slug, slug, level, visibility, note in SUPPORT:
        _create_once(
            BudgetSupport,
            {"union": demo.unions[union_slug], "budget": budgets[(slug, 0)]},
            {"level": level, "visibility": visibility, "note": note},
            author=demo.users[OFFICERS[union_slug]],
        )


def _create_once(model, lookup: dict, values: dict, *, author):
    """The row found by `lookup`, or a new one with `values`, recorded in its history as made by `author`."""
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    row = model(**lookup, **values)
    row.full_clean()
    row._history_user = author
    row.save()
    return row
