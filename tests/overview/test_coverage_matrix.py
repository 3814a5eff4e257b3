"""coverage_against_model_clauses: the best status per bargaining unit and topic, as the user may see it."""

import pytest

from bargaining.access import Visibility
from bargaining.coverage import CoverageStatus
from bargaining.models import BargainingUnit, ClauseVersionStatus, ModelRating, Topic
from policies.overview.coverage import coverage_against_model_clauses
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ModelClauseFactory,
    TopicFactory,
)

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


def clause_with(unit, topic, *statuses, visibility=PUBLIC, rating=ModelRating.UNRATED):
    """A clause of `unit` on `topic` whose versions went through `statuses` (the last one is current)."""
    agreement = AgreementFactory(bargaining_unit=unit, visibility=PUBLIC)
    clause = ClauseFactory(agreement=agreement, topic=topic, visibility=visibility, model_rating=rating)
    for status in statuses:
        ClauseVersionFactory(clause=clause, status=status)
    return clause


@pytest.fixture
def public_unit(union):
    return BargainingUnitFactory(union=union, visibility=PUBLIC)


def cell_for(user, unit, topic):
    return coverage_against_model_clauses(units=[unit], topics=[topic], user=user).cell(unit, topic)


def test_a_ratified_clause_beats_one_still_on_the_table(member, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED)
    ratified = clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED, ClauseVersionStatus.RATIFIED)

    cell = cell_for(member, public_unit, topic)

    assert cell.status == CoverageStatus.RATIFIED
    assert cell.best_clause == ratified
    assert len(cell.clauses) == 2


def test_statuses_rank_ratified_then_tentative_then_on_the_table(member, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.COUNTERED)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.ON_THE_TABLE
    clause_with(public_unit, topic, ClauseVersionStatus.TENTATIVELY_AGREED)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.TENTATIVELY_AGREED
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.RATIFIED


def test_a_deferred_clause_shows_only_when_nothing_else_was_tabled(member, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED, ClauseVersionStatus.DEFERRED)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.DEFERRED

    clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.ON_THE_TABLE


def test_a_withdrawn_clause_alone_shows_as_withdrawn(member, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED, ClauseVersionStatus.WITHDRAWN)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.WITHDRAWN


def test_a_cell_without_clauses_has_no_status_and_no_rating(member, public_unit, topic):
    ModelClauseFactory(union=public_unit.union, topic=topic, visibility=PUBLIC)

    cell = cell_for(member, public_unit, topic)

    assert cell.status == CoverageStatus.NONE
    assert cell.clauses == []
    assert cell.rating is None


def test_a_clause_without_versions_counts_as_none(member, public_unit, topic):
    clause_with(public_unit, topic)
    assert cell_for(member, public_unit, topic).status == CoverageStatus.NONE


def test_member_does_not_see_internal_clauses_in_the_matrix(member, officer, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, visibility=INTERNAL)

    assert cell_for(member, public_unit, topic).status == CoverageStatus.NONE
    assert cell_for(officer, public_unit, topic).status == CoverageStatus.RATIFIED


def test_other_officer_does_not_see_members_only_clauses(other_officer, member, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, visibility=MEMBERS)

    assert cell_for(other_officer, public_unit, topic).status == CoverageStatus.NONE
    assert cell_for(member, public_unit, topic).status == CoverageStatus.RATIFIED


def test_anonymous_sees_only_public_clauses(anonymous, public_unit, topic):
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, visibility=MEMBERS)
    clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED, visibility=PUBLIC)

    assert cell_for(anonymous, public_unit, topic).status == CoverageStatus.ON_THE_TABLE


def test_units_the_user_may_not_see_are_left_out(other_officer, member, union, topic):
    internal_unit = BargainingUnitFactory(union=union, visibility=INTERNAL)

    assert coverage_against_model_clauses(units=[internal_unit], topics=[topic], user=member).rows == []
    assert coverage_against_model_clauses(units=[internal_unit], topics=[topic], user=other_officer).units == []


def test_the_rating_is_the_best_clauses_rating_against_a_visible_model_clause(member, public_unit, topic):
    ModelClauseFactory(union=public_unit.union, topic=topic, visibility=MEMBERS)
    clause_with(public_unit, topic, ClauseVersionStatus.PROPOSED, rating=ModelRating.PREFERRED)
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.FALLBACK)

    cell = cell_for(member, public_unit, topic)

    assert cell.rating == ModelRating.FALLBACK
    assert cell.model_clause is not None


def test_between_clauses_of_one_status_the_better_rated_one_speaks_for_the_cell(member, public_unit, topic):
    ModelClauseFactory(union=public_unit.union, topic=topic, visibility=MEMBERS)
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.BELOW)
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.WALK_AWAY)

    assert cell_for(member, public_unit, topic).rating == ModelRating.WALK_AWAY


