"""Web forms for positions."""

from django import forms

from bargaining.access import Visibility
from plumbing.forms import RecordForm, RecordsField, TextForm
from policies.models import Position


class PositionForm(RecordForm):
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

    def changes(self) -> dict:
        """The edited fields, for policies.services.edit_position (principles and the token apart)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("principles", "version_token", "read_version")
        }


class PublishForm(TextForm):
    visibility = forms.ChoiceField(choices=Visibility.choices, label="Who may read it")
    # As with edits: a change of visibility made over someone else's newer save is refused.
    version_token = forms.IntegerField(widget=forms.HiddenInput)
