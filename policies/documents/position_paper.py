"""A position paper: one position as `reader` may see it, printed."""

from django.db.models import Prefetch, Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bargaining.models import Clause, ClauseVersionStatus, Topic
from consultations.models import Consultation, EdTechTool, ProcurementProposal
from plumbing.bilingual import text_in
from plumbing.markdown import markdown_html
from policies.documents.audience import audiences_for, choose_audience, cover_line, reader_for
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
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf
from policies.models import Audience, ModelClause, Position, PositionStatus, Principle

WON = (ClauseVersionStatus.RATIFIED, ClauseVersionStatus.TENTATIVELY_AGREED)
MAX_CLAUSES_WON = 40


def render_position_paper(*, position: Position, reader, audience: str | None = None, printed_at=None) -> RenderedPdf:
    """The position paper for `audience` (by default the widest the position allows), printed by `reader`."""
    return html_to_pdf(
        position_paper_html(position=position, reader=reader, audience=audience, printed_at=printed_at),
        limits=RenderLimits.from_settings("paper"),
    )


def paper_audience(*, position: Position, printer, requested: str | None = None) -> str:
    """The audience a paper is printed for: the one asked for if `printer` may, else AudienceRefused."""
    return choose_audience(
        printer, requested=requested, union_id=position.union_id, subject_visibility=position.visibility
    )


def paper_audience_choices(*, position: Position, printer) -> list[tuple[str, str]]:
    """The audiences offered beside the download button, widest (the default) first."""
    allowed = audiences_for(printer, union_id=position.union_id, subject_visibility=position.visibility)
    return [(audience, Audience(audience).label) for audience in allowed]


def position_paper_html(*, position: Position, reader, audience: str | None = None, printed_at=None) -> str:
    """The paper as HTML for the renderer (and for the benchmark's bare render of the same page)."""
    if not Position.objects.visible_to(reader).filter(pk=position.pk).exists():
        raise NotVisible(_("No such position."))
    position = Position.objects.select_related("union").get(pk=position.pk)
    union = position.union
    audience = paper_audience(position=position, printer=reader, requested=audience)
    # From here on, everything is selected as the audience may see it (within what the printer may).
    printer, reader = reader, reader_for(reader, audience, union.pk)
    sensitivity = Sensitivity()
    sensitivity.note(position.visibility)

    principles = list(Principle.objects.visible_to(reader).filter(positions=position))
    sensitivity.note(*(principle.visibility for principle in principles))
    proposal, tool = _subject(position, reader)
    consultations = _consultations(position, reader)
    for consultation in consultations:
        sensitivity.note(consultation.visibility, *consultation.counted_visibilities)
    topics = _topics_concerned(position, consultations, principles, reader)
    model_clauses = list(
        ModelClause.objects.visible_to(reader)
        .with_playbook(reader)
        .filter(union=union, topic__in=topics)
        .select_related("topic")
    )
    for model in model_clauses:
        sensitivity.note(model.visibility)
        if model.show_playbook and (model.walk_away_text or model.guidance):
            sensitivity.note_internal()
    clauses_won = _clauses_won(topics, reader, exclude_employer_id=proposal.employer_id if proposal else None)
    sensitivity.note(*(clause.effective_visibility for clause in clauses_won))

    frame = DocumentFrame(
        kind=_("Position paper"),
        title=text_in(position, "title").text,
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at or now(),
        paper_size=paper_size_for(union),
        confidential=sensitivity.internal,
        audience_line=cover_line(audience, union),
    )
    conditions = position.condition_list()
    rationale = text_in(position, "rationale")
    candidates = [
        (True, Section("position", _("Our position"))),
        (bool(conditions), Section("conditions", _("Conditions and demands"))),
        (bool(principles), Section("principles", _("Principles we rely on"))),
        (True, Section("subject", _("The proposal and the tool"))),
        (True, Section("timeline", _("Consultation timeline"))),
        (bool(topics), Section("model-clauses", _("Our model clauses"))),
        (bool(topics), Section("won-elsewhere", _("Clauses already won elsewhere"))),
    ]
    frame.sections = [section for included, section in candidates if included]
    return document_html(
        "pdf/position_paper.html",
        frame,
        {
            "position": position,
            "is_draft": position.status == PositionStatus.DRAFT,
            "rationale": markdown_html(rationale.text),
            "rationale_fallback": rationale,
            "conditions": conditions,
            "principles": principles,
            "proposal": proposal,
            "tool": tool,
            "consultations": consultations,
            "topics": topics,
            "model_clauses": model_clauses,
            "clauses_won": clauses_won,
            "clauses_won_limit": MAX_CLAUSES_WON,
        },
    )


def paper_filename(position: Position) -> str:
    return f"{position.union.slug}-position-{slugify(position.title)[:60] or position.pk}-v{position.version}.pdf"


def _subject(position, reader):
    """The proposal and the tool, when the reader may see them (reference records are for signed-in users)."""
    proposal = (
        ProcurementProposal.objects.visible_to(reader)
        .select_related("employer", "tool__vendor")
        .filter(pk=position.proposal_id)
        .first()
        if position.proposal_id
        else None
    )
    tool_id = position.tool_id or (proposal.tool_id if proposal else None)
    tool = proposal.tool if proposal and proposal.tool_id == tool_id else None
    if tool is None and tool_id:
        tool = EdTechTool.objects.visible_to(reader).select_related("vendor").filter(pk=tool_id).first()
    return proposal, tool


def _consultations(position, reader) -> list:
    concerned = Q(proposal=position.proposal_id) if position.proposal_id else Q(proposal__tool=position.tool_id)
    consultations = list(
        Consultation.objects.visible_to(reader)
        .filter(concerned, union=position.union_id)
        .select_related("proposal__employer")
        .prefetch_related(
            latest_events(reader),
            Prefetch("resulting_clauses", queryset=Clause.objects.visible_to(reader), to_attr="visible_clauses"),
        )
        .order_by("opened_on")
    )
    finish_timelines(consultations, reader)
    return consultations


def _topics_concerned(position, consultations, principles, reader) -> list:
    """The topics of clauses the consultations produced, and of model clauses citing the same principles."""
    topic_ids = {clause.topic_id for consultation in consultations for clause in consultation.visible_clauses}
    by_principle = ModelClause.objects.visible_to(reader).filter(
        union=position.union_id, principles__in=[p.pk for p in principles]
    )
    return list(Topic.objects.filter(Q(pk__in=topic_ids) | Q(pk__in=by_principle.values("topic"))).distinct())


def _clauses_won(topics, reader, *, exclude_employer_id) -> list:
    if not topics:
        return []
    clauses = (
        Clause.objects.visible_to(reader)
        .with_current()
        .with_effective_visibility()
        .filter(topic__in=topics, current_status__in=WON)
        .select_related("topic", "agreement__bargaining_unit__employer", "agreement__bargaining_unit__union")
        .order_by("topic__sort_order", "current_status", "agreement__bargaining_unit__employer__name")
    )
    if exclude_employer_id:
        clauses = clauses.exclude(agreement__bargaining_unit__employer=exclude_employer_id)
    return list(clauses[:MAX_CLAUSES_WON])
