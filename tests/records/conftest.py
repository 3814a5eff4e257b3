"""Records of `union` as the web forms' tests need them: each readable by the union's members, so that a member
is refused a change (403) rather than the sight of it (404), and an officer of another union sees none (404)."""

import datetime

import pytest

from bargaining.access import Visibility
from tests.factories import (
    ConsultationEventFactory,
    EdTechToolFactory,
    ModelClauseFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    SessionNoteFactory,
    VendorFactory,
)

MEMBERS = Visibility.MEMBERS


@pytest.fixture
def records(union, unit, agreement, session, members_clause, consultation, topic):
    vendor = VendorFactory(name="Vigilant Campus Systems")
    tool = EdTechToolFactory(name="HallwayWatch", vendor=vendor)
    return {
        "unit": unit,
        "agreement": agreement,
        "clause": members_clause,
        "session": session,
        "note": SessionNoteFactory(session=session, body="Members may read this note.", visibility=MEMBERS),
        "consultation": consultation,
        "event": ConsultationEventFactory(consultation=consultation, summary="Notice received.", visibility=MEMBERS),
        "model_clause": ModelClauseFactory(
            union=union,
            topic=topic,
            title="Model clause on workload",
            walk_away_text="WALK-AWAY thirty days",
            guidance="GUIDANCE concede notice",
            visibility=MEMBERS,
        ),
        "principle": PrincipleFactory(union=union, title="People decide", visibility=MEMBERS),
        "position": PositionFactory(
            union=union, title="On HallwayWatch", tool=tool, visibility=MEMBERS, adopted_on=datetime.date(2025, 2, 1)
        ),
        "vendor": vendor,
        "tool": tool,
        "proposal": ProcurementProposalFactory(tool=tool, title="Adopt HallwayWatch"),
    }
