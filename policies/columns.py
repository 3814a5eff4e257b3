"""The policies collections as spreadsheet columns: exports of the lists and import templates."""

from django.db.models import Prefetch

from plumbing.export import Column, Columns, attr, display
from policies.models import ModelClause, Position, Principle


def _cited(queryset, user):
    # Only the principles the reader may see are named.
    principles = Principle.objects.visible_to(user).only("pk", "code")
    return queryset.prefetch_related(Prefetch("principles", queryset=principles, to_attr="visible_principles"))


def _codes(record) -> list[str]:
    return [principle.code for principle in record.visible_principles]


PRINCIPLES = Columns(
    name="principles",
    model=Principle,
    columns=[
        Column("Union", attr("union__name"), field="union", key="name"),
        Column("Code", attr("code"), field="code"),
        Column("Title", attr("title"), field="title"),
        Column("Title (Welsh)", attr("title_cy"), field="title_cy", optional=True),
        Column("Statement", attr("statement"), field="statement"),
        Column("Statement (Welsh)", attr("statement_cy"), field="statement_cy", optional=True),
        Column("Adopted on", attr("adopted_on"), field="adopted_on"),
        Column("Visibility", display("visibility"), field="visibility"),
    ],
    prepare=lambda queryset, user: queryset.select_related("union"),
)


def _playbook(name: str):
    """Walk-away wording and guidance: the union's leadership only (ModelClauseQuerySet.with_playbook)."""
    return lambda clause: getattr(clause, name) if clause.show_playbook else ""


MODEL_CLAUSES = Columns(
    name="model-clauses",
    model=ModelClause,
    columns=[
        Column("Union", attr("union__name"), field="union", key="name"),
        Column("Topic", attr("topic__name"), field="topic", key="name"),
        Column("Title", attr("title"), field="title"),
        Column("Title (Welsh)", attr("title_cy"), field="title_cy", optional=True),
        Column("Preferred wording", attr("preferred_text"), field="preferred_text"),
        Column("Preferred wording (Welsh)", attr("preferred_text_cy"), field="preferred_text_cy", optional=True),
        Column("Fallback wording", attr("fallback_text"), field="fallback_text"),
        Column("Fallback wording (Welsh)", attr("fallback_text_cy"), field="fallback_text_cy", optional=True),
        Column("Walk-away wording", _playbook("walk_away_text"), field="walk_away_text"),
        Column("Guidance", _playbook("guidance"), field="guidance"),
        Column("Principles cited", _codes, field="principles", key="code"),
        Column("Visibility", display("visibility"), field="visibility"),
    ],
    prepare=lambda queryset, user: _cited(queryset.with_playbook(user).select_related("union", "topic"), user),
)

POSITIONS = Columns(
    name="positions",
    model=Position,
    columns=[
        Column("Union", attr("union__name"), field="union", key="name"),
        Column("Title", attr("title"), field="title"),
        Column("Title (Welsh)", attr("title_cy"), field="title_cy", optional=True),
        Column("Proposal", attr("proposal__title"), field="proposal", key="title"),
        Column("Employer", attr("proposal__employer__name")),
        Column("Tool", attr("tool__name"), field="tool", key="name"),
        Column("Stance", display("stance"), field="stance"),
        Column("Rationale", attr("rationale"), field="rationale"),
        Column("Rationale (Welsh)", attr("rationale_cy"), field="rationale_cy", optional=True),
        Column("Conditions and demands", attr("conditions"), field="conditions"),
        Column("Principles cited", _codes, field="principles", key="code"),
        Column("Status", display("status")),
        Column("Adopted on", attr("adopted_on")),
        Column("Visibility", display("visibility")),
        Column("Version", attr("version")),
    ],
    prepare=lambda queryset, user: _cited(queryset.select_related("union", "proposal__employer", "tool"), user),
)
