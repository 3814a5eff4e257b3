"""Reports and selections on the web: the members' bargaining report (a page and a PDF), and the clause
comparison and coverage matrix of a selection as PDF for an audience."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.text import slugify

from bargaining.filters import BargainingUnitFilter
from bargaining.models import Union
from plumbing.forms import add_service_errors
from policies.documents.audience import AudienceRefused
from policies.documents.common import NotVisible, now, reader_label
from policies.documents.forms import MembersReportForm
from policies.documents.limits import RenderRateLimited, render_for_request
from policies.documents.members_report import Period, members_report_context, members_report_html
from policies.documents.render import PdfRenderError
from policies.documents.selections import comparison_html, coverage_html
from policies.documents.views import pdf_response, plain_response, too_many_renders


@login_required
def members_report(request):
    today = now().date()
    initial = {"start": datetime.date(today.year, 1, 1), "end": today}
    form = MembersReportForm(request.GET if "subject" in request.GET else None, user=request.user, initial=initial)
    report = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        period = Period(start=data["start"], end=data["end"])
        try:
            if request.GET.get("format") == "pdf":
                return _pdf(request, period, **data["subject"])
            report = members_report_context(printer=request.user, period=period, **data["subject"])
        except ValidationError as error:
            add_service_errors(form, error)
        except NotVisible as error:
            form.add_error("subject", str(error))
        except RenderRateLimited as error:
            return too_many_renders(error)
        except PdfRenderError as error:
            form.add_error(None, f"The report could not be printed: {error}")
    status = 400 if form.errors else 200
    return render(request, "documents/members_report.html", {"form": form, "report": report}, status=status)


def _pdf(request, period, *, union, unit):
    html = members_report_html(printer=request.user, period=period, union=union, unit=unit)
    rendered = render_for_request(
        request, html, kind="pack", audience="members", printer_label=reader_label(request.user)
    )
    name = slugify(str(unit or union.short_name))[:60]
    return pdf_response(rendered.content, f"{union.slug}-members-report-{name}-{period.start}-{period.end}.pdf")


# The clause comparison and the coverage matrix of a selection, printed for an audience.


def comparison_pdf(request):
    raw = request.GET.getlist("ids")
    ids = list(dict.fromkeys(int(value) for value in raw if value.isdigit() and len(value) <= 18))
    try:
        html = comparison_html(clause_ids=ids, printer=request.user, audience=request.GET.get("audience") or None)
        return _selection_pdf(request, html, "clause-comparison.pdf")
    except LookupError as error:
        raise Http404("No such clause.") from error
    except AudienceRefused as error:
        return plain_response(f"The comparison could not be printed: {' '.join(error.messages)}", 400)


def coverage_pdf(request):
    def units_for(units):
        filters = BargainingUnitFilter(request.GET, queryset=units, request=request)
        return filters.qs if filters.is_valid() else units.none()

    # The union filtered on (by slug, as the page's filter) is the one printed for.
    union = Union.objects.filter(slug=request.GET.get("union", "")[:80]).first()
    try:
        html = coverage_html(
            printer=request.user, units_for=units_for, union=union, audience=request.GET.get("audience") or None
        )
        return _selection_pdf(request, html, "coverage.pdf")
    except AudienceRefused as error:
        return plain_response(f"The coverage could not be printed: {' '.join(error.messages)}", 400)


def _selection_pdf(request, html: str, filename: str):
    try:
        rendered = render_for_request(
            request,
            html,
            kind="paper",
            audience=request.GET.get("audience", ""),
            printer_label=reader_label(request.user),
        )
    except RenderRateLimited as error:
        return too_many_renders(error)
    except PdfRenderError as error:
        return plain_response(f"The document could not be printed: {error}", 503)
    return pdf_response(rendered.content, filename)
