"""A record's history as a reader may see it: never more than the record itself tells them.

Each past version is judged by the model's own access rule, applied to that version (its visibility then,
under the ancestors it has now): a reader sees only the versions they could have read, and nothing of a
phase they could not (a position drafted internally, then published, shows members its life from
publication on). Changes are shown between consecutive versions the reader may see; fields the reader may
not see (a model clause's walk-away wording, say) are left out, and who made each change is shown only
where the model's `authors_visible_to` rule allows.
"""

from dataclasses import dataclass, field, replace

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext
from simple_history import utils

# Bookkeeping that changes with every save and tells a reader nothing.
ALWAYS_EXCLUDED = ("updated_at", "version")


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class History:
    """The entries a reader may see, newest first, and whether they may see who made each change."""

    entries: list
    show_authors: bool

    def __iter__(self):
        return iter(self.entries)

    def __len__(self):
        return len(self.entries)


@dataclass
class HistoryEntry:
    when: object
    who: object | None  # None when the reader may not see who made the change
    # "created", "changed", "deleted", "first_visible" (the first version this reader could see), or of a record
    # kept beside this one: "document_added" and "document_removed", naming the document as `subject`.
    kind: str
    changes: list[Change] = field(default_factory=list)
    subject: str = ""


def visible_history(record, user, *, hidden_fields=(), limit: int = 50) -> History:
    """The newest `limit` changes of `record` that `user` may see, newest first.

    A constant number of queries: the versions, whether authors are shown, and one per kind of record that a
    changed reference points to.
    """
    manager = type(record)._default_manager
    versions = list(
        record.history.filter(manager.visibility_rule(user))
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    show_authors = manager.filter(pk=record.pk).filter(manager.authors_visible_to(user)).exists()
    excluded = {*ALWAYS_EXCLUDED, *hidden_fields}
    links = _links_by_version(versions, excluded)
    raw = [
        _raw_entry(newer, older, excluded, links, show_authors)
        for newer, older in zip(versions[:limit], [*versions[1:], None][:limit], strict=True)
    ]
    names = _visible_names(raw, user)
    entries = [
        HistoryEntry(
            when,
            who,
            kind,
            [
                Change(_label(model_field), _value(model_field, old, names), _value(model_field, new, names))
                for model_field, old, new in changes
            ],
        )
        for when, who, kind, changes in raw
    ]
    return History(entries, show_authors)


def with_entries(history: History, entries, *, limit: int = 50) -> History:
    """`history` with `entries` about records kept beside it (documents added and removed), newest first; who made
    them is shown only as the record's own authors are."""
    if not entries:
        return history
    if not history.show_authors:
        entries = [replace(entry, who=None) for entry in entries]
    merged = sorted([*history.entries, *entries], key=lambda entry: entry.when, reverse=True)
    return History(merged[:limit], history.show_authors)


def _links_by_version(versions, excluded) -> dict:
    """{(history_id, field name): [linked ids]} for the tracked many-to-many fields: one query per field."""
    if not versions:
        return {}
    links = {}
    for m2m in versions[0]._history_m2m_fields:
        if m2m.name in excluded:
            continue
        through = getattr(versions[0], m2m.name).model
        column = f"{utils.get_m2m_reverse_field_name(m2m)}_id"
        for history_id, pk in through.objects.filter(history__in=versions).values_list("history_id", column):
            links.setdefault((history_id, m2m.name), []).append(pk)
    return links


def _raw_entry(newer, older, excluded, links, show_authors):
    who = newer.history_user if show_authors else None
    if newer.history_type == "+":
        return newer.history_date, who, "created", []
    if newer.history_type == "-":
        return newer.history_date, who, "deleted", []
    if older is None:
        # An earlier phase exists that this reader may not see: say where their view begins, not what changed.
        return newer.history_date, who, "first_visible", []
    meta = newer.instance_type._meta
    m2m_names = [m2m.name for m2m in newer._history_m2m_fields]
    # Fields no person edits (a sort key kept in step, a creation time) are bookkeeping, not changes.
    derived = [field.name for field in meta.concrete_fields if not field.editable]
    skipped = [name for name in {*excluded, *m2m_names, *derived} if _is_field(meta, name)]
    changes = [
        (meta.get_field(c.field), c.old, c.new) for c in newer.diff_against(older, excluded_fields=skipped).changes
    ]
    for name in m2m_names:
        old, new = (sorted(links.get((version.history_id, name), [])) for version in (older, newer))
        if name not in excluded and old != new:
            changes.append((meta.get_field(name), old, new))
    return newer.history_date, who, "changed", changes


def _is_field(meta, name) -> bool:
    try:
        meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _visible_names(raw, user) -> dict:
    """{(model, pk): name} for every record the shown changes refer to that `user` may see: one query per model."""
    wanted: dict = {}
    for _when, _who, _kind, changes in raw:
        for model_field, old, new in changes:
            if model_field.is_relation:
                ids = [*old, *new] if model_field.many_to_many else [old, new]
                wanted.setdefault(model_field.related_model, set()).update(pk for pk in ids if pk is not None)
    names = {}
    for model, ids in wanted.items():
        manager = model._default_manager
        visible = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.none()
        names.update({(model, row.pk): str(row) for row in visible.filter(pk__in=ids)})
    return names


def _label(model_field) -> str:
    return str(model_field.verbose_name)


def _value(model_field, value, names) -> str:
    hidden = _(HIDDEN)
    if model_field.many_to_many:
        shown = sorted(names.get((model_field.related_model, pk), hidden) for pk in value)
        return ", ".join(shown) or "—"
    if value in (None, ""):
        return "—"
    if model_field.is_relation:
        return names.get((model_field.related_model, value), hidden)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return pgettext("value of a yes/no field", "yes") if value else pgettext("value of a yes/no field", "no")
    return str(value)


# Translated where it is shown (_value), so that the constant stays plain English text.
HIDDEN = gettext_noop("a record you cannot see")
