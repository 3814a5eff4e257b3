"""The clause comparison and the coverage matrix of a selection, printed for an audience.

Both are selections made on a page (`/clauses/compare/?ids=...`, `/coverage/?union=...`): the document
takes the same selection and prints what the chosen audience may see of it. The audience belongs to one
union (whose colours the document wears): by default the first clause's union for a comparison, and for
the coverage the union filtered on, else the first the printer belongs to.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bargaining.access import VISIBILITY_RANK
from bargaining.models import BargainingUnit, Clause, Topic, Union
from bargaining.redline import redline
from policies.documents.audience import AudienceRefused, choose_audience, cover_line, reader_for
from policies.documents.briefing_pack import NEUTRAL_UNION
from policies.documents.common import DocumentFrame, Sensitivity, document_html, now, paper_size_for, reader_label
from policies.overview.coverage import coverage_against_model_clauses

MAX_COMPARED = 4


def comparison_html(*, clause_ids: list[int], printer, audience: str | None = None, printed_at=None) -> str:
    """Two to four clauses side by side, each redlined against the first, as `audience` may see them.

    LookupError when the printer may not see one of them (the caller answers 404, as the page does);
    AudienceRefused when the audience asked for may not.
    """
    if not 2 <= len(clause_ids) <= MAX_COMPARED:
        raise AudienceRefused({"ids": _("Choose between 2 and %(max)s clauses to compare.") % {"max": MAX_COMPARED}})
    visible = Clause.objects.visible_to(printer).for_library().filter(pk__in=clause_ids)
    found = {clause.pk: clause for clause in visible}
    if len(found) != len(set(clause_ids)):
        raise LookupError("No such clause.")
    union = found[clause_ids[0]].agreement.bargaining_unit.union
    widest = _least_visible(Clause.objects.with_effective_visibility().filter(pk__in=clause_ids))
    audience = choose_audience(printer, requested=audience, union_id=union.pk, subject_visibility=widest)
    reader = reader_for(printer, audience, union.pk)
    shown = {clause.pk: clause for clause in Clause.objects.visible_to(reader).for_library().filter(pk__in=clause_ids)}
    if len(shown) != len(set(clause_ids)):
        raise AudienceRefused({"audience": _("Some of these clauses may not be printed for this audience.")})
    clauses = [shown[pk] for pk in clause_ids]
    sensitivity = Sensitivity()
    sensitivity.note(*(clause.visibility for clause in clauses))
    first = clauses[0]
    columns = [
        {"clause": clause, "segments": redline(first.current_text or "", clause.current_text or "") if i else None}
        for i, clause in enumerate(clauses)
    ]
    frame = DocumentFrame(
        kind=_("Clause comparison"),
        title=" / ".join(str(clause) for clause in clauses)[:200],
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at or now(),
        paper_size=paper_size_for(union),
        confidential=sensitivity.internal,
        audience_line=cover_line(audience, union),
    )
    return document_html("pdf/comparison.html", frame, {"columns": columns, "first": first})


def coverage_html(*, printer, units_for, union=None, audience: str | None = None, printed_at=None) -> str:
    """The coverage matrix of the units `units_for(reader)` selects, as `audience` of `union` may see it."""
    if union is None:
        union = Union.objects.joined_by(printer).first() or NEUTRAL_UNION
    union_id = getattr(union, "pk", None)
    audience = choose_audience(printer, requested=audience, union_id=union_id)
    reader = reader_for(printer, audience, union_id)
    units = units_for(BargainingUnit.objects.visible_to(reader).select_related("union", "employer"))
    coverage = coverage_against_model_clauses(units=units, topics=Topic.objects.all(), user=reader)
    sensitivity = Sensitivity()
    for row in coverage.rows:
        sensitivity.note(row.unit.visibility)
        for cell in row.cells:
            sensitivity.note(*(clause.effective_visibility for clause in cell.clauses))
            if cell.model_clause is not None:
                sensitivity.note(cell.model_clause.visibility)
    frame = DocumentFrame(
        kind=_("Coverage matrix"),
        title=ngettext(
            "Coverage of %(count)s bargaining unit", "Coverage of %(count)s bargaining units", len(coverage.rows)
        )
        % {"count": len(coverage.rows)},
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at or now(),
        paper_size=paper_size_for(union),
        confidential=sensitivity.internal,
        audience_line=cover_line(audience, union),
    )
    return document_html("pdf/coverage.html", frame, {"coverage": coverage})


def _least_visible(clauses) -> str:
    return min((clause.effective_visibility for clause in clauses), key=lambda v: VISIBILITY_RANK[v])
