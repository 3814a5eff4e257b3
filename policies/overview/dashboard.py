"""The dashboard's content: what is overdue, deadlines in the next 30 days (policies.deadlines.engine),
consultations by stage, recent activity, counts."""

import datetime

from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bargaining.access import union_ids
from bargaining.models import Agreement, BargainingUnit, Clause, ClauseVersion, Membership
from consultations.models import Consultation, ConsultationEvent, ConsultationStage, EdTechTool, ProcurementProposal
from policies.deadlines.engine import due_soon_for
from policies.models import ModelClause, Position

DEADLINE_WINDOW_DAYS = 30
COUNTED = [
    (_("Bargaining units"), BargainingUnit),
    (_("Agreements"), Agreement),
    (_("Clauses"), Clause),
    (_("EdTech tools"), EdTechTool),
    (_("Procurement proposals"), ProcurementProposal),
    (_("Consultations"), Consultation),
    (_("Positions"), Position),
    (_("Model clauses"), ModelClause),
]


# The dashboard counts up to this many of a kind and then says "more than": a count never scans a federation.
COUNT_LIMIT = 1000
# Recent activity looks this far back: the newest are read from the date indexes, not sorted from a whole record.
RECENT_DAYS = 365
# Deadlines listed on the dashboard, overdue and upcoming each: the oldest first, the rest counted.
LISTED_DEADLINES = 10


def record_counts(user) -> list[tuple[str, int | str]]:
    """How many records of each kind `user` may see (the text "1,000+" beyond COUNT_LIMIT): shown to everyone."""
    counts = []
    for label, model in COUNTED:
        count = model.objects.visible_to(user).order_by()[: COUNT_LIMIT + 1].count()
        counts.append((label, f"{COUNT_LIMIT:,}+" if count > COUNT_LIMIT else count))
    return counts


def dashboard(user) -> dict:
    """A signed-in user's own unions at a glance: what is overdue first, then what falls due soon."""
    today = datetime.date.today()
    mine = union_ids(user)
    due = due_soon_for(
        user, today=today, due_to=today + datetime.timedelta(days=DEADLINE_WINDOW_DAYS), limit=LISTED_DEADLINES
    )
    consultations = Consultation.objects.visible_to(user).filter(union__in=mine)
    stage_counts = dict(consultations.values_list("stage").annotate(n=Count("pk")).order_by())
    by_stage = [(value, label, stage_counts.get(value, 0)) for value, label in ConsultationStage.choices]
    return {
        "memberships": Membership.objects.filter(user=user).select_related("union"),
        # Overdue first and never dropped: the oldest are listed, the others counted, all in the calendar feed.
        "overdue": due.overdue,
        "overdue_more": due.overdue_count - len(due.overdue),
        "upcoming": due.upcoming,
        "upcoming_more": due.upcoming_count - len(due.upcoming),
        "by_stage": by_stage,
        "activity": _recent_activity(user, mine, since=today - datetime.timedelta(days=RECENT_DAYS)),
        "window": DEADLINE_WINDOW_DAYS,
    }


def _recent_activity(user, mine, since: datetime.date) -> list[tuple]:
    events = (
        ConsultationEvent.objects.visible_to(user)
        .filter(consultation__union__in=mine, occurred_on__gte=since)
        # The union apart: joined in, it leads SQLite to read the union's every event instead of the date index.
        .select_related("consultation__proposal")
        .prefetch_related("consultation__union")
        .order_by("-occurred_on", "-created_at")[:8]
    )
    versions = (
        ClauseVersion.objects.visible_to(user)
        .dated_for(user)
        .filter(clause__agreement__bargaining_unit__union__in=mine, tabled_on__gte=since)
        .select_related("clause__agreement__bargaining_unit")
        .order_by("-tabled_on", "-number")[:8]
    )
    activity = [
        (
            e.occurred_on,
            # Translators: an event on the dashboard: its kind, then what the officer wrote of it.
            gettext("%(kind)s: %(summary)s") % {"kind": e.get_kind_display(), "summary": e.summary},
            e.consultation,
            "consultation_detail",
            e.consultation.pk,
        )
        for e in events
    ] + [
        (
            v.tabled_on,
            # Translators: %(status)s is a clause version's status in lower case, such as "proposed".
            gettext("Tabled %(status)s text") % {"status": v.get_status_display().lower()},
            v.clause,
            "clause_detail",
            v.clause_id,
        )
        for v in versions
    ]
    return sorted(activity, key=lambda row: row[0], reverse=True)[:10]
