"""Web pages of clauses: a new article in an agreement, its corrections, history and deletion, tabling a new
version, and comparing two to four clauses side by side."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from bargaining.forms import (
    APPEND_ONLY,
    ClauseForm,
    NewClauseForm,
    TableVersionForm,
)
from bargaining.models import (
    Agreement,
    Clause,
    NegotiationSession,
)
from bargaining.redline import redline
from bargaining.services import add_clause, table_clause_version
from plumbing.forms import add_service_errors
from plumbing.pages import (
    delete_page,
    get_editable_or_403,
    get_visible_or_404,
    history_page,
    record_form_page,
)


@login_required
def clause_create(request, agreement_pk):
    user = request.user
    agreement = get_editable_or_403(Agreement.objects.select_related("bargaining_unit"), user, pk=agreement_pk)
    sessions = (
        NegotiationSession.objects.editable_by(user)
        .visible_to(user)
        .filter(bargaining_unit=agreement.bargaining_unit_id)
    )
    form = NewClauseForm(
        request.POST or None, agreement=agreement, sessions=sessions, initial={"visibility": agreement.visibility}
    )

    def save(form):
        return add_clause(agreement=agreement, user=user, first_version=form.first_version(), **form.clause_fields())

    return record_form_page(
        request,
        form,
        template="bargaining/clause_form.html",
        context={"agreement": agreement, "append_only": APPEND_ONLY},
        saved=_("Article added."),
        save=save,
    )


@login_required
def clause_edit(request, pk):
    clause = get_editable_or_403(Clause.objects.select_related("agreement"), request.user, pk=pk)
    return record_form_page(
        request,
        ClauseForm(request.POST or None, instance=clause),
        template="bargaining/clause_form.html",
        context={"agreement": clause.agreement, "clause": clause, "append_only": APPEND_ONLY},
        saved=_("Clause saved."),
    )


def clause_history(request, pk):
    return history_page(
        request,
        get_visible_or_404(Clause, request.user, pk=pk),
        context={"notice": _("The texts tabled for this clause are its lineage, on its page: they are never changed.")},
    )


@login_required
def clause_delete(request, pk):
    clause = get_editable_or_403(Clause, request.user, pk=pk)
    return delete_page(request, clause, gone_to=reverse("agreement_detail", args=[clause.agreement_id]))


@login_required
def clause_table(request, pk):
    """Table a new version of a clause, from its page: in a session it may be tabled in, or on a date of its own."""
    user = request.user
    clause = get_editable_or_403(Clause.objects.select_related("agreement"), user, pk=pk)
    sessions = NegotiationSession.objects.editable_by(user).visible_to(user).open_to(clause)
    latest = clause.latest_version
    form = TableVersionForm(request.POST or None, sessions=sessions, initial={"text": latest.text if latest else ""})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                version = table_clause_version(clause=clause, user=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Tabled version %(number)s of %(clause)s.") % {"number": version.number, "clause": clause},
                )
                return redirect(reverse("clause_detail", args=[clause.pk]) + "#redline")
    return render(
        request,
        "bargaining/clause_table_form.html",
        {"form": form, "clause": clause, "latest": latest, "append_only": APPEND_ONLY},
        status=status,
    )


# Negotiation sessions and their notes


MAX_COMPARED = 4


def clause_compare(request):
    """Two to four clauses side by side, each redlined word by word against the first, at an address that can be
    shared (`?ids=3&ids=8`). The clause library's selection (`?compare=3&compare=8`) opens at that address."""
    if "ids" not in request.GET and "compare" in request.GET:
        chosen = urlencode([("ids", value) for value in request.GET.getlist("compare")])
        return redirect(f"{reverse('clause_compare')}?{chosen}")
    raw = request.GET.getlist("ids")
    ids = list(dict.fromkeys(int(value) for value in raw if value.isdigit() and len(value) <= 18))
    if len(ids) != len(set(raw)) or not 2 <= len(ids) <= MAX_COMPARED:
        return render(
            request,
            "bargaining/clause_compare.html",
            {
                "error": _("Choose between 2 and %(most)s clauses to compare (you chose %(chosen)s).")
                % {"most": MAX_COMPARED, "chosen": len(set(raw))},
                # Back to the library with what was picked, to add or remove some.
                "library": urlencode([("compare", pk) for pk in ids]),
            },
            status=400,
        )
    found = {clause.pk: clause for clause in Clause.objects.visible_to(request.user).for_library().filter(pk__in=ids)}
    if len(found) != len(ids):
        # Whether a clause exists is itself confidential: the same answer for missing and forbidden.
        raise Http404("No such clause.")
    clauses = [found[pk] for pk in ids]
    first = clauses[0]
    columns = [
        {
            "clause": clause,
            "segments": _against(first, clause) if index else None,
            # The same clauses, redlined against this one instead.
            "as_base": _ids_query([clause.pk, *(pk for pk in ids if pk != clause.pk)]),
            "without": _ids_query([pk for pk in ids if pk != clause.pk]) if len(ids) > 2 else None,
        }
        for index, clause in enumerate(clauses)
    ]
    return render(
        request,
        "bargaining/clause_compare.html",
        {"clauses": clauses, "columns": columns, "first": first, "library": urlencode([("compare", pk) for pk in ids])},
    )


def _against(first, clause):
    """`clause`'s current text redlined against the first's; None where the words are the same."""
    segments = redline(first.current_text or "", clause.current_text or "")
    return None if all(segment.kind == "equal" for segment in segments) else segments


def _ids_query(ids) -> str:
    return urlencode([("ids", pk) for pk in ids])


# Employers and their AI training budgets (an employer's own page joins every app: policies/overview/)
