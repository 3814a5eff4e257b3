"""Web pages of policies: positions (drafted, adopted, published), model clauses and principles, with their add,
edit, history and delete pages; and rating a negotiated clause against the union's model clause."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bargaining.models import Clause, StaleEditError, Union
from consultations.models import Consultation, EdTechTool, ProcurementProposal
from plumbing.export import export_format, export_list
from plumbing.forms import add_service_errors, refuse_stale_save
from plumbing.history import visible_history
from plumbing.pages import (
    delete_page,
    filtered_page,
    get_editable_or_403,
    get_visible_or_404,
    history_page,
    record_form_page,
    require_may_add,
)
from plumbing.records import may_edit, with_hidden_links
from policies import columns
from policies.documents.position_paper import paper_audience_choices
from policies.filters import ModelClauseFilter, PositionFilter, PrincipleFilter
from policies.forms import ModelClauseForm, PositionForm, PrincipleForm, PublishForm, RatingForm
from policies.models import ModelClause, Position, Principle
from policies.services import adopt_position, edit_position, publish_position

ONLY_OFFICERS = gettext_lazy("Only union officers may add their union's policy.")


def _position_form(request, *, instance=None, data=None, initial=None):
    user = request.user
    return PositionForm(
        data,
        instance=instance,
        initial=initial,
        unions=Union.objects.editable_by(user),
        proposals=ProcurementProposal.objects.visible_to(user),
        tools=EdTechTool.objects.visible_to(user),
        principles=Principle.objects.visible_to(user).filter(union__in=Union.objects.editable_by(user)),
    )


# Positions


def position_list(request):
    if export_format(request):
        return export_list(request, PositionFilter, columns.POSITIONS)
    positions = Position.objects.visible_to(request.user).select_related("union", "proposal__employer", "tool")
    context = filtered_page(
        request,
        PositionFilter,
        positions,
        choice_related={"proposal": ["employer"]},
        labels={"tool": _("EdTech tool")},
        primary=["union", "stance", "status", "tool"],
    )
    context["can_draft"] = Position.objects.may_add(request.user)
    return render(request, "policies/position_list.html", context)


def position_detail(request, pk):
    user = request.user
    position = get_visible_or_404(
        Position.objects.select_related("union", "proposal__employer", "proposal__tool", "tool", "adopted_by"),
        user,
        pk=pk,
    )
    can_edit = may_edit(user, position)
    return render(request, "policies/position_detail.html", _position_context(position, user, can_edit))


def _position_context(position, user, can_edit, *, publish_form=None):
    # The union's consultation on the proposal, or on any proposal of the tool for a position on the tool.
    about = Q(proposal=position.proposal_id) if position.proposal_id else Q(proposal__tool=position.tool_id)
    return {
        "position": position,
        "principles": position.principles.visible_to(user),
        "consultations": Consultation.objects.visible_to(user)
        .filter(about, union=position.union_id)
        .select_related("proposal__employer"),
        "can_edit": can_edit,
        "paper_audiences": paper_audience_choices(position=position, printer=user),
        "history": visible_history(position, user),
        "publish_form": publish_form
        or PublishForm(initial={"visibility": position.visibility, "version_token": position.version}),
    }


@login_required
def position_create(request):
    require_may_add(Position, request.user, _("Only union officers may draft a position."))
    initial = {
        name: request.GET[name]
        for name in ("proposal", "tool")
        if request.GET.get(name, "").isdigit() and len(request.GET[name]) <= 18
    }
    form = _position_form(request, data=request.POST or None, initial=initial)
    return record_form_page(
        request,
        form,
        template="policies/position_form.html",
        saved=_("Draft saved. It stays internal until it is adopted and published."),
    )


@login_required
def position_edit(request, pk):
    user = request.user
    position = get_editable_or_403(Position, user, pk=pk)
    form = _position_form(request, instance=position, data=request.POST or None)
    context, status = {"form": form, "position": position}, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                edit_position(
                    position=position,
                    user=user,
                    changes=form.changes(),
                    principles=with_hidden_links(position, "principles", form.cleaned_data["principles"], user),
                    expected_version=form.cleaned_data["version_token"],
                )
            except StaleEditError as stale:
                refuse_stale_save(
                    form,
                    _(
                        "Someone else saved this position (now version %(version)s) after you opened it. "
                        "Your changes are below and have NOT been saved: compare them with the current position, "
                        "then save again to replace it."
                    )
                    % {"version": stale.current.version},
                    version_field="version_token",
                    current=stale.current.version,
                )
                context.update(position=stale.current, meanwhile=visible_history(stale.current, user, limit=3))
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Position saved."))
                return redirect("position_detail", position.pk)
    return render(request, "policies/position_form.html", context, status=status)


def position_history(request, pk):
    return history_page(request, get_visible_or_404(Position, request.user, pk=pk))


@login_required
def position_delete(request, pk):
    position = get_editable_or_403(Position, request.user, pk=pk)
    return delete_page(request, position, gone_to=reverse("position_list"))


@login_required
@require_POST
def position_adopt(request, pk):
    position = get_editable_or_403(Position, request.user, pk=pk)
    try:
        adopt_position(position=position, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Position adopted. Publish it to members or the public when ready."))
    return redirect("position_detail", position.pk)


@login_required
@require_POST
def position_publish(request, pk):
    user = request.user
    position = get_editable_or_403(Position, user, pk=pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            publish_position(
                position=position,
                visibility=form.cleaned_data["visibility"],
                user=user,
                expected_version=form.cleaned_data["version_token"],
            )
        except StaleEditError as stale:
            position = stale.current
            refuse_stale_save(
                form,
                _(
                    "Someone else saved this position (now version %(version)s) after you opened it. "
                    "Check its current visibility below, then choose again."
                )
                % {"version": position.version},
                version_field="version_token",
                current=position.version,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Visibility changed."))
            return redirect("position_detail", position.pk)
    context = _position_context(position, user, True, publish_form=form)
    return render(request, "policies/position_detail.html", context, status=400)


# Model clauses and principles


def modelclause_list(request):
    if export_format(request):
        return export_list(request, ModelClauseFilter, columns.MODEL_CLAUSES)
    clauses = ModelClause.objects.visible_to(request.user).select_related("union", "topic")
    context = filtered_page(request, ModelClauseFilter, clauses)
    context["can_add"] = ModelClause.objects.may_add(request.user)
    return render(request, "policies/modelclause_list.html", context)


def modelclause_detail(request, pk):
    user = request.user
    clause = get_visible_or_404(ModelClause.objects.with_playbook(user).select_related("union", "topic"), user, pk=pk)
    return render(
        request,
        "policies/modelclause_detail.html",
        {"clause": clause, "principles": clause.principles.visible_to(user), "can_edit": may_edit(user, clause)},
    )


def _modelclause_form(request, instance=None):
    user = request.user
    unions = Union.objects.editable_by(user)
    principles = Principle.objects.visible_to(user).filter(union__in=unions)
    return ModelClauseForm(
        request.POST or None,
        instance=instance,
        unions=unions,
        principles=principles.filter(union=instance.union_id) if instance else principles,
    )


@login_required
def modelclause_create(request):
    require_may_add(ModelClause, request.user, ONLY_OFFICERS)
    return record_form_page(
        request,
        _modelclause_form(request),
        template="policies/modelclause_form.html",
        saved=_("Model clause added."),
    )


@login_required
def modelclause_edit(request, pk):
    clause = get_editable_or_403(ModelClause.objects.select_related("union", "topic"), request.user, pk=pk)
    return record_form_page(
        request,
        _modelclause_form(request, clause),
        template="policies/modelclause_form.html",
        context={"clause": clause},
        saved=_("Model clause saved."),
    )


def modelclause_history(request, pk):
    user = request.user
    clause = get_visible_or_404(ModelClause.objects.with_playbook(user), user, pk=pk)
    # The walk-away wording and guidance, and every change to them, are for the union's leadership only.
    hidden = () if clause.show_playbook else ModelClause.PLAYBOOK_FIELDS
    return history_page(request, clause, hidden_fields=hidden)


@login_required
def modelclause_delete(request, pk):
    clause = get_editable_or_403(ModelClause, request.user, pk=pk)
    return delete_page(request, clause, gone_to=reverse("modelclause_list"))


def principle_list(request):
    if export_format(request):
        return export_list(request, PrincipleFilter, columns.PRINCIPLES)
    principles = Principle.objects.visible_to(request.user).select_related("union")
    context = filtered_page(request, PrincipleFilter, principles)
    context["can_add"] = Principle.objects.may_add(request.user)
    return render(request, "policies/principle_list.html", context)


def principle_detail(request, pk):
    user = request.user
    principle = get_visible_or_404(Principle.objects.select_related("union"), user, pk=pk)
    return render(
        request,
        "policies/principle_detail.html",
        {
            "principle": principle,
            "positions": principle.positions.visible_to(user).select_related("union"),
            "model_clauses": principle.model_clauses.visible_to(user).select_related("topic"),
            "can_edit": may_edit(user, principle),
        },
    )


@login_required
def principle_create(request):
    require_may_add(Principle, request.user, ONLY_OFFICERS)
    form = PrincipleForm(request.POST or None, unions=Union.objects.editable_by(request.user))
    return record_form_page(request, form, template="policies/principle_form.html", saved=_("Principle added."))


@login_required
def principle_edit(request, pk):
    principle = get_editable_or_403(Principle.objects.select_related("union"), request.user, pk=pk)
    form = PrincipleForm(request.POST or None, instance=principle, unions=Union.objects.none())
    return record_form_page(
        request,
        form,
        template="policies/principle_form.html",
        context={"principle": principle},
        saved=_("Principle saved."),
    )


def principle_history(request, pk):
    return history_page(request, get_visible_or_404(Principle, request.user, pk=pk))


@login_required
def principle_delete(request, pk):
    principle = get_editable_or_403(Principle, request.user, pk=pk)
    return delete_page(request, principle, gone_to=reverse("principle_list"))


# Rating a negotiated clause against the union's model clause


@login_required
def clause_rate(request, pk):
    """The clause's current text beside the union's model clause on its topic, and the rating to give it.

    The walk-away wording is shown only to the union's leadership (ModelClauseQuerySet.with_playbook).
    """
    user = request.user
    clause = get_editable_or_403(
        Clause.objects.with_current().select_related("topic", "agreement__bargaining_unit__union"), user, pk=pk
    )
    union = clause.agreement.bargaining_unit.union
    model_clause = (
        ModelClause.objects.visible_to(user).with_playbook(user).filter(union=union, topic=clause.topic_id).first()
    )
    context = {
        "clause": clause,
        "model_clause": model_clause,
        "topic": clause.topic,
        "can_add_model": ModelClause.objects.may_add(user),
    }
    return record_form_page(
        request,
        RatingForm(request.POST or None, instance=clause),
        template="policies/clause_rate.html",
        context=context,
        saved=_("Rating saved."),
    )
