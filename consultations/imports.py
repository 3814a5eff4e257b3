"""Importing vendors, tools (with their vendors), proposals, consultations and their timeline events from
spreadsheets, through the web forms and the services."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bargaining.models import Clause, Employer, Union
from consultations import columns
from consultations.forms import (
    ConsultationForm,
    EventEditForm,
    EventImportForm,
    ProposalForm,
    ToolForm,
    VendorForm,
)
from consultations.models import (
    CHOSEN_EVENT_KINDS,
    Consultation,
    ConsultationEvent,
    EdTechTool,
    ProcurementProposal,
    Vendor,
)
from consultations.services import add_consultation_event, edit_consultation, record_proposal
from plumbing.bilingual import choice_from_text
from plumbing.imports import ImportKind, NaturalKey, find_one, remember_found
from plumbing.records import save_record


def _vendor_form(data, instance, user, values):
    return VendorForm(data, instance=instance)


VENDORS = ImportKind(
    name="vendors",
    columns=columns.VENDORS,
    find=None,
    key=NaturalKey(
        gettext_lazy("vendor"),
        records=lambda user: Vendor.objects.visible_to(user),
        of_record=lambda vendor: [vendor.name],
        of_row=lambda values: [values["Name"]],
    ),
    form=_vendor_form,
    example={"Name": "Brightpath Learning Inc.", "Website": "https://brightpath.example", "Country": "USA"},
)


def _new_vendor(values, user, reason):
    """A tool's vendor new to the registry is added with it, through the vendor form."""
    name = values.get("Vendor", "")
    if not name or remember_found(
        # A lambda: the query is not even built for the rows after the first that names this vendor.
        ("vendor", name.lower()),
        lambda: Vendor.objects.visible_to(user).filter(name__iexact=name).exists(),
    ):
        return []
    form = VendorForm({"name": name})
    if not form.is_valid():
        raise ValidationError({"vendor": [message for messages in form.errors.values() for message in messages]})
    form.instance._change_reason = reason
    save_record(form, user=user)
    return [("Vendor", "", _("%(name)s (new vendor)") % {"name": name})]


TOOLS = ImportKind(
    name="tools",
    columns=columns.TOOLS,
    find=None,
    key=NaturalKey(
        gettext_lazy("tool"),
        records=lambda user: EdTechTool.objects.visible_to(user).select_related("vendor"),
        of_record=lambda tool: [tool.vendor.name, tool.name],
        of_row=lambda values: [values["Vendor"], values["Name"]],
    ),
    form=lambda data, instance, user, values: ToolForm(
        data, instance=instance, vendors=Vendor.objects.visible_to(user)
    ),
    prepare=_new_vendor,
    example={
        "Name": "BrightPath Tutor",
        "Vendor": "Brightpath Learning Inc.",
        "Category": "Tutoring",
        "Description": "Adaptive maths practice for grades 3-8.",
        "AI features": "Generates practice questions; predicts mastery.",
        "Personal data processed": "Assessment results | Usage statistics",
        "Privacy agreement": "Signed (district's own)",
        "Privacy agreement expires on": "2027-06-30",
        "Risk rating": "Medium",
    },
)


def _proposal_form(data, instance, user, values):
    return ProposalForm(
        data,
        instance=instance,
        employers=Employer.objects.visible_to(user),
        tools=EdTechTool.objects.visible_to(user),
        vendors=Vendor.objects.visible_to(user),
    )


PROPOSALS = ImportKind(
    name="proposals",
    columns=columns.PROPOSALS,
    find=None,
    key=NaturalKey(
        gettext_lazy("proposal"),
        records=lambda user: ProcurementProposal.objects.visible_to(user).select_related("employer"),
        of_record=lambda proposal: [proposal.employer.name, proposal.title],
        of_row=lambda values: [values["Employer"], values["Title"]],
    ),
    form=_proposal_form,
    # The web form's workflow, which checks the proposal as a whole (consultations.services.record_proposal).
    save=lambda form, user: record_proposal(proposal=form.save(commit=False), user=user),
    example={
        "Title": "Adopt BrightPath Tutor for grades 3-8",
        "Employer": "Northview School District",
        "Tool": "BrightPath Tutor",
        "Purpose": "Adaptive maths practice.",
        "Affected job groups": "Teachers | Support staff",
        "Cost": "48000",
        "Budget line": "Curriculum 2025-26",
        "Announced on": "2025-01-15",
        "Proposed start": "2025-09-01",
        "Status": "Under consultation",
    },
)


