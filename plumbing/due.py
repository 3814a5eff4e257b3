"""How every page says where a date stands: overdue, due soon, or neither (no domain knowledge here)."""

import datetime

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
