"""Bargaining workflows. The web pages and the API both call these."""

import datetime

from django.db import transaction
from django.db.models import Max

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
    last = clause.versions.aggregate(last=Max("number"))["last"] or 0
    if tabled_on is None:
        tabled_on = session.held_on if session else datetime.date.today()
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
