"""A briefing pack: a bargaining unit, an employer or a tool, as `reader` may see it, in the sections asked for."""

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db.models import Count, F, Prefetch, Q
from django.utils.translation import gettext as _

from bargaining.access import Visibility
from bargaining.budgets import compare_budgets
from bargaining.coverage import COVERAGE_MAX_UNITS
from bargaining.models import (
    BargainingUnit,
    Clause,
    ClauseVersion,
    DocumentLanguage,
    Employer,
    Topic,
    Union,
    school_year_of,
)
from bargaining.redline import redline
from consultations.models import Consultation, EdTechTool, ProcurementProposal
from plumbing.bilingual import text_in
from plumbing.markdown import markdown_html
from policies.documents.audience import choose_audience, cover_line, reader_for
from policies.documents.common import (
    DocumentFrame,
    NotVisible,
    Section,
    Sensitivity,
    document_html,
    finish_timelines,
    latest_events,
    now,
    paper_size_for,
    reader_label,
)
from policies.documents.language import in_each_language
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf
from policies.models import PackSection, Position
from policies.overview.coverage import coverage_against_model_clauses

SOON_DAYS = 14
# However wide the subject: past this many clauses, the lineages section summarises instead.
MAX_LINEAGES = 60
RECENT_VERSIONS = 15
GAPS_NAMED = 12  # units without a clause on a topic, named before "and N more"
# A tool proposed nowhere the reader can see has no union to print it for: Caucus's own colours, then.
NEUTRAL_UNION = SimpleNamespace(name="Caucus", short_name="Caucus", slug="caucus", colour="#3b3b3b", paper_size="A4")


def render_briefing_pack(*, subject, sections, reader, language=DocumentLanguage.ENGLISH, **options) -> RenderedPdf:
    """The briefing pack on `subject` for `audience` (by default the widest the subject allows), printed by
    `reader`, in the sections asked for (the options of `briefing_pack_html`), in `language`."""
    html = in_each_language(
        language, lambda: briefing_pack_html(subject=subject, sections=sections, reader=reader, **options)
    )
    return html_to_pdf(html, limits=RenderLimits.from_settings("pack"))


def briefing_pack_html(
    *,
    subject,
    sections,
    reader,
    audience=None,
    union=None,
    paper_size=None,
    printed_at=None,
    today=None,
    topics=(),
    units=(),
) -> str:
    """The pack as HTML for the renderer (and for the benchmark's bare render of the same page).

    `topics` and `units` (ids; none: all of them) narrow the coverage matrix and the clause lineages. However
    wide the subject, a pack stays bounded: the matrix draws at most COVERAGE_MAX_UNITS units and the lineages
    at most MAX_LINEAGES clauses; past that, the section summarises (counts, the latest versions, the gaps) and
    says what it left out and how to print it."""
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
    focus = Focus(scope, topics=topics, units=units)
    context = {"subject": subject, "scope": scope, "today": today, "sections": chosen, "focus": focus}

    needs_positions = {PackSection.POSITIONS, PackSection.TALKING_POINTS, PackSection.SUMMARY} & set(chosen)
    positions = _positions(scope, reader) if needs_positions else []
    for position in positions:
        sensitivity.note(position.visibility)
        position.rationale_text = text_in(position, "rationale")
        position.rationale_html = markdown_html(position.rationale_text.text)
    consultations = _open_consultations(scope, reader, today)
    for consultation in consultations:
        sensitivity.note(consultation.visibility, *consultation.counted_visibilities)
    context.update(positions=positions, consultations=consultations)

    if PackSection.COVERAGE in chosen:
        context["coverage"] = coverage_against_model_clauses(
            units=focus.units[:COVERAGE_MAX_UNITS], topics=focus.topics, user=reader
        )
        for row in context["coverage"].rows:
            for cell in row.cells:
                sensitivity.note(*(clause.effective_visibility for clause in cell.clauses))
                if cell.model_clause is not None:
                    sensitivity.note(cell.model_clause.visibility)
    if PackSection.LINEAGES in chosen:
        clauses = _focused_clauses(focus, reader)
        context["lineage_count"] = count = clauses.count()
        if count <= MAX_LINEAGES:
            context["lineages"] = _lineages(clauses, reader)
            for lineage in context["lineages"]:
                sensitivity.note(lineage["visibility"])
        else:
            context["lineage_summary"] = summary = _lineage_summary(clauses, focus, reader)
            sensitivity.note(*summary.visibilities)
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
        kind=_("Briefing pack"),
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


class Focus:
    """The units and topics of a pack's coverage matrix and lineages: those asked for (within the subject's scope),
    else all of them."""

    def __init__(self, scope, *, topics=(), units=()):
        all_topics = list(Topic.objects.all())
        self.asked_topics = [topic for topic in all_topics if topic.pk in set(topics)]
        self.asked_units = [unit for unit in scope.units if unit.pk in set(units)]
        # What was asked for narrows for good: a chosen unit the audience may no longer see (or a topic since
        # removed) is left out and said to be, never replaced by the whole subject.
        self.topics = self.asked_topics if topics else all_topics
        self.units = self.asked_units if units else scope.units
        self.narrowed = bool(topics or units)
        self.dropped = len(set(units)) - len(self.asked_units) + len(set(topics)) - len(self.asked_topics)
        self.units_left_out = max(0, len(self.units) - COVERAGE_MAX_UNITS)
        self.max_units = COVERAGE_MAX_UNITS
        self.max_lineages = MAX_LINEAGES


