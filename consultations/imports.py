"""Importing vendors and tools (with their vendors) from spreadsheets, through the web forms."""

from django.core.exceptions import ValidationError

from bargaining.models import Clause, Employer, Union
from consultations import columns
from consultations.forms import ConsultationForm, ProposalForm, ToolForm, VendorForm
from consultations.models import Consultation, EdTechTool, ProcurementProposal, Vendor
from consultations.services import edit_consultation, record_proposal
from plumbing.imports import ImportKind, find_one, remember_found
from plumbing.records import save_record


def _vendor_form(data, instance, user, values):
    return VendorForm(data, instance=instance)


VENDORS = ImportKind(
    name="vendors",
    columns=columns.VENDORS,
    find=lambda values, user: find_one(Vendor.objects.visible_to(user), "vendor", name__iexact=values["Name"]),
    form=_vendor_form,
    example={"Name": "Brightpath Learning Inc.", "Website": "https://brightpath.example", "Country": "USA"},
)


def _new_vendor(values, user, reason):
    """A tool's vendor new to the registry is added with it, through the vendor form."""
    name = values.get("Vendor", "")
    if not name or remember_found(
        ("vendor", name.lower()), Vendor.objects.visible_to(user).filter(name__iexact=name).exists
    ):
        return []
    form = VendorForm({"name": name})
    if not form.is_valid():
        raise ValidationError({"vendor": [message for messages in form.errors.values() for message in messages]})
    form.instance._change_reason = reason
    save_record(form, user=user)
    return [("Vendor", "", f"{name} (new vendor)")]


def _find_tool(values, user):
    return find_one(
        EdTechTool.objects.visible_to(user).select_related("vendor"),
        "tool",
        vendor__name__iexact=values["Vendor"],
        name__iexact=values["Name"],
    )


TOOLS = ImportKind(
    name="tools",
    columns=columns.TOOLS,
    find=_find_tool,
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
    find=lambda values, user: find_one(
        ProcurementProposal.objects.visible_to(user),
        "proposal",
        employer__name__iexact=values["Employer"],
        title__iexact=values["Title"],
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
    union = find_one(Union.objects.editable_by(user), "union", name__iexact=values["Union"])
    if union is None:
        raise ValidationError({"union": f"You are not an officer of “{values['Union']}”: its rows are not yours."})
    return find_one(
        Consultation.objects.filter(union=union), "consultation", proposal__title__iexact=values["Proposal"]
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

KINDS = {kind.name: kind for kind in (VENDORS, TOOLS, PROPOSALS, CONSULTATIONS)}
