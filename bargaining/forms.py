"""Web forms for bargaining units, agreements, clauses, sessions and their notes, tabling clause versions,
employers and their AI training budgets."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersionStatus,
    Employer,
    NegotiationSession,
    SessionNote,
    SupportLevel,
    TabledBy,
    TrainingBudget,
    Union,
    validate_school_year,
)
from plumbing.forms import DateInput, RecordForm, TextForm, active_choices, preselect_only_choice

APPEND_ONLY = _(
    "Tabled versions are never changed: a correction is tabled as a new version, and the earlier ones stay in the "
    "clause's lineage."
)


def session_label(session) -> str:
    """A session as a picker names it: its date, and where it was held."""
    held_on = date_format(session.held_on, "j M Y")
    return f"{held_on} — {session.location}" if session.location else held_on


class UnitForm(RecordForm):
    class Meta:
        model = BargainingUnit
        fields = ["union", "employer", "job_group", "name", "member_count", "visibility"]
        help_texts = {"member_count": _("How many members the union has in this unit.")}

    def __init__(self, *args, unions, employers, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # A unit stays with the union that holds it.
            del self.fields["union"]
            self.fixed_fields = ("union",)
        else:
            self.fields["union"].queryset = unions
            preselect_only_choice(self.fields["union"])
        self.fields["employer"].queryset = active_choices(
            employers, self.instance.employer if self.instance.employer_id else None
        )


class AgreementForm(RecordForm):
    fixed_fields = ("bargaining_unit",)

    class Meta:
        model = Agreement
        fields = ["title", "kind", "status", "term_start", "term_end", "reopener_days", "visibility"]

    def __init__(self, *args, bargaining_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bargaining_unit is not None:
            self.instance.bargaining_unit = bargaining_unit


class ClauseForm(RecordForm):
    fixed_fields = ("agreement",)

    class Meta:
        model = Clause
        fields = ["article_number", "title", "topic", "visibility"]
        help_texts = {"topic": _("Where the clause library files it, and which model clause it is rated against.")}

    def __init__(self, *args, agreement=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agreement is not None:
            self.instance.agreement = agreement


class NewClauseForm(ClauseForm):
    """A new article, and (if its text is given) the first version tabled for it."""

    text = forms.CharField(
        label=_("First text tabled"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Leave empty to add the article now and table its text later."),
    )
    tabled_by = forms.ChoiceField(label=_("Tabled by"), choices=TabledBy.choices, initial=TabledBy.UNION)
    status = forms.ChoiceField(
        label=_("Status"), choices=ClauseVersionStatus.choices, initial=ClauseVersionStatus.PROPOSED
    )
    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=NegotiationSession.objects.none(),
        required=False,
        help_text=_("The session it was tabled in, if any."),
    )
    tabled_on = forms.DateField(
        label=_("Tabled on"),
        required=False,
        widget=DateInput(),
        help_text=_("Defaults to the session's date, or today."),
    )

    FIRST_VERSION = ("text", "tabled_by", "status", "session", "tabled_on")

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["session"].label_from_instance = session_label

    def first_version(self) -> dict | None:
        if not self.cleaned_data.get("text", "").strip():
            return None
        return {name: self.cleaned_data.get(name) for name in self.FIRST_VERSION}

    def clause_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ClauseForm.Meta.fields}


class SessionForm(RecordForm):
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("The union side's notes (Markdown). Kept internal: only officers and organisers read them."),
    )
    fixed_fields = ("bargaining_unit",)

    class Meta:
        model = NegotiationSession
        fields = ["held_on", "location", "attendees", "next_steps", "visibility"]
        widgets = {
            "held_on": DateInput(),
            "attendees": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, bargaining_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bargaining_unit is not None:
            # Validated against its unit here; written by bargaining.services.log_session.
            self.instance.bargaining_unit = bargaining_unit
        if self.instance.pk is not None:
            # Notes are records of their own, added and corrected on the session's page.
            del self.fields["notes"]


class NoteForm(RecordForm):
    fixed_fields = ("session",)

    class Meta:
        model = SessionNote
        fields = ["body", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        labels = {"body": _("Note")}
        help_texts = {
            "body": _("Markdown: *emphasis*, lists with -, links."),
            "visibility": _("Notes are usually internal."),
        }

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        if session is not None:
            self.instance.session = session


class ClauseVersionForm(TextForm):
    """Table a version in a session: the clause is chosen among those this session may take a version of."""

    clause = forms.ModelChoiceField(
        label=_("Clause"), queryset=Clause.objects.none(), help_text=_("A clause of this unit's agreements.")
    )
    tabled_by = forms.ChoiceField(label=_("Tabled by"), choices=TabledBy.choices, initial=TabledBy.UNION)
    status = forms.ChoiceField(
        label=_("Status"), choices=ClauseVersionStatus.choices, initial=ClauseVersionStatus.PROPOSED
    )
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), help_text=_("The full text as tabled.")
    )

    def __init__(self, *args, clauses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = clauses
        self.fields["clause"].label_from_instance = lambda clause: f"{clause.agreement} — {clause}"

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise ValidationError(gettext("Enter the text of the clause as tabled."))
        return text


# Employers and their AI training budgets


class EmployerForm(RecordForm):
    class Meta:
        model = Employer
        fields = ["name", "slug", "kind", "region"]
        help_texts = {
            "slug": _(
                "A short name for addresses and filters, such as northview. Left empty, it is made from the name."
            ),
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
            self.fields["employer"].queryset = active_choices(employers)


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
    amounts = {"employer": budget.employer.name, "school_year": budget.school_year, "current": f"{budget.current:,.0f}"}
    if budget.proposed is None:
        return gettext("%(employer)s, %(school_year)s: $%(current)s now, nothing proposed") % amounts
    return gettext("%(employer)s, %(school_year)s: $%(current)s now, $%(proposed)s proposed") % {
        **amounts,
        "proposed": f"{budget.proposed:,.0f}",
    }


class BudgetComparisonForm(TextForm):
    """Which school year to compare, and for which of the reader's unions (members and support are its own)."""

    year = forms.CharField(label=_("School year"), required=False, validators=[validate_school_year])
    union = forms.ModelChoiceField(
        queryset=Union.objects.none(), to_field_name="slug", required=False, label=_("Members and support of")
    )

    def __init__(self, *args, unions, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions
        self.fields["union"].empty_label = None
        self.fields["year"].widget = forms.Select(choices=[(year, year) for year in years])


class TableVersionForm(TextForm):
    """Table a new version of one clause: in one of the sessions it may be tabled in, or on a date of its own."""

    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=NegotiationSession.objects.none(),
        required=False,
        empty_label=_("Not in a negotiation session"),
        help_text=_("Only this unit's sessions held on or after the clause's latest version are offered."),
    )
    tabled_on = forms.DateField(
        label=_("Tabled on"),
        required=False,
        widget=DateInput(),
        help_text=_("Defaults to the session's date, or today."),
    )
    tabled_by = forms.ChoiceField(label=_("Tabled by"), choices=TabledBy.choices, initial=TabledBy.UNION)
    status = forms.ChoiceField(
        label=_("Status"), choices=ClauseVersionStatus.choices, initial=ClauseVersionStatus.PROPOSED
    )
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), help_text=_("The full text as tabled.")
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["session"].label_from_instance = session_label

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise ValidationError(gettext("Enter the text of the clause as tabled."))
        return text
