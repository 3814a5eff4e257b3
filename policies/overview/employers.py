"""An employer's page: one district's units, agreements, proposals, tools, consultations and positions, and its
AI training budget year by year, as the reader may see them.

Each section shows the most recent few, with how many there are and a link to the full list filtered to the
district. A constant number of queries: two per section, and five for the budgets and who may change them.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse

from bargaining.budgets import budget_years
from bargaining.models import Agreement, BargainingUnit, BudgetSupport, TrainingBudget, Union
from consultations.models import Consultation, EdTechTool, ProcurementProposal
from policies.models import Position

SECTION_SIZE = 5


@dataclass
class Section:
    rows: list
    total: int
    # The full list, filtered to the district.
    everything: str

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


def _section(queryset, list_name: str, **query) -> Section:
    return Section(
        rows=list(queryset[:SECTION_SIZE]),
        total=queryset.count(),
        everything=f"{reverse(list_name)}?{urlencode(query)}",
    )


def employer_sections(employer, user) -> dict[str, Section]:
    slug = employer.slug
    return {
        "units": _section(
            BargainingUnit.objects.visible_to(user)
            .filter(employer=employer)
            .select_related("union")
            .order_by("union__name", "job_group"),
            "unit_list",
            employer=slug,
        ),
        # Agreements are listed on their units' pages; their clauses in the library, filtered to the district.
        "agreements": _section(
            Agreement.objects.visible_to(user)
            .filter(bargaining_unit__employer=employer)
            .select_related("bargaining_unit__union")
            .order_by(F("term_start").desc(nulls_last=True), "title"),
            "clause_list",
            employer=slug,
        ),
        "proposals": _section(
            ProcurementProposal.objects.visible_to(user).filter(employer=employer).select_related("tool"),
            "proposal_list",
            employer=slug,
        ),
        "tools": _section(
            EdTechTool.objects.visible_to(user).filter(proposals__employer=employer).distinct().order_by("name"),
            "tool_list",
            employer=slug,
        ),
        "consultations": _section(
            Consultation.objects.visible_to(user)
            .filter(proposal__employer=employer)
            .select_related("union", "proposal__tool"),
            "consultation_list",
            employer=slug,
        ),
        "positions": _section(
            Position.objects.visible_to(user)
            .filter(proposal__employer=employer)
            .select_related("union", "proposal")
            .order_by("-updated_at"),
            "position_list",
            employer=slug,
        ),
    }


@dataclass
class BudgetLine:
    """One school year of the district's budget, with the support of the reader's unions and what they may do."""

    year: object  # bargaining.budgets.BudgetYear
    supports: list
    editable: bool
    # The reader's unions (they are its officers) that have not recorded their support for this budget yet.
    may_record_for: list


def employer_budgets(employer, user) -> list[BudgetLine]:
    """The district's budgets, newest first, each with the support of the unions the reader belongs to."""
    budgets = list(TrainingBudget.objects.visible_to(user).filter(employer=employer).order_by("school_year"))
    editable = set(TrainingBudget.objects.editable_by(user).filter(employer=employer).values_list("pk", flat=True))
    supports = defaultdict(list)
    for support in (
        BudgetSupport.objects.visible_to(user)
        .filter(budget__employer=employer, union__in=Union.objects.joined_by(user))
        .select_related("union")
        .order_by("union__name")
    ):
        support.editable = False
        supports[support.budget_id].append(support)
    editable_supports = set(
        BudgetSupport.objects.editable_by(user).filter(budget__employer=employer).values_list("pk", flat=True)
    )
    led = list(Union.objects.editable_by(user))
    lines = []
    for year in budget_years(budgets):
        recorded = supports[year.budget.pk]
        for support in recorded:
            support.editable = support.pk in editable_supports
        recorded_by = {support.union_id for support in recorded}
        lines.append(
            BudgetLine(
                year=year,
                supports=recorded,
                editable=year.budget.pk in editable,
                may_record_for=[union for union in led if union.pk not in recorded_by],
            )
        )
    return lines
