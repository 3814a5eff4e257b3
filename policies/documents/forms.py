"""The documents' forms: the pack builder, the information-request letter and its questions, the members' report."""

from dataclasses import asdict

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bargaining.models import BargainingUnit, Employer, PaperSize, Topic, Union
from consultations.models import EdTechTool
from plumbing.forms import TextForm
from policies.documents.briefing_pack import MAX_LINEAGES
from policies.documents.information_request import Letter
from policies.documents.language import language_choices
from policies.models import Audience, PackSection

# Pages link to the builder with `?subject=unit:12`.
SUBJECT_KINDS = {"unit": BargainingUnit, "employer": Employer, "tool": EdTechTool}


class BriefingPackForm(forms.Form):
    subject = forms.ChoiceField(label=_("Subject"), help_text=_("A bargaining unit, an employer or a tool."))
    sections = forms.MultipleChoiceField(
        label=_("Sections"),
        choices=PackSection.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=PackSection.values,
        error_messages={"required": _("Choose at least one section.")},
    )
    union = forms.ModelChoiceField(
        queryset=None, empty_label=None, label=_("Union"), help_text=_("Whose colours and paper to print in.")
    )
    audience = forms.ChoiceField(
        choices=[("", _("The widest the subject allows")), *Audience.choices],
        required=False,
        label=_("Print for"),
        help_text=_("Walk-away wording, guidance and internal records are only in the leadership's copy."),
    )
    paper_size = forms.ChoiceField(
        choices=[("", _("The union's usual paper")), *PaperSize.choices], required=False, label=_("Paper")
    )
    language = forms.ChoiceField(
        choices=language_choices,
        required=False,
        label=_("Language"),
        help_text=_("Bilingual packs print the whole pack in Welsh, then in English."),
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Only these topics"),
        help_text=_("For the coverage matrix and the clause lineages. None ticked: every topic."),
    )
    units = forms.ModelMultipleChoiceField(
        queryset=BargainingUnit.objects.none(),
        required=False,
        label=_("Only these bargaining units"),
        help_text=format_lazy(
            _(
                "For an employer's or a tool's pack: the units whose coverage and lineages to print (hold Ctrl, or ⌘ "
                "on a Mac, to choose several). None chosen: every unit (a pack prints at most {max_lineages} "
                "lineages, and summarises beyond)."
            ),
            max_lineages=MAX_LINEAGES,
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["units"].queryset = BargainingUnit.objects.visible_to(user).select_related("union")
        self.fields["units"].widget.attrs["size"] = 6
        # The unions `user` leads (officer or organiser); staff, every union.
        self.fields["union"].queryset = Union.objects.led_by(user)
        self.fields["subject"].choices = [
            ("", _("Choose…")),
            (_("Bargaining units"), self._options("unit", BargainingUnit.objects.select_related("union"))),
            (_("Employers"), self._options("employer", Employer.objects.all())),
            (_("EdTech tools"), self._options("tool", EdTechTool.objects.all())),
        ]

    def _options(self, kind, queryset):
        return [(f"{kind}:{row.pk}", str(row)) for row in queryset.visible_to(self.user)]

    def clean_subject(self):
        kind, _colon, pk = self.cleaned_data["subject"].partition(":")
        model = SUBJECT_KINDS.get(kind)
        subject = model.objects.visible_to(self.user).filter(pk=pk).first() if model and pk.isdigit() else None
        if subject is None:
            raise forms.ValidationError(_("Choose a bargaining unit, an employer or a tool from the list."))
        return subject


class InformationRequestForm(TextForm):
    """The letter's parts, prefilled from the union's template; the officer edits them before printing."""

    introduction = forms.CharField(label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    questions = forms.CharField(
        label=_("Questions"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_("One question a line. The union's usual questions are kept with its settings."),
    )
    demand = forms.CharField(
        label=_("Demand to bargain"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )
    answer_due_on = forms.DateField(label=_("Answer due by"), widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(
        choices=language_choices,
        required=False,
        label=_("Language of the letter"),
        help_text=_(
            "Its fixed text (greeting, headings, signature) is printed in this language; write the rest in it."
        ),
    )

    def letter(self) -> Letter:
        data = self.cleaned_data
        return Letter(
            introduction=data["introduction"],
            questions=data["questions"].splitlines(),
            demand=data["demand"],
            answer_due_on=data["answer_due_on"],
        )

    @classmethod
    def initial_for(cls, letter: Letter) -> dict:
        return {**asdict(letter), "questions": "\n".join(letter.questions)}


class QuestionTemplateForm(TextForm):
    questions = forms.CharField(
        label=_("Questions"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20000,
        required=False,
        help_text=_("One question a line. Leave empty for Caucus's standard questions."),
    )


class MembersReportForm(TextForm):
    """A unit or a whole union of the reader's, and a period."""

    subject = forms.ChoiceField(label=_("Report on"))
    start = forms.DateField(
        label=pgettext_lazy("start of a period", "From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=pgettext_lazy("end of a period", "To"), widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(
        choices=language_choices,
        required=False,
        label=_("Language of the PDF"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        unions = Union.objects.joined_by(user)
        units = BargainingUnit.objects.visible_to(user).filter(union__in=unions).select_related("union")
        self.fields["subject"].choices = [
            (_("Whole unions"), [(f"union:{union.pk}", union.name) for union in unions]),
            (_("Bargaining units"), [(f"unit:{unit.pk}", f"{unit} ({unit.union.short_name})") for unit in units]),
        ]

    def clean_subject(self):
        kind, _colon, pk = self.cleaned_data["subject"].partition(":")
        if kind == "union" and pk.isdigit():
            return {"union": Union.objects.joined_by(self.user).get(pk=pk), "unit": None}
        if kind == "unit" and pk.isdigit():
            unit = BargainingUnit.objects.visible_to(self.user).select_related("union", "employer").get(pk=pk)
            return {"union": unit.union, "unit": unit}
        raise forms.ValidationError(_("Choose a union or a bargaining unit from the list."))
