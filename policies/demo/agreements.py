"""Agreements, negotiation sessions with their notes, and clauses with their lineages."""

from collections import Counter

from bargaining.access import Visibility
from bargaining.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Clause,
    JobGroup,
    ModelRating,
    NegotiationSession,
    SessionNote,
    Topic,
)
from bargaining.services import table_clause_version
from policies.demo import mou_texts as mou
from policies.demo.people import DISTRICT_TEAMS, OFFICERS, UNION_TEAMS
from policies.demo.records import Demo, sync, upsert
from policies.demo.topics import (
    ACCEPTED,
    CONCEDED,
    FULL,
    TENTATIVE,
    TOPIC_TEXTS,
    TOPICS,
    E,
    J,
    S,
    U,
    for_union,
    lineage,
)

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL
R = ModelRating
NV_TEACHERS = ("nlea", "northview", JobGroup.TEACHERS)
NV_SUPPORT = ("nlea", "northview", JobGroup.SUPPORT_STAFF)
LK_TEACHERS = ("nlea", "lakeside", JobGroup.TEACHERS)
LK_LEADERS = ("nlea", "lakeside", JobGroup.SCHOOL_LEADERS)
GF_TEACHERS = ("gfss", "greenfield", JobGroup.TEACHERS)
GF_SUPPORT = ("gfss", "greenfield", JobGroup.SUPPORT_STAFF)
GF_LEADERS = ("gfss", "greenfield", JobGroup.SCHOOL_LEADERS)

NV_OFFICE = "Northview District Office, Board Room"
NV_CENTRE = "Northview Education Centre, Conference Room B"
LK_OFFICE = "Lakeside Unified District Office, Conference Room A"
GF_OFFICE = "Greenfield District Administration Building, Room 3"
ONLINE = "Online (video call)"

