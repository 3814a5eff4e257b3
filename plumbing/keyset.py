"""Keyset (cursor) pagination for any ordered queryset: a deep page costs what the first costs.

A page is cut by a condition on the list's own ordering ("after the last row shown") rather than by an
OFFSET, so the database seeks to the page through the ordering's index instead of stepping over every
row before it. The ordering is whatever the queryset already has (the model's Meta.ordering, an
`?ordering=` filter, a search's rank), made total by the primary key, with NULLs placed alike on every
database (last going up, first going down). The cursor carries the ordering values of the row it
points from, signed: a cursor tampered with, or read with another ordering, is refused (InvalidCursor).
"""

import datetime
import decimal
from dataclasses import dataclass, field

from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, OrderBy, Q
from django.db.models.constants import LOOKUP_SEP
from django.db.models.expressions import BaseExpression
from django.utils.translation import gettext as _

SALT = "caucus.keyset"
# The query parameter that carries a cursor, on pages and in the API.
CURSOR_PARAM = "cursor"
# How deep a related model's own ordering is followed (a clause ordered by its agreement, by its unit...).
MAX_DEPTH = 4


class InvalidCursor(ValueError):
    """The cursor was not made by this list with this ordering."""


@dataclass
class Key:
    name: str  # the annotation holding the value, `_keyset_<n>`
    expression: BaseExpression
    descending: bool
    nulls_first: bool
    nullable: bool


@dataclass
class KeysetPage:
    rows: list
    next_cursor: str | None = None
    previous_cursor: str | None = None
    keys: list = field(default_factory=list, repr=False)
    # Set by lists that say how many rows they hold (plumbing.pages.list_page).
    count: int | None = None
    count_text: str = ""

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous


