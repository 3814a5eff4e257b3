"""Background work of printed documents, through Django's tasks framework (django.tasks).

Development and tests run tasks immediately; production sets TASKS_BACKEND=database and runs the
worker: `python manage.py db_worker` (django-tasks-db).
"""

import logging

from django.tasks import task
from django.utils import timezone

from policies.documents.audience import AudienceRefused
from policies.documents.briefing_pack import render_briefing_pack
from policies.documents.common import NotVisible
from policies.documents.render import PdfRenderError
from policies.models import BriefingPack, PackStatus

logger = logging.getLogger(__name__)

SUBJECT_RELATED = ("union", "bargaining_unit", "employer", "tool")


@task()
def render_briefing_pack_task(pack_id: int) -> str:
    """Render one briefing pack; the pack row records the outcome (ready, or failed with the reason)."""
    return build_briefing_pack(pack_id=pack_id)


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
        rendered = render_briefing_pack(
            subject=pack.subject,
            sections=pack.sections,
            reader=pack.requester,
            audience=pack.audience,
            union=pack.union,
            paper_size=pack.paper_size,
            topics=pack.topics,
            units=pack.units,
        )
    except NotVisible:
        return _fail(pack, f"You may no longer see this {pack.subject_kind}, so the pack was not printed.")
    except AudienceRefused:
        return _fail(
            pack, f"You may no longer print for {pack.get_audience_display().lower()}, so the pack was not printed."
        )
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