# Each agreement: its sessions as (day offset, location, next steps, the union side's note), then its clauses
# as (article, title, topic, visibility, rating against the model clause, steps). Day offsets are from today.
AGREEMENTS = [
    {
        "key": "nv-teachers",
        "unit": NV_TEACHERS,
        "title": "Northview Teachers Collective Agreement",
        "status": AgreementStatus.RATIFIED,
        "term": (-700, 75),
        "ratified": -730,
        "visibility": PUBLIC,
        "sessions": [
            (-820, NV_OFFICE, "District to respond to the Association's Article 21 package at the next session.",
             "Opened with the full Article 21 package on AI and educational technology. The District's team had not "
             "seen AI language before and asked for time. Members' survey quoted: 71% want notice before new tools."),
            (-790, "Northview High School, Library", "Association to reply to the District's counters.",
             "District countered every section. Notice cut to 30 days with 'materially affects' added, which would "
             "exclude pilots. Hold firm on pilots; monthly committee meetings can go to quarterly if needed."),
            (-755, NV_OFFICE, "Members' ratification vote; District to take the agreement to the Board.",
             "Tentative agreement on all of Article 21 after a nine-hour session. Won: 45-day notice including "
             "pilots, no layoffs, tool data out of evaluations. Gave: quarterly committee, 5-day breach notice."),
        ],
        "clauses": [
            ("21.1", "Definitions", "definitions", PUBLIC, R.FALLBACK, FULL),
            ("21.2", "Notice and bargaining over new technology", "notice-and-bargaining", PUBLIC, R.FALLBACK, FULL),
            ("21.3", "No displacement of bargaining-unit work", "job-security", MEMBERS, R.FALLBACK, FULL),
            ("21.4", "Training", "training", PUBLIC, R.FALLBACK, FULL),
            ("21.5", "Workload", "workload", PUBLIC, R.FALLBACK, FULL),
            ("21.6", "Professional judgement", "human-oversight", PUBLIC, R.PREFERRED, ACCEPTED),
            ("21.7", "Evaluation and monitoring", "evaluation-and-surveillance", MEMBERS, R.FALLBACK, FULL),
            ("21.8", "Data privacy", "data-privacy", PUBLIC, R.FALLBACK, FULL),
            ("21.9", "Ownership of teaching materials", "authorship-and-ip", PUBLIC, R.UNRATED, FULL),
            ("21.10", "Joint Technology Committee", "joint-committee", PUBLIC, R.FALLBACK, FULL),
            ("21.11", "Equity and access", "equity-and-access", PUBLIC, R.PREFERRED, ACCEPTED),
        ],
    },
    {
        "key": "nv-brightpath-mou",
        "unit": NV_TEACHERS,
        "title": "Memorandum of Understanding on BrightPath Tutor",
        "kind": AgreementKind.MOU,
        "status": AgreementStatus.TENTATIVE,
        "term": (20, 750),
        "visibility": MEMBERS,
        "sessions": [
            (-95, "Northview District Office, Room 204", "District to respond on training hours and usage reports.",
             "First MOU session on BrightPath. The District accepts 'supplement, not replacement' in principle but "
             "resists any limit on usage reports. Ask the vendor whether chat transcripts are kept."),
            (-80, "Northview District Office, Room 204", "Association to counter on training and data.",
             "Counters received: two hours of online training, data deleted 'per vendor agreement' (which says 12 "
             "months). Members at the pilot schools say set-up took three hours or more per class."),
            (-70, NV_CENTRE, "Put the MOU to grade 3-8 members for a vote after the Board approves the purchase.",
             "Tentative agreement on all three sections: 3 hours' paid training plus 1 hour set-up, deletion within "
             "60 days, no teacher-identifying reports to administrators."),
        ],
        "clauses": [
            ("1", "Role of the tutoring platform", "human-oversight", MEMBERS, R.FALLBACK,
             lineage(mou.BRIGHTPATH_ROLE, ratified=False)),
            ("2", "Training and set-up time", "training", MEMBERS, R.PREFERRED,
             lineage(mou.BRIGHTPATH_TRAINING, ratified=False)),
            ("3", "Student and teacher data", "data-privacy", MEMBERS, R.FALLBACK,
             lineage(mou.BRIGHTPATH_DATA, ratified=False)),
        ],
    },
    {
        "key": "nv-teachers-successor",
        "unit": NV_TEACHERS,
        "title": "Northview Teachers Collective Agreement — successor",
        "status": AgreementStatus.IN_NEGOTIATION,
        "term": (76, 76 + 3 * 365),
        "visibility": MEMBERS,
        "sessions": [
            (-40, NV_OFFICE, "District to respond to Articles 21.4, 21.5 and 21.12 at the next session.",
             "Opened successor bargaining: tabled a $40,000 training budget, mid-year planning days and the "
             "AI-detection article. The District says the Board's draft budget has $25,000 for AI training."),
            (-19, NV_CENTRE, "Association to cost one against two planning days; both sides to check the State "
             "Board's timetable for academic-integrity guidance.",
             "Counters on 21.4 and 21.5. Both sides agreed to defer 21.12 until the State Board issues guidance. "
             "Team view: $25,000 is the floor; push for the committee to allocate it."),
        ],
        "clauses": [
            ("21.4", "Training and professional-learning budget", "training", MEMBERS, R.UNRATED,
             [(mou.NORTHVIEW_TRAINING_FUND["proposal"], U, S.PROPOSED, 0),
              (mou.NORTHVIEW_TRAINING_FUND["counter"], E, S.COUNTERED, 1)]),
            ("21.5", "Workload", "workload", MEMBERS, R.UNRATED,
             [(mou.NORTHVIEW_WORKLOAD["proposal"], U, S.PROPOSED, 0),
              (mou.NORTHVIEW_WORKLOAD["counter"], E, S.COUNTERED, 1)]),
            ("21.12", "Software that claims to detect AI in student work", "human-oversight", INTERNAL, R.UNRATED,
             [(mou.NORTHVIEW_DETECTION["proposal"], U, S.PROPOSED, 0),
              (mou.NORTHVIEW_DETECTION["deferred"], J, S.DEFERRED, 1)]),
        ],
    },
    {
        "key": "nv-support",
        "unit": NV_SUPPORT,
        "title": "Northview Support Staff Agreement",
        "status": AgreementStatus.RATIFIED,
        "term": (-500, 110),
        "ratified": -520,
        "visibility": MEMBERS,
        "sessions": [
            (-590, "Northview District Office, Room 112", "District to respond to the job-security and data sections.",
             "Paraprofessionals' main fear is AI tutoring replacing intervention aides. Lead on job security; "
             "table the training section as agreed for teachers."),
            (-565, "Northview Middle School, Staff Room", "Association to respond to the District's counters.",
             "District offered 'no layoffs as a direct result' only. Rejected: 'direct' is a loophole for "
             "reassignments and cut hours. Held the line on transfer of duties."),
            (-540, "Northview District Office, Room 112", "Ratification meeting; District to take it to the Board.",
             "Tentative agreement. Training accepted as proposed. We conceded on data privacy to close the deal; "
             "it goes back on the table next round."),
        ],
        "clauses": [
            ("14.1", "Job security", "job-security", MEMBERS, R.FALLBACK, FULL),
            ("14.2", "Training", "training", MEMBERS, R.PREFERRED, ACCEPTED),
            ("14.3", "Human decisions", "human-oversight", MEMBERS, R.FALLBACK, FULL),
            ("14.4", "Data privacy", "data-privacy", MEMBERS, R.BELOW, CONCEDED),
        ],
    },
    {
        "key": "lk-teachers",
        "unit": LK_TEACHERS,
        "title": "Lakeside Teachers Agreement",
        "status": AgreementStatus.RATIFIED,
        "term": (-300, 795),
        "ratified": -320,
        "visibility": MEMBERS,
        "sessions": [
            (-400, LK_OFFICE, "District to respond to the AI package.",
             "Tabled five AI sections. The Director of Digital Learning supports a committee; HR is worried about "
             "'binding recommendations'."),
            (-380, "Lakeside High School, Media Centre", "Association to reply on the committee and on authorship.",
             "Counters in. The District claims ownership of all materials, so members' resources on the shared "
             "drive are at stake. Possible trade: committee powers for authorship."),
            (-350, LK_OFFICE, "Ratification vote; District to table the agreement at the Board.",
             "Tentative agreement on all five sections. Equity accepted as proposed. Committee stays advisory, "
             "with a written response from the Superintendent within 30 days."),
        ],
        "clauses": [
            ("18.1", "Notice of new technology", "notice-and-bargaining", MEMBERS, R.FALLBACK, FULL),
            ("18.2", "Workload", "workload", MEMBERS, R.FALLBACK, FULL),
            ("18.3", "Teaching materials", "authorship-and-ip", MEMBERS, R.UNRATED, FULL),
            ("18.4", "Joint Technology Committee", "joint-committee", MEMBERS, R.FALLBACK, FULL),
            ("18.5", "Equity and access", "equity-and-access", MEMBERS, R.PREFERRED, ACCEPTED),
        ],
    },
    {
        "key": "lk-teachsim-mou",
        "unit": LK_TEACHERS,
        "title": "Memorandum of Understanding on Induction Simulations",
        "kind": AgreementKind.MOU,
        "status": AgreementStatus.RATIFIED,
        "term": (-60, 795),
        "ratified": -65,
        "visibility": MEMBERS,
        "sessions": [
            (-95, LK_OFFICE, "District to respond on the confidentiality of recordings.",
             "New teachers want the simulations but not the recordings in their evaluation file. Mentors back "
             "confidentiality."),
            (-82, LK_OFFICE, "Association to propose a retention period.",
             "The District wants to keep recordings for two years 'for research'. Ask what research and who sees it."),
            (-72, ONLINE, "Members' vote on the MOU.",
             "Tentative agreement: recordings confidential to participant and mentor, deleted 90 days after the "
             "school year, never used in evaluation."),
        ],
        "clauses": [
            ("1", "Use of simulation recordings", "evaluation-and-surveillance", MEMBERS, R.FALLBACK,
             lineage(mou.TEACHSIM_RECORDINGS, ratified=True)),
        ],
    },
    {
        "key": "lk-leaders",
        "unit": LK_LEADERS,
        "title": "Lakeside School Leaders Agreement",
        "status": AgreementStatus.EXPIRED,
        "term": (-1160, -60),
        "ratified": -1190,
        "visibility": INTERNAL,
        "sessions": [
            (-1250, LK_OFFICE, "District to respond.",
             "First AI language tabled for principals and assistant principals. Members mostly worried about the "
             "District's new walkthrough analytics app."),
            (-1235, LK_OFFICE, "Association to consider the District's counter on evaluation data.",
             "The District refuses to bar tool data from leaders' evaluations: 'leaders are accountable for data'. "
             "Recommend accepting 'sole basis' to close, and returning to it next round."),
            (-1215, LK_OFFICE, "Ratification meeting.",
             "Tentative agreement: definitions as proposed, evaluation on the District's wording. Flag for next "
             "round."),
        ],
        "clauses": [
            ("9.1", "Definitions", "definitions", INTERNAL, R.PREFERRED, ACCEPTED),
            ("9.2", "Evaluation data", "evaluation-and-surveillance", INTERNAL, R.BELOW, CONCEDED),
        ],
    },
    {
        "key": "gf-teachers",
        "unit": GF_TEACHERS,
        "title": "Greenfield Teachers Contract",
        "status": AgreementStatus.RATIFIED,
        "term": (-420, 200),
        "ratified": -450,
        "visibility": MEMBERS,
        "sessions": [
            (-520, GF_OFFICE, "District to respond to Article 12 at the next session.",
             "Tabled the AI article, modelled on the Northview language. The Deputy Superintendent leads for the "
             "District; the IT manager attended for the data section."),
            (-495, "Greenfield High School, Library", "Federation to reply on notice and evaluation.",
             "District countered notice to 30 days and 'sole basis' on evaluation. High-school teachers raised the "
             "camera-analytics rumours: the evaluation section is the priority."),
            (-470, GF_OFFICE, "Ratification vote; Board approval.",
             "Tentative agreement. Human oversight accepted as proposed. The committee stays advisory."),
        ],
        "clauses": [
            ("12.1", "Notice and bargaining", "notice-and-bargaining", MEMBERS, R.FALLBACK, FULL),
            ("12.2", "Job security", "job-security", MEMBERS, R.FALLBACK, FULL),
            ("12.3", "Professional judgement", "human-oversight", MEMBERS, R.PREFERRED, ACCEPTED),
            ("12.4", "Evaluation and monitoring", "evaluation-and-surveillance", MEMBERS, R.FALLBACK, FULL),
            ("12.5", "Data privacy", "data-privacy", MEMBERS, R.FALLBACK, FULL),
            ("12.6", "Technology committee", "joint-committee", MEMBERS, R.WALK_AWAY, CONCEDED),
        ],
    },
    {
        "key": "gf-ai-mou",
        "unit": GF_TEACHERS,
        "title": "Memorandum of Understanding on AI Tools in Classrooms",
        "kind": AgreementKind.MOU,
        "status": AgreementStatus.IN_NEGOTIATION,
        "term": (30, 30 + 2 * 365),
        "visibility": MEMBERS,
        "sessions": [
            (-28, GF_OFFICE, "District to respond to all three sections.",
             "Tabled one MOU for EarlySignal and Compose Copilot, since both reach every school this year. The "
             "District wants to move fast on Compose Copilot."),
            (-9, ONLINE, "District to reply to the revised section 1; Federation to survey support staff on training.",
             "Counters on review and on the fund ($20,000, the Board's proposed budget). Revised section 1 in the "
             "room. Withdrew section 3 once the District confirmed IEPs are out of the pilot: keep watching."),
        ],
        "clauses": [
            ("1", "Human review of risk scores and drafts", "human-oversight", MEMBERS, R.UNRATED,
             [(mou.GREENFIELD_REVIEW["proposal"], U, S.PROPOSED, 0),
              (mou.GREENFIELD_REVIEW["counter"], E, S.COUNTERED, 1),
              (mou.GREENFIELD_REVIEW["revised"], U, S.PROPOSED, 1)]),
            ("2", "Professional-learning fund", "training", MEMBERS, R.UNRATED,
             [(mou.GREENFIELD_FUND["proposal"], U, S.PROPOSED, 0),
              (mou.GREENFIELD_FUND["counter"], E, S.COUNTERED, 1)]),
            ("3", "Report comments and IEP drafts", "authorship-and-ip", INTERNAL, R.UNRATED,
             [(mou.GREENFIELD_DRAFTS["proposal"], U, S.PROPOSED, 0),
              (mou.GREENFIELD_DRAFTS["withdrawn"], U, S.WITHDRAWN, 1)]),
        ],
    },
    {
        "key": "gf-support",
        "unit": GF_SUPPORT,
        "title": "Greenfield Support Staff Agreement",
        "status": AgreementStatus.TENTATIVE,
        "term": (30, 30 + 3 * 365),
        "visibility": MEMBERS,
        "sessions": [
            (-75, GF_OFFICE, "District to respond to sections 8.1 to 8.3.",
             "Library and front-office staff expect the writing assistant to be used to cut hours. Job security "
             "is the priority."),
            (-50, "Greenfield Middle School, Staff Room", "Federation to respond on training; District to cost paid "
             "training for part-time staff.",
             "Counters: 'direct result' again, and online vendor training. Part-time staff must be paid for "
             "training time; many work 19 hours a week."),
            (-22, GF_OFFICE, "Ratification vote within four weeks; District to table the agreement at the Board.",
             "Tentative agreement on all three sections. The training section covers MathMentor supervisors from "
             "next term."),
        ],
        "clauses": [
            ("8.1", "Job security", "job-security", MEMBERS, R.FALLBACK, TENTATIVE),
            ("8.2", "Workload", "workload", MEMBERS, R.FALLBACK, TENTATIVE),
            ("8.3", "Training", "training", MEMBERS, R.UNRATED, TENTATIVE),
        ],
    },
    {
        "key": "gf-leaders",
        "unit": GF_LEADERS,
        "title": "Greenfield School Leaders Agreement",
        "status": AgreementStatus.RATIFIED,
        "term": (-680, 45),
        "ratified": -710,
        "visibility": MEMBERS,
        "sessions": [
            (-760, GF_OFFICE, "District to respond.",
             "Leaders' main concern: walkthrough and dashboard analytics used in their own evaluations."),
            (-745, GF_OFFICE, "Federation to reply on definitions.",
             "The District accepts the definitions with small changes but resists the evaluation language."),
            (-725, GF_OFFICE, "Ratification meeting.",
             "Tentative agreement: evaluation accepted as proposed once the Superintendent agreed that no principal "
             "is evaluated by an app."),
        ],
        "clauses": [
            ("6.1", "Definitions", "definitions", MEMBERS, R.FALLBACK, FULL),
            ("6.2", "Evaluation and monitoring", "evaluation-and-surveillance", MEMBERS, R.PREFERRED, ACCEPTED),
        ],
    },
]  # fmt: skip


