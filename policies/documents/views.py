"""Printed documents on the web: the position paper download, the pack builder, a pack's status and download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bargaining.models import BargainingUnit, Topic
from plumbing.forms import add_service_errors
from plumbing.pages import require_may_add
from policies.documents.common import reader_label
from policies.documents.forms import BriefingPackForm
from policies.documents.language import document_language, in_each_language
from policies.documents.limits import RenderRateLimited, count_render, render_for_request
from policies.documents.packs import (
    NOT_A_LEADER,
    PACK_GONE,
    fail_stuck_packs,
    may_still_serve,
    request_briefing_pack,
    retry_briefing_pack,
)
from policies.documents.position_paper import paper_filename, position_paper_html
from policies.documents.render import PdfRenderError
from policies.documents.tasks import SUBJECT_RELATED
from policies.models import BriefingPack, PackStatus, Position

# Packs on the builder page: the latest few; the rest stay reachable through the API.
RECENT_PACKS = 20


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Documents may hold internal material: never kept by shared caches or the browser.
    response["Cache-Control"] = "private, no-store"
    return response


def position_paper(request, pk):
    position = get_object_or_404(Position.objects.visible_to(request.user).select_related("union"), pk=pk)
    audience = request.GET.get("audience") or None
    try:
        language = document_language(request.GET.get("lang"), position.union)
        html = in_each_language(
            language, lambda: position_paper_html(position=position, reader=request.user, audience=audience)
        )
        rendered = render_for_request(
            request, html, kind="paper", audience=audience or "", printer_label=reader_label(request.user)
        )
    except ValidationError as error:  # an audience refused, or a language unknown
        return plain_response(
            _("This position paper could not be printed: %(reason)s") % {"reason": " ".join(error.messages)}, 400
        )
    except RenderRateLimited as error:
        return too_many_renders(error)
    except PdfRenderError as error:
        return plain_response(_("This position paper could not be printed: %(reason)s") % {"reason": error}, 503)
    return pdf_response(rendered.content, paper_filename(position))


def plain_response(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, content_type="text/plain; charset=utf-8", status=status)


def too_many_renders(error: RenderRateLimited) -> HttpResponse:
    response = plain_response(str(error), 429)
    response["Retry-After"] = str(error.retry_after)
    return response


@login_required
def pack_new(request):
    user = request.user
    require_may_add(BriefingPack, user, NOT_A_LEADER)
    form = BriefingPackForm(request.POST or None, user=user, initial={"subject": request.GET.get("subject", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            count_render(request)
        except RenderRateLimited as error:
            return too_many_renders(error)
        try:
            pack = request_briefing_pack(
                requester=user,
                subject=data["subject"],
                sections=data["sections"],
                union=data["union"],
                audience=data["audience"] or None,
                paper_size=data["paper_size"] or None,
                language=data["language"] or None,
                topics=data["topics"],
                units=data["units"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _queued_message(pack))
            return redirect(pack)
    packs = (
        BriefingPack.objects.visible_to(user)
        .without_pdf()
        .select_related("union", "bargaining_unit", "employer", "tool")[:RECENT_PACKS]
    )
    return render(request, "policies/pack_new.html", {"form": form, "packs": packs}, status=400 if form.errors else 200)


def _queued_message(pack) -> str:
    if pack.status == PackStatus.READY:
        return _("Your briefing pack is ready.")
    if pack.status == PackStatus.FAILED:
        return _("Your briefing pack could not be printed: the reason is below.")
    return _("Your briefing pack is being prepared. This page refreshes until it is ready.")


def _visible_pack(request, pk, *, with_pdf=False):
    packs = BriefingPack.objects.visible_to(request.user).select_related("requester", *SUBJECT_RELATED)
    pack = get_object_or_404(packs if with_pdf else packs.without_pdf(), pk=pk)
    if fail_stuck_packs(packs=[pack]):
        pack.refresh_from_db()
    return pack


def pack_detail(request, pk):
    pack = _visible_pack(request, pk)
    servable = pack.status == PackStatus.READY and may_still_serve(pack)
    context = {
        "pack": pack,
        "servable": servable,
        "gone_message": PACK_GONE,
        # What it was narrowed to, by name: the units as the reader may see them now.
        "topics": Topic.objects.filter(pk__in=pack.topics) if pack.topics else [],
        "units": BargainingUnit.objects.visible_to(request.user).filter(pk__in=pack.units) if pack.units else [],
    }
    response = render(request, "policies/pack_detail.html", context)
    if not pack.is_finished:
        # Check again shortly, without a script (the Content-Security-Policy allows none inline).
        response["Refresh"] = "5"
    return response


def pack_download(request, pk):
    pack = _visible_pack(request, pk, with_pdf=True)
    if pack.status != PackStatus.READY:
        raise Http404(_("No such pack."))
    if not may_still_serve(pack):
        # Access is checked when the pack is fetched, not only when it was printed.
        return render(request, "policies/pack_gone.html", {"pack": pack, "message": PACK_GONE}, status=404)
    return pdf_response(bytes(pack.pdf), pack.filename())


@login_required
@require_POST
def pack_retry(request, pk):
    pack = _visible_pack(request, pk)
    try:
        retry_briefing_pack(requester=request.user, pack=pack)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your briefing pack is being prepared again."))
    return redirect(pack)
