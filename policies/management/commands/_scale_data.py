"""The data set of `manage.py benchmark_scale`: a national federation's library, built fast in a scratch database.

`build(sizes)` fills an empty, migrated database with `sizes.clauses` clauses (three versions each),
`sizes.events` consultation events and `sizes.positions` positions, spread over several unions, employers,
bargaining units, agreements, tools, proposals and consultations, and returns the facts the benchmark's
requests need (an officer's login, ids of records that officer may see, the search terms). Rows are written
with `bulk_create` in batches, generated a batch at a time so that memory stays flat; the full-text index is
filled once at the end rather than by its per-row triggers; then the database is ANALYZEd.

The text is drawn from a Zipf-distributed vocabulary, so a search meets rare, middling and common words, and
three marker words have a known frequency: `RARE` (one clause in 2,000), `MID` (2 %), `COMMON` (90 %).
"""

import datetime
import itertools
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from bargaining.access import Role, Visibility
from bargaining.models import (
    Agreement,
    AgreementStatus,
    BargainingUnit,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    Membership,
    NegotiationSession,
    TabledBy,
    Topic,
    Union,
)
from bargaining.models.rules import natural_key
from consultations import search as consultation_search
from consultations.attachments import Attachment
from consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    EventKind,
    ProcurementProposal,
    ToolCategory,
    Vendor,
)
from policies.models import ModelClause, Position, PositionStatus, Principle, Stance

RARE, MID, COMMON = "zeugma", "sabbatical", "employer"
PASSWORD = "benchmark-officer-password"  # noqa: S105 - a throwaway user in a scratch database
OFFICER = "bench-officer"
BATCH = 5_000
TODAY = datetime.date.today()
TOPICS = [
    ("definitions", "Definitions"),
    ("notice-and-bargaining", "Notice and bargaining"),
    ("job-security", "Job security"),
    ("training", "Training"),
    ("workload", "Workload"),
    ("human-oversight", "Human oversight"),
    ("evaluation-and-surveillance", "Evaluation and surveillance"),
    ("data-privacy", "Data privacy"),
    ("authorship-and-ip", "Authorship and intellectual property"),
    ("joint-committee", "Joint committee"),
    ("equity-and-access", "Equity and access"),
    ("leave", "Leave"),
    ("class-size", "Class size"),
    ("hours-of-work", "Hours of work"),
    ("grievances", "Grievances"),
]
COMMON_WORDS = (
    "the shall district association teacher member school union notice days written before after tool data "
    "student training hours workload evaluation bargaining unit agreement committee joint review pilot deploy "
    "artificial intelligence system vendor privacy consent record access grievance class size leave week month "
    "year principal staff support counsellor librarian assessment report monitor surveillance camera software "
    "platform licence contract budget funding release time meeting consult response deadline disclose purpose "
    "retain delete breach incident safeguard human oversight decision appeal discipline termination layoff "
    "seniority transfer assignment schedule planning preparation professional development equity accessibility "
    "language translation device laptop tablet network account password security audit algorithm model output"
)
SYLLABLES = ["ka", "lo", "mi", "ter", "van", "sul", "pre", "dor", "quin", "ble", "rha", "tos", "nep", "gri", "wu"]


