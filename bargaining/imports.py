"""Importing employers (with budgets), bargaining units, agreements and clauses (with their first version) from
spreadsheets, through the web forms and the services."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bargaining import columns
from bargaining.forms import AgreementForm, ClauseForm, EmployerForm, NewClauseForm, TrainingBudgetForm, UnitForm
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    NegotiationSession,
    TabledBy,
    TrainingBudget,
    Union,
)
from bargaining.services import add_clause
from plumbing.bilingual import choice_from_text
from plumbing.imports import ImportKind, cell_text, find_one
from plumbing.records import save_record


def _find_employer(values, user):
    employers = Employer.objects.visible_to(user)
    if values.get("Slug"):
        return find_one(employers, _("employer"), slug__iexact=values["Slug"])
    return find_one(employers, _("employer"), name__iexact=values["Name"])


def _budget(employer, values, user, reason):
    """The row's school-year budget, through the budget form: added, corrected or left as it is."""
    year = values.get("Budget school year", "")
    if not year:
        return []
    budget = TrainingBudget.objects.filter(employer=employer, school_year=year).first()
    before = (cell_text(budget.current), cell_text(budget.proposed)) if budget else None
    data = {
        "employer": employer.pk,
        "school_year": year,
        "current": values.get("Current AI training budget", ""),
        "proposed": values.get("Proposed AI training budget", ""),
    }
    form = TrainingBudgetForm(data, instance=budget, employers=Employer.objects.filter(pk=employer.pk))
    if not form.is_valid():
        by_field = {"current": "Current AI training budget", "proposed": "Proposed AI training budget"}
        raise ValidationError(
            {by_field.get(name, "Budget school year"): messages for name, messages in form.errors.items()}
        )
    if budget is not None and not set(form.changed_data) - {"read_version"}:
        return []
    form.instance._change_reason = reason
    save_record(form, user=user)
    after = (data["current"], data["proposed"])
    return [(f"AI training budget {year}", " → ".join(before) if before else "", " → ".join(after))]


EMPLOYERS = ImportKind(
    name="employers",
    columns=columns.EMPLOYERS,
    find=_find_employer,
    form=lambda data, instance, user, values: EmployerForm(data, instance=instance),
    after=_budget,
    example={
        "Name": "Northview School District",
        "Slug": "northview",
        "Kind": "School district",
        "Region": "North County",
        "Budget school year": "2025-26",
        "Current AI training budget": "10000",
        "Proposed AI training budget": "25000",
    },
)


def union_of_row(values, user):
    """The row's union, among those the importer is an officer of: another union's row is refused, never moved."""
    name = values.get("Union", "")
    union = find_one(Union.objects.editable_by(user), _("union"), name__iexact=name)
    if union is None:
        raise ValidationError(
            {
                "union": _("You are not an officer of “%(union)s”: rows for it are not yours to import.")
                % {"union": name}
            }
        )
    return union


def _job_group(text: str) -> str:
    """A job group's value, from its value or its label in either language."""
    value = choice_from_text(JobGroup.choices, text)
    return text if value is None else value


def _find_unit(values, user):
    return find_one(
        BargainingUnit.objects.filter(union=union_of_row(values, user)),
        _("bargaining unit"),
        employer__name__iexact=values["Employer"],
        job_group=_job_group(values["Job group"]),
    )


UNITS = ImportKind(
    name="units",
    columns=columns.UNITS,
    find=_find_unit,
    form=lambda data, instance, user, values: UnitForm(
        data, instance=instance, unions=Union.objects.editable_by(user), employers=Employer.objects.visible_to(user)
    ),
    example={
        "Union": "Northview Education Association",
        "Employer": "Northview School District",
        "Job group": "Teachers",
        "Name": "Northview teachers",
        "Member count": "420",
        "Visibility": "Members of the union",
    },
)


def _unit_named(values, user):
    unit = find_one(
        BargainingUnit.objects.editable_by(user), _("bargaining unit"), name__iexact=values.get("Bargaining unit", "")
    )
    if unit is None:
        raise ValidationError(
            {
                "bargaining_unit": _("No bargaining unit “%(unit)s” of a union you lead.")
                % {"unit": values.get("Bargaining unit", "")}
            }
        )
    return unit


AGREEMENTS = ImportKind(
    name="agreements",
    columns=columns.AGREEMENTS,
    find=lambda values, user: find_one(
        Agreement.objects.filter(bargaining_unit=_unit_named(values, user)),
        _("agreement"),
        title__iexact=values["Title"],
    ),
    form=lambda data, instance, user, values: AgreementForm(
        data, instance=instance, bargaining_unit=None if instance else _unit_named(values, user)
    ),
    example={
        "Union": "Northview Education Association",
        "Bargaining unit": "Northview teachers",
        "Title": "Northview teachers' agreement 2024-27",
        "Kind": "Collective agreement",
        "Term start": "2024-07-01",
        "Term end": "2027-06-30",
        "Status": "Ratified",
        "Reopener notice (days before expiry)": "90",
        "Visibility": "Members of the union",
    },
)


def _agreement_named(values, user):
    title = values.get("Agreement", "")
    agreement = find_one(Agreement.objects.editable_by(user), _("agreement"), title__iexact=title)
    if agreement is None:
        raise ValidationError({"agreement": _("No agreement “%(title)s” of a union you lead.") % {"title": title}})
    return agreement


def _clause_form(data, instance, user, values):
    if instance is not None:
        return ClauseForm(data, instance=instance)
    if data is not None:
        status = data.get("status") or ClauseVersionStatus.PROPOSED
        # The spreadsheet does not say who tabled the text: agreed text is both sides', a proposal the union's.
        agreed = status in (ClauseVersionStatus.TENTATIVELY_AGREED, ClauseVersionStatus.RATIFIED)
        data = {**data, "status": status, "tabled_by": TabledBy.JOINT if agreed else TabledBy.UNION}
    agreement = _agreement_named(values, user)
    return NewClauseForm(data, agreement=agreement, sessions=NegotiationSession.objects.none())


def _find_clause(values, user):
    agreement = _agreement_named(values, user)
    return find_one(Clause.objects.filter(agreement=agreement), _("clause"), article_number=values["Article"])


def _save_clause(form, user):
    """A new article and its first version through the one workflow (bargaining.services.add_clause)."""
    if form.instance.pk is not None:
        return save_record(form, user=user)
    return add_clause(
        agreement=form.instance.agreement, user=user, first_version=form.first_version(), **form.clause_fields()
    )


def _text_unchanged(clause, values, user, reason):
    current = Clause.objects.with_current().get(pk=clause.pk).current_text or ""
    if values.get("Current text", "") != current:
        raise ValidationError(
            {"text": _("The clause's text differs from its current version: table a new version on the clause's page.")}
        )
    return []


CLAUSES = ImportKind(
    name="clauses",
    columns=columns.CLAUSES,
    find=_find_clause,
    form=_clause_form,
    save=_save_clause,
    after=_text_unchanged,
    example={
        "Article": "14.3",
        "Title": "Use of AI tools",
        "Topic": "Workload",
        "Current status": "Ratified",
        "Agreement": "Northview teachers' agreement 2024-27",
        "Visibility": "Members of the union",
        "Current text": "No AI tool shall add to a teacher's workload without agreement.",
    },
)

KINDS = {kind.name: kind for kind in (EMPLOYERS, UNITS, AGREEMENTS, CLAUSES)}
