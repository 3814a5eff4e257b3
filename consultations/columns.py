"""The consultations collections as spreadsheet columns: exports of the lists and import templates."""

from django.db.models import Prefetch

from bargaining.models import Clause
from consultations.models import Consultation, ConsultationEvent, EdTechTool, ProcurementProposal, Vendor
from plumbing.export import Column, Columns, attr, display

VENDORS = Columns(
    name="vendors",
    model=Vendor,
    columns=[
        Column("Name", attr("name"), field="name"),
        Column("Website", attr("website"), field="website"),
        Column("Country", attr("country"), field="country"),
        Column("Notes", attr("notes"), field="notes"),
        Column("Archived on", attr("archived_on")),
    ],
)

TOOLS = Columns(
    name="tools",
    model=EdTechTool,
    columns=[
        Column("Name", attr("name"), field="name"),
        Column("Vendor", attr("vendor__name"), field="vendor", key="name"),
        Column("Category", display("category"), field="category"),
        Column("Description", attr("description"), field="description"),
        Column("AI features", attr("ai_features"), field="ai_features"),
        Column("Personal data processed", display("personal_data"), field="personal_data"),
        Column("Privacy agreement", display("privacy_agreement_status"), field="privacy_agreement_status"),
        Column(
            "Privacy agreement expires on", attr("privacy_agreement_expires_on"), field="privacy_agreement_expires_on"
        ),
        Column("Risk rating", display("risk_rating"), field="risk_rating"),
        Column("Archived on", attr("archived_on")),
    ],
    prepare=lambda queryset, user: queryset.select_related("vendor"),
)

PROPOSALS = Columns(
    name="proposals",
    model=ProcurementProposal,
    columns=[
        Column("Title", attr("title"), field="title"),
        Column("Employer", attr("employer__name"), field="employer", key="name"),
        Column("Tool", attr("tool__name"), field="tool", key="name"),
        Column("Vendor", attr("tool__vendor__name")),
        Column("Purpose", attr("purpose"), field="purpose"),
        Column("Affected job groups", display("affected_job_groups"), field="affected_job_groups"),
        Column("Cost", attr("cost"), field="cost"),
        Column("Budget line", attr("budget_line"), field="budget_line"),
        Column("Announced on", attr("announced_on"), field="announced_on"),
        Column("Proposed start", attr("proposed_start"), field="proposed_start"),
        Column("Status", display("status"), field="status"),
        Column("Deployed on", attr("deployed_on"), field="deployed_on"),
        Column("Review on", attr("review_on"), field="review_on"),
    ],
    prepare=lambda queryset, user: queryset.select_related("employer", "tool__vendor"),
)


def _visible_clauses(queryset, user):
    # A consultation may have led to clauses the reader may not see: those are left out of the cell.
    clauses = Clause.objects.visible_to(user).select_related("agreement")
    return (
        queryset.with_due_date(user)
        .select_related("union", "proposal__employer", "proposal__tool")
        .prefetch_related(Prefetch("resulting_clauses", queryset=clauses, to_attr="visible_clauses"))
    )


CONSULTATIONS = Columns(
    name="consultations",
    model=Consultation,
    columns=[
        Column("Union", attr("union__name"), field="union", key="name"),
        Column("Proposal", attr("proposal__title"), field="proposal", key="title"),
        Column("Employer", attr("proposal__employer__name")),
        Column("Tool", attr("proposal__tool__name")),
        Column("Stage", display("stage"), field="stage"),
        Column("Opened on", attr("opened_on"), field="opened_on"),
        Column("Response deadline", attr("response_deadline"), field="response_deadline"),
        # Entered, or counted from the notice: the list and its filters use this date (ConsultationFilter).
        Column("Response due", attr("due")),
        Column("Outcome", attr("outcome"), field="outcome"),
        Column("Visibility", display("visibility"), field="visibility"),
        Column(
            "Resulting clauses",
            lambda consultation: [
                f"{clause.agreement} art. {clause.article_number}" for clause in consultation.visible_clauses
            ],
        ),
    ],
    prepare=_visible_clauses,
)

EVENTS = Columns(
    name="consultation-events",
    model=ConsultationEvent,
    columns=[
        # With the proposal, the union names the consultation an imported event belongs to.
        Column("Union", attr("consultation__union__name"), field="union"),
        Column("Proposal", attr("consultation__proposal__title"), field="consultation", key="proposal__title"),
        Column("Occurred on", attr("occurred_on"), field="occurred_on"),
        Column("Kind", display("kind"), field="kind"),
        Column("Summary", attr("summary"), field="summary"),
        Column("Visibility", display("visibility"), field="visibility"),
    ],
    prepare=lambda queryset, user: queryset.select_related("consultation__union", "consultation__proposal"),
)
