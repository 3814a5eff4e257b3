"""A briefing pack: a bargaining unit, an employer or a tool, as `reader` may see it, in the sections asked for."""

import datetime
from types import SimpleNamespace

from django.db.models import Prefetch, Q

from bargaining.access import Visibility
from bargaining.budgets import compare_budgets
from bargaining.models import BargainingUnit, Clause, ClauseVersion, Employer, Topic, Union, school_year_of
from bargaining.redline import redline
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal
from plumbing.markdown import markdown_html
from policies.documents.audience import choose_audience, cover_line, reader_for
from policies.documents.common import (
    DocumentFrame,
    NotVisible,
    Section,
    Sensitivity,
    document_html,
    now,
    paper_size_for,
    reader_label,
)
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf
from policies.models import PackSection, Position
from policies.overview.coverage import coverage_against_model_clauses

SOON_DAYS = 14
# A tool proposed nowhere the reader can see has no union to print it for: Caucus's own colours, then.
NEUTRAL_UNION = SimpleNamespace(name="Caucus", short_name="Caucus", slug="caucus", colour="#3b3b3b", paper_size="A4")


def render_briefing_pack(
    *, subject, sections, reader, audience=None, union=None, paper_size=None, printed_at=None, today=None
) -> RenderedPdf:
    """The briefing pack on `subject` for `audience` (by default the widest the subject allows), printed by
    `reader`, in the sections asked for."""
    html = briefing_pack_html(
        subject=subject,
        sections=sections,
        reader=reader,
        audience=audience,
        union=union,
        paper_size=paper_size,
        printed_at=printed_at,
        today=today,
    )
    return html_to_pdf(html, limits=RenderLimits.from_settings("pack"))


def briefing_pack_html(
    *, subject, sections, reader, audience=None, union=None, paper_size=None, printed_at=None, today=None
) -> str:
    """The pack as HTML for the renderer (and for the benchmark's bare render of the same page)."""
    printed_at = printed_at or now()
    today = today or printed_at.date()
    chosen = [code for code in PackSection.values if code in set(sections)]
    if not chosen:
        raise ValueError("Choose at least one section.")
    printer = reader
    scope = _scope(subject, printer)
    if union is None:
        union = scope.units[0].union if scope.units else NEUTRAL_UNION
    audience = pack_audience(subject=subject, union=union, printer=printer, requested=audience)
    # From here on, everything is selected as the audience may see it (within what the printer may).
    reader = reader_for(printer, audience, getattr(union, "pk", None))
    scope = _scope(subject, reader)
    sensitivity = Sensitivity()
    context = {"subject": subject, "scope": scope, "today": today, "sections": chosen}

    needs_positions = {PackSection.POSITIONS, PackSection.TALKING_POINTS, PackSection.SUMMARY} & set(chosen)
    positions = _positions(scope, reader) if needs_positions else []
    for position in positions:
        sensitivity.note(position.visibility)
        position.rationale_html = markdown_html(position.rationale)
    consultations = _open_consultations(scope, reader, today)
    for consultation in consultations:
        sensitivity.note(consultation.visibility, *(event.visibility for event in consultation.visible_events))
    context.update(positions=positions, consultations=consultations)

    if PackSection.COVERAGE in chosen:
        context["coverage"] = coverage_against_model_clauses(units=scope.units, topics=Topic.objects.all(), user=reader)
        for row in context["coverage"].rows:
            for cell in row.cells:
                sensitivity.note(*(clause.effective_visibility for clause in cell.clauses))
                if cell.model_clause is not None:
                    sensitivity.note(cell.model_clause.visibility)
    if PackSection.LINEAGES in chosen:
        context["lineages"] = _lineages(scope, reader)
        for lineage in context["lineages"]:
            sensitivity.note(lineage["visibility"])
    if PackSection.TALKING_POINTS in chosen:
        context["talking_points"] = [
            (position, position.condition_list()) for position in positions if position.condition_list()
        ]
    if PackSection.SUMMARY in chosen:
        context["summary"] = _summary(scope, positions, consultations, today)
        if scope.kind in ("unit", "employer"):
            context["budgets"] = budgets = _budgets(subject, reader, union, today)
            # A unit's pack prints its own district's line; an employer's, every district's with a budget.
            printed = budgets.with_budget if scope.kind == "employer" else [budgets.here]
            sensitivity.note(*(district.support.visibility for district in printed if district and district.support))
    for unit in scope.units:
        sensitivity.note(unit.visibility)

    frame = DocumentFrame(
        kind="Briefing pack",
        title=str(subject),
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at,
        paper_size=paper_size_for(union, paper_size),
        confidential=sensitivity.internal,
        audience_line=cover_line(audience, union),
        sections=[Section(code, PackSection(code).label) for code in chosen],
    )
    context["soon"] = today + datetime.timedelta(days=SOON_DAYS)
    return document_html("pdf/briefing_pack.html", frame, context)


def pack_audience(*, subject, union, printer, requested: str | None = None) -> str:
    """The audience a pack is printed for: the one asked for if `printer` may, else AudienceRefused.

    Employers and tools are shared reference records: only a bargaining unit narrows the widest audience.
    """
    return choose_audience(
        printer,
        requested=requested,
        union_id=getattr(union, "pk", None),
        subject_visibility=getattr(subject, "visibility", Visibility.PUBLIC),
    )