class Scope:
    """What a subject stands for: the bargaining units, proposals and tools a pack draws on."""

    def __init__(self, *, kind: str, units: list, proposals: list, tool_ids: set, union_id=None):
        self.kind = kind
        self.units = units
        self.proposals = proposals
        self.tool_ids = tool_ids
        # A unit's pack speaks for that unit's union only; an employer's or a tool's for every union.
        self.union_id = union_id


def scope_unit_ids(subject, *, printer, audience: str, union) -> list[int]:
    """The bargaining units a pack on `subject` draws on, as its `audience` (printed by `printer` for `union`)
    may see them."""
    try:
        return [unit.pk for unit in _scope(subject, reader_for(printer, audience, getattr(union, "pk", None))).units]
    except NotVisible:
        return []


def _scope(subject, reader) -> Scope:
    units = BargainingUnit.objects.visible_to(reader).select_related("union", "employer")
    proposals = ProcurementProposal.objects.visible_to(reader).select_related("employer", "tool__vendor")
    if isinstance(subject, BargainingUnit):
        if not units.filter(pk=subject.pk).exists():
            raise NotVisible(_("No such bargaining unit."))
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
            raise NotVisible(_("No such employer."))
        proposals = list(proposals.filter(employer=subject.pk))
        return Scope(
            kind="employer",
            units=list(units.filter(employer=subject.pk).order_by("union__name", "job_group")),
            proposals=proposals,
            tool_ids={proposal.tool_id for proposal in proposals},
        )
    if isinstance(subject, EdTechTool):
        if not EdTechTool.objects.visible_to(reader).filter(pk=subject.pk).exists():
            raise NotVisible(_("No such tool."))
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
    consultations = (
        _by_union(Consultation.objects.visible_to(reader).open(), scope)
        .filter(proposal__in=[p.pk for p in scope.proposals])
        .select_related("union", "proposal__employer", "proposal__tool")
        .prefetch_related(latest_events(reader))
        .order_by("response_deadline", "opened_on")
    )
    result = list(consultations)
    finish_timelines(result, reader)
    for consultation in result:
        deadline = consultation.response_deadline
        consultation.days_left = (deadline - today).days if deadline else None
    return result


def _focused_clauses(focus, reader):
    clauses = Clause.objects.visible_to(reader).filter(agreement__bargaining_unit__in=[unit.pk for unit in focus.units])
    if focus.asked_topics:
        clauses = clauses.filter(topic__in=[topic.pk for topic in focus.topics])
    return clauses


def _lineages(clauses, reader) -> list:
    """Each clause with its versions, each version redlined against the one before."""
    versions = ClauseVersion.objects.with_visible_session(reader).order_by("number")
    clauses = (
        clauses.with_effective_visibility()
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


@dataclass
class TopicLine:
    topic: object
    clauses: int
    units: int  # units with a clause on the topic
    gaps: list  # the first GAPS_NAMED units without one
    gap_count: int


@dataclass
class LineageSummary:
    """Too many clauses to print each lineage: how many there are on each topic and in how many of the units,
    the units with none on it (the gaps), and the latest versions tabled."""

    topics: list[TopicLine]
    latest: list  # the RECENT_VERSIONS latest versions, each with its clause
    visibilities: list = field(default_factory=list)


def _lineage_summary(clauses, focus, reader) -> LineageSummary:
    """Three queries, whatever the number of clauses."""
    counts, covering = {}, {}
    for topic_id, unit_id, count in (
        clauses.order_by().values_list("topic", "agreement__bargaining_unit").annotate(count=Count("pk"))
    ):
        counts[topic_id] = counts.get(topic_id, 0) + count
        covering.setdefault(topic_id, set()).add(unit_id)
    topics = []
    for topic in focus.topics:
        gaps = [unit.name for unit in focus.units if unit.pk not in covering.get(topic.pk, set())]
        topics.append(
            TopicLine(topic, counts.get(topic.pk, 0), len(covering.get(topic.pk, ())), gaps[:GAPS_NAMED], len(gaps))
        )
    latest = list(
        ClauseVersion.objects.with_visible_session(reader)
        .filter(clause__in=clauses.order_by().values("pk"))
        .select_related("clause__topic", "clause__agreement__bargaining_unit__union")
        .order_by(F("visible_tabled_on").desc(nulls_last=True), "-pk")[:RECENT_VERSIONS]
    )
    # What the counts and the versions draw on decides the CONFIDENTIAL mark, as each lineage's would.
    visibilities = list(
        clauses.with_effective_visibility().order_by().values_list("effective_visibility", flat=True).distinct()
    )
    return LineageSummary(topics, latest, visibilities)


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
