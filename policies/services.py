"""Position workflows: edits, adoption and publication. The web pages, the API and the admin call these.

Every change is the position's next version, written under a row lock so that a concurrent change is
never lost; a caller that read an older version may pass it as `expected_version` to be refused instead.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bargaining.access import Visibility
from bargaining.models import StaleEditError
from policies.models import Position, PositionStatus


def _lock(position: Position, expected_version: int | None) -> Position:
    current = Position.objects.select_for_update().get(pk=position.pk)
    if expected_version is not None and expected_version != current.version:
        raise StaleEditError(current)
    return current


def _save_new_version(position: Position, user, fields: list[str]) -> Position:
    # The caller holds the row lock, so a plain increment cannot lose a concurrent change.
    position.version += 1
    if user is not None and user.is_authenticated:
        position._history_user = user
    position.save(update_fields=[*fields, "version", "updated_at"])
    return position


@transaction.atomic
def edit_position(
    *, position: Position, user, changes: dict, principles=None, expected_version: int | None = None
) -> Position:
    """Save an edit of a position's fields (and, if given, its cited principles) as its next version.

    Raises ValidationError naming the field at fault, or StaleEditError when `expected_version` is old.
    """
    position = _lock(position, expected_version)
    for name, value in changes.items():
        setattr(position, name, value)
    position.full_clean()
    if principles is not None:
        try:
            position.clean_principles(principles)
        except ValidationError as error:
            raise ValidationError({"principles": error.messages}) from error
    _save_new_version(position, user, list(changes))
    if principles is not None:
        position.principles.set(principles)
    return position


@transaction.atomic
def adopt_position(*, position: Position, user, adopted_on: datetime.date | None = None) -> Position:
    """Adopt a draft position: it becomes the union's stance, still internal until published."""
    position = _lock(position, None)
    if position.status == PositionStatus.ADOPTED:
        raise ValidationError({"status": _("This position has already been adopted.")})
    position.status = PositionStatus.ADOPTED
    position.adopted_on = adopted_on or datetime.date.today()
    position.adopted_by = user if user is not None and user.is_authenticated else None
    position.full_clean()
    return _save_new_version(position, user, ["status", "adopted_on", "adopted_by"])


@transaction.atomic
def publish_position(*, position: Position, visibility: str, user, expected_version: int | None = None) -> Position:
    """Change who may read a position. Only an adopted position can be shown beyond the officers."""
    position = _lock(position, expected_version)
    if visibility not in Visibility.values:
        raise ValidationError(
            {"visibility": _("Choose one of: %(choices)s.") % {"choices": ", ".join(Visibility.values)}}
        )
    if visibility != Visibility.INTERNAL and position.status != PositionStatus.ADOPTED:
        raise ValidationError({"visibility": _("Adopt the position before publishing it beyond the officers.")})
    position.visibility = visibility
    position.full_clean()
    return _save_new_version(position, user, ["visibility"])
