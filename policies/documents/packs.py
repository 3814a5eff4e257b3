"""Asking for a briefing pack: the request is recorded here, rendered later by a worker (tasks.py)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from bargaining.models import BargainingUnit, Employer, PaperSize, Union
from consultations.models import EdTechTool
from policies.documents.briefing_pack import pack_audience
from policies.documents.tasks import SUBJECT_RELATED, render_briefing_pack_task
from policies.models import BriefingPack, PackSection

NOT_A_LEADER = (
    "Briefing packs are built by a union's officers and organisers. "
    "Members can download the position papers they may read from each position's page."
)


@transaction.atomic
def request_briefing_pack(
    *, requester, subject, sections, union=None, audience: str | None = None, paper_size: str | None = None
) -> BriefingPack:
    """Record the request and queue the render; with the immediate backend the pack is ready on return.

    The task is enqueued inside the transaction: the database backend stores it with the pack, and the
    immediate backend runs it on this connection, where the new row is already visible.
    """
    allowed = set(Union.objects.led_by(requester).values_list("pk", flat=True))
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
    # Raises AudienceRefused (a ValidationError on "audience") for an audience the requester may not print for.
    audience = pack_audience(subject=subject, union=union, printer=requester, requested=audience)
    pack = BriefingPack(
        requester=requester,
        union=union,
        audience=audience,
        sections=chosen,
        paper_size=paper_size or union.paper_size,
        **_subject_fields(subject, requester),
    )
    pack.full_clean(exclude=["pdf"])
    pack.save()
    render_briefing_pack_task.enqueue(pack.pk)
    return BriefingPack.objects.visible_to(requester).without_pdf().select_related(*SUBJECT_RELATED).get(pk=pack.pk)


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
