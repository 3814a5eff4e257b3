"""The few helpers every part of the demo loader shares."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from bargaining.access import Role
from bargaining.models import Membership, Union


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


# Every save the loader makes carries this reason in the record's history. A record whose newest history row
# carries another reason (or none) was changed by a person after it was loaded, and the loader leaves it be.
DEMO_REASON = "Loaded as demo data"


def edited_since_loaded(obj) -> bool:
    """Whether someone changed `obj` after the demo loader last wrote it (its newest history row says who)."""
    if obj._state.adding or not hasattr(type(obj), "history"):
        return False
    newest = obj.history.order_by("-history_date", "-history_id").values_list("history_change_reason", flat=True)
    return newest.first() != DEMO_REASON


def demo_author(obj):
    """Who the demo says wrote a record, for its history: the officer of the union that owns it; a shared record
    (a tool, a proposal), the first union's officer; a union or a membership, the site administrator."""
    union_path = getattr(type(obj)._default_manager._queryset_class, "union_path", None)
    if isinstance(obj, Union | Membership):
        return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    officers = Membership.objects.filter(role=Role.OFFICER).select_related("user").order_by("pk")
    if union_path is not None:
        union = obj
        for name in union_path.split("__"):
            union = getattr(union, name)
        officers = officers.filter(union=union)
    membership = officers.first()
    return membership.user if membership else None


def upsert(model, lookup: dict, values: dict | None = None, *, create_only: dict | None = None):
    """Find a row by its natural key and make it match `values`, validating before any save.

    Saves only when something changed, so a second run adds no history rows. `create_only`
    fields are set when the row is created and left alone afterwards. A row someone edited after
    it was loaded is left as they made it.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **(create_only or {}))
    return sync(obj, values or {})


def set_links(obj, field: str, values) -> None:
    """Set a many-to-many field of a demo record, unless someone edited the record after it was loaded."""
    if not edited_since_loaded(obj):
        obj._change_reason = DEMO_REASON
        obj._history_user = demo_author(obj)
        getattr(obj, field).set(values)


def sync(obj, values: dict):
    """Set `values` on `obj`; validate and save it if it is new or anything changed, and nobody edited it."""
    if edited_since_loaded(obj):
        return obj
    adding = obj._state.adding
    changed = adding
    for name, value in values.items():
        # A new row may not have its required relations yet, so reading them would raise.
        if adding or getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.full_clean()
        obj._change_reason = DEMO_REASON
        obj._history_user = demo_author(obj)
        obj.save()
    return obj
