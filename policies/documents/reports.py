"""Reports and selections on the web: the members' bargaining report (a page and a PDF), and the clause
comparison and coverage matrix of a selection as PDF for an audience."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bargaining.coverage import COVERAGE_MAX_UNITS
from bargaining.filters import BargainingUnitFilter
from bargaining.models import DocumentLanguage, Union
from plumbing.forms import add_service_errors
from policies.documents.common import NotVisible, now, reader_label
from policies.documents.forms import MembersReportForm
from policies.documents.language import document_language, in_each_language
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
                return _pdf(request, period, **data["subject"], language=data["language"])
            report = members_report_context(printer=request.user, period=period, **data["subject"])
        except ValidationError as error:
            add_service_errors(form, error)
        except NotVisible as error:
            form.add_error("subject", str(error))
        except RenderRateLimited as error:
            return too_many_renders(error)
        except PdfRenderError as error:
            form.add_error(None, _("The report could not be printed: %(reason)s") % {"reason": error})
    status = 400 if form.errors else 200
    return render(request, "documents/members_report.html", {"form": form, "report": report}, status=status)


def _pdf(request, period, *, union, unit, language):
    html = in_each_language(
        document_language(language, union, field="language"),
        lambda: members_report_html(printer=request.user, period=period, union=union, unit=unit),
    )
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
        html = in_each_language(
            _language(request, union=None),
            lambda: comparison_html(clause_ids=ids, printer=request.user, audience=request.GET.get("audience") or None),
        )
        return _selection_pdf(request, html, "clause-comparison.pdf")
    except LookupError as error:
        raise Http404(_("No such clause.")) from error
    except ValidationError as error:  # an audience refused, or a language unknown
        return plain_response(
            _("The comparison could not be printed: %(reason)s") % {"reason": " ".join(error.messages)}, 400
        )


def coverage_pdf(request):
    def units_for(units):
        filters = BargainingUnitFilter(request.GET, queryset=units, request=request)
        chosen = filters.qs if filters.is_valid() else units.none()
        if chosen.order_by()[: COVERAGE_MAX_UNITS + 1].count() > COVERAGE_MAX_UNITS:
            raise TooManyUnits
        return chosen

    # The union filtered on (by slug, as the page's filter) is the one printed for.
    union = Union.objects.filter(slug=request.GET.get("union", "")[:80]).first()
    try:
        html = in_each_language(
            _language(request, union=union),
            lambda: coverage_html(
                printer=request.user, units_for=units_for, union=union, audience=request.GET.get("audience") or None
            ),
        )
        return _selection_pdf(request, html, "coverage.pdf")
    except ValidationError as error:  # an audience refused, or a language unknown
        return plain_response(
            _("The coverage could not be printed: %(reason)s") % {"reason": " ".join(error.messages)}, 400
        )
    except TooManyUnits:
        return plain_response(
            _("More than %(max)s bargaining units match: choose a union, an employer or a job group.")
            % {"max": COVERAGE_MAX_UNITS},
            400,
        )


class TooManyUnits(Exception):
    pass


def _language(request, *, union):
    """`?lang=`, else the language of the union printed for; a selection across unions, the reader's own."""
    requested = request.GET.get("lang")
    if requested or union is not None:
        return document_language(requested, union)
    return DocumentLanguage(translation.get_language() if translation.get_language() == "cy" else "en")


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
        return plain_response(_("The document could not be printed: %(reason)s") % {"reason": error}, 503)
    return pdf_response(rendered.content, filename)
