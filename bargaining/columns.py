"""The bargaining collections as spreadsheet columns: exports of the lists, import templates, the union's workbook."""

from bargaining.models import Agreement, BargainingUnit, Clause, Employer
from plumbing.export import Column, Columns, attr, display

EMPLOYERS = Columns(
    name="employers",
    model=Employer,
    columns=[
        Column("Name", attr("name"), field="name"),
        Column("Slug", attr("slug"), field="slug"),
        Column("Kind", display("kind"), field="kind"),
        Column("Region", attr("region"), field="region"),
        Column("Budget school year", attr("ai_training_budget_school_year"), field="budget_school_year"),
        Column("Current AI training budget", attr("ai_training_budget_current"), field="budget_current"),
        Column("Proposed AI training budget", attr("ai_training_budget_proposed"), field="budget_proposed"),
        Column("Archived on", attr("archived_on")),
    ],
    prepare=lambda queryset, user: queryset.with_latest_budget(),
)

UNITS = Columns(
    name="units",
    model=BargainingUnit,
    columns=[
        Column("Union", attr("union__name"), field="union", key="name"),
        Column("Employer", attr("employer__name"), field="employer", key="name"),
        Column("Job group", display("job_group"), field="job_group"),
        Column("Name", attr("name"), field="name"),
        Column("Member count", attr("member_count"), field="member_count"),
        Column("Visibility", display("visibility"), field="visibility"),
    ],
    prepare=lambda queryset, user: queryset.select_related("union", "employer"),
)

AGREEMENTS = Columns(
    name="agreements",
    model=Agreement,
    columns=[
        Column("Union", attr("bargaining_unit__union__name")),
        Column("Bargaining unit", attr("bargaining_unit__name"), field="bargaining_unit", key="name"),
        Column("Title", attr("title"), field="title"),
        Column("Kind", display("kind"), field="kind"),
        Column("Term start", attr("term_start"), field="term_start"),
        Column("Term end", attr("term_end"), field="term_end"),
        Column("Status", display("status"), field="status"),
        Column("Reopener notice (days before expiry)", attr("reopener_days"), field="reopener_days"),
        Column("Visibility", display("visibility"), field="visibility"),
        Column("Archived on", attr("archived_on")),
    ],
    prepare=lambda queryset, user: queryset.select_related("bargaining_unit__union"),
)

CLAUSES = Columns(
    name="clauses",
    model=Clause,
    columns=[
        Column("Article", attr("article_number"), field="article_number"),
        Column("Title", attr("title"), field="title"),
        Column("Topic", attr("topic__name"), field="topic", key="name"),
        Column("Current status", lambda clause: clause.current_status_label if clause.status else "", field="status"),
        Column("Union", attr("agreement__bargaining_unit__union__name")),
        Column("Employer", attr("agreement__bargaining_unit__employer__name")),
        Column("Bargaining unit", attr("agreement__bargaining_unit__name")),
        Column("Job group", lambda clause: clause.agreement.bargaining_unit.get_job_group_display()),
        Column("Agreement", attr("agreement__title"), field="agreement", key="title"),
        Column("Visibility", display("visibility"), field="visibility"),
        Column("Current text", attr("current_text"), field="text"),
        Column("Rating against the model clause", display("model_rating")),
        Column("Address", None, link=True),
    ],
    prepare=lambda queryset, user: queryset.for_library(),
)