def keyset_page(queryset, cursor: str | None, *, per_page: int) -> KeysetPage:
    """The page of `queryset` that `cursor` points to (the first without one), and the cursors either side."""
    keys = ordering_keys(queryset)
    signature = [f"{'-' if key.descending else ''}{_describe(key.expression)}" for key in keys]
    queryset = queryset.annotate(**{key.name: key.expression for key in keys})
    position = _read_cursor(cursor, signature) if cursor else None
    backwards = bool(position and position["d"] == "p")
    ordered = queryset.order_by(*(_order(key, reverse=backwards) for key in keys))
    if position is not None:
        ordered = ordered.filter(_after(keys, position["v"], reverse=backwards))
    rows = list(ordered[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()
    page = KeysetPage(rows=rows, keys=keys)
    if rows:
        first, last = _values(rows[0], keys), _values(rows[-1], keys)
        if more if not backwards else position is not None:
            page.next_cursor = _write_cursor(last, "n", signature)
        if (position is not None) if not backwards else more:
            page.previous_cursor = _write_cursor(first, "p", signature)
    elif position is not None:
        # Past either end (the rows it pointed from are gone): offer the way back.
        page.previous_cursor = _write_cursor(position["v"], "n" if backwards else "p", signature)
    return page


def ordering_keys(queryset) -> list[Key]:
    """The queryset's ordering as keys, related models' orderings followed, ended by the primary key."""
    query = queryset.query
    meta = queryset.model._meta
    if query.order_by:
        items = list(query.order_by)
    elif query.default_ordering and meta.ordering:
        items = list(meta.ordering)
    else:
        items = []
    keys: list[Key] = []
    for item in items:
        for expression, descending, nulls_first, nullable in _expand(queryset.model, item, prefix="", depth=0):
            keys.append(Key(f"_keyset_{len(keys)}", expression, descending, nulls_first, nullable))
    if not any(_describe(key.expression) in ("pk", meta.pk.attname, meta.pk.name) for key in keys):
        descending = bool(keys and keys[-1].descending)
        keys.append(Key(f"_keyset_{len(keys)}", F("pk"), descending, descending, False))
    return keys


def _expand(model, item, *, prefix, depth):
    """(expression, descending, nulls_first, nullable) for one ordering item; a relation expands to its model's
    own ordering, as Django orders by it."""
    if isinstance(item, OrderBy):
        inner, descending = item.expression, item.descending
        nulls_first = item.nulls_first if (item.nulls_first or item.nulls_last) else descending
        if isinstance(inner, F) and not (item.nulls_first or item.nulls_last):
            yield from _expand(model, ("-" if descending else "") + inner.name, prefix=prefix, depth=depth)
        else:
            yield _prefixed(inner, prefix), descending, bool(nulls_first), True
        return
    if isinstance(item, BaseExpression):
        yield _prefixed(item, prefix), False, False, True
        return
    if item == "?":
        raise InvalidCursor(_("A random order cannot be paged."))
    descending = item.startswith("-")
    name = item.lstrip("-")
    fields, nullable, target = _walk(model, name)
    if fields is None:
        # An annotation (a rank, a current status): its value is read from the row.
        yield F(prefix + name), descending, descending, True
        return
    related = target.related_model if target.is_relation else None
    if related is not None and name != "pk" and not name.endswith("_id") and depth < MAX_DEPTH:
        for sub in related._meta.ordering or ["pk"]:
            if isinstance(sub, str):
                sign = "-" if sub.startswith("-") != descending else ""
                sub = sign + sub.lstrip("-")
            for expression, desc, nulls_first, sub_nullable in _expand(
                related, sub, prefix=f"{prefix}{name}{LOOKUP_SEP}", depth=depth + 1
            ):
                yield expression, desc, nulls_first, nullable or sub_nullable
        return
    yield F(prefix + name), descending, descending, nullable


def _prefixed(expression, prefix):
    if not prefix:
        return expression
    if isinstance(expression, F):
        return F(prefix + expression.name)
    raise InvalidCursor(_("A related model ordered by an expression cannot be paged."))


def _walk(model, name):
    """Follow a lookup path over fields: (the fields, any of them nullable, the last field), or None for a name
    that is no field (an annotation)."""
    fields, nullable, current = [], False, model
    target = None
    for part in name.split(LOOKUP_SEP):
        if current is None:
            return None, True, None
        if part == "pk":
            target = current._meta.pk
        else:
            try:
                target = current._meta.get_field(part)
            except FieldDoesNotExist:  # an annotation
                return None, True, None
        fields.append(target)
        nullable = nullable or bool(getattr(target, "null", False)) or (target.auto_created and not target.concrete)
        current = target.related_model if target.is_relation else None
    return fields, nullable, target


def _describe(expression) -> str:
    return expression.name if isinstance(expression, F) else repr(expression)


def _order(key: Key, *, reverse: bool):
    descending, nulls_first = key.descending != reverse, key.nulls_first != reverse
    expression = F(key.name)
    if not key.nullable:
        return expression.desc() if descending else expression.asc()
    # NULLs placed explicitly, alike on every database (by default last going up and first going down).
    placement = {"nulls_first": True} if nulls_first else {"nulls_last": True}
    return expression.desc(**placement) if descending else expression.asc(**placement)


def _after(keys: list[Key], values: list, *, reverse: bool) -> Q:
    """The rows strictly after `values` in the keys' order, written so that the database can seek: the leading
    key's range comes first (k >= v), the ties are settled by the keys after it."""
    condition = None
    for key, value in reversed(list(zip(keys, values, strict=True))):
        at_least, beyond = _bounds(
            key.name,
            value,
            descending=key.descending != reverse,
            nulls_first=key.nulls_first != reverse,
            nullable=key.nullable,
        )
        condition = beyond if condition is None else at_least & (beyond | condition)
    return condition


_EVERYTHING = Q(pk__isnull=False)
_NOTHING = Q(pk__in=[])


def _bounds(name: str, value, *, descending: bool, nulls_first: bool, nullable: bool) -> tuple[Q, Q]:
    """(at least `value`, strictly beyond `value`) for one key in its direction and NULL placement."""
    if value is None:
        if nulls_first:  # everything is at least here; the non-NULLs are beyond
            return _EVERYTHING, Q(**{f"{name}__isnull": False})
        return Q(**{f"{name}__isnull": True}), _NOTHING
    lookup = "lt" if descending else "gt"
    at_least, beyond = Q(**{f"{name}__{lookup}e": value}), Q(**{f"{name}__{lookup}": value})
    if nullable and not nulls_first:
        nulls = Q(**{f"{name}__isnull": True})
        return at_least | nulls, beyond | nulls
    return at_least, beyond


def _values(row, keys: list[Key]) -> list:
    return [getattr(row, key.name) for key in keys]


# Cursors: the values typed, so that a date stays a date and a decimal stays exact.


def _encode(value):
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"d": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"n": str(value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return {"s": str(value)}


def _decode(value):
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        readers = {
            "t": datetime.datetime.fromisoformat,
            "d": datetime.date.fromisoformat,
            "n": decimal.Decimal,
            "s": str,
        }
        if tag in readers and isinstance(text, str):
            return readers[tag](text)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise InvalidCursor(_("This cursor holds a value no list writes."))


def write_cursor(values: list, signature: list[str]) -> str:
    """A forward cursor over `values` for a list paged by hand (several sources merged): see read_cursor."""
    return _write_cursor(values, "n", signature)


def read_cursor(cursor: str, signature: list[str]) -> list:
    """The values a cursor made by write_cursor with the same `signature` holds; InvalidCursor otherwise."""
    return _read_cursor(cursor, signature)["v"]


def _write_cursor(values: list, direction: str, signature: list[str]) -> str:
    payload = {"v": [_encode(value) for value in values], "d": direction, "o": signature}
    return signing.dumps(payload, salt=SALT, compress=True)


def _read_cursor(cursor: str, signature: list[str]) -> dict:
    try:
        payload = signing.loads(cursor, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidCursor(_("This cursor is not one this list gave: start again from the first page.")) from error
    if not isinstance(payload, dict) or payload.get("o") != signature or payload.get("d") not in ("n", "p"):
        raise InvalidCursor(_("This cursor belongs to another list or ordering: start again from the first page."))
    values = payload.get("v")
    if not isinstance(values, list) or len(values) != len(signature):
        raise InvalidCursor(_("This cursor is not one this list gave: start again from the first page."))
    try:
        payload["v"] = [_decode(value) for value in values]
    except (ValueError, TypeError, decimal.InvalidOperation) as error:
        raise InvalidCursor(_("This cursor holds a value no list writes.")) from error
    return payload


def sequence_page(items, cursor: str | None, *, per_page: int) -> KeysetPage:
    """A page of a computed list (a feed): the cursor is a signed position in it. `items` is a list, or any
    object that gives a slice of itself, such as one that asks its database for no more than the slice's end."""
    signature = ["#sequence"]
    start = 0
    if cursor:
        values = _read_cursor(cursor, signature)["v"]
        if not isinstance(values[0], int) or isinstance(values[0], bool) or values[0] < 0:
            raise InvalidCursor(_("This cursor is not one this list gave: start again from the first page."))
        start = values[0]
    rows = list(items[start : start + per_page + 1])  # one more than the page: whether there is a next one
    page = KeysetPage(rows=rows[:per_page])
    if len(rows) > per_page:
        page.next_cursor = _write_cursor([start + per_page], "n", signature)
    if start > 0:
        page.previous_cursor = _write_cursor([max(0, start - per_page)], "n", signature)
    return page
