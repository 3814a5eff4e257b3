"""A position paper: one position as `reader` may see it, printed."""

from django.db.models import Prefetch, Q

from bargaining.access import leadership_union_ids
from bargaining.models import Clause, ClauseVersionStatus, Topic
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal
from policies.models import ModelClause, Position, PositionStatus, Principle
from policies.pdf.common import (
    DocumentFrame,
    Section,
    Sensitivity,
    effective_visibility,
    now,
    paper_size_for,
    reader_label,
    render_document,
)
from policies.pdf.render import RenderedPdf, RenderLimits
from policies.pdf.text import markdown_html

WON = (ClauseVersionStatus.RATIFIED, ClauseVersionStatus.TENTATIVELY_AGREED)
MAX_CLAUSES_WON = 40


class NotVisible(LookupError):
    """The reader may not see the record a document is about."""


def position_paper_context(*, position: Position, reader, printed_at=None) -> dict:
    if not Position.objects.visible_to(reader).filter(pk=position.pk).exists():
        raise NotVisible("No such position.")
    position = Position.objects.select_related("union").get(pk=position.pk)
    union = position.union
    leads_union = union.pk in leadership_union_ids(reader)
    sensitivity = Sensitivity()
    sensitivity.note(position.visibility)

    principles = list(Principle.objects.visible_to(reader).filter(positions=position))
    sensitivity.note(*(principle.visibility for principle in principles))
    proposal, tool = _subject(position, reader)
    consultations = _consultations(position, reader)
    for consultation in consultations:
        sensitivity.note(consultation.visibility, *(event.visibility for event in consultation.visible_events))
    topics = _topics_concerned(position, consultations, principles, reader)
    model_clauses = list(
        ModelClause.objects.visible_to(reader).filter(union=union, topic__in=topics).select_related("topic")
    )
    for model in model_clauses:
        sensitivity.note(model.visibility)
        model.show_playbook = leads_union and bool(model.walk_away_text or model.guidance)
        if model.show_playbook:
            sensitivity.note_internal()
    clauses_won = _clauses_won(topics, reader, exclude_employer_id=proposal.employer_id if proposal else None)
    for clause in clauses_won:
        unit = clause.agreement.bargaining_unit
        sensitivity.note(effective_visibility(clause.visibility, clause.agreement.visibility, unit.visibility))

    frame = DocumentFrame(
        kind="Position paper",
        title=position.title,
        union=union,
        reader_label=reader_label(reader),
        printed_at=printed_at or now(),
        paper_size=paper_size_for(union),
        confidential=sensitivity.internal,
    )
    conditions = position.condition_list()
    candidates = [
        (True, Section("position", "Our position")),
        (bool(conditions), Section("conditions", "Conditions and demands")),
        (bool(principles), Section("principles", "Principles we rely on")),
        (True, Section("subject", "The proposal and the tool")),
        (True, Section("timeline", "Consultation timeline")),
        (bool(topics), Section("model-clauses", "Our model clauses")),
        (bool(topics), Section("won-elsewhere", "Clauses already won elsewhere")),
    ]
    frame.sections = [section for included, section in candidates if included]
    return {
        "frame": frame,
        "position": position,
        "is_draft": position.status == PositionStatus.DRAFT,
        "rationale": markdown_html(position.rationale),
        "conditions": conditions,
        "principles": principles,
        "proposal": proposal,
        "tool": tool,
        "consultations": consultations,
        "topics": topics,
        "model_clauses": model_clauses,
        "clauses_won": clauses_won,
        "clauses_won_limit": MAX_CLAUSES_WON,
    }


def render_position_paper_pdf(*, position: Position, reader, printed_at=None) -> RenderedPdf:
    context = position_paper_context(position=position, reader=reader, printed_at=printed_at)
    frame = context.pop("frame")
    return render_document(
        "pdf/position_paper.html", frame=frame, context=context, limits=RenderLimits.from_settings("paper")
    )


def render_position_paper(*, position: Position, reader, printed_at=None) -> bytes:
    """The position paper as PDF bytes, containing only what `reader` may see."""
    return render_position_paper_pdf(position=position, reader=reader, printed_at=printed_at).content


def paper_filename(position: Position) -> str:
    from django.utils.text import slugify

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
    events = ConsultationEvent.objects.visible_to(reader).order_by("occurred_on", "created_at")
    return list(
        Consultation.objects.visible_to(reader)
        .filter(concerned, union=position.union_id)
        .select_related("proposal__employer")
        .prefetch_related(
            Prefetch("events", queryset=events, to_attr="visible_events"),
            Prefetch("resulting_clauses", queryset=Clause.objects.visible_to(reader), to_attr="visible_clauses"),
        )
        .order_by("opened_on")
    )


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
        .filter(topic__in=topics, current_status__in=WON)
        .select_related("topic", "agreement__bargaining_unit__employer", "agreement__bargaining_unit__union")
        .order_by("topic__sort_order", "current_status", "agreement__bargaining_unit__employer__name")
    )
    if exclude_employer_id:
        clauses = clauses.exclude(agreement__bargaining_unit__employer=exclude_employer_id)
    return list(clauses[:MAX_CLAUSES_WON])
