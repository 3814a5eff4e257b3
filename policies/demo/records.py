"""The few helpers every part of the demo loader shares."""

import datetime
from dataclasses import dataclass, field


@dataclass
class Demo:
    """What has been loaded so far, by natural key, so later parts can refer to earlier rows."""

    today: datetime.date
    users: dict = field(default_factory=dict)
    unions: dict = field(default_factory=dict)
    employers: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    tools: dict = field(default_factory=dict)
    proposals: dict = field(default_factory=dict)
    principles: dict = field(default_factory=dict)
    agreements: dict = field(default_factory=dict)
    clauses: dict = field(default_factory=dict)

    def day(self, offset: int) -> datetime.date:
        """A date `offset` days from today, so the demo always looks current."""
        return self.today + datetime.timedelta(days=offset)


def upsert(model, lookup: dict, values: dict | None = None, *, create_only: dict | None = None):
    """Find a row by its natural key and make it match `values`, validating before any save.

    Saves only when something changed, so a second run adds no history rows. `create_only`
    fields are set when the row is created and left alone afterwards.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **(create_only or {}))
    return sync(obj, values or {})


def sync(obj, values: dict):
    """Set `values` on `obj`; validate and save it if it is new or anything changed."""
    adding = obj._state.adding
    changed = adding
    for name, value in values.items():
        # A new row may not have its required relations yet, so reading them would raise.
        if adding or getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.full_clean()
        obj.save()
    return obj
