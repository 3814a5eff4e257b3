"""Web forms for sessions, clause versions, employers and their AI training budgets."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from bargaining.models import (
    BudgetSupport,
    Clause,
    ClauseVersionStatus,
    Employer,
    NegotiationSession,
    SupportLevel,
    TabledBy,
    TrainingBudget,
    Union,
    validate_school_year,
)
from plumbing.forms import DateInput, RecordForm, TextForm


class SessionForm(RecordForm):
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="The union side's notes. Kept internal: only officers and organisers read them.",
    )

    class Meta:
        model = NegotiationSession
        fields = ["held_on", "location", "attendees", "next_steps", "visibility"]
        widgets = {
            "held_on": DateInput(),
            "attendees": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, bargaining_unit, **kwargs):
        super().__init__(*args, **kwargs)
        # Validated against its unit here; written by bargaining.services.log_session.
        self.instance.bargaining_unit = bargaining_unit


class ClauseVersionForm(TextForm):
    clause = forms.ModelChoiceField(queryset=Clause.objects.none(), help_text="A clause of this unit's agreements.")
    tabled_by = forms.ChoiceField(choices=TabledBy.choices, initial=TabledBy.UNION)
    status = forms.ChoiceField(choices=ClauseVersionStatus.choices, initial=ClauseVersionStatus.PROPOSED)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), help_text="The full text as tabled.")

    def __init__(self, *args, clauses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = clauses
        self.fields["clause"].label_from_instance = lambda clause: f"{clause.agreement} — {clause}"

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise ValidationError("Enter the text of the clause as tabled.")
        return text


# Employers and their AI training budgets


class EmployerForm(RecordForm):
    class Meta:
        model = Employer
        fields = ["name", "slug", "kind", "region"]
        help_texts = {
            "slug": "A short name for addresses and filters, such as northview. Left empty, it is made from the name.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self):
        return self.cleaned_data["slug"] or slugify(self.data.get(self.add_prefix("name"), ""))[:80]


class TrainingBudgetForm(RecordForm):
    class Meta:
        model = TrainingBudget
        fields = ["employer", "school_year", "current", "proposed"]
        widgets = {
            "school_year": forms.TextInput(attrs={"placeholder": "2025-26", "inputmode": "numeric", "size": 7}),
            "current": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
            "proposed": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
        }

    def __init__(self, *args, employers, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A budget belongs to its district for good: a wrong district is a new budget there.
            del self.fields["employer"]
        else:
            self.fields["employer"].queryset = employers


class BudgetSupportForm(RecordForm):
    class Meta:
        model = BudgetSupport
        fields = ["union", "budget", "level", "note", "visibility"]
        widgets = {"level": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unions, budgets, **kwargs):
        super().__init__(*args, **kwargs)
        # One of the four levels, without a blank radio button to pick.
        self.fields["level"].choices = SupportLevel.choices
        if self.instance.pk:
            # Whose support it is, and for which budget, is what the record is: those do not change.
            del self.fields["union"]
            del self.fields["budget"]
            return
        self.fields["union"].queryset = unions
        self.fields["budget"].queryset = budgets.select_related("employer").order_by("employer__name", "-school_year")
        self.fields["budget"].label_from_instance = budget_label
        if len(unions) == 1:
            self.fields["union"].initial = unions[0].pk


def budget_label(budget) -> str:
    proposed = "nothing proposed" if budget.proposed is None else f"${budget.proposed:,.0f} proposed"
    return f"{budget.employer.name}, {budget.school_year}: ${budget.current:,.0f} now, {proposed}"


class BudgetComparisonForm(TextForm):
    """Which school year to compare, and for which of the reader's unions (members and support are its own)."""

    year = forms.CharField(label="School year", required=False, validators=[validate_school_year])
    union = forms.ModelChoiceField(
        queryset=Union.objects.none(), to_field_name="slug", required=False, label="Members and support of"
    )

    def __init__(self, *args, unions, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions
        self.fields["union"].empty_label = None
        self.fields["year"].widget = forms.Select(choices=[(year, year) for year in years])
