"""Web pages of consultations: vendors, tools, procurement proposals, consultations and their timelines, with
their add, edit, history and delete pages.

The pages of a tool, a proposal and a consultation show positions too, so they live in policies
(policies/overview/); the forms and workflows they link to are here.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bargaining.models import Clause, Employer, Union
from consultations import columns
from consultations.filters import ConsultationFilter, EdTechToolFilter, ProcurementProposalFilter, VendorFilter
from consultations.forms import (
    ConsultationForm,
    EventEditForm,
    EventForm,
    ProposalForm,
    StageForm,
    ToolForm,
    VendorForm,
)
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal, Vendor
from consultations.services import add_consultation_event, edit_consultation, move_consultation_stage, record_proposal
from plumbing.export import export_format, export_list
from plumbing.forms import add_service_errors, refuse_stale_save
from plumbing.pages import (
    archive_action,
    delete_page,
    filtered_page,
    get_editable_or_403,
    get_visible_or_404,
    history_page,
    record_form_page,
    require_may_add,
)
from plumbing.records import may_edit, with_hidden_links

# Proposals, tools and vendors are shared reference records; consultations belong to a union. Officers of any
# union record them.
ONLY_OFFICERS = gettext_lazy("Only union officers may record this.")


# Vendors


@login_required
def vendor_list(request):
    if export_format(request):
        return export_list(request, VendorFilter, columns.VENDORS)
    context = filtered_page(
        request,
        VendorFilter,
        Vendor.objects.visible_to(request.user),
        labels={"name": _("Name contains")},
        primary=["name", "country", "archived"],
    )
    context["can_add"] = Vendor.objects.may_add(request.user)
    return render(request, "consultations/vendor_list.html", context)


@login_required
def vendor_detail(request, pk):
    vendor = get_visible_or_404(Vendor, request.user, pk=pk)
    return render(
        request,
        "consultations/vendor_detail.html",
        {
            "vendor": vendor,
            "tools": EdTechTool.objects.visible_to(request.user).filter(vendor=vendor),
            "can_edit": may_edit(request.user, vendor),
        },
    )


@login_required
def vendor_create(request):
    require_may_add(Vendor, request.user, ONLY_OFFICERS)
    return record_form_page(
        request, VendorForm(request.POST or None), template="consultations/vendor_form.html", saved=_("Vendor added.")
    )


@login_required
def vendor_edit(request, pk):
    vendor = get_editable_or_403(Vendor, request.user, pk=pk)
    return record_form_page(
        request,
        VendorForm(request.POST or None, instance=vendor),
        template="consultations/vendor_form.html",
        context={"vendor": vendor},
        saved=_("Vendor saved."),
    )


@login_required
def vendor_history(request, pk):
    return history_page(request, get_visible_or_404(Vendor, request.user, pk=pk))


@login_required
@require_POST
def vendor_archive(request, pk):
    return archive_action(request, get_editable_or_403(Vendor, request.user, pk=pk))


@login_required
def vendor_delete(request, pk):
    return delete_page(request, get_editable_or_403(Vendor, request.user, pk=pk), gone_to=reverse("vendor_list"))


# Tools (a tool's own page, with its timeline, is policies.overview's)


@login_required
def tool_list(request):
    if export_format(request):
        return export_list(request, EdTechToolFilter, columns.TOOLS)
    tools = EdTechTool.objects.visible_to(request.user).select_related("vendor")
    context = filtered_page(
        request,
        EdTechToolFilter,
        tools,
        labels={"search": _("Name contains"), "privacy_agreement_status": _("Privacy agreement")},
        primary=["search", "category", "vendor", "risk_rating", "privacy_agreement_status"],
    )
    context["can_add"] = EdTechTool.objects.may_add(request.user)
    return render(request, "consultations/tool_list.html", context)


def _tool_form(request, instance=None, initial=None):
    return ToolForm(
        request.POST or None, instance=instance, initial=initial, vendors=Vendor.objects.visible_to(request.user)
    )


@login_required
def tool_create(request):
    require_may_add(EdTechTool, request.user, ONLY_OFFICERS)
    vendor = request.GET.get("vendor", "")
    initial = {"vendor": vendor} if vendor.isdigit() and len(vendor) <= 18 else None
    return record_form_page(
        request, _tool_form(request, initial=initial), template="consultations/tool_form.html", saved=_("Tool added.")
    )


@login_required
def tool_edit(request, pk):
    tool = get_editable_or_403(EdTechTool, request.user, pk=pk)
    return record_form_page(
        request,
        _tool_form(request, tool),
        template="consultations/tool_form.html",
        context={"tool": tool},
        saved=_("Tool saved."),
    )


@login_required
def tool_history(request, pk):
    return history_page(request, get_visible_or_404(EdTechTool, request.user, pk=pk))


@login_required
@require_POST
def tool_archive(request, pk):
    return archive_action(request, get_editable_or_403(EdTechTool, request.user, pk=pk))


@login_required
def tool_delete(request, pk):
    return delete_page(request, get_editable_or_403(EdTechTool, request.user, pk=pk), gone_to=reverse("tool_list"))


# Procurement proposals (a proposal's page lists its positions too: policies.overview)


@login_required
def proposal_list(request):
    if export_format(request):
        return export_list(request, ProcurementProposalFilter, columns.PROPOSALS)
    proposals = ProcurementProposal.objects.visible_to(request.user).select_related("employer", "tool")
    context = filtered_page(
        request,
        ProcurementProposalFilter,
        proposals,
        labels={"tool": _("EdTech tool")},
        primary=["employer", "tool", "status"],
    )
    context["can_record"] = ProcurementProposal.objects.may_add(request.user)
    return render(request, "consultations/proposal_list.html", context)


def _proposal_page(request, *, instance=None, saved: str):
    user = request.user
    initial = {}
    tool = request.GET.get("tool", "")
    if instance is None and tool.isdigit() and len(tool) <= 18:
        initial["tool"] = tool
    form = ProposalForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        employers=Employer.objects.visible_to(user),
        tools=EdTechTool.objects.visible_to(user),
        vendors=Vendor.objects.visible_to(user),
    )

    def save(form):
        return record_proposal(
            proposal=form.save(commit=False),
            user=user,
            new_tool=form.new_tool(),
            read_version=form.cleaned_data.get("read_version"),
        )

    return record_form_page(
        request,
        form,
        template="consultations/proposal_form.html",
        context={"proposal": instance},
        saved=saved,
        save=save,
    )


@login_required
def proposal_create(request):
    require_may_add(ProcurementProposal, request.user, ONLY_OFFICERS)
    return _proposal_page(request, saved=_("Proposal recorded. Open your union's consultation on it below."))


@login_required
def proposal_edit(request, pk):
    proposal = get_editable_or_403(ProcurementProposal, request.user, pk=pk)
    return _proposal_page(request, instance=proposal, saved=_("Proposal saved."))


@login_required
def proposal_history(request, pk):
    return history_page(request, get_visible_or_404(ProcurementProposal, request.user, pk=pk))


@login_required
def proposal_delete(request, pk):
    proposal = get_editable_or_403(ProcurementProposal, request.user, pk=pk)
    return delete_page(request, proposal, gone_to=reverse("proposal_list"))


# Consultations (a consultation's page shows positions too: policies.overview)


def consultation_list(request):
    if export_format(request):
        return export_list(request, ConsultationFilter, columns.CONSULTATIONS)
    consultations = (
        Consultation.objects.visible_to(request.user)
        .with_due_date(request.user)
        .select_related("union", "proposal__employer", "proposal__tool")
    )
    context = filtered_page(
        request,
        ConsultationFilter,
        consultations,
        choice_related={"proposal": ["employer"]},
        labels={
            "tool": _("EdTech tool"),
            "deadline_after": _("Response due after"),
            "deadline_before": _("Response due before"),
        },
        primary=["union", "stage", "tool", "employer"],
    )
    context["can_add"] = Consultation.objects.may_add(request.user)
    return render(request, "consultations/consultation_list.html", context)


def _consultation_form(request, *, instance=None, initial=None):
    user = request.user
    unions = Union.objects.editable_by(user)
    clauses = Clause.objects.editable_by(user).visible_to(user)
    if instance is not None:
        clauses = clauses.filter(agreement__bargaining_unit__union=instance.union_id)
    return ConsultationForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        unions=unions,
        proposals=ProcurementProposal.objects.visible_to(user),
        clauses=clauses,
    )


@login_required
def consultation_create(request):
    require_may_add(Consultation, request.user, ONLY_OFFICERS)
    proposal = request.GET.get("proposal", "")
    initial = {"opened_on": datetime.date.today()}
    if proposal.isdigit() and len(proposal) <= 18:
        initial["proposal"] = proposal
    return record_form_page(
        request,
        _consultation_form(request, initial=initial),
        template="consultations/consultation_form.html",
        saved=_("Consultation opened. Add the employer's notice to its timeline."),
    )


@login_required
def consultation_edit(request, pk):
    user = request.user
    consultation = get_editable_or_403(Consultation.objects.select_related("union", "proposal"), user, pk=pk)
    form = _consultation_form(request, instance=consultation)

    def save(form):
        return edit_consultation(
            consultation=consultation,
            user=user,
            changes=form.changes(),
            resulting_clauses=with_hidden_links(
                consultation, "resulting_clauses", form.cleaned_data["resulting_clauses"], user
            ),
            read_version=form.cleaned_data.get("read_version"),
        )

    return record_form_page(
        request,
        form,
        template="consultations/consultation_form.html",
        context={"consultation": consultation},
        saved=_("Consultation saved. Any change of stage, deadline or visibility is on its timeline."),
        save=save,
    )


def consultation_history(request, pk):
    return history_page(request, get_visible_or_404(Consultation, request.user, pk=pk))


@login_required
def consultation_delete(request, pk):
    consultation = get_editable_or_403(Consultation, request.user, pk=pk)
    return delete_page(request, consultation, gone_to=reverse("consultation_list"))


@login_required
def stage_move(request, pk):
    """Move a consultation to its next stage (also offered on its page); the move goes on its timeline."""
    user = request.user
    consultation = get_editable_or_403(Consultation.objects.select_related("union", "proposal"), user, pk=pk)
    status = 200
    if request.method == "POST":
        form = StageForm(request.POST)
        status = 400
        if form.is_valid():
            if form.cleaned_data["current_stage"] != consultation.stage:
                # Another officer moved it since this page was loaded: do not silently overwrite their move.
                refuse_stale_save(
                    form,
                    _(
                        "Someone else has moved this consultation to “%(stage)s” since you opened the page. "
                        "Check the timeline, then choose the stage again."
                    )
                    % {"stage": consultation.get_stage_display()},
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
                    messages.success(request, _("Stage moved. The move is on the timeline."))
                    return redirect(consultation)
    else:
        form = StageForm(initial={"stage": consultation.stage, "current_stage": consultation.stage})
    return render(request, "consultations/stage_form.html", {"form": form, "consultation": consultation}, status=status)


# Timeline events


@login_required
def event_create(request, pk):
    """A new event on a consultation's timeline, the form pre-filled from the consultation."""
    user = request.user
    consultation = get_editable_or_403(Consultation.objects.select_related("union", "proposal"), user, pk=pk)
    initial = {"visibility": consultation.visibility, "occurred_on": datetime.date.today()}
    form = EventForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                event = add_consultation_event(consultation=consultation, user=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Event added to the timeline."))
                return redirect(event)
    return render(request, "consultations/event_form.html", {"form": form, "consultation": consultation}, status=status)


@login_required
def event_edit(request, pk):
    event = get_editable_or_403(
        ConsultationEvent.objects.select_related("consultation__union", "consultation__proposal"), request.user, pk=pk
    )
    return record_form_page(
        request,
        EventEditForm(request.POST or None, instance=event),
        template="consultations/event_form.html",
        context={"consultation": event.consultation, "event": event},
        saved=_("Event saved."),
    )


def event_history(request, pk):
    return history_page(request, get_visible_or_404(ConsultationEvent, request.user, pk=pk))


@login_required
def event_delete(request, pk):
    event = get_editable_or_403(ConsultationEvent, request.user, pk=pk)
    return delete_page(request, event, gone_to=reverse("consultation_detail", args=[event.consultation_id]))
