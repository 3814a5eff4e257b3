"""Clause coverage: for each bargaining unit and topic, how far the union has got.

The cells carry a slot for the union's model clause on the topic; policies fills it in
(policies/overview/coverage.py), since model clauses live a layer above. One query for the clauses
(two when `units` must be checked), whatever the number of units, topics and clauses.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Case, Count, F, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bargaining.models import BargainingUnit, Clause, ClauseVersionStatus, ModelRating, Topic

# A matrix drawn or printed at once stays readable, and bounded: a federation is chosen from before it is drawn.
COVERAGE_MAX_UNITS = 60
# A cell of the drawn matrix links its best few clauses and counts the rest (a union's cell may hold hundreds).
COVERAGE_CLAUSES_PER_CELL = 3


class CoverageStatus(models.TextChoices):
    """The best a cell has reached, best first in `RANK`."""

    RATIFIED = "ratified", pgettext_lazy("clause status", "Ratified")
    TENTATIVELY_AGREED = "tentatively_agreed", pgettext_lazy("clause status", "Tentatively agreed")
    ON_THE_TABLE = "on_the_table", _("Proposed or countered")
    DEFERRED = "deferred", pgettext_lazy("clause status", "Deferred")
    WITHDRAWN = "withdrawn", pgettext_lazy("clause status", "Withdrawn")
    NONE = "none", _("No clause")


# A cell of the matrix is narrow: the legend gives the full words.
SHORT_LABELS = {
    # Translators: a status in a narrow cell of the coverage table (the legend gives it in full): keep it short.
    CoverageStatus.RATIFIED: pgettext_lazy("coverage cell", "Ratified"),
    CoverageStatus.TENTATIVELY_AGREED: pgettext_lazy("coverage cell", "Tentative"),
    CoverageStatus.ON_THE_TABLE: pgettext_lazy("coverage cell", "Tabled"),
    CoverageStatus.DEFERRED: pgettext_lazy("coverage cell", "Deferred"),
    CoverageStatus.WITHDRAWN: pgettext_lazy("coverage cell", "Withdrawn"),
    CoverageStatus.NONE: pgettext_lazy("coverage cell", "No clause"),
}
SHORT_RATINGS = {
    # Translators: a rating in a narrow cell of the coverage table (the legend gives it in full): keep it short.
    ModelRating.UNRATED: pgettext_lazy("coverage cell", "Not rated"),
    ModelRating.PREFERRED: pgettext_lazy("coverage cell", "Preferred wording"),
    ModelRating.FALLBACK: pgettext_lazy("coverage cell", "Fallback wording"),
    ModelRating.WALK_AWAY: pgettext_lazy("coverage cell", "Walk-away only"),
    ModelRating.BELOW: pgettext_lazy("coverage cell", "Below walk-away"),
}

# Deferred and withdrawn clauses won nothing: they rank just above an empty cell, so they show only alone.
RANK = {
    CoverageStatus.RATIFIED: 5,
    CoverageStatus.TENTATIVELY_AGREED: 4,
    CoverageStatus.ON_THE_TABLE: 3,
    CoverageStatus.DEFERRED: 2,
    CoverageStatus.WITHDRAWN: 1,
    CoverageStatus.NONE: 0,
}

_FROM_VERSION_STATUS = {
    ClauseVersionStatus.RATIFIED: CoverageStatus.RATIFIED,
    ClauseVersionStatus.TENTATIVELY_AGREED: CoverageStatus.TENTATIVELY_AGREED,
    ClauseVersionStatus.PROPOSED: CoverageStatus.ON_THE_TABLE,
    ClauseVersionStatus.COUNTERED: CoverageStatus.ON_THE_TABLE,
    ClauseVersionStatus.DEFERRED: CoverageStatus.DEFERRED,
    ClauseVersionStatus.WITHDRAWN: CoverageStatus.WITHDRAWN,
}

# Breaks ties between clauses of the same status: the one closest to the model wording speaks for the cell.
_RATING_RANK = {
    ModelRating.PREFERRED: 4,
    ModelRating.FALLBACK: 3,
    ModelRating.WALK_AWAY: 2,
    ModelRating.BELOW: 1,
    ModelRating.UNRATED: 0,
}


def clause_coverage_status(clause) -> CoverageStatus:
    """The coverage a clause gives, from its latest version's status (kept on the clause)."""
    return _FROM_VERSION_STATUS.get(clause.status, CoverageStatus.NONE)


