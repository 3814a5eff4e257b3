"""The coverage matrix against the union's model clauses: bargaining's coverage, with the model clause per cell."""

from collections.abc import Iterable

from bargaining.coverage import CoverageMatrix, coverage_matrix
from bargaining.models import BargainingUnit, Topic
from policies.models import ModelClause


def coverage_against_model_clauses(
    *, units: Iterable[BargainingUnit], topics: Iterable[Topic], user, per_cell: int | None = None
) -> CoverageMatrix:
    """The coverage of `units` by `topics` as `user` may see it, each cell with its union's model clause.

    A model clause is attached only when `user` may see it, so a cell never reveals one they could not open.
    One query more than the coverage itself. `per_cell` as for `coverage_matrix`.
    """
    matrix = coverage_matrix(units=units, topics=topics, user=user, per_cell=per_cell)
    if not matrix.rows:
        return matrix
    union_ids = {unit.union_id for unit in matrix.units}
    model_clauses = {
        (model.union_id, model.topic_id): model
        for model in ModelClause.objects.visible_to(user).filter(
            union__in=union_ids, topic__in=[topic.pk for topic in matrix.topics]
        )
    }
    for row in matrix.rows:
        for cell in row.cells:
            cell.model_clause = model_clauses.get((row.unit.union_id, cell.topic.pk))
    return matrix
