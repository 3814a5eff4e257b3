"""Rules every bargaining record shares: append-only records, and children no more visible than parents."""

import re

from django.core.exceptions import ValidationError

from bargaining.access import Visibility, is_more_visible
from plumbing.records import StaleEditError


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete a record that is append-only."""


# Raised by services when an edit was read before someone else's save (defined with the generic record tools).
__all__ = [
    "ImmutableRecordError",
    "StaleEditError",
    "ever_shown_beyond_leadership",
    "natural_key",
    "parent_of",
    "refuse_archived_parent",
    "refuse_wider_visibility",
]


def parent_of(record, field: str):
    """The parent `record` points to through `field`, or None.

    A parent set in memory counts even before it is saved (the admin adds a consultation and its
    events on one page), so `clean()` checks a child against the parent as it is being written.
    """
    relation = record._meta.get_field(field)
    if relation.is_cached(record):
        return relation.get_cached_value(record)  # None when a form has just emptied it
    if getattr(record, relation.attname) is not None:
        return getattr(record, field)
    return None


def refuse_wider_visibility(child, parent_field: str, parent_label: str) -> None:
    """A child record may never be shown to more people than its parent."""
    parent = parent_of(child, parent_field)
    if parent is not None and child.visibility and is_more_visible(child.visibility, parent.visibility):
        raise ValidationError(
            {
                "visibility": (
                    f"Cannot be more visible than its {parent_label}, "
                    f"which is {parent.get_visibility_display().lower()}."
                )
            }
        )


def refuse_archived_parent(child, parent_field: str, parent_label: str) -> None:
    """A record retired by archiving takes no new children: restore it first. Existing children stay as they are."""
    parent = parent_of(child, parent_field)
    if parent is None or parent.archived_on is None:
        return
    attname = child._meta.get_field(parent_field).attname
    if not child._state.adding:
        stored = type(child)._default_manager.filter(pk=child.pk).values_list(attname, flat=True).first()
        if stored == parent.pk:
            return
    raise ValidationError(
        {parent_field: f"{parent} is archived ({parent.archived_on:%-d %b %Y}). Restore the {parent_label} first."}
    )


def ever_shown_beyond_leadership(record) -> bool:
    """Whether `record` is, or ever was, readable beyond its union's leadership: then it was published, and stays.

    Its history says what it once was, even after it was made internal again.
    """
    if record.visibility != Visibility.INTERNAL:
        return True
    return record.history.exclude(visibility=Visibility.INTERNAL).exists()


def natural_key(text: str) -> str:
    """A sort key in which numbers sort by value: "21.2" before "21.10", "9" before "10a".

    Each run of digits is padded to 8 places; letters sort without case.
    """
    return "".join(part.zfill(8) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text.strip()))
