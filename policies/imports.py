"""Importing principles and model clauses from spreadsheets; the registry of every kind that can be imported.

The registry lives here, in the top domain layer, because it names the kinds of all three apps.
"""

from bargaining import imports as bargaining_imports
from bargaining.imports import union_of_row
from bargaining.models import Union
from consultations import imports as consultations_imports
from plumbing.imports import ImportKind, find_one
from policies import columns
from policies.forms import ModelClauseForm, PrincipleForm
from policies.models import ModelClause, Principle

PRINCIPLES = ImportKind(
    name="principles",
    columns=columns.PRINCIPLES,
    find=lambda values, user: find_one(
        Principle.objects.filter(union=union_of_row(values, user)), "principle", code__iexact=values["Code"]
    ),
    form=lambda data, instance, user, values: PrincipleForm(
        data, instance=instance, unions=Union.objects.editable_by(user)
    ),
    example={
        "Union": "Northview Education Association",
        "Code": "people-decide",
        "Title": "AI must not replace educators' professional judgement",
        "Statement": "Decisions about students are made by educators, never by software alone.",
        "Adopted on": "2024-05-01",
        "Visibility": "Public",
    },
)


def _model_clause_form(data, instance, user, values):
    unions = Union.objects.editable_by(user)
    principles = Principle.objects.visible_to(user).filter(union__in=unions)
    if instance is not None:
        principles = principles.filter(union=instance.union_id)
    return ModelClauseForm(data, instance=instance, unions=unions, principles=principles)


MODEL_CLAUSES = ImportKind(
    name="model-clauses",
    columns=columns.MODEL_CLAUSES,
    find=lambda values, user: find_one(
        ModelClause.objects.filter(union=union_of_row(values, user)),
        "model clause",
        topic__name__iexact=values["Topic"],
    ),
    form=_model_clause_form,
    example={
        "Union": "Northview Education Association",
        "Topic": "Workload",
        "Title": "Model clause on workload",
        "Preferred wording": "No AI tool shall add to an educator's workload without agreement.",
        "Fallback wording": "No AI tool shall add to an educator's workload without consultation.",
        "Walk-away wording": "At least thirty days' notice before any AI tool is introduced.",
        "Guidance": "Concede notice before consultation.",
        "Principles cited": "people-decide",
        "Visibility": "Members of the union",
    },
)

# In the order a union's record is best imported: what a row names must be there first.
KINDS = {
    **bargaining_imports.KINDS,
    **consultations_imports.KINDS,
    PRINCIPLES.name: PRINCIPLES,
    MODEL_CLAUSES.name: MODEL_CLAUSES,
}