def test_there_is_no_rating_when_the_user_may_not_see_the_model_clause(member, public_unit, topic):
    ModelClauseFactory(union=public_unit.union, topic=topic, visibility=INTERNAL)
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.PREFERRED)

    cell = cell_for(member, public_unit, topic)

    assert cell.rating is None
    assert cell.model_clause is None


def test_another_unions_model_clause_does_not_rate_this_unit(member, public_unit, topic, other_union):
    ModelClauseFactory(union=other_union, topic=topic, visibility=PUBLIC)
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.PREFERRED)

    assert cell_for(member, public_unit, topic).rating is None


def test_rows_follow_the_order_of_units_and_topics_given(member, union):
    first = BargainingUnitFactory(union=union, visibility=PUBLIC)
    second = BargainingUnitFactory(union=union, visibility=PUBLIC)
    a, b = TopicFactory(code="a"), TopicFactory(code="b")

    matrix = coverage_against_model_clauses(units=[second, first], topics=[b, a], user=member)

    assert [row.unit for row in matrix.rows] == [second, first]
    assert [cell.topic for cell in matrix.rows[0].cells] == [b, a]


def _world(union, size):
    units = [BargainingUnitFactory(union=union, visibility=PUBLIC) for _ in range(size)]
    topics = [TopicFactory(code=f"t{n}") for n in range(size)]
    ModelClauseFactory(union=union, topic=topics[0], visibility=PUBLIC)
    for unit in units:
        for topic in topics:
            clause_with(unit, topic, ClauseVersionStatus.PROPOSED, ClauseVersionStatus.RATIFIED)
    return units, topics


@pytest.mark.parametrize("size", [1, 4])
def test_the_matrix_costs_the_same_queries_whatever_its_size(member, union, size, django_assert_num_queries):
    _world(union, size)
    units = BargainingUnit.objects.filter(union=union)
    topics = Topic.objects.all()

    # Units and topics (2), the visible units (1), clauses with their current version (1), model clauses (1).
    with django_assert_num_queries(5):
        matrix = coverage_against_model_clauses(units=units, topics=topics, user=member)
        assert matrix.count(CoverageStatus.RATIFIED) == size * size
        [cell.rating for row in matrix.rows for cell in row.cells]


# A matrix that keeps the best few clauses of each cell (the coverage page) -------------------------------------


def _crowded_cell(unit, topic):
    """Seven clauses on one cell, from withdrawn to ratified, two of them rated against the model clause."""
    return [
        clause_with(unit, topic, ClauseVersionStatus.WITHDRAWN),
        clause_with(unit, topic, ClauseVersionStatus.PROPOSED),
        clause_with(unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.FALLBACK),
        clause_with(unit, topic, ClauseVersionStatus.COUNTERED),
        clause_with(unit, topic, ClauseVersionStatus.RATIFIED, rating=ModelRating.PREFERRED),
        clause_with(unit, topic, ClauseVersionStatus.TENTATIVELY_AGREED),
        clause_with(unit, topic, ClauseVersionStatus.DEFERRED),
    ]


@pytest.mark.parametrize("per_cell", [1, 3, 7, 20])
def test_a_bounded_cell_keeps_the_best_first_and_counts_the_rest(member, public_unit, topic, per_cell):
    _crowded_cell(public_unit, topic)
    everything = cell_for(member, public_unit, topic)
    bounded = coverage_against_model_clauses(units=[public_unit], topics=[topic], user=member, per_cell=per_cell).cell(
        public_unit, topic
    )

    assert everything.clause_count == bounded.clause_count == 7
    assert bounded.clauses == everything.clauses[:per_cell]
    assert bounded.more == max(0, 7 - per_cell)
    assert (bounded.status, bounded.best_clause) == (everything.status, everything.best_clause)
    assert bounded.best_clause.model_rating == ModelRating.PREFERRED


def test_a_bounded_cell_neither_shows_nor_counts_what_the_reader_may_not_see(member, organiser, public_unit, topic):
    _crowded_cell(public_unit, topic)
    clause_with(public_unit, topic, ClauseVersionStatus.RATIFIED, visibility=INTERNAL, rating=ModelRating.PREFERRED)

    def bounded(user):
        matrix = coverage_against_model_clauses(units=[public_unit], topics=[topic], user=user, per_cell=2)
        return matrix.cell(public_unit, topic)

    assert bounded(member).clause_count == 7
    assert all(clause.visibility != INTERNAL for clause in bounded(member).clauses)
    assert bounded(organiser).clause_count == 8


@pytest.mark.parametrize("size", [1, 4])
def test_a_bounded_matrix_costs_the_same_queries_whatever_its_size(member, union, size, django_assert_num_queries):
    _world(union, size)
    for unit in BargainingUnit.objects.filter(union=union):
        _crowded_cell(unit, Topic.objects.first())
    units = BargainingUnit.objects.filter(union=union)

    with django_assert_num_queries(5):
        matrix = coverage_against_model_clauses(units=units, topics=Topic.objects.all(), user=member, per_cell=2)
        assert all(len(cell.clauses) <= 2 for row in matrix.rows for cell in row.cells)
