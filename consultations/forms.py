"""Web forms for proposals, consultations and their timelines."""

from django import forms

from bargaining.models import JobGroup
from consultations.models import Consultation, ConsultationStage, EventKind, ProcurementProposal
from plumbing.forms import DateInput, RecordForm, TextForm


class ProposalForm(RecordForm):
    affected_job_groups = forms.MultipleChoiceField(
        choices=JobGroup.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ProcurementProposal
        fields = [
            "employer",
            "tool",
            "title",
            "purpose",
            "affected_job_groups",
            "cost",
            "budget_line",
            "announced_on",
            "proposed_start",
            "status",
        ]
        widgets = {
            "announced_on": DateInput(),
            "proposed_start": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }


class ConsultationForm(RecordForm):
    class Meta:
        model = Consultation
        fields = ["union", "proposal", "opened_on", "response_deadline", "visibility"]
        widgets = {"opened_on": DateInput(), "response_deadline": DateInput()}
        help_texts = {"response_deadline": "When the union's response is due. Notices often allow about 30 days."}

    def __init__(self, *args, unions, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions
        self.fields["proposal"].queryset = proposals.select_related("employer")


class EventForm(TextForm):
    occurred_on = forms.DateField(label="Date", widget=DateInput())
    kind = forms.ChoiceField(choices=EventKind.choices)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    visibility = forms.ChoiceField(choices=Consultation._meta.get_field("visibility").choices)


class StageForm(TextForm):
    stage = forms.ChoiceField(choices=ConsultationStage.choices, label="Move to stage")
    # The stage the officer saw: a move made by someone else in between refuses this one.
    current_stage = forms.CharField(widget=forms.HiddenInput)
