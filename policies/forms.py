"""Web forms for positions."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from bargaining.access import Visibility
from policies.models import Position, refuse_principles_of_other_unions

# The database holds 64-bit ids; a larger number must be "not a valid choice", not a database error.
LARGEST_ID = 2**63 - 1


class RecordsField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for key in value:
            try:
                out_of_range = abs(int(str(key))) > LARGEST_ID
            except ValueError:
                continue  # Django's own check names it as not a valid value.
            if out_of_range:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": key}
                )
        return super()._check_values(value)


class PositionForm(forms.ModelForm):
    # The version the officer started from; a save over a newer version is refused.
    version_token = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Position
        fields = ["union", "title", "proposal", "tool", "stance", "rationale", "conditions", "principles"]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 6}),
            "conditions": forms.Textarea(attrs={"rows": 5}),
            "principles": forms.CheckboxSelectMultiple,
        }
        help_texts = {"tool": "Choose a proposal, a tool, or both (the proposal's own tool)."}
        field_classes = {"principles": RecordsField}

    def __init__(self, *args, unions, proposals, tools, principles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions
        self.fields["proposal"].queryset = proposals.select_related("employer")
        self.fields["tool"].queryset = tools
        self.fields["principles"].queryset = principles.select_related("union")
        self.fields["principles"].label_from_instance = lambda p: f"{p.title} ({p.union.short_name})"
        if self.instance.pk:
            # The owning union does not change once a position exists.
            del self.fields["union"]
            self.fields["version_token"].initial = self.instance.version
            self.fields["version_token"].required = True

    def clean(self):
        cleaned = super().clean()
        union = cleaned.get("union") or (self.instance.union if self.instance.pk else None)
        try:
            refuse_principles_of_other_unions(union, cleaned.get("principles") or [])
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class PublishForm(forms.Form):
    visibility = forms.ChoiceField(choices=Visibility.choices, label="Who may read it")
    # As with edits: a change of visibility made over someone else's newer save is refused.
    version_token = forms.IntegerField(widget=forms.HiddenInput)


class StalePositionError(Exception):
    """Someone saved the position after this form was opened."""


def save_position_edit(form: PositionForm, *, user) -> Position:
    """Save an edit as the next version, unless another save got there first (then StalePositionError)."""
    with transaction.atomic():
        current = Position.objects.select_for_update().get(pk=form.instance.pk)
        if form.cleaned_data["version_token"] != current.version:
            raise StalePositionError
        position = form.save(commit=False)
        position.version = current.version + 1
        position._history_user = user
        position.save()
        form.save_m2m()
    return position
