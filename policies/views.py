"""Web pages of policies: positions (drafted, adopted, published), model clauses and principles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bargaining.models import StaleEditError, Union
from consultations.models import EdTechTool, ProcurementProposal
from plumbing.forms import add_service_errors, refuse_stale_save
from plumbing.history import visible_history
from plumbing.pages import filtered_page, get_editable_or_403, get_visible_or_404, require_may_add
from plumbing.records import may_edit, with_hidden_links
from policies.filters import ModelClauseFilter, PositionFilter, PrincipleFilter
from policies.forms import PositionForm, PublishForm
from policies.models import ModelClause, Position, Principle
from policies.services import adopt_position, edit_position, publish_position


def _position_form(request, *, instance=None, data=None):
    user = request.user
    return PositionForm(
        data,
        instance=instance,
        unions=Union.objects.editable_by(user),
        proposals=ProcurementProposal.objects.visible_to(user),
        tools=EdTechTool.objects.visible_to(user),
        principles=Principle.objects.visible_to(user).filter(union__in=Union.objects.editable_by(user)),
    )


# Positions


def position_list(request):
    positions = Position.objects.visible_to(request.user).select_related("union", "proposal__employer", "tool")
    context = filtered_page(
        request,
        PositionFilter,
        positions,
        choice_related={"proposal": ["employer"]},
        labels={"tool": "EdTech tool"},
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
    return {
        "position": position,
        "principles": position.principles.visible_to(user),
        "can_edit": can_edit,
        "history": visible_history(position, user),
        "publish_form": publish_form
        or PublishForm(initial={"visibility": position.visibility, "version_token": position.version}),
    }


@login_required
def position_create(request):
    require_may_add(Position, request.user, "Only union officers may draft a position.")
    form = _position_form(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        position = form.save(commit=False)
        position._history_user = request.user
        position.save()
        form.save_m2m()
        messages.success(request, "Draft saved. It stays internal until it is adopted and published.")
        return redirect("position_detail", position.pk)
    return render(request, "policies/position_form.html", {"form": form})


@login_required
def position_edit(request, pk):
    user = request.user
    position = get_editable_or_403(Position, user, pk=pk)
    form = _position_form(request, instance=position, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
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
                f"Someone else saved this position (now version {stale.current.version}) after you opened it. "
                "Your changes are below and have NOT been saved: compare them with the current position, "
                "then save again to replace it.",
                version_field="version_token",
                current=stale.current.version,
            )
            return render(request, "policies/position_form.html", {"form": form, "position": stale.current}, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Position saved.")
            return redirect("position_detail", position.pk)
    return render(request, "policies/position_form.html", {"form": form, "position": position})


@login_required
@require_POST
def position_adopt(request, pk):
    position = get_editable_or_403(Position, request.user, pk=pk)
    try:
        adopt_position(position=position, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Position adopted. Publish it to members or the public when ready.")
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
                f"Someone else saved this position (now version {position.version}) after you opened it. "
                "Check its current visibility below, then choose again.",
                version_field="version_token",
                current=position.version,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Visibility changed.")
            return redirect("position_detail", position.pk)
    context = _position_context(position, user, True, publish_form=form)
    return render(request, "policies/position_detail.html", context, status=400)


# Model clauses and principles


def modelclause_list(request):
    clauses = ModelClause.objects.visible_to(request.user).select_related("union", "topic")
    return render(request, "policies/modelclause_list.html", filtered_page(request, ModelClauseFilter, clauses))


def modelclause_detail(request, pk):
    user = request.user
    clause = get_visible_or_404(ModelClause.objects.with_playbook(user).select_related("union", "topic"), user, pk=pk)
    return render(
        request,
        "policies/modelclause_detail.html",
        {"clause": clause, "principles": clause.principles.visible_to(user)},
    )


def principle_list(request):
    principles = Principle.objects.visible_to(request.user).select_related("union")
    return render(request, "policies/principle_list.html", filtered_page(request, PrincipleFilter, principles))


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
        },
    )