class Scope:
    """What a subject stands for: the bargaining units, proposals and tools a pack draws on."""

    def __init__(self, *, kind: str, units: list, proposals: list, tool_ids: set, union_id=None):
        self.kind = kind
        self.units = units
        self.proposals = proposals
        self.tool_ids = tool_ids
        # A unit's pack speaks for that unit's union only; an employer's or a tool's for every union.
        self.union_id = union_id


def _scope(subject, reader) -> Scope:
    units = BargainingUnit.objects.visible_to(reader).select_related("union", "employer")
    proposals = ProcurementProposal.objects.visible_to(reader).select_related("employer", "tool__vendor")
    if isinstance(subject, BargainingUnit):
        if not units.filter(pk=subject.pk).exists():
            raise NotVisible("No such bargaining unit.")
        proposals = list(proposals.filter(employer=subject.employer_id))
        return Scope(
            kind="unit",
            units=list(units.filter(pk=subject.pk)),
            proposals=proposals,
            tool_ids={proposal.tool_id for proposal in proposals},
            union_id=subject.union_id,
        )
    if isinstance(subject, Employer):
        if not Employer.objects.visible_to(reader).filter(pk=subject.pk).exists():
            raise NotVisible("No such employer.")
        proposals = list(proposals.filter(employer=subject.pk))
        return Scope(
            kind="employer",
            units=list(units.filter(employer=subject.pk).order_by("union__name", "job_group")),
            proposals=proposals,
            tool_ids={proposal.tool_id for proposal in proposals},
        )
    if isinstance(subject, EdTechTool):
        if not EdTechTool.objects.visible_to(reader).filter(pk=subject.pk).exists():
            raise NotVisible("No such tool.")
        proposals = list(proposals.filter(tool=subject.pk))
        employer_ids = {proposal.employer_id for proposal in proposals}
        return Scope(
            kind="tool",
            units=list(units.filter(employer__in=employer_ids).order_by("employer__name", "union__name", "job_group")),
            proposals=proposals,
            tool_ids={subject.pk},
        )
    raise TypeError(f"A briefing pack is about a bargaining unit, an employer or a tool, not {type(subject).__name__}.")


def _by_union(queryset, scope, path="union"):
    return queryset.filter(**{path: scope.union_id}) if scope.union_id else queryset


def _positions(scope, reader) -> list:
    concerned = Q(proposal__in=[p.pk for p in scope.proposals]) | Q(tool__in=scope.tool_ids, proposal__isnull=True)
    return list(
        _by_union(Position.objects.visible_to(reader), scope)
        .filter(concerned)
        .select_related("union", "proposal__employer", "tool")
        .order_by("union__name", "-adopted_on", "title")
    )


def _open_consultations(scope, reader, today) -> list:
    events = ConsultationEvent.objects.visible_to(reader).order_by("occurred_on", "created_at")
    consultations = (
        _by_union(Consultation.objects.visible_to(reader).open(), scope)
        .filter(proposal__in=[p.pk for p in scope.proposals])
        .select_related("union", "proposal__employer", "proposal__tool")
        .prefetch_related(Prefetch("events", queryset=events, to_attr="visible_events"))
        .order_by("response_deadline", "opened_on")
    )
    result = list(consultations)
    for consultation in result:
        deadline = consultation.response_deadline
        consultation.days_left = (deadline - today).days if deadline else None
    return result


def _lineages(scope, reader) -> list:
    """Each clause of the units with its versions, each version redlined against the one before."""
    versions = ClauseVersion.objects.with_visible_session(reader).order_by("number")
    clauses = (
        Clause.objects.visible_to(reader)
        .with_effective_visibility()
        .filter(agreement__bargaining_unit__in=[unit.pk for unit in scope.units])
        .select_related("topic", "agreement__bargaining_unit__employer", "agreement__bargaining_unit__union")
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="lineage"))
        .order_by("agreement__bargaining_unit__employer__name", "agreement__bargaining_unit__job_group",
                  "agreement__title", "topic__sort_order", "article_number")
    )  # fmt: skip
    lineages = []
    for clause in clauses:
        steps = []
        previous = None
        for version in clause.lineage:
            unchanged = previous is not None and previous.text == version.text
            segments = redline(previous.text, version.text) if previous is not None and not unchanged else None
            steps.append({"version": version, "segments": segments, "unchanged": unchanged, "previous": previous})
            previous = version
        lineages.append(
            {
                "clause": clause,
                "unit": clause.agreement.bargaining_unit,
                "steps": steps,
                "visibility": clause.effective_visibility,
            }
        )
    return lineages


def _budgets(subject, reader, union, today):
    """The districts' AI training budgets this school year, with the union's members and support in each; the
    subject's own district as `here`."""
    employer_id = subject.pk if isinstance(subject, Employer) else subject.employer_id
    comparison = compare_budgets(
        user=reader, school_year=school_year_of(today), union=union if isinstance(union, Union) else None
    )
    comparison.here = next((d for d in comparison.districts if d.employer.pk == employer_id), None)
    return comparison


def _summary(scope, positions, consultations, today) -> dict:
    deadlines = [c for c in consultations if c.response_deadline and c.response_deadline >= today]
    return {
        "unit_count": len(scope.units),
        "member_count": sum(unit.member_count for unit in scope.units),
        "proposal_count": len(scope.proposals),
        "open_consultation_count": len(consultations),
        "position_count": len(positions),
        "next_deadline": deadlines[0] if deadlines else None,
        "overdue": [c for c in consultations if c.response_deadline and c.response_deadline < today],
    }
