"""The members' bargaining report: what happened at the table for a unit (or a whole union) in a period.

The document officers send before a ratification vote. It is always printed for the union's members: it
holds only what members may see (bargaining.access), whoever prints it, and only a member of the union
(in any role) or site staff may print it. Article by article: each version tabled, countered, tentatively
agreed or ratified in the period, with the redline of what changed from the version before; then the
consultations opened and answered, and the positions published, in the period.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils import dateformat
from django.utils.translation import gettext as _

from bargaining.models import BargainingUnit, Clause, ClauseVersion, ClauseVersionStatus, Union
from bargaining.redline import redline
from consultations.models import Consultation, ConsultationEvent, EventKind
from policies.documents.audience import AudienceRefused, choose_audience, cover_line, reader_for
from policies.documents.common import (
    DocumentFrame,
    NotVisible,
    Section,
    Sensitivity,
    document_html,
    now,
    paper_size_for,
    reader_label,
)
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf
from policies.models import Audience, Position, PositionStatus

REPORTED = (
    ClauseVersionStatus.PROPOSED,
    ClauseVersionStatus.COUNTERED,
    ClauseVersionStatus.TENTATIVELY_AGREED,
    ClauseVersionStatus.RATIFIED,
)
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def check(self) -> None:
        if self.end < self.start:
            raise ValidationError({"end": _("The period ends before it starts.")})
        if (self.end - self.start).days > MAX_DAYS:
            raise ValidationError({"end": _("Choose a period of at most three years.")})


def members_report_context(*, printer, period: Period, union: Union | None = None, unit=None) -> dict:
    """Everything the report holds, as the union's members may see it; NotVisible or AudienceRefused otherwise."""
    period.check()
    if unit is not None:
        if not BargainingUnit.objects.visible_to(printer).filter(pk=unit.pk).exists():
            raise NotVisible(_("No such bargaining unit."))
        union = unit.union
    try:
        choose_audience(printer, requested=Audience.MEMBERS, union_id=union.pk)
    except AudienceRefused as error:
        raise AudienceRefused({"union": _("The members' report is printed by the union's own members.")}) from error
    reader = reader_for(printer, Audience.MEMBERS, union.pk)
    if unit is not None and not BargainingUnit.objects.visible_to(reader).filter(pk=unit.pk).exists():
        raise NotVisible(_("This bargaining unit is not shared with the union's members."))
    units = Q(agreement__bargaining_unit=unit.pk) if unit else Q(agreement__bargaining_unit__union=union.pk)
    return {
        "union": union,
        "unit": unit,
        "period": period,
        "articles": _articles(reader, units, period),
        "consultations_opened": _consultations(reader, union, unit).filter(opened_on__range=(period.start, period.end)),
        "responses": _responses(reader, union, unit, period),
        "positions": _positions(reader, union, unit, period),
        "reader": reader,
    }


def _articles(reader, units: Q, period: Period) -> list:
    """Each clause with the versions dated in the period (each redlined against the one before it)."""
    versions = ClauseVersion.objects.visible_to(reader).with_visible_session(reader).order_by("number")
    clauses = (
        Clause.objects.visible_to(reader)
        .filter(units)
        .filter(
            versions__in=versions.filter(
                visible_tabled_on__range=(period.start, period.end), status__in=REPORTED
            ).values("pk")
        )
        .distinct()
        .select_related("topic", "agreement__bargaining_unit__employer")
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="lineage"))
        .order_by("agreement__bargaining_unit__employer__name", "agreement__title", "article_number", "pk")
    )
    articles = []
    for clause in clauses:
        steps, previous = [], None
        for version in clause.lineage:
            in_period = version.visible_tabled_on and period.start <= version.visible_tabled_on <= period.end
            if in_period and version.status in REPORTED:
                changed = previous is not None and previous.text != version.text
                steps.append(
                    {"version": version, "previous": previous, "segments": redline(previous.text, version.text)
                     if changed else None}
                )  # fmt: skip
            previous = version
        articles.append({"clause": clause, "steps": steps})
    return articles


def _consultations(reader, union, unit):
    consultations = Consultation.objects.visible_to(reader).filter(union=union.pk)
    if unit is not None:
        consultations = consultations.filter(proposal__employer=unit.employer_id)
    return consultations.select_related("proposal__employer", "proposal__tool").order_by("opened_on", "pk")


def _responses(reader, union, unit, period) -> list:
    consultations = _consultations(reader, union, unit)
    return list(
        ConsultationEvent.objects.visible_to(reader)
        .filter(
            consultation__in=consultations.values("pk"),
            kind=EventKind.UNION_RESPONSE,
            occurred_on__range=(period.start, period.end),
        )
        .select_related("consultation__proposal__employer")
        .order_by("occurred_on", "pk")
    )


def _positions(reader, union, unit, period) -> list:
    positions = Position.objects.visible_to(reader).filter(union=union.pk, adopted_on__range=(period.start, period.end))
    positions = positions.exclude(status=PositionStatus.DRAFT)
    if unit is not None:
        positions = positions.filter(Q(proposal__employer=unit.employer_id) | Q(proposal__isnull=True))
    return list(positions.select_related("proposal__employer", "tool").order_by("adopted_on", "title"))


def members_report_html(*, printer, period: Period, union=None, unit=None, printed_at=None) -> str:
    context = members_report_context(printer=printer, period=period, union=union, unit=unit)
    union = context["union"]
    sensitivity = Sensitivity()
    for article in context["articles"]:
        sensitivity.note(article["clause"].visibility)
    frame = DocumentFrame(
        kind=_("Members' bargaining report"),
        # Translators: a members' report's title: a bargaining unit or a union, then the period it covers.
        title=_("%(subject)s: %(start)s to %(end)s")
        % {
            "subject": unit or union.name,
            "start": dateformat.format(period.start, "j M Y"),
            "end": dateformat.format(period.end, "j M Y"),
        },
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at or now(),
        paper_size=paper_size_for(union),
        confidential=sensitivity.internal,
        audience_line=cover_line(Audience.MEMBERS, union),
        sections=[
            Section("articles", _("At the table, article by article")),
            Section("consultations", _("Consultations opened and answered")),
            Section("positions", _("Positions published")),
        ],
    )
    return document_html("pdf/members_report.html", frame, context)


def render_members_report(*, printer, period: Period, union=None, unit=None, printed_at=None) -> RenderedPdf:
    html = members_report_html(printer=printer, period=period, union=union, unit=unit, printed_at=printed_at)
    return html_to_pdf(html, limits=RenderLimits.from_settings("pack"))