@dataclass
class CoverageCell:
    unit: BargainingUnit
    topic: Topic
    # Best first: the clause that gives the cell its status, then the others.
    clauses: list[Clause] = field(default_factory=list)
    # The unit's union's model clause on the topic, when the user may see it (filled in by policies).
    model_clause: object | None = None
    # How many clauses the cell has: more than `clauses` when the matrix keeps only the best few of each cell.
    clause_count: int = 0

    @property
    def more(self) -> int:
        """The cell's clauses left out of `clauses`."""
        return self.clause_count - len(self.clauses)

    @property
    def best_clause(self) -> Clause | None:
        return self.clauses[0] if self.clauses else None

    @property
    def status(self) -> CoverageStatus:
        best = self.best_clause
        return clause_coverage_status(best) if best else CoverageStatus.NONE

    @property
    def status_label(self) -> str:
        return str(self.status.label)

    @property
    def rating(self) -> str | None:
        """The best clause's rating against the model clause; None when there is no model clause to rate against."""
        if self.model_clause is None or self.best_clause is None:
            return None
        return self.best_clause.model_rating

    @property
    def rating_label(self) -> str:
        rating = self.rating
        return str(ModelRating(rating).label) if rating else ""

    @property
    def short_label(self) -> str:
        return str(SHORT_LABELS[self.status])

    @property
    def short_rating_label(self) -> str:
        rating = self.rating
        return str(SHORT_RATINGS[ModelRating(rating)]) if rating else ""


@dataclass
class CoverageRow:
    unit: BargainingUnit
    cells: list[CoverageCell]


@dataclass
class CoverageMatrix:
    units: list[BargainingUnit]
    topics: list[Topic]
    rows: list[CoverageRow]

    def cell(self, unit, topic) -> CoverageCell:
        unit_pk = getattr(unit, "pk", unit)
        topic_pk = getattr(topic, "pk", topic)
        return self._cells[(unit_pk, topic_pk)]

    def __post_init__(self):
        self._cells = {(cell.unit.pk, cell.topic.pk): cell for row in self.rows for cell in row.cells}

    def count(self, status: CoverageStatus) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.status == status)

    def counts(self) -> list[tuple[CoverageStatus, int]]:
        """How many cells reached each status, in the legend's order: the figures always add up to the cells."""
        return [(status, self.count(status)) for status in CoverageStatus]

    @property
    def is_empty(self) -> bool:
        return not self.units or not self.topics


def coverage_matrix(
    *, units: Iterable[BargainingUnit], topics: Iterable[Topic], user, per_cell: int | None = None
) -> CoverageMatrix:
    """The coverage of `units` by `topics` as `user` may see it.

    Units the user may not see are dropped; clauses are filtered by their own `visible_to`, so a cell
    never reveals a clause the user could not open. `per_cell` keeps only the best so many clauses of each cell
    (each still counted in `clause_count`), chosen by the database: a page draws a federation's union without
    loading every clause of it.
    """
    units = _visible_units(list(units), user)
    topics = list(topics)
    if not units or not topics:
        return CoverageMatrix(units=units, topics=topics, rows=[])

    unit_ids = [unit.pk for unit in units]
    topic_ids = [topic.pk for topic in topics]
    clauses_by_cell = defaultdict(list)
    clauses = (
        Clause.objects.visible_to(user)
        .filter(agreement__bargaining_unit__in=unit_ids, topic__in=topic_ids)
        .with_effective_visibility()
        .select_related("agreement", "topic")
        .order_by("agreement__term_start", "article_number", "pk")
    )
    counts = {}
    if per_cell is not None:
        cell = [F("agreement__bargaining_unit"), F("topic")]
        clauses = clauses.annotate(
            place=Window(RowNumber(), partition_by=cell, order_by=_BEST_FIRST_IN_SQL),
            in_cell=Window(Count("pk"), partition_by=cell),
        ).filter(place__lte=per_cell)
    for clause in clauses:
        key = (clause.agreement.bargaining_unit_id, clause.topic_id)
        clauses_by_cell[key].append(clause)
        counts[key] = getattr(clause, "in_cell", None) or len(clauses_by_cell[key])

    rows = []
    for unit in units:
        cells = []
        for topic in topics:
            cell_clauses = sorted(clauses_by_cell[(unit.pk, topic.pk)], key=_best_first)
            count = counts.get((unit.pk, topic.pk), 0)
            cells.append(CoverageCell(unit=unit, topic=topic, clauses=cell_clauses, clause_count=count))
        rows.append(CoverageRow(unit=unit, cells=cells))
    return CoverageMatrix(units=units, topics=topics, rows=rows)


def _best_first(clause):
    return (-RANK[clause_coverage_status(clause)], -_RATING_RANK.get(clause.model_rating, 0))


# `_best_first` in SQL, then the order clauses are loaded in (sorted() keeps it among equals).
_BEST_FIRST_IN_SQL = [
    Case(
        *(When(current_status=status, then=Value(RANK[coverage])) for status, coverage in _FROM_VERSION_STATUS.items()),
        default=Value(0),
    ).desc(),
    Case(
        *(When(model_rating=rating, then=Value(rank)) for rating, rank in _RATING_RANK.items()), default=Value(0)
    ).desc(),
    F("agreement__term_start").asc(),
    F("article_number").asc(),
    F("pk").asc(),
]


def _visible_units(units: list[BargainingUnit], user) -> list[BargainingUnit]:
    if not units:
        return []
    visible = set(
        BargainingUnit.objects.visible_to(user).filter(pk__in=[u.pk for u in units]).values_list("pk", flat=True)
    )
    return [unit for unit in units if unit.pk in visible]
