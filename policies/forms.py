"""Web forms for positions, principles, model clauses, and rating a negotiated clause against the model clause."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bargaining.access import Visibility
from bargaining.models import Clause
from plumbing.forms import RecordForm, RecordsField, TextForm, preselect_only_choice
from policies.models import ModelClause, Position, Principle

# Beside each text a union in Wales keeps in both languages.
WELSH_HELP = _("Optional. Readers who use Caucus in Welsh see this; without it they see the English, with a note.")


class PositionForm(RecordForm):
    # The version the officer started from; a save over a newer version is refused.
    version_token = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Position
        fields = [
            "union",
            "title",
            "title_cy",
            "proposal",
            "tool",
            "stance",
            "rationale",
            "rationale_cy",
            "conditions",
            "principles",
        ]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 6}),
            "rationale_cy": forms.Textarea(attrs={"rows": 6, "lang": "cy"}),
            "title_cy": forms.TextInput(attrs={"lang": "cy"}),
            "conditions": forms.Textarea(attrs={"rows": 5}),
            "principles": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "tool": _("Choose a proposal, a tool, or both (the proposal's own tool)."),
            "rationale": _("Markdown: *emphasis*, **strong**, lists with -, links."),
            "title_cy": WELSH_HELP,
            "rationale_cy": WELSH_HELP,
        }
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
        else:
            preselect_only_choice(self.fields["union"])

    def changes(self) -> dict:
        """The edited fields, for policies.services.edit_position (principles and the token apart)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("principles", "version_token", "read_version")
        }


class PublishForm(TextForm):
    visibility = forms.ChoiceField(choices=Visibility.choices, label=_("Who may read it"))
    # As with edits: a change of visibility made over someone else's newer save is refused.
    version_token = forms.IntegerField(widget=forms.HiddenInput)


class OwnedByUnionForm(RecordForm):
    """A record of one union: chosen when it is made (preselected for an officer of one union), fixed after."""

    def __init__(self, *args, unions, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            del self.fields["union"]
            self.fixed_fields = ("union",)
        else:
            self.fields["union"].queryset = unions
            preselect_only_choice(self.fields["union"])


class PrincipleForm(OwnedByUnionForm):
    class Meta:
        model = Principle
        fields = ["union", "code", "title", "title_cy", "statement", "statement_cy", "adopted_on", "visibility"]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 4}),
            "statement_cy": forms.Textarea(attrs={"rows": 4, "lang": "cy"}),
            "title_cy": forms.TextInput(attrs={"lang": "cy"}),
        }
        help_texts = {
            "code": _("A short name that stays, for example people-decide."),
            "title_cy": WELSH_HELP,
            "statement_cy": WELSH_HELP,
        }


class ModelClauseForm(OwnedByUnionForm):
    class Meta:
        model = ModelClause
        fields = [
            "union",
            "topic",
            "title",
            "title_cy",
            "preferred_text",
            "preferred_text_cy",
            "fallback_text",
            "fallback_text_cy",
            "walk_away_text",
            "guidance",
            "principles",
            "visibility",
        ]
        widgets = {
            "title_cy": forms.TextInput(attrs={"lang": "cy"}),
            "preferred_text": forms.Textarea(attrs={"rows": 5}),
            "preferred_text_cy": forms.Textarea(attrs={"rows": 5, "lang": "cy"}),
            "fallback_text": forms.Textarea(attrs={"rows": 5}),
            "fallback_text_cy": forms.Textarea(attrs={"rows": 5, "lang": "cy"}),
            "walk_away_text": forms.Textarea(attrs={"rows": 4}),
            "guidance": forms.Textarea(attrs={"rows": 4}),
            "principles": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "walk_away_text": _("The least the union will accept. Only the union's officers and organisers read it."),
            "guidance": _("Notes for negotiators (Markdown). Only the union's officers and organisers read them."),
            "title_cy": WELSH_HELP,
            "preferred_text_cy": WELSH_HELP,
            "fallback_text_cy": WELSH_HELP,
        }
        field_classes = {"principles": RecordsField}

    def __init__(self, *args, principles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principles"].queryset = principles.select_related("union")
        self.fields["principles"].label_from_instance = lambda p: f"{p.title} ({p.union.short_name})"


class RatingForm(RecordForm):
    """An officer's rating of a negotiated clause against the union's model clause on its topic."""

    class Meta:
        model = Clause
        fields = ["model_rating"]
        widgets = {"model_rating": forms.RadioSelect}
        labels = {"model_rating": _("How the clause's current text compares with the model clause")}