def load_agreements(demo: Demo) -> None:
    for order, (code, name, description) in enumerate(TOPICS, start=1):
        demo.topics[code] = upsert(
            Topic, {"code": code}, {"name": name, "description": description, "sort_order": order}
        )
    sessions_seen = Counter()
    for spec in AGREEMENTS:
        unit = demo.units[spec["unit"]]
        start, end = spec["term"]
        agreement = upsert(
            Agreement,
            {"bargaining_unit": unit, "title": spec["title"]},
            {
                "kind": spec.get("kind", AgreementKind.COLLECTIVE_AGREEMENT),
                "status": spec["status"],
                "term_start": demo.day(start),
                "term_end": demo.day(end),
                "visibility": spec["visibility"],
            },
        )
        demo.agreements[spec["key"]] = agreement
        sessions = []
        for session_spec in spec["sessions"]:
            sessions.append(_session(demo, unit, sessions_seen[unit.pk], *session_spec))
            sessions_seen[unit.pk] += 1
        for article, title, topic, visibility, rating, steps in spec["clauses"]:
            clause = upsert(
                Clause,
                {"agreement": agreement, "article_number": article},
                {"title": title, "topic": demo.topics[topic], "visibility": visibility, "model_rating": rating},
            )
            demo.clauses[(spec["key"], article)] = clause
            # Versions are append-only: a clause that already has a lineage keeps it.
            if not clause.versions.exists():
                _table_lineage(demo, clause, steps, sessions, spec.get("ratified"))


