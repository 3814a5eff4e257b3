"""Briefing packs as records: asked for by one person, rendered later by a worker, downloaded when ready."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from bargaining.access import leadership_union_ids
from bargaining.models import BargainingUnit, Employer, PaperSize, Union
from consultations.models import EdTechTool
from policies.models import BriefingPack, PackSection, PackStatus
from policies.pdf.briefing_pack import render_briefing_pack_pdf
from policies.pdf.position_paper import NotVisible
from policies.pdf.render import PdfRenderError

logger = logging.getLogger(__name__)

NOT_A_LEADER = "Briefing packs are built by a union's officers and organisers."


def pack_unions(user):
    """The unions `user` may print packs for: those they lead (organiser or officer); staff, every union."""
    return Union.objects.filter(pk__in=leadership_union_ids(user))


def can_request_packs(user) -> bool:
    return bool(leadership_union_ids(user))


@transaction.atomic
def request_briefing_pack(*, requester, subject, sections, union=None, paper_size: str | None = None) -> BriefingPack:
    """Record the request and queue the render; with the immediate backend the pack is ready on return.

    The task is enqueued inside the transaction: the database backend stores it with the pack, and the
    immediate backend runs it on this connection, where the new row is already visible.
    """
    from policies.tasks import render_briefing_pack_task

    allowed = leadership_union_ids(requester)
    if not allowed:
        raise PermissionDenied(NOT_A_LEADER)
    if union is None:
        union = _default_union(subject, allowed)
    if union is None or union.pk not in allowed:
        raise ValidationError({"union": "Choose a union you are an officer or organiser of."})
    chosen = [code for code in PackSection.values if code in set(sections or [])]
    if not chosen:
        raise ValidationError({"sections": "Choose at least one section."})
    if paper_size and paper_size not in PaperSize.values:
        raise ValidationError({"paper_size": f"Choose one of: {', '.join(PaperSize.values)}."})
    pack = BriefingPack(
        requester=requester,
        union=union,
        sections=chosen,
        paper_size=paper_size or union.paper_size,
        **_subject_fields(subject, requester),
    )
    pack.full_clean(exclude=["pdf"])
    pack.save()
    render_briefing_pack_task.enqueue(pack.pk)
    return BriefingPack.objects.visible_to(requester).without_pdf().select_related(*SUBJECT_RELATED).get(pk=pack.pk)


SUBJECT_RELATED = ("union", "bargaining_unit", "employer", "tool")


def _default_union(subject, allowed):
    if isinstance(subject, BargainingUnit) and subject.union_id in allowed:
        return subject.union
    return Union.objects.filter(pk__in=allowed).order_by("name").first()


def _subject_fields(subject, requester) -> dict:
    """The subject as the pack's foreign key, once we know the requester may see it."""
    for model, field in ((BargainingUnit, "bargaining_unit"), (Employer, "employer"), (EdTechTool, "tool")):
        if isinstance(subject, model):
            if not model.objects.visible_to(requester).filter(pk=subject.pk).exists():
                raise ValidationError({"subject": f"No such {model._meta.verbose_name}."})
            return {field: subject}
    raise ValidationError({"subject": "Choose a bargaining unit, an employer or a tool."})


def build_briefing_pack(*, pack_id: int) -> str:
    """Render a queued pack as its requester may see the record now; returns the final status."""
    claimed = BriefingPack.objects.filter(pk=pack_id, status=PackStatus.QUEUED).update(
        status=PackStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        # Already taken by another worker, or finished: running twice would only waste a render.
        return BriefingPack.objects.filter(pk=pack_id).values_list("status", flat=True).first() or "missing"
    pack = BriefingPack.objects.select_related("requester", *SUBJECT_RELATED).defer("pdf").get(pk=pack_id)
    try:
        rendered = render_briefing_pack_pdf(
            subject=pack.subject,
            sections=pack.sections,
            reader=pack.requester,
            union=pack.union,
            paper_size=pack.paper_size,
        )
    except NotVisible:
        return _fail(pack, f"You may no longer see this {pack.subject_kind}, so the pack was not printed.")
    except PdfRenderError as error:
        return _fail(pack, str(error))
    except Exception:
        logger.exception("Briefing pack %s failed to render", pack_id)
        _fail(
            pack, "The pack could not be rendered because of an error in Caucus. It has been logged; try again later."
        )
        raise
    BriefingPack.objects.filter(pk=pack.pk).update(
        status=PackStatus.READY,
        pdf=rendered.content,
        page_count=rendered.page_count,
        error="",
        finished_at=timezone.now(),
    )
    return PackStatus.READY


def _fail(pack, reason: str) -> str:
    BriefingPack.objects.filter(pk=pack.pk).update(status=PackStatus.FAILED, error=reason, finished_at=timezone.now())
    return PackStatus.FAILED
