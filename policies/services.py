"""Position workflows. The web pages and the API both call these."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from bargaining.access import Visibility
from policies.models import Position, PositionStatus


def _save_new_version(position: Position, user, fields: list[str]) -> Position:
    # The caller holds the row lock, so a plain increment cannot lose a concurrent change.
    position.version += 1
    if user is not None and user.is_authenticated:
        position._history_user = user
    position.save(update_fields=[*fields, "version", "updated_at"])
    return position


@transaction.atomic
def adopt_position(*, position: Position, user, adopted_on: datetime.date | None = None) -> Position:
    """Adopt a draft position: it becomes the union's stance, still internal until published."""
    position = Position.objects.select_for_update().get(pk=position.pk)
    if position.status == PositionStatus.ADOPTED:
        raise ValidationError({"status": "This position has already been adopted."})
    position.status = PositionStatus.ADOPTED
    position.adopted_on = adopted_on or datetime.date.today()
    position.adopted_by = user if user is not None and user.is_authenticated else None
    position.full_clean()
    return _save_new_version(position, user, ["status", "adopted_on", "adopted_by"])


@transaction.atomic
def publish_position(*, position: Position, visibility: str, user) -> Position:
    """Change who may read a position. Only an adopted position can be shown beyond the officers."""
    position = Position.objects.select_for_update().get(pk=position.pk)
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": f"Choose one of: {', '.join(Visibility.values)}."})
    if visibility != Visibility.INTERNAL and position.status != PositionStatus.ADOPTED:
        raise ValidationError({"visibility": "Adopt the position before publishing it beyond the officers."})
    position.visibility = visibility
    position.full_clean()
    return _save_new_version(position, user, ["visibility"])
