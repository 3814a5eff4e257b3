"""Rules every bargaining record shares: append-only records, and children no more visible than parents."""

from django.core.exceptions import ValidationError

from bargaining.access import is_more_visible
from plumbing.records import StaleEditError


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete a record that is append-only."""


# Raised by services when an edit was read before someone else's save (defined with the generic record tools).
__all__ = ["ImmutableRecordError", "StaleEditError", "parent_of", "refuse_wider_visibility"]


def parent_of(record, field: str):
    """The parent `record` points to through `field`, or None.

    A parent set in memory counts even before it is saved (the admin adds a consultation and its
    events on one page), so `clean()` checks a child against the parent as it is being written.
    """
    relation = record._meta.get_field(field)
    if relation.is_cached(record) or getattr(record, relation.attname) is not None:
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
