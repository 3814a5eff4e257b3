"""Web forms for vendors, tools, proposals (with a tool new to the registry), consultations and their events."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bargaining.models import JobGroup
from consultations.models import (
    CHOSEN_EVENT_KINDS,
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    PersonalData,
    ProcurementProposal,
    ToolCategory,
    Vendor,
)
from consultations.services import NewTool
from plumbing.forms import DateInput, RecordForm, RecordsField, TextForm, active_choices, preselect_only_choice


class VendorForm(RecordForm):
    class Meta:
        model = Vendor
        fields = ["name", "website", "country", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class ToolForm(RecordForm):
    personal_data = forms.MultipleChoiceField(
        label=_("Personal data it processes"),
        choices=PersonalData.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = EdTechTool
        fields = [
            "name",
            "vendor",
            "category",
            "description",
            "ai_features",
            "personal_data",
            "privacy_agreement_status",
            "privacy_agreement_expires_on",
            "risk_rating",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "ai_features": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, vendors, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.vendor if self.instance.vendor_id else None
        self.fields["vendor"].queryset = active_choices(vendors, current)


class ProposalForm(RecordForm):
    """A proposal, for a tool of the registry or one added with it (and its vendor, if that is new too)."""

    affected_job_groups = forms.MultipleChoiceField(
        label=_("Affected job groups"), choices=JobGroup.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    new_tool_name = forms.CharField(label=_("Name of the new tool"), max_length=200, required=False)
    new_tool_vendor = forms.ModelChoiceField(
        label=_("Its vendor"),
        queryset=Vendor.objects.none(),
        required=False,
        empty_label=_("A vendor not in the registry (name it below)"),
    )
    new_vendor_name = forms.CharField(
        label=_("Name of the new vendor"),
        max_length=200,
        required=False,
        help_text=_("Only if the vendor is new too."),
    )
    new_tool_category = forms.ChoiceField(
        label=_("Its category"), choices=[("", _("Choose a category")), *ToolCategory.choices], required=False
    )

    NEW_TOOL_FIELDS = ("new_tool_name", "new_tool_vendor", "new_vendor_name", "new_tool_category")
    PROPOSAL_FIELDS = ("employer", "tool", "title", "purpose", "affected_job_groups", "cost", "budget_line")
    DATE_FIELDS = ("announced_on", "proposed_start", "status", "deployed_on", "review_on")

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
            "deployed_on",
            "review_on",
        ]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"tool": _("Not in the list? Add it below, with its vendor.")}

    def __init__(self, *args, employers, tools, vendors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = active_choices(
            employers, self.instance.employer if self.instance.employer_id else None
        )
        current = self.instance.tool if self.instance.tool_id else None
        self.fields["tool"].queryset = active_choices(tools, current).select_related("vendor")
        self.fields["tool"].label_from_instance = lambda tool: f"{tool.name} ({tool.vendor.name})"
        self.fields["tool"].required = False
        self.fields["tool"].empty_label = _("A tool not in the registry (describe it below)")
        self.fields["new_tool_vendor"].queryset = active_choices(vendors)

    def clean(self):
        cleaned = super().clean()
        named = (cleaned.get("new_tool_name") or "").strip()
        if cleaned.get("tool") and named:
            self.add_error("new_tool_name", _("Choose a tool from the list or add a new one, not both."))
        elif not cleaned.get("tool") and not named and "tool" not in self.errors:
            self.add_error("tool", _("Choose the tool proposed, or add it below if it is not in the registry yet."))
        elif named and not cleaned.get("new_tool_category"):
            self.add_error("new_tool_category", _("Choose the new tool's category."))
        return cleaned

    def new_tool(self) -> NewTool | None:
        data = self.cleaned_data
        if not (data.get("new_tool_name") or "").strip():
            return None
        return NewTool(
            name=data["new_tool_name"],
            category=data["new_tool_category"],
            vendor=data.get("new_tool_vendor"),
            vendor_name=data.get("new_vendor_name", ""),
        )


class ConsultationForm(RecordForm):
    class Meta:
        model = Consultation
        fields = [
            "union",
            "proposal",
            "stage",
            "opened_on",
            "response_deadline",
            "outcome",
            "visibility",
            "resulting_clauses",
        ]
        widgets = {
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "resulting_clauses": forms.CheckboxSelectMultiple,
        }
        field_classes = {"resulting_clauses": RecordsField}
        help_texts = {
            "response_deadline": _("When the union's response is due. Notices often allow about 30 days."),
            "outcome": _("What the consultation achieved (Markdown)."),
            "resulting_clauses": _("Your union's clauses negotiated because of this consultation."),
        }

    def __init__(self, *args, unions, proposals, clauses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals.select_related("employer")
        self.fields["stage"].required = False
        self.fields["resulting_clauses"].queryset = clauses.select_related("agreement").order_by(
            "agreement__title", "article_key"
        )
        self.fields["resulting_clauses"].label_from_instance = lambda clause: f"{clause.agreement} — {clause}"
        if self.instance.pk is not None:
            # A consultation stays its union's; a change of stage, deadline or visibility goes on its timeline.
            del self.fields["union"]
            self.fixed_fields = ("union",)
        else:
            self.fields["union"].queryset = unions
            preselect_only_choice(self.fields["union"])

    def clean_stage(self):
        # A consultation usually starts with the employer's notice; one recorded later may start further on.
        return self.cleaned_data.get("stage") or ConsultationStage.NOTICE_RECEIVED

    def changes(self) -> dict:
        """The consultation's own fields, for consultations.services.edit_consultation."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("resulting_clauses", "read_version", "union")
        }


class EventForm(TextForm):
    """A new event on a consultation's timeline."""

    occurred_on = forms.DateField(label=_("Date"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=CHOSEN_EVENT_KINDS)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Consultation._meta.get_field("visibility").choices)
    answer_due_on = forms.DateField(
        label=_("Answer due by"),
        required=False,
        widget=DateInput(),
        help_text=ConsultationEvent._meta.get_field("answer_due_on").help_text,
    )


class EventEditForm(RecordForm):
    """A correction of an event: its consultation stays, and record changes are Caucus's own (never edited)."""

    fixed_fields = ("consultation",)

    class Meta:
        model = ConsultationEvent
        fields = ["occurred_on", "kind", "summary", "visibility", "answer_due_on"]
        labels = {"occurred_on": _("Date")}
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "answer_due_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CHOSEN_EVENT_KINDS


class EventImportForm(EventEditForm):
    """A new event read from a spreadsheet: the event and the consultation it belongs to, among those the
    importer may add events to (the web page adds it from the consultation's own page)."""

    fixed_fields = ()

    class Meta(EventEditForm.Meta):
        fields = ["consultation", *EventEditForm.Meta.fields]

    def __init__(self, *args, consultations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = consultations


class StageForm(TextForm):
    stage = forms.ChoiceField(choices=ConsultationStage.choices, label=_("Move to stage"))
    # The stage the officer saw: a move made by someone else in between refuses this one.
    current_stage = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stage") and cleaned.get("stage") == cleaned.get("current_stage"):
            raise ValidationError(_("The consultation is at that stage already: choose another."))
        return cleaned
