"""Web pages of bargaining: units, agreements, clauses, sessions and their notes, tabling clause versions,
comparing clauses, employers and their AI training budgets. Each record has its add, edit, history and delete
pages here.

The pages that join other apps (a unit's coverage against model clauses, the clause library with its
tools and consultations, rating a clause against the model clause, the dashboard) live in the layers above.
"""

import copy
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from bargaining.budgets import compare_budgets
from bargaining.filters import BargainingUnitFilter, EmployerFilter
from bargaining.forms import (
    APPEND_ONLY,
    AgreementForm,
    BudgetComparisonForm,
    BudgetSupportForm,
    ClauseForm,
    ClauseVersionForm,
    EmployerForm,
    NewClauseForm,
    NoteForm,
    SessionForm,
    TableVersionForm,
    TrainingBudgetForm,
    UnitForm,
)
from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersion,
    Employer,
    NegotiationSession,
    SessionNote,
    TrainingBudget,
    Union,
    current_school_year,
    validate_school_year,
)
from bargaining.redline import redline
from bargaining.services import add_clause, add_session_note, log_session, table_clause_version
from plumbing.forms import add_service_errors
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

ONLY_OFFICERS = "Only union officers may add bargaining records."

# Bargaining units


def unit_list(request):
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
        request, _unit_form(request), template="bargaining/unit_form.html", saved="Bargaining unit added."
    )


@login_required
def unit_edit(request, pk):
    unit = get_editable_or_403(BargainingUnit.objects.select_related("union"), request.user, pk=pk)
    return record_form_page(
        request,
        _unit_form(request, unit),
        template="bargaining/unit_form.html",
        context={"unit": unit},
        saved="Bargaining unit saved.",
    )


def unit_history(request, pk):
    return history_page(request, get_visible_or_404(BargainingUnit, request.user, pk=pk))


@login_required
def unit_delete(request, pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=pk)
    return delete_page(request, unit, gone_to=reverse("unit_list"))


# Agreements


def agreement_detail(request, pk):
    user = request.user
    agreement = get_visible_or_404(
        Agreement.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
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
        saved="Agreement added. Add its articles below.",
    )


