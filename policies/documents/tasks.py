"""Background work of printed documents, through Django's tasks framework (django.tasks).

Development and tests run tasks immediately; production sets TASKS_BACKEND=database and runs the
worker: `python manage.py db_worker` (django-tasks-db).
"""

import logging

from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.language import language_of
from policies.documents.audience import AudienceRefused
from policies.documents.briefing_pack import render_briefing_pack
from policies.documents.common import NotVisible
from policies.documents.render import PdfRenderError
from policies.models import Audience, BriefingPack, PackStatus

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
    pack = BriefingPack.objects.select_related("requester__preferences", *SUBJECT_RELATED).defer("pdf").get(pk=pack_id)
    # The worker has no request: what it writes to the requester (a failure's reason) is in their language.
    with translation.override(language_of(pack.requester)):
        return _build(pack)


def _build(pack) -> str:
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
            language=pack.language,
        )
    except NotVisible:
        return _fail(pack, _no_longer_visible(pack))
    except AudienceRefused:
        return _fail(pack, _no_longer_printable(pack))
    except PdfRenderError as error:
        return _fail(pack, str(error))
    except Exception:
        logger.exception("Briefing pack %s failed to render", pack.pk)
        _fail(
            pack,
            _("The pack could not be rendered because of an error in Caucus. It has been logged; try again later."),
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


def _no_longer_visible(pack) -> str:
    if pack.bargaining_unit_id:
        return _("You may no longer see this bargaining unit, so the pack was not printed.")
    if pack.employer_id:
        return _("You may no longer see this employer, so the pack was not printed.")
    return _("You may no longer see this tool, so the pack was not printed.")


def _no_longer_printable(pack) -> str:
    reasons = {
        Audience.PUBLIC: _("You may no longer print for the public, so the pack was not printed."),
        Audience.MEMBERS: _("You may no longer print for members of the union, so the pack was not printed."),
        Audience.LEADERSHIP: _("You may no longer print for the union's leadership, so the pack was not printed."),
    }
    return reasons.get(
        pack.audience,
        _("You may no longer print for %(audience)s, so the pack was not printed.")
        % {"audience": pack.get_audience_display().lower()},
    )


def _fail(pack, reason: str) -> str:
    BriefingPack.objects.filter(pk=pack.pk).update(status=PackStatus.FAILED, error=reason, finished_at=timezone.now())
    return PackStatus.FAILED