@dataclass(frozen=True)
class Sizes:
    clauses: int
    events: int
    positions: int


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Real words first (the frequent ones), then made-up ones for the long tail; Zipf weights, cumulative."""
    made_up = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(4_000)})
    words = [w for w in COMMON_WORDS.split() + made_up if w not in (RARE, MID, COMMON)]
    weights = itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(words)))
    return words, list(weights)


class Builder:
    def __init__(self, sizes: Sizes, *, seed: int = 11, progress=print):
        self.sizes = sizes
        self.rng = random.Random(seed)  # noqa: S311 - made-up text, not secrets
        self.words, self.weights = vocabulary(self.rng)
        self.progress = progress

    def text(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.weights, k=count))

    def visibility(self, internal=0.1, public=0.3) -> str:
        roll = self.rng.random()
        return (
            Visibility.INTERNAL if roll < internal else Visibility.PUBLIC if roll > 1 - public else Visibility.MEMBERS
        )

    def weighted_union(self, unions):
        """The first union (the officer's) is the federation's largest: about 30 % of everything."""
        return unions[0] if self.rng.random() < 0.3 else self.rng.choice(unions[1:])

    # The whole build

    def build(self) -> dict:
        with transaction.atomic(), full_text_index_paused():
            facts = self.structure()
            facts.update(self.clauses(facts.pop("agreements"), facts.pop("topics")))
            facts.update(self.consultations(facts.pop("unions"), facts.pop("employers")))
            self.progress("rows written; filling the full-text index")
        self.progress("rows written and indexed; analysing")
        analyse()
        self.progress("analysed")
        return facts

    def structure(self) -> dict:
        big = self.sizes.clauses >= 10_000
        union_count, employer_count = (8, 40) if big else (3, 4)
        unions = Union.objects.bulk_create(
            Union(name=f"Federated Educators Local {n}", slug=f"local-{n}", short_name=f"L{n}")
            for n in range(union_count)
        )
        officer = get_user_model().objects.create_user(OFFICER, password=PASSWORD, first_name="Bench")
        Membership.objects.create(user=officer, union=unions[0], role=Role.OFFICER)
        employers = Employer.objects.bulk_create(
            Employer(name=f"School District {n}", slug=f"district-{n}", region=f"Region {n % 6}")
            for n in range(employer_count)
        )
        topics = [Topic.objects.get_or_create(code=code, defaults={"name": name})[0] for code, name in TOPICS]
        units = BargainingUnit.objects.bulk_create(
            BargainingUnit(
                union=unions[(e + shift) % union_count], employer=employer, job_group=group,
                name=f"{employer.name} {group.label}", member_count=200 + 37 * e, visibility=self.visibility(0.05),
            )
            for e, employer in enumerate(employers)
            for shift in (0, 1)
            for group in (JobGroup.TEACHERS, JobGroup.SUPPORT_STAFF)
        )  # fmt: skip
        agreements = Agreement.objects.bulk_create(
            Agreement(
                bargaining_unit=unit, title=f"{unit.name} collective agreement", status=AgreementStatus.RATIFIED,
                term_start=TODAY - datetime.timedelta(days=400), term_end=TODAY + datetime.timedelta(days=700),
                visibility=Visibility.MEMBERS,
            )
            for unit in units
        )  # fmt: skip
        NegotiationSession.objects.bulk_create(
            NegotiationSession(bargaining_unit=unit, held_on=TODAY - datetime.timedelta(days=30 * n), location="Hall")
            for unit in units
            for n in range(1, 5)
        )
        principles = Principle.objects.bulk_create(
            Principle(union=union, code=f"p{n}", title=f"Principle {n}: {self.text(4)}", statement=self.text(30))
            for union in unions
            for n in range(10)
        )
        ModelClause.objects.bulk_create(
            ModelClause(
                union=union, topic=topic, title=f"Model {topic.name}", preferred_text=self.text(40),
                fallback_text=self.text(30), walk_away_text=self.text(20), guidance=self.text(20),
            )
            for union in unions
            for topic in topics
        )  # fmt: skip
        self.progress(
            f"{len(unions)} unions, {len(employers)} employers, {len(units)} units, {len(principles)} principles"
        )
        return {"unions": unions, "employers": employers, "topics": topics, "agreements": agreements,
                "officer": OFFICER, "password": PASSWORD, "union": unions[0].slug}  # fmt: skip

    def clauses(self, agreements, topics) -> dict:
        """Clauses spread over the agreements (the officer's union's three times as often), three versions each."""
        officers = {a.pk for a in agreements if a.bargaining_unit.union.slug == "local-0"}
        weights = list(itertools.accumulate(3 if a.pk in officers else 1 for a in agreements))
        sessions = {}
        for session in NegotiationSession.objects.order_by("pk"):
            sessions.setdefault(session.bargaining_unit_id, []).append(session.pk)
        articles = {a.pk: 0 for a in agreements}
        rare_every = max(self.sizes.clauses // 10, 1) if self.sizes.clauses < 20_000 else 2_000
        made, first_own = 0, None
        for start in range(0, self.sizes.clauses, BATCH):
            batch = []
            for n in range(start, min(start + BATCH, self.sizes.clauses)):
                agreement = self.rng.choices(agreements, cum_weights=weights)[0]
                articles[agreement.pk] += 1
                number = f"{articles[agreement.pk] // 40 + 1}.{articles[agreement.pk] % 40 + 1}"
                clause = Clause(
                    agreement=agreement, article_number=number, article_key=natural_key(number),
                    title=f"{self.text(3).capitalize()} {self.text(2)}", topic=self.rng.choice(topics),
                    visibility=self.visibility(),
                )  # fmt: skip
                clause.marks = [RARE] * (n % rare_every == 7 % rare_every) + [MID] * (self.rng.random() < 0.02)
                batch.append(clause)
            Clause.objects.bulk_create(batch)
            versions = []
            for clause in batch:
                unit_sessions = sessions[clause.agreement.bargaining_unit_id]
                for number, status in enumerate(
                    (ClauseVersionStatus.PROPOSED, ClauseVersionStatus.COUNTERED, ClauseVersionStatus.RATIFIED), 1
                ):
                    words = self.text(self.rng.randint(25, 60)).split()
                    for mark in clause.marks + [COMMON] * (self.rng.random() < 0.9):
                        words.insert(self.rng.randrange(len(words)), mark)
                    versions.append(
                        ClauseVersion(
                            clause=clause, number=number, text=" ".join(words).capitalize() + ".",
                            tabled_by=(TabledBy.UNION, TabledBy.EMPLOYER, TabledBy.JOINT)[number - 1],
                            tabled_on=TODAY - datetime.timedelta(days=200 - 40 * number),
                            session_id=None if number == 1 else unit_sessions[number], status=status,
                        )
                    )  # fmt: skip
                if first_own is None and clause.agreement_id in officers and clause.visibility == Visibility.MEMBERS:
                    first_own = clause
            ClauseVersion.objects.bulk_create(versions, batch_size=BATCH)
            # What ClauseVersion.save keeps on the clause, which bulk_create does not call: its latest version.
            latest = {version.clause_id: version for version in versions}  # in order of number: the last wins
            for clause in batch:
                clause.current_version, clause.current_status = latest[clause.pk], latest[clause.pk].status
            Clause.objects.bulk_update(batch, ["current_version", "current_status"], batch_size=BATCH)
            made += len(batch)
            self.progress(f"clauses: {made:,} of {self.sizes.clauses:,}")
        topic = Topic.objects.filter(code="workload").get()
        return {"clause": first_own.pk, "agreement": first_own.agreement_id, "topic": topic.code}

    def consultations(self, unions, employers) -> dict:
        """Tools, proposals (one consultation each), ~28 events per consultation, positions."""
        count = max(4, self.sizes.events // 28)
        vendors = Vendor.objects.bulk_create(Vendor(name=f"Vendor {n}") for n in range(max(2, count // 150)))
        tools = EdTechTool.objects.bulk_create(
            EdTechTool(
                name=f"Tool {n} {self.text(1)}", vendor=vendors[n % len(vendors)],
                category=ToolCategory.values[n % len(ToolCategory.values)], description=self.text(20),
                ai_features=self.text(10),
            )
            for n in range(max(3, count // 15))
        )  # fmt: skip
        proposals, consultations = [], []
        for start in range(0, count, BATCH):
            batch = [
                ProcurementProposal(
                    employer=self.rng.choice(employers),
                    # The first tool is everywhere (~7 % of proposals): its history is the longest.
                    tool=tools[0] if self.rng.random() < 0.07 else self.rng.choice(tools),
                    title=f"Adopt {self.text(3)}", purpose=self.text(25),
                    announced_on=TODAY - datetime.timedelta(days=self.rng.randint(30, 1000)),
                )
                for _ in range(start, min(start + BATCH, count))
            ]  # fmt: skip
            proposals += ProcurementProposal.objects.bulk_create(batch)
        for start in range(0, count, BATCH):
            batch = [
                Consultation(
                    union=self.weighted_union(unions), proposal=proposal, opened_on=proposal.announced_on,
                    stage=self.rng.choice(ConsultationStage.values), visibility=self.visibility(0.1, 0.2),
                    response_deadline=proposal.announced_on + datetime.timedelta(days=30),
                )
                for proposal in proposals[start : start + BATCH]
            ]  # fmt: skip
            consultations += Consultation.objects.bulk_create(batch)
        self.progress(f"{len(tools)} tools, {len(proposals)} proposals and consultations")
        kinds = [kind for kind in EventKind.values if kind != EventKind.RECORD_CHANGE]
        for start in range(0, self.sizes.events, BATCH):
            ConsultationEvent.objects.bulk_create(
                ConsultationEvent(
                    consultation=(consultation := consultations[n % count]), kind=self.rng.choice(kinds),
                    occurred_on=consultation.opened_on + datetime.timedelta(days=n // count),
                    summary=self.text(self.rng.randint(8, 20)), visibility=self.visibility(0.2, 0.1),
                )
                for n in range(start, min(start + BATCH, self.sizes.events))
            )  # fmt: skip
            if (start // BATCH) % 20 == 19 or start + BATCH >= self.sizes.events:
                self.progress(f"events: {min(start + BATCH, self.sizes.events):,} of {self.sizes.events:,}")
        positions = []
        for n in range(self.sizes.positions):
            adopted = self.rng.random() < 0.6
            proposal = proposals[n % count]
            positions.append(
                Position(
                    union=self.weighted_union(unions), title=f"Position on {proposal.title}", proposal=proposal,
                    tool=proposal.tool, stance=self.rng.choice(Stance.values), rationale=self.text(40),
                    conditions="\n".join(self.text(8) for _ in range(3)),
                    status=PositionStatus.ADOPTED if adopted else PositionStatus.DRAFT,
                    adopted_on=TODAY - datetime.timedelta(days=n % 700) if adopted else None,
                    visibility=Visibility.MEMBERS if adopted else Visibility.INTERNAL,
                )
            )  # fmt: skip
        Position.objects.bulk_create(positions, batch_size=BATCH)
        own = next(c for c in consultations if c.union_id == unions[0].pk and c.visibility != Visibility.INTERNAL)
        event = ConsultationEvent.objects.filter(consultation=own, visibility=Visibility.MEMBERS).first()
        position = Position.objects.filter(union=unions[0]).order_by("pk").first()
        return {
            "tool": tools[0].pk, "proposal": own.proposal_id, "consultation": own.pk,
            "event": event.pk if event else None, "position": position.pk if position else None,
            "counts": {"clauses": self.sizes.clauses, "consultation-events": self.sizes.events,
                       "proposals": count, "positions": self.sizes.positions},
        }  # fmt: skip


TEXT_INDEXES = [
    (ConsultationEvent, consultation_search.EVENTS),
    (Attachment, consultation_search.DOCUMENTS),
    (ProcurementProposal, consultation_search.PROPOSALS),
]


class full_text_index_paused:
    """Switch the full-text indexes off while rows pour in, then fill each once: the clauses' triggers
    (bargaining/0010), and the events' and documents' triggers (SQLite) or GIN indexes (PostgreSQL), see
    consultations/search.py."""

    def __enter__(self):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND (name LIKE 'bargaining_clause_fts_%' OR name LIKE 'consultations_%_fts_%')"
                )
                self.triggers = cursor.fetchall()
                for name, _sql in self.triggers:
                    cursor.execute(f'DROP TRIGGER "{name}"')
            else:
                cursor.execute("ALTER TABLE bargaining_clause DISABLE TRIGGER bargaining_clause_index")
                cursor.execute(
                    "ALTER TABLE bargaining_clauseversion DISABLE TRIGGER bargaining_clause_reindex_for_version"
                )
                for _model, index in TEXT_INDEXES:
                    cursor.execute(f"DROP INDEX {index.gin}")
        return self

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                for _name, sql in self.triggers:
                    cursor.execute(sql)
                cursor.execute("INSERT INTO bargaining_clause_fts(bargaining_clause_fts) VALUES ('rebuild')")
                for _model, index in TEXT_INDEXES:
                    index.rebuild(connection)
            else:
                # The foreign keys are checked at commit; a table with checks pending cannot be altered.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("ALTER TABLE bargaining_clause ENABLE TRIGGER bargaining_clause_index")
                cursor.execute(
                    "ALTER TABLE bargaining_clauseversion ENABLE TRIGGER bargaining_clause_reindex_for_version"
                )
                # The trigger recomputes a clause's vector when it is set to NULL (see bargaining/0010).
                cursor.execute("UPDATE bargaining_clause SET search_vector = NULL")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if connection.vendor != "sqlite":
            with connection.schema_editor(atomic=False) as editor:
                for model, index in TEXT_INDEXES:
                    index.create(model, editor)
        return False


def analyse():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA optimize")
