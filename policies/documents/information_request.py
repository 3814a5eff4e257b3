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

from bargaining.access import VISIBILITY_RANK, Visibility
from consultations.models import Consultation, EventKind
from consultations.services import add_consultation_event
from policies.documents.common import DocumentFrame, document_html, now, paper_size_for, reader_label
from policies.documents.render import RenderedPdf, RenderLimits, html_to_pdf
from policies.models import InformationRequest

ANSWER_DAYS = 14
MAX_QUESTIONS = 40
STANDARD_QUESTIONS = (
    "When will the tool be introduced, and on what timetable?",
    "Which staff and which students will it affect, in which schools and roles?",
    "How will it be used, for what purpose, and why was it chosen?",
    "What personal data of staff and students does it collect, and how is that data processed?",
    "Where is the data stored, who can see it, and is it shared with the vendor or anyone else?",
    "Which privacy or data-processing agreement covers it, and may the union have a copy?",
    "How will staff be trained to use it, by whom, and on what time (paid, within working hours)?",
)


def standard_questions(union) -> list[str]:
    """The union's question template, one question a line; Caucus's standard questions when it has none."""
    lines = [line.strip() for line in (getattr(union, "information_request_questions", "") or "").splitlines()]
    return [line for line in lines if line] or list(STANDARD_QUESTIONS)


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
        return cls(
            introduction=(
                f"{consultation.union.name} writes about the proposal \u201c{proposal.title}\u201d, which would "
                f"introduce {tool.name}{f' ({tool.vendor.name})' if tool.vendor_id else ''} in "
                f"{proposal.employer.name}. So that we can represent our members, please answer the questions below."
            ),
            questions=standard_questions(consultation.union),
            demand=(
                f"{consultation.union.name} also demands to bargain the effects of this tool on our members' "
                "terms and conditions of employment before it is introduced. Please contact us to arrange dates."
            ),
            answer_due_on=today + datetime.timedelta(days=ANSWER_DAYS),
        )

    def clean(self, *, today: datetime.date | None = None) -> None:
        today = today or now().date()
        errors = {}
        self.questions = [question.strip() for question in self.questions if question and question.strip()]
        if not self.questions:
            errors["questions"] = "Ask at least one question."
        elif len(self.questions) > MAX_QUESTIONS:
            errors["questions"] = f"Ask at most {MAX_QUESTIONS} questions in one letter."
        if not self.introduction.strip():
            errors["introduction"] = "Say what the letter is about."
        if self.answer_due_on < today:
            errors["answer_due_on"] = "The answer cannot be due before the letter is sent."
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
        kind="Information request",
        title=consultation.proposal.title,
        union=union,
        reader_label=reader_label(printer),
        printed_at=printed_at,
        paper_size=paper_size_for(union),
    )
    signer = printer.get_full_name() or printer.username if printer.is_authenticated else ""
    context = {"consultation": consultation, "letter": letter, "signer": signer, "dated": printed_at.date()}
    return document_html("pdf/information_request.html", frame, context)


def render_information_request(*, consultation: Consultation, letter: Letter, printer, printed_at=None) -> RenderedPdf:
    """The letter as PDF, through the safe renderer; nothing is recorded."""
    html = information_request_html(consultation=consultation, letter=letter, printer=printer, printed_at=printed_at)
    return html_to_pdf(html, limits=RenderLimits.from_settings("paper"))


@transaction.atomic
def send_information_request(*, consultation: Consultation, letter: Letter, sender) -> InformationRequest:
    """Print the letter as sent: an information-request event on the timeline, the letter kept with it.

    The event carries the answer's due date, so that deadlines can be counted from it. It is as visible as
    the consultation, but never more than to the union's members.
    """
    if not letter_consultations(sender).filter(pk=consultation.pk).exists():
        raise ValidationError({"consultation": "Only the union's officers send its information requests."})
    letter.clean()
    rendered = render_information_request(consultation=consultation, letter=letter, printer=sender)
    visibility = min((consultation.visibility, Visibility.MEMBERS), key=lambda v: VISIBILITY_RANK[v])
    event = add_consultation_event(
        consultation=consultation,
        kind=EventKind.INFORMATION_REQUEST,
        summary=(
            f"Information request sent to {consultation.proposal.employer.name}: {len(letter.questions)} "
            f"question{'s' if len(letter.questions) != 1 else ''} and a demand to bargain the effects. "
            f"Answer due {letter.answer_due_on:%-d %B %Y}."
        ),
        occurred_on=now().date(),
        visibility=visibility,
        user=sender,
        answer_due_on=letter.answer_due_on,
    )
    text = {**asdict(letter), "answer_due_on": letter.answer_due_on.isoformat()}
    return InformationRequest.objects.create(event=event, text=text, pdf=rendered.content, sent_by=sender)


def letter_filename(consultation: Consultation, dated: datetime.date) -> str:
    return f"{consultation.union.slug}-information-request-{consultation.pk}-{dated:%Y-%m-%d}.pdf"
