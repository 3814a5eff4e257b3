"""Asking for a briefing pack: the request is recorded here, rendered later by a worker (tasks.py).

Also what keeps stored packs honest: a pack is served only while its requester may still print it
(`may_still_serve`), a pack whose worker died is failed after a timeout (`fail_stuck_packs`) and can be
tried again (`retry_briefing_pack`), and old packs are pruned (`manage.py prune_packs`).
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bargaining.models import BargainingUnit, Employer, PaperSize, Topic, Union
from consultations.models import EdTechTool
from policies.documents.audience import AudienceRefused
from policies.documents.briefing_pack import pack_audience, scope_unit_ids
from policies.documents.language import document_language
from policies.documents.tasks import SUBJECT_RELATED, render_briefing_pack_task
from policies.models import BriefingPack, PackSection, PackStatus

NOT_A_LEADER = gettext_lazy(
    "Briefing packs are built by a union's officers and organisers. "
    "Members can download the position papers they may read from each position's page."
)


@transaction.atomic
def request_briefing_pack(
    *,
    requester,
    subject,
    sections,
    union=None,
    audience: str | None = None,
    paper_size: str | None = None,
    topics=(),
    units=(),
    language: str | None = None,
) -> BriefingPack:
    """Record the request and queue the render; with the immediate backend the pack is ready on return.

    `topics` and `units` (records or ids) narrow the coverage matrix and the lineages: topics that exist, units
    of the subject that the requester may see.

    The task is enqueued inside the transaction: the database backend stores it with the pack, and the
    immediate backend runs it on this connection, where the new row is already visible.
    """
    allowed = set(Union.objects.led_by(requester).values_list("pk", flat=True))
    if not allowed:
        raise PermissionDenied(NOT_A_LEADER)
    if union is None:
        union = _default_union(subject, allowed)
    if union is None or union.pk not in allowed:
        raise ValidationError({"union": _("Choose a union you are an officer or organiser of.")})
    chosen = [code for code in PackSection.values if code in set(sections or [])]
    if not chosen:
        raise ValidationError({"sections": _("Choose at least one section.")})
    if paper_size and paper_size not in PaperSize.values:
        raise ValidationError(
            {"paper_size": _("Choose one of: %(choices)s.") % {"choices": ", ".join(PaperSize.values)}}
        )
    # Raises AudienceRefused (a ValidationError on "audience") for an audience the requester may not print for.
    audience = pack_audience(subject=subject, union=union, printer=requester, requested=audience)
    language = document_language(language, union, field="language")
    pack = BriefingPack(
        language=language,
        requester=requester,
        union=union,
        audience=audience,
        sections=chosen,
        topics=_chosen_topics(topics),
        units=_chosen_units(units, subject, printer=requester, audience=audience, union=union),
        paper_size=paper_size or union.paper_size,
        **_subject_fields(subject, requester),
    )
    pack.full_clean(exclude=["pdf"])
    pack.save()
    render_briefing_pack_task.enqueue(pack.pk)
    return BriefingPack.objects.visible_to(requester).without_pdf().select_related(*SUBJECT_RELATED).get(pk=pack.pk)


PACK_GONE = gettext_lazy(
    "This pack can no longer be given to you: what it contains is no longer yours to print for its audience "
    "(your role in the union, or the record it is about, has changed since). Ask for a new pack."
)
STUCK = gettext_lazy(
    "The worker printing this pack stopped before it finished (it ran for more than %(minutes)s minutes). Try again."
)


def may_still_serve(pack: BriefingPack) -> bool:
    """Whether the pack's requester may still print it for its audience: checked on every download.

    A pack printed before packs had an audience held everything its requester could see, across unions:
    it is never served again.
    """
    if not pack.audience:
        return False
    requester = pack.requester
    try:
        pack_audience(subject=pack.subject, union=pack.union, printer=requester, requested=pack.audience)
    except AudienceRefused:
        return False
    return type(pack.subject).objects.visible_to(requester).filter(pk=pack.subject.pk).exists()


def running_timeout() -> datetime.timedelta:
    """How long a pack may stay "running" before its worker is taken for dead: twice the render budget."""
    seconds = getattr(settings, "PACK_RUNNING_TIMEOUT_SECONDS", None)
    return datetime.timedelta(seconds=seconds or 2 * settings.PDF_RENDER_LIMITS["pack"]["SECONDS"] + 60)


def fail_stuck_packs(*, packs=None, now=None) -> int:
    """Mark failed, with the reason, the packs (by default every pack) left running longer than the timeout.

    Run by `prune_packs`, and for one pack whenever its status is looked at; returns how many were failed.
    """
    timeout = running_timeout()
    cutoff = (now or timezone.now()) - timeout
    stuck = BriefingPack.objects.filter(status=PackStatus.RUNNING, started_at__lt=cutoff)
    if packs is not None:
        stuck = stuck.filter(pk__in=[pack.pk for pack in packs])
    # The reason is written for each requester, in their language (as the worker writes its own failures).
    by_language = defaultdict(list)
    for pk, chosen in stuck.values_list("pk", "requester__preferences__language"):
        by_language[chosen or settings.LANGUAGE_CODE].append(pk)
    failed = 0
    for language, pks in by_language.items():
        with translation.override(language):
            reason = str(STUCK) % {"minutes": round(timeout.total_seconds() / 60)}
        failed += stuck.filter(pk__in=pks).update(
            status=PackStatus.FAILED, error=reason, finished_at=now or timezone.now()
        )
    return failed


@transaction.atomic
def retry_briefing_pack(*, requester, pack: BriefingPack) -> BriefingPack:
    """Queue a failed pack again, as it was asked for; the render re-checks what the requester may print."""
    updated = BriefingPack.objects.filter(pk=pack.pk, status=PackStatus.FAILED).update(
        status=PackStatus.QUEUED, error="", started_at=None, finished_at=None
    )
    if not updated:
        raise ValidationError({"status": _("Only a pack that failed can be tried again.")})
    render_briefing_pack_task.enqueue(pack.pk)
    return BriefingPack.objects.visible_to(requester).without_pdf().select_related(*SUBJECT_RELATED).get(pk=pack.pk)


def prune_packs(*, older_than: datetime.timedelta, now=None) -> int:
    """Delete the packs asked for longer ago than `older_than`; returns how many."""
    cutoff = (now or timezone.now()) - older_than
    _total, by_model = BriefingPack.objects.filter(created_at__lt=cutoff).delete()
    return by_model.get(BriefingPack._meta.label, 0)


def _ids(records, field: str) -> list[int]:
    """The ids of `records` (records or ids); a ValidationError on `field` for anything else."""
    ids = []
    for record in records or ():
        pk = getattr(record, "pk", record)
        if isinstance(pk, bool) or not isinstance(pk, int):
            raise ValidationError({field: _("Name each one by its id.")})
        ids.append(pk)
    return sorted(set(ids))


def _chosen_topics(topics) -> list[int]:
    ids = _ids(topics, "topics")
    unknown = set(ids) - set(Topic.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if unknown:
        raise ValidationError({"topics": _("No such topic: %(ids)s.") % {"ids": ", ".join(map(str, sorted(unknown)))}})
    return ids


def _chosen_units(units, subject, **audience) -> list[int]:
    """The ids of `units`, each a unit of the subject that the pack's audience may see."""
    ids = _ids(units, "units")
    if ids:
        in_scope = set(scope_unit_ids(subject, **audience))
        if any(pk not in in_scope for pk in ids):
            # A unit the requester may not see is named like one that does not exist.
            raise ValidationError(
                {"units": _("Choose bargaining units of the pack's subject that its audience may see.")}
            )
    return ids


def _default_union(subject, allowed):
    if isinstance(subject, BargainingUnit) and subject.union_id in allowed:
        return subject.union
    return Union.objects.filter(pk__in=allowed).order_by("name").first()


def _subject_fields(subject, requester) -> dict:
    """The subject as the pack's foreign key, once we know the requester may see it."""
    for model, field in ((BargainingUnit, "bargaining_unit"), (Employer, "employer"), (EdTechTool, "tool")):
        if isinstance(subject, model):
            if not model.objects.visible_to(requester).filter(pk=subject.pk).exists():
                raise ValidationError({"subject": NO_SUCH_SUBJECT[field]})
            return {field: subject}
    raise ValidationError({"subject": _("Choose a bargaining unit, an employer or a tool.")})


NO_SUCH_SUBJECT = {
    "bargaining_unit": gettext_lazy("No such bargaining unit."),
    "employer": gettext_lazy("No such employer."),
    "tool": gettext_lazy("No such EdTech tool."),
}
