"""Web forms for sessions and clause versions."""

from django import forms
from django.core.exceptions import ValidationError

from bargaining.models import Clause, ClauseVersionStatus, NegotiationSession, TabledBy
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
