"""Web forms for sessions and clause versions."""

from django import forms
from django.core.exceptions import ValidationError

from bargaining.access import Visibility
from bargaining.models import Clause, ClauseVersionStatus, NegotiationSession, SessionNote, TabledBy


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, or on the form as a whole."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class SessionForm(forms.ModelForm):
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
        self.instance.bargaining_unit = bargaining_unit

    def save_with_notes(self, *, user) -> NegotiationSession:
        session = self.save(commit=False)
        session.created_by = user
        session.save()
        if self.cleaned_data["notes"].strip():
            SessionNote.objects.create(
                session=session, body=self.cleaned_data["notes"], author=user, visibility=Visibility.INTERNAL
            )
        return session


class ClauseVersionForm(forms.Form):
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
