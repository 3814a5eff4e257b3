"""Districts' AI training budgets compared: one school year across districts, in total and per member of one
union's units there, with that union's support for each proposed increase; and how each budget moved.

Four queries whatever the number of districts and years: the districts, their budgets, the union's members
by district, its support. Everything is read as `user` may see it.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from bargaining.models import BargainingUnit, BudgetSupport, Employer, TrainingBudget, Union
from plumbing.charts import BarChart, Series, horizontal_bar_chart
from plumbing.money import dollars, short_dollars

CURRENT_COLOUR = "#6b6b80"
PROPOSED_COLOUR = "#8a1c2b"


def _per_member(amount: Decimal | None, members: int | None) -> Decimal | None:
    if amount is None or not members:
        return None
    return (amount / members).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class BudgetYear:
    """One school year of a district's budget, and how its current amount moved from the year before."""

    budget: TrainingBudget
    change: Decimal | None  # None for the first year on record


@dataclass
class DistrictBudgets:
    """One district in the comparison: its budget for the year, the union's members and support there."""

    employer: Employer
    budget: TrainingBudget | None
    # Members of the union's units there that the reader may see; None when there are none.
    members: int | None
    support: BudgetSupport | None
    years: list[BudgetYear] = field(default_factory=list)

    @property
    def current(self):
        return self.budget.current if self.budget else None

    @property
    def proposed(self):
        return self.budget.proposed if self.budget else None

    @property
    def increase(self):
        return self.budget.increase if self.budget else None

    @property
    def current_per_member(self):
        return _per_member(self.current, self.members)

    @property
    def proposed_per_member(self):
        return _per_member(self.proposed, self.members)

    @property
    def increase_per_member(self):
        return _per_member(self.increase, self.members)


@dataclass
class BudgetComparison:
    school_year: str
    union: Union | None
    districts: list[DistrictBudgets]
    # Every school year with a budget on record, newest first, for choosing another.
    years: list[str]

    @property
    def with_budget(self) -> list[DistrictBudgets]:
        return [district for district in self.districts if district.budget is not None]

    def chart(self) -> BarChart:
        """The year's current and proposed budgets by district, as a bar chart."""
        year = {"school_year": self.school_year}
        current = Series(_("Current budget %(school_year)s") % year, CURRENT_COLOUR)
        proposed = Series(_("Proposed for %(school_year)s") % year, PROPOSED_COLOUR)
        shown = self.with_budget
        summary = "; ".join(_district_summary(district) for district in shown)
        return horizontal_bar_chart(
            title=_("AI training budgets by district, %(school_year)s") % year,
            summary=_("Bar chart of AI training budgets, %(school_year)s.") % year
            + " "
            + (summary or _("No budgets recorded for this year.")),
            series=[current, proposed],
            groups=[(district.employer.name, [district.current, district.proposed]) for district in shown],
            value_text=lambda series, value: _bar_text(series is current, value),
            tick_text=short_dollars,
        )


def _district_summary(district: DistrictBudgets) -> str:
    amounts = {"employer": district.employer.name, "current": dollars(district.current)}
    if district.proposed is None:
        return _("%(employer)s: %(current)s now, nothing proposed") % amounts
    return _("%(employer)s: %(current)s now, %(proposed)s proposed") % {
        **amounts,
        "proposed": dollars(district.proposed),
    }


def _bar_text(is_current: bool, value) -> str:
    if value is None:
        return _("nothing proposed")
    # Translators: beside a bar of the chart: "$10,000 now" (the current budget) or "$25,000 proposed".
    return (_("%(amount)s now") if is_current else _("%(amount)s proposed")) % {"amount": dollars(value)}


def compare_budgets(
    *, user, school_year: str, union: Union | None = None, employers: Iterable[Employer] | None = None
) -> BudgetComparison:
    """The districts' budgets for `school_year` (every district `user` may see, or `employers`), each with its
    history, and the members and support of `union` there as `user` may see them."""
    if employers is None:
        employers = Employer.objects.visible_to(user)
    employers = list(employers)
    ids = [employer.pk for employer in employers]
    history = defaultdict(list)
    for budget in TrainingBudget.objects.visible_to(user).filter(employer__in=ids).order_by("school_year"):
        history[budget.employer_id].append(budget)
    members, supports = {}, {}
    if union is not None:
        members = dict(
            BargainingUnit.objects.visible_to(user)
            .filter(union=union, employer__in=ids)
            .order_by()
            .values_list("employer")
            .annotate(total=Sum("member_count"))
        )
        supports = {
            support.budget.employer_id: support
            for support in BudgetSupport.objects.visible_to(user)
            .filter(union=union, budget__school_year=school_year, budget__employer__in=ids)
            .select_related("budget")
        }
    districts = []
    for employer in employers:
        budgets = history[employer.pk]
        districts.append(
            DistrictBudgets(
                employer=employer,
                budget=next((budget for budget in budgets if budget.school_year == school_year), None),
                members=members.get(employer.pk),
                support=supports.get(employer.pk),
                years=budget_years(budgets),
            )
        )
    years = sorted({budget.school_year for budgets in history.values() for budget in budgets}, reverse=True)
    return BudgetComparison(school_year=school_year, union=union, districts=districts, years=years)


def budget_years(budgets: list[TrainingBudget]) -> list[BudgetYear]:
    """One district's budgets (oldest first) as years newest first, each with the change of its current amount
    from the year on record before it."""
    years, previous = [], None
    for budget in budgets:
        years.append(BudgetYear(budget=budget, change=None if previous is None else budget.current - previous.current))
        previous = budget
    return years[::-1]