def _session(demo: Demo, unit, ordinal: int, offset: int, location: str, next_steps: str, note: str):
    """The unit's `ordinal`-th session: sessions have no natural key, so they are matched in creation order."""
    union_slug = unit.union.slug
    session = NegotiationSession.objects.filter(bargaining_unit=unit).order_by("pk")[ordinal : ordinal + 1].first()
    if session is None:
        # The date is set once: the clause versions tabled in the session carry the same date, and never change.
        session = NegotiationSession(bargaining_unit=unit, held_on=demo.day(offset))
    officer = demo.users[OFFICERS[union_slug]]
    sync(
        session,
        {
            "location": location,
            "attendees": "\n".join(UNION_TEAMS[union_slug] + DISTRICT_TEAMS[unit.employer.slug]),
            "next_steps": next_steps,
            "visibility": INTERNAL if unit.visibility == INTERNAL else MEMBERS,
            "created_by": officer,
        },
    )
    upsert(SessionNote, {"session": session, "body": note}, {"author": officer, "visibility": INTERNAL})
    return session


def _table_lineage(demo: Demo, clause, steps, sessions, ratified_offset) -> None:
    union_slug = clause.agreement.bargaining_unit.union.slug
    standard = TOPIC_TEXTS[clause.topic.code]
    for text, tabled_by, status, session_index in steps:
        session = sessions[session_index] if session_index is not None else None
        table_clause_version(
            clause=clause,
            text=for_union(standard.get(text, text), union_slug),
            tabled_by=tabled_by,
            status=status,
            user=demo.users[OFFICERS[union_slug]],
            session=session,
            tabled_on=demo.day(ratified_offset) if session is None else None,
        )
