"""The members' bargaining report on the web: a page to read, and the same report as PDF."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.text import slugify

from plumbing.forms import add_service_errors
from policies.documents.common import NotVisible, now, reader_label
from policies.documents.forms import MembersReportForm
from policies.documents.limits import RenderRateLimited, render_for_request
from policies.documents.members_report import Period, members_report_context, members_report_html
from policies.documents.render import PdfRenderError
from policies.documents.views import pdf_response, too_many_renders


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
