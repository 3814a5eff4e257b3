"""An information request: the union's letter to the employer about a proposed tool, and its sending.

The letter is printed on the union's letterhead from the consultation, with the union's questions
(`Union.information_request_questions`, Caucus's standard ones when blank), edited by the officer
before printing. Printing it "as sent" records an information-request event on the consultation's
timeline, with the letter kept (`InformationRequest`) and the answer's due date on the event.
"""

import datetime
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from bargaining.access import VISIBILITY_RANK, Visibility
from consultations.models import Consultation, EventKind
from consultations.services import add_consultation_event
from policies.documents.common import DocumentFrame, document_html, now, paper_size_for, reader_label
from policies.documents.language import document_language, in_each_language
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf
from policies.models import InformationRequest

MAX_QUESTIONS = 40
# In English, marked for translation: `caucus_questions()` gives them in the active language.
STANDARD_QUESTIONS = (
    gettext_noop("When will the tool be introduced, and on what timetable?"),
    gettext_noop("Which staff and which students will it affect, in which schools and roles?"),
    gettext_noop("How will it be used, for what purpose, and why was it chosen?"),
    gettext_noop("What personal data of staff and students does it collect, and how is that data processed?"),
    gettext_noop("Where is the data stored, who can see it, and is it shared with the vendor or anyone else?"),
    gettext_noop("Which privacy or data-processing agreement covers it, and may the union have a copy?"),
    gettext_noop("How will staff be trained to use it, by whom, and on what time (paid, within working hours)?"),
)


def caucus_questions() -> list[str]:
    """Caucus's standard questions, in the active language."""
    return [_(question) for question in STANDARD_QUESTIONS]


def standard_questions(union) -> list[str]:
    """The union's question template, one question a line; Caucus's standard questions when it has none."""
    lines = [line.strip() for line in (getattr(union, "information_request_questions", "") or "").splitlines()]
    return [line for line in lines if line] or caucus_questions()


@dataclass
class Letter:
    """The parts of the letter the officer may edit before printing."""

    introduction: str
    questions: list[str]
    demand: str
    answer_due_on: datetime.date

    @classmethod
    def for_consultation(cls, consultation: Consultation, *, today: datetime.date | None = None) -> "Letter":
        """The letter as the union's template writes it, before any edit."""
        today = today or now().date()
        proposal = consultation.proposal
        tool = proposal.tool
        names = {
            "union": consultation.union.name,
            "proposal": proposal.title,
            "tool": tool.name,
            "employer": proposal.employer.name,
        }
        if tool.vendor_id:
            introduction = _(
                "%(union)s writes about the proposal “%(proposal)s”, which would introduce %(tool)s "
                "(%(vendor)s) in %(employer)s. So that we can represent our members, please answer the questions below."
            ) % {**names, "vendor": tool.vendor.name}
        else:
            introduction = (
                _(
                    "%(union)s writes about the proposal “%(proposal)s”, which would introduce %(tool)s in "
                    "%(employer)s. So that we can represent our members, please answer the questions below."
                )
                % names
            )
        return cls(
            introduction=introduction,
            questions=standard_questions(consultation.union),
            demand=_(
                "%(union)s also demands to bargain the effects of this tool on our members' "
                "terms and conditions of employment before it is introduced. Please contact us to arrange dates."
            )
            % {"union": consultation.union.name},
            answer_due_on=today + datetime.timedelta(days=consultation.union.information_request_days),
        )

    def clean(self, *, today: datetime.date | None = None) -> None:
        today = today or now().date()
        errors = {}
        self.questions = [question.strip() for question in self.questions if question and question.strip()]
        if not self.questions:
            errors["questions"] = _("Ask at least one question.")
        elif len(self.questions) > MAX_QUESTIONS:
            errors["questions"] = _("Ask at most %(max)s questions in one letter.") % {"max": MAX_QUESTIONS}
        if not self.introduction.strip():
            errors["introduction"] = _("Say what the letter is about.")
        if self.answer_due_on < today:
            errors["answer_due_on"] = _("The answer cannot be due before the letter is sent.")
        if errors:
            raise ValidationError(errors)


def letter_consultations(user):
    """The consultations whose information requests `user` may write: their union's officers'."""
    return Consultation.objects.editable_by(user).select_related(
        "union", "proposal__employer", "proposal__tool__vendor"
    )


def information_request_html(*, consultation: Consultation, letter: Letter, printer, printed_at=None) -> str:
    printed_at = printed_at or now()
    union = consultation.union
    frame = DocumentFrame(
        kind=_("Information request"),
        title=consultation.proposal.title,
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at,
        paper_size=paper_size_for(union),
    )
    signer = printer.get_full_name() or printer.username if printer.is_authenticated else ""
    context = {"consultation": consultation, "letter": letter, "signer": signer, "dated": printed_at.date()}
    return document_html("pdf/information_request.html", frame, context)


def render_information_request(
    *, consultation: Consultation, letter: Letter, printer, printed_at=None, language: str | None = None
) -> RenderedPdf:
    """The letter as PDF, through the safe renderer, in `language` (the union's usual one); nothing is recorded."""
    html = in_each_language(
        document_language(language, consultation.union, field="language"),
        lambda: information_request_html(
            consultation=consultation, letter=letter, printer=printer, printed_at=printed_at
        ),
    )
    return html_to_pdf(html, limits=RenderLimits.from_settings("paper"))


@transaction.atomic
def send_information_request(
    *, consultation: Consultation, letter: Letter, sender, language: str | None = None
) -> InformationRequest:
    """Print the letter as sent: an information-request event on the timeline, the letter kept with it.

    The event carries the answer's due date, so that deadlines can be counted from it. It is as visible as
    the consultation, but never more than to the union's members.
    """
    if not letter_consultations(sender).filter(pk=consultation.pk).exists():
        raise ValidationError({"consultation": _("Only the union's officers send its information requests.")})
    letter.clean()
    rendered = render_information_request(consultation=consultation, letter=letter, printer=sender, language=language)
    visibility = min((consultation.visibility, Visibility.MEMBERS), key=lambda v: VISIBILITY_RANK[v])
    event = add_consultation_event(
        consultation=consultation,
        kind=EventKind.INFORMATION_REQUEST,
        summary=ngettext(
            "Information request sent to %(employer)s: %(count)s question and a demand to bargain the effects. "
            "Answer due %(due)s.",
            "Information request sent to %(employer)s: %(count)s questions and a demand to bargain the effects. "
            "Answer due %(due)s.",
            len(letter.questions),
        )
        % {
            "employer": consultation.proposal.employer.name,
            "count": len(letter.questions),
            "due": dateformat.format(letter.answer_due_on, "j F Y"),
        },
        occurred_on=now().date(),
        visibility=visibility,
        user=sender,
        answer_due_on=letter.answer_due_on,
    )
    text = {**asdict(letter), "answer_due_on": letter.answer_due_on.isoformat()}
    return InformationRequest.objects.create(event=event, text=text, pdf=rendered.content, sent_by=sender)


def letter_filename(consultation: Consultation, dated: datetime.date) -> str:
    return f"{consultation.union.slug}-information-request-{consultation.pk}-{dated:%Y-%m-%d}.pdf"
