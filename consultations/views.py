"""Web pages of consultations: tools, procurement proposals, consultations and their timelines.

A tool's own page joins positions too, so it lives in policies (policies/overview/).
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bargaining.models import Union
from consultations.filters import ConsultationFilter, EdTechToolFilter, ProcurementProposalFilter
from consultations.forms import ConsultationForm, EventForm, ProposalForm, StageForm
from consultations.models import Consultation, ConsultationEvent, ConsultationStage, EdTechTool, ProcurementProposal
from consultations.services import add_consultation_event, move_consultation_stage
from plumbing.forms import add_service_errors, refuse_stale_save
from plumbing.pages import filtered_page, get_editable_or_403, get_visible_or_404, require_may_add
from plumbing.records import may_edit

# Proposals are shared reference records; consultations belong to a union. Officers of any union record both.
ONLY_OFFICERS = "Only union officers may record this."


# Tools


@login_required
def tool_list(request):
    tools = EdTechTool.objects.visible_to(request.user).select_related("vendor")
    return render(
        request,
        "consultations/tool_list.html",
        filtered_page(
            request,
            EdTechToolFilter,
            tools,
            labels={"search": "Name contains", "privacy_agreement_status": "Privacy agreement"},
            primary=["search", "category", "vendor", "risk_rating", "privacy_agreement_status"],
        ),
    )


# Procurement proposals


@login_required
def proposal_list(request):
    proposals = ProcurementProposal.objects.visible_to(request.user).select_related("employer", "tool")
    context = filtered_page(
        request,
        ProcurementProposalFilter,
        proposals,
        labels={"tool": "EdTech tool"},
        primary=["employer", "tool", "status"],
    )
    context["can_record"] = ProcurementProposal.objects.may_add(request.user)
    return render(request, "consultations/proposal_list.html", context)


@login_required
def proposal_detail(request, pk):
    user = request.user
    proposal = get_visible_or_404(ProcurementProposal.objects.select_related("employer", "tool"), user, pk=pk)
    consultations = Consultation.objects.visible_to(user).filter(proposal=proposal).select_related("union")
    return render(
        request,
        "consultations/proposal_detail.html",
        {
            "proposal": proposal,
            "consultations": consultations,
            "can_consult": Union.objects.editable_by(user).exclude(consultations__proposal=proposal).exists(),
        },
    )


@login_required
def proposal_create(request):
    require_may_add(ProcurementProposal, request.user, ONLY_OFFICERS)
    form = ProposalForm(request.POST or None)
    form.fields["employer"].queryset = form.fields["employer"].queryset.model.objects.visible_to(request.user)
    form.fields["tool"].queryset = EdTechTool.objects.visible_to(request.user).select_related("vendor")
    if request.method == "POST" and form.is_valid():
        proposal = form.save()
        messages.success(request, "Proposal recorded. Open your union's consultation on it below.")
        return redirect("proposal_detail", proposal.pk)
    return render(request, "consultations/proposal_form.html", {"form": form})


# Consultations


def consultation_list(request):
    consultations = Consultation.objects.visible_to(request.user).select_related(
        "union", "proposal__employer", "proposal__tool"
    )
    context = filtered_page(
        request,
        ConsultationFilter,
        consultations,
        choice_related={"proposal": ["employer"]},
        labels={
            "tool": "EdTech tool",
            "deadline_after": "Response due after",
            "deadline_before": "Response due before",
        },
        primary=["union", "stage", "tool", "employer"],
    )
    return render(request, "consultations/consultation_list.html", context)


def consultation_detail(request, pk):
    user = request.user
    consultation = get_visible_or_404(
        Consultation.objects.select_related("union", "proposal__employer", "proposal__tool"), user, pk=pk
    )
    can_edit = may_edit(user, consultation)
    return render(
        request, "consultations/consultation_detail.html", _consultation_context(consultation, user, can_edit)
    )


def _consultation_context(consultation, user, can_edit, *, event_form=None, stage_form=None):
    return {
        "consultation": consultation,
        "stages": ConsultationStage.choices,
        "events": ConsultationEvent.objects.visible_to(user)
        .filter(consultation=consultation)
        .select_related("author")
        .order_by("-occurred_on", "-created_at"),
        "clauses": consultation.resulting_clauses.visible_to(user).select_related("agreement", "topic"),
        "can_edit": can_edit,
        "event_form": event_form
        or EventForm(initial={"visibility": consultation.visibility, "occurred_on": datetime.date.today()}),
        "stage_form": stage_form
        or StageForm(initial={"stage": consultation.stage, "current_stage": consultation.stage}),
    }


@login_required
def consultation_create(request):
    user = request.user
    require_may_add(Consultation, user, ONLY_OFFICERS)
    unions = Union.objects.editable_by(user)
    proposals = ProcurementProposal.objects.visible_to(user)
    initial = {"proposal": request.GET.get("proposal")} if request.GET.get("proposal", "").isdigit() else {}
    form = ConsultationForm(request.POST or None, initial=initial, unions=unions, proposals=proposals)
    if request.method == "POST" and form.is_valid():
        consultation = form.save()
        messages.success(request, "Consultation opened. Add the employer's notice to its timeline.")
        return redirect("consultation_detail", consultation.pk)
    return render(request, "consultations/consultation_form.html", {"form": form})


@login_required
@require_POST
def event_create(request, pk):
    user = request.user
    consultation = get_editable_or_403(Consultation, user, pk=pk)
    form = EventForm(request.POST)
    if form.is_valid():
        try:
            add_consultation_event(consultation=consultation, user=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Event added to the timeline.")
            return redirect("consultation_detail", consultation.pk)
    context = _consultation_context(consultation, user, True, event_form=form)
    return render(request, "consultations/consultation_detail.html", context, status=400)


@login_required
@require_POST
def stage_move(request, pk):
    user = request.user
    consultation = get_editable_or_403(Consultation, user, pk=pk)
    form = StageForm(request.POST)
    status = 400
    if form.is_valid():
        if form.cleaned_data["current_stage"] != consultation.stage:
            # Another officer moved it since this page was loaded: do not silently overwrite their move.
            refuse_stale_save(
                form,
                f"Someone else has moved this consultation to “{consultation.get_stage_display()}” since you "
                "opened the page. Check the timeline, then choose the stage again.",
                version_field="current_stage",
                current=consultation.stage,
            )
            status = 409
        else:
            try:
                move_consultation_stage(consultation=consultation, stage=form.cleaned_data["stage"], user=user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Stage updated.")
                return redirect("consultation_detail", consultation.pk)
    context = _consultation_context(consultation, user, True, stage_form=form)
    return render(request, "consultations/consultation_detail.html", context, status=status)
