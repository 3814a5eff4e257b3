"""Bargaining workflows. The web pages and the API both call these."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from bargaining.models import Clause, ClauseVersion, NegotiationSession


@transaction.atomic
def table_clause_version(
    *,
    clause: Clause,
    text: str,
    tabled_by: str,
    status: str,
    user=None,
    session: NegotiationSession | None = None,
    tabled_on: datetime.date | None = None,
) -> ClauseVersion:
    """Append a new version to a clause's lineage; the earlier versions are never touched.

    Raises ValidationError (naming the field) when the version is invalid.
    """
    # Lock the clause so two officers tabling at once get consecutive numbers, not a clash.
    Clause.objects.select_for_update().filter(pk=clause.pk).first()
    previous = clause.versions.order_by("-number").first()
    date_field = "tabled_on" if tabled_on is not None else ("session" if session else "tabled_on")
    if tabled_on is None:
        tabled_on = session.held_on if session else datetime.date.today()
    # The lineage reads in tabling order: a version dated before the one it answers would scramble it.
    if previous is not None and tabled_on < previous.tabled_on:
        raise ValidationError(
            {
                date_field: (
                    f"Version {previous.number} was tabled on {previous.tabled_on:%d %b %Y}; "
                    f"a new version cannot be dated before it ({tabled_on:%d %b %Y})."
                )
            }
        )
    last = previous.number if previous is not None else 0
    version = ClauseVersion(
        clause=clause,
        number=last + 1,
        text=text,
        tabled_by=tabled_by,
        status=status,
        session=session,
        tabled_on=tabled_on,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    version.full_clean(exclude=["number"])
    version.save()
    return version
