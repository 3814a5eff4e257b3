"""Information-request letters on the web: write and print one, keep the union's questions, fetch a sent letter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bargaining.models import Union
from consultations.models import Consultation, ProcurementProposal
from plumbing.forms import add_service_errors
from policies.documents.common import now
from policies.documents.forms import InformationRequestForm, QuestionTemplateForm
from policies.documents.information_request import (
    Letter,
    caucus_questions,
    letter_consultations,
    letter_filename,
    render_information_request,
    send_information_request,
    standard_questions,
)
from policies.documents.limits import RenderRateLimited, count_render
from policies.documents.render import PdfRenderError
from policies.documents.views import pdf_response, too_many_renders
from policies.models import InformationRequest

NOT_AN_OFFICER = gettext_lazy("Information requests are written by the union's officers.")


def _letter_consultation(request, pk) -> Consultation:
    """The consultation, 404 to those who may not see it and 403 to those who see it but may not write for it."""
    consultation = get_object_or_404(Consultation.objects.visible_to(request.user), pk=pk)
    if not letter_consultations(request.user).filter(pk=pk).exists():
        raise PermissionDenied(NOT_AN_OFFICER)
    return letter_consultations(request.user).get(pk=consultation.pk)


@login_required
def information_request(request, pk):
    consultation = _letter_consultation(request, pk)
    initial = InformationRequestForm.initial_for(Letter.for_consultation(consultation))
    initial["language"] = consultation.union.document_language
    form = InformationRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        letter = form.letter()
        try:
            count_render(request)
            if request.POST.get("action") == "send":
                sent = send_information_request(
                    consultation=consultation,
                    letter=letter,
                    sender=request.user,
                    language=form.cleaned_data["language"],
                )
                messages.success(request, _("The information request is on the timeline, with the letter attached."))
                return redirect(sent.event)
            letter.clean()
            rendered = render_information_request(
                consultation=consultation, letter=letter, printer=request.user, language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PdfRenderError as error:
            form.add_error(None, _("The letter could not be printed: %(reason)s") % {"reason": error})
        except RenderRateLimited as error:
            return too_many_renders(error)
        else:
            return pdf_response(rendered.content, "DRAFT-" + letter_filename(consultation, now().date()))
    context = {"consultation": consultation, "form": form}
    return render(request, "documents/information_request.html", context, status=400 if form.errors else 200)


@login_required
def proposal_information_request(request, pk):
    """From a proposal: the letter of the one consultation the officer's union holds on it, or a choice."""
    proposal = get_object_or_404(ProcurementProposal.objects.visible_to(request.user), pk=pk)
    consultations = list(letter_consultations(request.user).filter(proposal=proposal))
    if len(consultations) == 1:
        return redirect("information_request", consultations[0].pk)
    return render(
        request, "documents/information_request_choose.html", {"proposal": proposal, "consultations": consultations}
    )


def sent_letter(request, event_pk):
    """The letter as it was sent, from its event on the timeline: for whoever may see that event."""
    sent = get_object_or_404(
        InformationRequest.objects.visible_to(request.user).select_related("event__consultation__union"),
        event_id=event_pk,
    )
    return pdf_response(bytes(sent.pdf), letter_filename(sent.event.consultation, sent.event.occurred_on))


@login_required
def question_template(request, union_pk):
    union = get_object_or_404(Union.objects.editable_by(request.user), pk=union_pk)
    form = QuestionTemplateForm(request.POST or None, initial={"questions": "\n".join(standard_questions(union))})
    if request.method == "POST" and form.is_valid():
        questions = form.cleaned_data["questions"].strip()
        # Caucus's standard questions as the page showed them are kept as none: each reader's language gives them.
        union.information_request_questions = "" if questions == "\n".join(caucus_questions()) else questions
        union._history_user = request.user
        union.save(update_fields=["information_request_questions"])
        messages.success(
            request, _("%(union)s's information-request questions are saved.") % {"union": union.short_name}
        )
        return redirect("information_request_questions", union.pk)
    return render(
        request,
        "documents/question_template.html",
        {"union": union, "form": form},
        status=400 if form.errors else 200,
    )
