"""Web pages of bargaining units and their agreements: add, edit, history, archive and delete."""

import datetime

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bargaining import columns
from bargaining.filters import AgreementFilter, BargainingUnitFilter
from bargaining.forms import (
    AgreementForm,
    UnitForm,
)
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    Employer,
    Union,
)
from plumbing.export import export_format, export_list
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
from plumbing.records import may_edit

ONLY_OFFICERS = gettext_lazy("Only union officers may add bargaining records.")

# Bargaining units


def unit_list(request):
    if export_format(request):
        return export_list(request, BargainingUnitFilter, columns.UNITS)
    units = BargainingUnit.objects.visible_to(request.user).select_related("union", "employer")
    context = filtered_page(request, BargainingUnitFilter, units, primary=["union", "employer", "job_group"])
    context["can_add"] = BargainingUnit.objects.may_add(request.user)
    return render(request, "bargaining/unit_list.html", context)


def _unit_form(request, instance=None):
    user = request.user
    return UnitForm(
        request.POST or None,
        instance=instance,
        unions=Union.objects.editable_by(user),
        employers=Employer.objects.visible_to(user),
    )


@login_required
def unit_create(request):
    require_may_add(BargainingUnit, request.user, ONLY_OFFICERS)
    return record_form_page(
        request, _unit_form(request), template="bargaining/unit_form.html", saved=_("Bargaining unit added.")
    )


@login_required
def unit_edit(request, pk):
    unit = get_editable_or_403(BargainingUnit.objects.select_related("union"), request.user, pk=pk)
    return record_form_page(
        request,
        _unit_form(request, unit),
        template="bargaining/unit_form.html",
        context={"unit": unit},
        saved=_("Bargaining unit saved."),
    )


def unit_history(request, pk):
    return history_page(request, get_visible_or_404(BargainingUnit, request.user, pk=pk))


@login_required
def unit_delete(request, pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=pk)
    return delete_page(request, unit, gone_to=reverse("unit_list"))


# Agreements


def agreement_list(request):
    """Every agreement the reader may see; sorted by expiry, it says which expire or must be reopened soon."""
    if export_format(request):
        return export_list(request, AgreementFilter, columns.AGREEMENTS)
    agreements = (
        Agreement.objects.visible_to(request.user)
        .with_reopener_date()
        .select_related("bargaining_unit__union", "bargaining_unit__employer")
    )
    context = filtered_page(
        request,
        AgreementFilter,
        agreements,
        primary=["union", "employer", "status"],
        labels={
            "union": _("Union"),
            "employer": _("Employer"),
            "expires_after": _("Expires after"),
            "expires_before": _("Expires before"),
        },
    )
    context["today"] = datetime.date.today()
    return render(request, "bargaining/agreement_list.html", context)


def agreement_detail(request, pk):
    user = request.user
    agreement = get_visible_or_404(
        Agreement.objects.with_reopener_date().select_related("bargaining_unit__union", "bargaining_unit__employer"),
        user,
        pk=pk,
    )
    clauses = (
        Clause.objects.visible_to(user).filter(agreement=agreement).with_current().select_related("topic").by_article()
    )
    return render(
        request,
        "bargaining/agreement_detail.html",
        {"agreement": agreement, "clauses": clauses, "can_edit": may_edit(user, agreement)},
    )


@login_required
def agreement_create(request, unit_pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=unit_pk)
    form = AgreementForm(request.POST or None, bargaining_unit=unit, initial={"visibility": unit.visibility})
    return record_form_page(
        request,
        form,
        template="bargaining/agreement_form.html",
        context={"unit": unit},
        saved=_("Agreement added. Add its articles below."),
    )


@login_required
def agreement_edit(request, pk):
    agreement = get_editable_or_403(Agreement.objects.select_related("bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        AgreementForm(request.POST or None, instance=agreement),
        template="bargaining/agreement_form.html",
        context={"unit": agreement.bargaining_unit, "agreement": agreement},
        saved=_("Agreement saved."),
    )


def agreement_history(request, pk):
    return history_page(request, get_visible_or_404(Agreement, request.user, pk=pk))


@login_required
@require_POST
def agreement_archive(request, pk):
    return archive_action(request, get_editable_or_403(Agreement, request.user, pk=pk))


@login_required
def agreement_delete(request, pk):
    agreement = get_editable_or_403(Agreement, request.user, pk=pk)
    return delete_page(request, agreement, gone_to=reverse("unit_detail", args=[agreement.bargaining_unit_id]))


# Clauses (their pages with lineage and redline are the clause library's, in consultations)