def _consultation_form(data, instance, user, values):
    unions = Union.objects.editable_by(user)
    clauses = Clause.objects.editable_by(user).visible_to(user)
    if instance is not None:
        clauses = clauses.filter(agreement__bargaining_unit__union=instance.union_id)
    return ConsultationForm(
        data,
        instance=instance,
        unions=unions,
        proposals=ProcurementProposal.objects.visible_to(user),
        clauses=clauses,
    )


def _find_consultation(values, user):
    # Refuses a row for a union the importer does not lead before it is looked for.
    union = find_one(Union.objects.editable_by(user), _("union"), name__iexact=values["Union"])
    if union is None:
        raise ValidationError(
            {"union": _("You are not an officer of “%(union)s”: its rows are not yours.") % {"union": values["Union"]}}
        )
    return find_one(
        Consultation.objects.filter(union=union), _("consultation"), proposal__title__iexact=values["Proposal"]
    )


def _save_consultation(form, user):
    """A new consultation as the web page saves it; a change through edit_consultation, which tells the timeline
    of a new stage, deadline or visibility (its clauses, which the file does not carry, are kept)."""
    if form.instance.pk is None:
        return save_record(form, user=user)
    return edit_consultation(consultation=form.instance, user=user, changes=form.changes())


CONSULTATIONS = ImportKind(
    name="consultations",
    columns=columns.CONSULTATIONS,
    find=_find_consultation,
    form=_consultation_form,
    save=_save_consultation,
    example={
        "Union": "Northview Education Association",
        "Proposal": "Adopt BrightPath Tutor for grades 3-8",
        "Stage": "Information requested",
        "Opened on": "2025-01-20",
        "Response deadline": "2025-02-19",
        "Outcome": "",
        "Visibility": "Members of the union",
    },
)


def _event_consultations(values, user):
    """The consultations a row's event may belong to: those the importer may add events to, of the row's union
    when it names one."""
    consultations = Consultation.objects.editable_by(user)
    if values.get("Union"):
        consultations = consultations.filter(union__name__iexact=values["Union"])
    return consultations


def _event_kind(text: str) -> str:
    value = choice_from_text(CHOSEN_EVENT_KINDS, text)
    return text if value is None else value


def _find_event(values, user):
    """An event is matched on everything it says (its consultation, date, kind and summary): two events of a day
    may share a kind, and a corrected summary is a new event, not a silent rewrite of the record."""
    consultation = find_one(
        _event_consultations(values, user), _("consultation"), proposal__title__iexact=values["Proposal"]
    )
    if consultation is None:
        raise ValidationError(
            {
                "consultation": _("No consultation on “%(proposal)s” of a union you are an officer of.")
                % {"proposal": values["Proposal"]}
            }
        )
    try:
        occurred_on = datetime.date.fromisoformat(values["Occurred on"])
    except ValueError:
        return None  # the form names the bad date
    return find_one(
        ConsultationEvent.objects.filter(consultation=consultation),
        _("event"),
        occurred_on=occurred_on,
        kind=_event_kind(values["Kind"]),
        summary=values["Summary"],
    )


def _event_form(data, instance, user, values):
    if instance is not None:
        return EventEditForm(data, instance=instance)
    return EventImportForm(data, consultations=_event_consultations(values, user).select_related("proposal"))


def _save_event(form, user):
    """A new event through the web page's workflow (consultations.services.add_consultation_event)."""
    if form.instance.pk is not None:
        return save_record(form, user=user)
    return add_consultation_event(user=user, **form.cleaned_data)


EVENTS = ImportKind(
    name="consultation-events",
    columns=columns.EVENTS,
    find=_find_event,
    form=_event_form,
    save=_save_event,
    example={
        "Union": "Northview Education Association",
        "Proposal": "Adopt BrightPath Tutor for grades 3-8",
        "Occurred on": "2025-01-20",
        "Kind": "Notice",
        "Summary": "The district's notice letter arrived.",
        "Visibility": "Members of the union",
    },
)

KINDS = {kind.name: kind for kind in (VENDORS, TOOLS, PROPOSALS, CONSULTATIONS, EVENTS)}
