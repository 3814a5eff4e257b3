"""policies.overview.timeline.tool_timeline: one history of a tool, cut to what the user may see."""

import datetime

import pytest

from bargaining.access import Visibility
from policies.overview.timeline import tool_timeline
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    PositionFactory,
    ProcurementProposalFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


def build_history(tool, union, *, day=1, visibility=MEMBERS):
    """A proposal, a consultation with one event, a position and a clause version that came out of it."""
    proposal = ProcurementProposalFactory(tool=tool, announced_on=datetime.date(2025, 1, day))
    consultation = ConsultationFactory(
        union=union, proposal=proposal, visibility=visibility, opened_on=datetime.date(2025, 1, day)
    )
    event = ConsultationEventFactory(
        consultation=consultation, occurred_on=datetime.date(2025, 2, day), visibility=visibility
    )
    position = PositionFactory(
        union=union, tool=None, proposal=proposal, visibility=PUBLIC, adopted_on=datetime.date(2025, 3, day)
    )
    clause = ClauseFactory(agreement__bargaining_unit__union=union, visibility=visibility)
    consultation.resulting_clauses.add(clause)
    version = ClauseVersionFactory(clause=clause, tabled_on=datetime.date(2025, 4, day))
    return [proposal, event, position, version]


def objects(entries):
    return [entry.obj for entry in entries]


def test_member_sees_every_kind_of_record_newest_first(union, member):
    tool = EdTechToolFactory()
    proposal, event, position, version = build_history(tool, union)

    entries = tool_timeline(tool, member).rows

    assert objects(entries) == [version, position, event, proposal]
    assert [entry.kind for entry in entries] == ["clause_version", "position", "consultation_event", "proposal"]
    assert entries[1].union == union
    assert entries[1].employer == proposal.employer
    assert entries[3].union is None
    assert entries[0].date == datetime.date(2025, 4, 1)


def test_timeline_covers_every_employer_that_proposed_the_tool(union, member):
    tool = EdTechToolFactory()
    first = build_history(tool, union, day=1)
    second = build_history(tool, union, day=2)

    entries = tool_timeline(tool, member).rows

    assert {entry.employer for entry in entries if entry.kind == "proposal"} == {first[0].employer, second[0].employer}
    assert len(entries) == 8


def test_records_about_other_tools_are_left_out(union, member):
    tool = EdTechToolFactory()
    build_history(EdTechToolFactory(), union)

    assert tool_timeline(tool, member).rows == []


def test_other_officer_sees_proposals_and_public_positions_but_not_members_only_material(union, other_officer):
    tool = EdTechToolFactory()
    proposal, _event, position, _version = build_history(tool, union)

    assert objects(tool_timeline(tool, other_officer).rows) == [position, proposal]


def test_member_does_not_see_internal_consultation_events_or_draft_positions(union, member, organiser):
    tool = EdTechToolFactory()
    proposal, event, position, version = build_history(tool, union, visibility=INTERNAL)
    draft = PositionFactory(union=union, tool=tool, visibility=INTERNAL)

    assert objects(tool_timeline(tool, member).rows) == [position, proposal]
    assert set(objects(tool_timeline(tool, organiser).rows)) == {proposal, event, position, version, draft}


def test_anonymous_sees_only_public_positions(union, anonymous):
    tool = EdTechToolFactory()
    _proposal, _event, position, _version = build_history(tool, union, visibility=PUBLIC)
    PositionFactory(union=union, tool=tool, visibility=MEMBERS)

    assert objects(tool_timeline(tool, anonymous).rows) == [position]


def test_draft_position_is_dated_by_its_creation(union, officer):
    tool = EdTechToolFactory()
    draft = PositionFactory(union=union, tool=tool, visibility=INTERNAL)

    (entry,) = tool_timeline(tool, officer).rows

    assert entry.obj == draft
    assert entry.date == draft.created_at.date()
    assert entry.employer is None


def test_clause_of_an_internal_consultation_is_hidden_from_members(union, member):
    tool = EdTechToolFactory()
    proposal = ProcurementProposalFactory(tool=tool)
    consultation = ConsultationFactory(union=union, proposal=proposal, visibility=INTERNAL)
    clause = ClauseFactory(agreement__bargaining_unit__union=union, visibility=PUBLIC)
    consultation.resulting_clauses.add(clause)
    ClauseVersionFactory(clause=clause)

    assert objects(tool_timeline(tool, member).rows) == [proposal]


@pytest.mark.parametrize("histories", [1, 4])
def test_timeline_runs_four_queries_whatever_the_number_of_rows(union, member, histories, django_assert_num_queries):
    tool = EdTechToolFactory()
    for day in range(1, histories + 1):
        build_history(tool, union, day=day)

    with django_assert_num_queries(4):
        entries = tool_timeline(tool, member).rows
        [(entry.title, entry.union, entry.employer) for entry in entries]

    assert len(entries) == 4 * histories