@login_required
def agreement_edit(request, pk):
    agreement = get_editable_or_403(Agreement.objects.select_related("bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        AgreementForm(request.POST or None, instance=agreement),
        template="bargaining/agreement_form.html",
        context={"unit": agreement.bargaining_unit, "agreement": agreement},
        saved="Agreement saved.",
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
        saved="Article added.",
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
        saved="Clause saved.",
    )


def clause_history(request, pk):
    return history_page(
        request,
        get_visible_or_404(Clause, request.user, pk=pk),
        context={"notice": "The texts tabled for this clause are its lineage, on its page: they are never changed."},
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
                messages.success(request, f"Tabled version {version.number} of {clause}.")
                return redirect(reverse("clause_detail", args=[clause.pk]) + "#redline")
    return render(
        request,
        "bargaining/clause_table_form.html",
        {"form": form, "clause": clause, "latest": latest, "append_only": APPEND_ONLY},
        status=status,
    )


# Negotiation sessions and their notes


@login_required
def session_create(request, unit_pk):
    unit = get_editable_or_403(BargainingUnit, request.user, pk=unit_pk)
    form = SessionForm(request.POST or None, bargaining_unit=unit, initial={"visibility": unit.visibility})

    def save(form):
        fields = {name: value for name, value in form.cleaned_data.items() if name != "notes"}
        return log_session(bargaining_unit=unit, user=request.user, notes=form.cleaned_data["notes"], **fields)

    return record_form_page(
        request,
        form,
        template="bargaining/session_form.html",
        context={"unit": unit},
        saved="Session logged. Table the clause versions discussed in it below.",
        save=save,
    )


def session_detail(request, pk):
    user = request.user
    session = get_visible_or_404(
        NegotiationSession.objects.select_related("bargaining_unit__union", "bargaining_unit__employer"), user, pk=pk
    )
    versions = (
        ClauseVersion.objects.visible_to(user)
        .filter(session=session)
        .select_related("clause")
        .order_by("clause__article_key", "clause__pk", "number")
    )
    notes = SessionNote.objects.visible_to(user).filter(session=session).select_related("author")
    can_edit = may_edit(user, session)
    editable_notes = set(notes.editable_by(user).values_list("pk", flat=True)) if can_edit else set()
    clauses = _tableable_clauses(session, user) if can_edit else Clause.objects.none()
    return render(
        request,
        "bargaining/session_detail.html",
        {
            "session": session,
            "versions": versions,
            "notes": notes,
            "editable_notes": editable_notes,
            "can_edit": can_edit,
            "clauses": clauses,
        },
    )


def _tableable_clauses(session, user):
    return (
        Clause.objects.editable_by(user)
        .visible_to(user)
        .tableable_in(session)
        .select_related("agreement")
        .order_by("agreement__title", "article_key")
    )


@login_required
def session_edit(request, pk):
    session = get_editable_or_403(NegotiationSession.objects.select_related("bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        SessionForm(request.POST or None, instance=session),
        template="bargaining/session_form.html",
        context={"unit": session.bargaining_unit, "session": session},
        saved="Session saved.",
    )


def session_history(request, pk):
    # The notes are records of their own, with histories of their own: this one tells the session's fields.
    return history_page(request, get_visible_or_404(NegotiationSession, request.user, pk=pk))


@login_required
def session_delete(request, pk):
    session = get_editable_or_403(NegotiationSession, request.user, pk=pk)
    return delete_page(request, session, gone_to=reverse("unit_detail", args=[session.bargaining_unit_id]))


@login_required
def note_create(request, session_pk):
    user = request.user
    session = get_editable_or_403(NegotiationSession.objects.select_related("bargaining_unit"), user, pk=session_pk)
    form = NoteForm(request.POST or None, session=session)

    def save(form):
        return add_session_note(session=session, user=user, **form.cleaned_data)

    return record_form_page(
        request,
        form,
        template="bargaining/note_form.html",
        context={"session": session},
        saved="Note added.",
        save=save,
    )


@login_required
def note_edit(request, pk):
    note = get_editable_or_403(SessionNote.objects.select_related("session__bargaining_unit"), request.user, pk=pk)
    return record_form_page(
        request,
        NoteForm(request.POST or None, instance=note),
        template="bargaining/note_form.html",
        context={"session": note.session, "note": note},
        saved="Note saved.",
    )


def note_history(request, pk):
    return history_page(request, get_visible_or_404(SessionNote, request.user, pk=pk))


@login_required
def note_delete(request, pk):
    note = get_editable_or_403(SessionNote, request.user, pk=pk)
    return delete_page(request, note, gone_to=reverse("session_detail", args=[note.session_id]))


@login_required
def version_create(request, session_pk):
    """Table a clause version in a session; `?clause=` starts from that clause's current text."""
    user = request.user
    session = get_editable_or_403(NegotiationSession, user, pk=session_pk)
    clauses = _tableable_clauses(session, user)
    status = 200
    if request.method == "POST":
        status = 400
        form = ClauseVersionForm(request.POST, clauses=clauses)
        if form.is_valid():
            try:
                version = table_clause_version(session=session, user=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Tabled version {version.number} of {version.clause}.")
                return redirect(reverse("clause_detail", args=[version.clause_id]) + "#redline")
    else:
        initial = {}
        clause = (
            clauses.filter(pk=request.GET.get("clause")).first() if request.GET.get("clause", "").isdigit() else None
        )
        if clause is not None:
            latest = clause.latest_version
            initial = {"clause": clause, "text": latest.text if latest else ""}
        form = ClauseVersionForm(initial=initial, clauses=clauses)
    return render(
        request,
        "bargaining/version_form.html",
        {"form": form, "session": session, "append_only": APPEND_ONLY},
        status=status,
    )


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
                "error": f"Choose between 2 and {MAX_COMPARED} clauses to compare (you chose {len(set(raw))}).",
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

ONLY_OFFICERS = "Only union officers may record this."


@login_required
def employer_list(request):
    user = request.user
    units = BargainingUnit.objects.visible_to(user).filter(employer=OuterRef("pk")).order_by()
    employers = (
        Employer.objects.visible_to(user)
        .with_latest_budget()
        .annotate(
            unit_count=Coalesce(Subquery(units.values("employer").annotate(count=Count("pk")).values("count")), 0)
        )
    )
    context = filtered_page(
        request, EmployerFilter, employers, labels={"name": "Name contains"}, primary=["name", "kind", "region"]
    )
    context["can_add"] = Employer.objects.may_add(user)
    context["school_year"] = current_school_year()
    return render(request, "bargaining/employer_list.html", context)


@login_required
def employer_create(request):
    require_may_add(Employer, request.user, ONLY_OFFICERS)
    form = EmployerForm(_posted(request))
    return record_form_page(request, form, template="bargaining/employer_form.html", saved="Employer added.")


@login_required
def employer_edit(request, pk):
    employer = get_editable_or_403(Employer, request.user, pk=pk)
    # The page names the record as it was read, whatever the form is given.
    context = {"employer": copy.copy(employer)}
    form = EmployerForm(_posted(request), instance=employer)
    return record_form_page(
        request, form, template="bargaining/employer_form.html", context=context, saved="Employer saved."
    )


@login_required
def employer_history(request, pk):
    return history_page(request, get_visible_or_404(Employer, request.user, pk=pk))


@login_required
@require_POST
def employer_archive(request, pk):
    return archive_action(request, get_editable_or_403(Employer, request.user, pk=pk))


@login_required
def employer_delete(request, pk):
    return delete_page(request, get_editable_or_403(Employer, request.user, pk=pk), gone_to=reverse("employer_list"))


@login_required
def trainingbudget_create(request):
    """A district's budget for a school year; `?employer=` comes from the district's page."""
    user = request.user
    require_may_add(TrainingBudget, user, ONLY_OFFICERS)
    employers = Employer.objects.visible_to(user)
    initial = {"school_year": current_school_year()}
    if _digits(request.GET.get("employer")):
        initial["employer"] = employers.filter(pk=request.GET["employer"]).first()
    form = TrainingBudgetForm(_posted(request), initial=initial, employers=employers)
    return record_form_page(
        request, form, template="bargaining/trainingbudget_form.html", saved="AI training budget saved."
    )


@login_required
def trainingbudget_edit(request, pk):
    budget = get_editable_or_403(TrainingBudget.objects.select_related("employer"), request.user, pk=pk)
    context = {"budget": copy.copy(budget)}
    form = TrainingBudgetForm(_posted(request), instance=budget, employers=Employer.objects.none())
    return record_form_page(
        request,
        form,
        template="bargaining/trainingbudget_form.html",
        context=context,
        saved="AI training budget saved.",
    )


@login_required
def trainingbudget_history(request, pk):
    budget = get_visible_or_404(TrainingBudget.objects.select_related("employer"), request.user, pk=pk)
    return history_page(request, budget)


@login_required
def budgetsupport_create(request):
    """A union's support for a budget's proposed increase; `?budget=` comes from the district's page."""
    user = request.user
    require_may_add(BudgetSupport, user, "Only a union's officers may record its support.")
    budgets = TrainingBudget.objects.visible_to(user)
    initial = {"budget": request.GET["budget"]} if _digits(request.GET.get("budget")) else {}
    form = BudgetSupportForm(_posted(request), initial=initial, unions=Union.objects.editable_by(user), budgets=budgets)
    return record_form_page(
        request, form, template="bargaining/budgetsupport_form.html", saved="Your union's support is recorded."
    )


@login_required
def budgetsupport_edit(request, pk):
    support = get_editable_or_403(
        BudgetSupport.objects.select_related("union", "budget__employer"), request.user, pk=pk
    )
    context = {"support": copy.copy(support)}
    form = BudgetSupportForm(_posted(request), instance=support, unions=Union.objects.none(), budgets=None)
    return record_form_page(
        request,
        form,
        template="bargaining/budgetsupport_form.html",
        context=context,
        saved="Your union's support is saved.",
    )


@login_required
def budgetsupport_history(request, pk):
    support = get_visible_or_404(BudgetSupport.objects.select_related("union", "budget__employer"), request.user, pk=pk)
    return history_page(request, support)


@login_required
def budget_comparison(request):
    """The districts' AI training budgets for one school year (`?year=`, the current one by default), side by
    side, per member of one of the reader's unions (`?union=`), with its support; and how each budget moved."""
    user = request.user
    unions = Union.objects.joined_by(user)
    own = list(unions)
    default_year = current_school_year()
    recorded = TrainingBudget.objects.visible_to(user).values_list("school_year", flat=True).distinct()
    asked = request.GET.get("year") or default_year
    years = sorted({default_year, *recorded, *([asked] if _is_school_year(asked) else [])}, reverse=True)
    form = BudgetComparisonForm(request.GET or None, unions=unions, years=years)
    comparison, status = None, 200
    if not request.GET or form.is_valid():
        choice = form.cleaned_data if request.GET else {}
        union = choice.get("union") or (own[0] if own else None)
        comparison = compare_budgets(user=user, school_year=choice.get("year") or default_year, union=union)
    else:
        # Another union's slug is "not one of the available choices", like one that does not exist.
        status = 400
    context = {
        "form": form,
        "comparison": comparison,
        "chart": comparison.chart() if comparison else None,
        "choose_union": len(own) > 1,
    }
    return render(request, "bargaining/budget_comparison.html", context, status=status)


def _posted(request):
    return request.POST if request.method == "POST" else None


def _digits(value) -> bool:
    return bool(value) and value.isdigit() and len(value) <= 18


def _is_school_year(value: str) -> bool:
    try:
        validate_school_year(value)
    except ValidationError:
        return False
    return True
