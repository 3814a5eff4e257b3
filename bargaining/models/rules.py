"""Rules every bargaining record shares: append-only records, and children no more visible than parents."""

import re

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext

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
    """A child record may never be shown to more people than its parent.

    `parent_label` names the kind of parent in the reader's language ("bargaining unit"): a gettext_lazy string.
    """
    parent = parent_of(child, parent_field)
    if parent is not None and child.visibility and is_more_visible(child.visibility, parent.visibility):
        raise ValidationError(
            {
                "visibility": (
                    # Translators: %(parent)s is a kind of record ("bargaining unit", "session"); %(visibility)s
                    # is a visibility in lower case ("members of the union").
                    gettext("Cannot be more visible than its %(parent)s, which is %(visibility)s.")
                    % {"parent": parent_label, "visibility": parent.get_visibility_display().lower()}
                )
            }
        )


def refuse_archived_parent(child, parent_field: str, parent_label: str) -> None:
    """A record retired by archiving takes no new children: restore it first. Existing children stay as they are.

    `parent_label` names the kind of parent in the reader's language ("employer"): a gettext_lazy string.
    """
    parent = parent_of(child, parent_field)
    if parent is None or parent.archived_on is None:
        return
    attname = child._meta.get_field(parent_field).attname
    if not child._state.adding:
        stored = type(child)._default_manager.filter(pk=child.pk).values_list(attname, flat=True).first()
        if stored == parent.pk:
            return
    raise ValidationError(
        {
            parent_field: (
                # Translators: %(parent)s is a record's name, %(date)s the day it was archived, %(kind)s the kind
                # of record ("employer", "agreement").
                gettext("%(parent)s is archived (%(date)s). Restore the %(kind)s first.")
                % {"parent": parent, "date": date_format(parent.archived_on, "j M Y"), "kind": parent_label}
            )
        }
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
