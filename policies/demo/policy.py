"""What each union stands for: principles, model clauses and positions."""

from bargaining.access import Visibility
from policies.demo import welsh
from policies.demo.people import OFFICERS
from policies.demo.records import Demo, set_links, upsert
from policies.demo.topics import AGREED, PROPOSAL, WALK_AWAY, topic_text
from policies.models import ModelClause, Position, PositionStatus, Principle, Stance

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL
# The union that keeps its principles, model clauses and positions in Welsh as well as English.
BILINGUAL = "gfss"

# union, code, title, statement, adopted (days from today)
PRINCIPLES = [
    ("nlea", "professional-judgement", "AI must not replace educators' professional judgement",
     "Decisions about students' learning, grades, placement and welfare, and about staff, are made by qualified "
     "people who can explain them. Tools may inform those decisions; they never make them.", -900),
    ("nlea", "bargain-first", "No new technology without notice and bargaining",
     "The Association is told in writing before any AI tool is piloted or bought, with the time and information "
     "to respond, and the effects on members are bargained before the tool is used.", -900),
    ("nlea", "no-displacement", "Technology supports educators; it does not displace them",
     "No educator loses a job, hours or duties to an AI tool or to the vendor that sells it.", -900),
    ("nlea", "no-surveillance", "Classroom tools are not for monitoring staff",
     "Usage logs, recordings, scores and analytics from classroom tools are not used to evaluate, discipline or "
     "monitor educators.", -900),
    ("nlea", "data-minimisation", "Collect only the data a tool needs",
     "Student and staff data is collected only for a stated educational purpose, kept only as long as needed, "
     "never sold and never used to train a vendor's products.", -840),
    ("nlea", "paid-training", "Training is paid and in work time",
     "Anyone required to use a new tool is trained by qualified educators, in paid time, before they must use it.",
     -840),
    ("nlea", "workload", "Tools must reduce workload, not add to it",
     "Time a tool saves belongs to educators and students. A tool is never a reason to raise class sizes, "
     "caseloads or after-hours work.", -840),
    ("nlea", "equity", "Equal access and no new bias",
     "Every tool is checked for bias before it is used, and every student and educator has the devices, "
     "connectivity and accessible formats it needs.", -600),
    ("nlea", "own-our-work", "Educators own their work",
     "Lesson plans and teaching materials stay their authors' own and are not fed to vendors' models without "
     "the author's consent.", -600),
    ("gfss", "people-decide", "People, not algorithms, make decisions about people",
     "Every decision about a student or a member of staff is made, and can be explained, by a person.", -700),
    ("gfss", "staff-privacy", "Staff privacy is not negotiable",
     "Staff are not recorded, scored or monitored by classroom or office tools, and their data is never sold.",
     -700),
    ("gfss", "protect-jobs", "No job lost to automation",
     "Support staff hours and posts are protected when tools take over tasks; time saved is not cut from pay.",
     -700),
    ("gfss", "fair-training", "Training for every grade of staff",
     "Support staff get the same paid training as teachers on every tool they are asked to use or supervise.",
     -500),
]  # fmt: skip

# topic: (guidance for negotiators, NLEA principles, GFSS principles, NLEA visibility, GFSS visibility)
MODEL_CLAUSES = {
    "definitions": ("Define tools by what they do, not by what vendors call them: 'pilot' and 'free trial' are how "
                    "tools arrive without notice. Features added by update must be caught.",
                    ["bargain-first"], ["people-decide"], PUBLIC, MEMBERS),
    "notice-and-bargaining": ("Pilots are the usual way round notice: never accept 'materially affects'. A union "
                              "that misses a response deadline can lose the right to bargain, so log every notice "
                              "the day it arrives.", ["bargain-first"], ["protect-jobs"], PUBLIC, MEMBERS),
    "job-security": ("Watch for 'direct result' in counters: it lets the District cut hours or reassign duties and "
                     "blame the budget. Transfer of duties to a vendor is the real risk for support staff.",
                     ["no-displacement"], ["protect-jobs"], MEMBERS, MEMBERS),
    "training": ("Insist on paid time; vendor videos are not training. Tie the training budget to the joint "
                 "committee where you can.", ["paid-training"], ["fair-training"], PUBLIC, MEMBERS),
    "workload": ("Ask what the time saved will be used for before the tool arrives. After-hours alerts and messages "
                 "are the commonest new workload.", ["workload"], ["protect-jobs"], MEMBERS, MEMBERS),
    "human-oversight": ("An override that needs written reasons is an override nobody uses. Keep discipline and "
                        "services in the list, not just grades.", ["professional-judgement"], ["people-decide"],
                        PUBLIC, PUBLIC),
    "evaluation-and-surveillance": ("'Sole basis' still lets tool data into evaluations. Ask for teacher-level "
                                    "reports to be switched off, not just kept out of files.", ["no-surveillance"],
                                    ["staff-privacy"], MEMBERS, MEMBERS),
    "data-privacy": ("Ask for the signed privacy agreement, not a summary. Check whether the District adopted "
                     "another district's agreement and whether it has expired.", ["data-minimisation"],
                     ["staff-privacy"], PUBLIC, MEMBERS),
    "authorship-and-ip": ("Shared drives are where materials leak into training sets. Consent must be the "
                          "author's, not the principal's.", ["own-our-work"], [], MEMBERS, INTERNAL),
    "joint-committee": ("Equal numbers and paid release time matter more than how often it meets. If its "
                        "recommendations are advisory, get a deadline for a written response.", ["bargain-first"],
                        ["people-decide"], MEMBERS, MEMBERS),
    "equity-and-access": ("Ask for the vendor's bias testing on the District's own students, and what happens to "
                          "students whose families decline consent.", ["equity"], ["fair-training"], PUBLIC, MEMBERS),
}  # fmt: skip

POSITIONS = [
    {
        "union": "nlea", "title": "BrightPath Tutor in Northview: support with conditions",
        "proposal": "nv-brightpath", "stance": Stance.SUPPORT_WITH_CONDITIONS,
        "status": PositionStatus.ADOPTED, "adopted": -118, "visibility": PUBLIC, "version": 2,
        "principles": ["professional-judgement", "paid-training", "no-surveillance", "data-minimisation"],
        "rationale": "Grade 3-8 members asked for more practice time for students who are behind, and teachers at "
        "the two pilot schools reported no extra marking. The platform supplements teaching rather than replacing "
        "it, and its privacy agreement is signed. The risk is the teacher-level usage reports, which must never "
        "become a performance measure.",
        "conditions": "Three hours of paid training and one hour of paid set-up time before launch in each school\n"
        "No teacher-identifying usage reports shared with administrators or used in evaluation\n"
        "Teachers keep authority over grades, groupings and interventions\n"
        "All student and teacher data deleted within 60 days of the licence ending",
    },
    {
        "union": "nlea", "title": "Oppose the ClassPulse 'teacher effectiveness index'",
        "proposal": "nv-classpulse", "stance": Stance.OPPOSE,
        "status": PositionStatus.ADOPTED, "adopted": -6, "visibility": MEMBERS,
        "principles": ["no-surveillance", "professional-judgement"],
        "rationale": "The index scores teachers from test growth, platform clicks and attendance, none of which a "
        "teacher controls alone. Showing it to principals makes it an evaluation tool whatever the District says, "
        "and Article 21.7 of the collective agreement bars tool data from evaluations.",
        "conditions": "Withdraw the teacher effectiveness index from the product the District buys\n"
        "Class dashboards, if any, visible only to the class teacher\n"
        "Written confirmation that no ClassPulse data enters observations or personnel files",
    },
    {
        "union": "nlea", "title": "SafeScreen Sentinel on student devices",
        "proposal": "nv-safescreen", "stance": Stance.NO_POSITION,
        "status": PositionStatus.DRAFT, "visibility": INTERNAL,
        "principles": ["data-minimisation", "workload"],
        "rationale": "Student safety matters to every member, but the District has not said who answers alerts "
        "at night or whether staff messages are scanned. The executive will not take a position until it has.",
        "conditions": "Answer the information request in full before the response deadline runs\n"
        "No after-hours alert duty without bargaining\n"
        "No scanning of staff email or documents",
    },
    {
        "union": "nlea", "title": "Remote proctoring with ProctorEye",
        "tool": "ProctorEye", "stance": Stance.OPPOSE,
        "status": PositionStatus.ADOPTED, "adopted": -195, "visibility": PUBLIC,
        "principles": ["no-surveillance", "data-minimisation", "equity"],
        "rationale": "ProctorEye films students in their homes, matches their faces against photos and flags "
        "'suspicious' eye movements. Such systems flag disabled students and students of colour more often, and "
        "the flags land on teachers to review unpaid. No exam is worth biometric surveillance of children.",
        "conditions": "No remote proctoring that records audio or video of students at home\n"
        "No biometric matching of students or staff",
    },
    {
        "union": "nlea", "title": "PlanCraft AI for lesson planning",
        "tool": "PlanCraft AI", "stance": Stance.SUPPORT,
        "status": PositionStatus.ADOPTED, "adopted": -280, "visibility": MEMBERS,
        "principles": ["professional-judgement", "own-our-work", "workload"],
        "rationale": "PlanCraft is optional, processes almost no personal data and members who tried it say it "
        "saves planning time. It leaves every teaching decision with the teacher, and materials stay the "
        "teacher's own under the Lakeside agreement.",
        "conditions": "Use stays voluntary\nMaterials teachers create are not used to train the vendor's models",
    },
    {
        "union": "nlea", "title": "GradeSwift essay scoring in Lakeside",
        "proposal": "lk-gradeswift", "stance": Stance.SUPPORT_WITH_CONDITIONS,
        "status": PositionStatus.DRAFT, "visibility": INTERNAL,
        "principles": ["professional-judgement", "equity"],
        "rationale": "Practice feedback could help students between drafts, but the vendor's own study shows the "
        "tool scores English learners lower than human raters. Draft for the executive: support a one-semester "
        "trial only.",
        "conditions": "Teacher override on every score\nNo scores in the gradebook\n"
        "One-semester trial with a joint review of the results by English learner status",
    },
    {
        "union": "nlea", "title": "Substitute cover by TimeTabler Pro",
        "proposal": "nv-timetabler", "stance": Stance.NO_POSITION,
        "status": PositionStatus.ADOPTED, "adopted": -350, "visibility": INTERNAL,
        "principles": ["workload"],
        "rationale": "The allocation rules follow the existing cover article, so the tool changes how cover is "
        "assigned rather than how much. The executive takes no position and will review the monthly cover reports.",
        "conditions": "Monthly cover reports shared with the Association",
    },
    {
        "union": "nlea", "title": "No AI camera analytics in schools",
        "tool": "HallwayWatch", "stance": Stance.OPPOSE,
        "status": PositionStatus.ADOPTED, "adopted": -1, "visibility": PUBLIC,
        "principles": ["no-surveillance", "data-minimisation", "equity"],
        "rationale": "HallwayWatch records sound and video in corridors and near restrooms and claims to detect "
        "'aggression'. Such systems misread ordinary behaviour, fall hardest on some students, and record staff "
        "all day. Safety comes from staffing, not sensors.",
        "conditions": "No audio recording in schools\nNo cameras near restrooms\n"
        "No use of camera analytics in staff discipline",
    },
    {
        "union": "nlea", "title": "EarlySignal early-warning scores in Lakeside",
        "proposal": "lk-earlysignal", "stance": Stance.OPPOSE,
        "status": PositionStatus.ADOPTED, "adopted": -235, "visibility": MEMBERS,
        "principles": ["data-minimisation", "professional-judgement", "equity"],
        "rationale": "The tool scores children from demographic and special-education records under a privacy "
        "agreement that has expired, and would double counsellors' caseloads with no extra staff.",
        "conditions": "Signed and current privacy agreement\nNo demographic inputs\n"
        "Scores kept out of gradebooks and student files",
    },
    {
        "union": "gfss", "title": "Compose Copilot in Greenfield: support with conditions",
        "proposal": "gf-compose", "stance": Stance.SUPPORT_WITH_CONDITIONS,
        "status": PositionStatus.ADOPTED, "adopted": -6, "visibility": MEMBERS,
        "principles": ["people-decide", "staff-privacy", "protect-jobs", "fair-training"],
        "rationale": "Office and library staff spend hours on routine letters, and a drafting assistant could give "
        "that time back. But the assistant reads whole mailboxes, its privacy agreement is unsigned, and 'time "
        "saved' must not become hours cut.",
        "conditions": "Use is voluntary\nA person reviews every draft before it is sent\n"
        "No drafting of IEP documents\nPaid training for all staff\nSigned privacy agreement before launch",
    },
    {
        "union": "gfss", "title": "Oppose EarlySignal risk scoring",
        "tool": "EarlySignal", "stance": Stance.OPPOSE,
        "status": PositionStatus.ADOPTED, "adopted": -70, "visibility": PUBLIC, "version": 2,
        "principles": ["people-decide", "staff-privacy"],
        "rationale": "Risk scores built from home language and special-education status label children before "
        "anyone has met them. The Federation opposes EarlySignal wherever it is proposed.",
        "conditions": "No risk scores shown to students or families\nA person reviews every referral",
    },
    {
        "union": "gfss", "title": "Support MathMentor Live after-school tutoring",
        "proposal": "gf-mathmentor", "stance": Stance.SUPPORT,
        "status": PositionStatus.ADOPTED, "adopted": -215, "visibility": PUBLIC,
        "principles": ["fair-training"],
        "rationale": "Human tutors lead the sessions, supervision hours are paid at the regular rate, and the tool "
        "collects little personal data.",
        "conditions": "",
    },
    {
        "union": "gfss", "title": "HallwayWatch cameras at Greenfield High",
        "proposal": "gf-hallwaywatch", "stance": Stance.OPPOSE,
        "status": PositionStatus.ADOPTED, "adopted": -160, "visibility": PUBLIC,
        "principles": ["staff-privacy", "people-decide"],
        "rationale": "Audio capture and 'aggression' detection would record staff and students all day, and the "
        "vendor would not rule out use in staff discipline.",
        "conditions": "No audio or video analytics in school buildings",
    },
    {
        "union": "gfss", "title": "TimeTabler Pro in Greenfield",
        "proposal": "gf-timetabler", "stance": Stance.NO_POSITION,
        "status": PositionStatus.DRAFT, "visibility": INTERNAL,
        "principles": ["protect-jobs"],
        "rationale": "Awaiting the allocation rules. Northview's experience with the same tool has been neutral.",
        "conditions": "Cover allocation rules shared before launch",
    },
]  # fmt: skip


def load_policy(demo: Demo) -> None:
    for union, code, title, statement, adopted in PRINCIPLES:
        demo.principles[(union, code)] = upsert(
            Principle,
            {"union": demo.unions[union], "code": code},
            {
                "title": title,
                "statement": statement,
                **_welsh(welsh.PRINCIPLES, code if union == BILINGUAL else None, "title_cy", "statement_cy"),
                "adopted_on": demo.day(adopted),
                "visibility": PUBLIC,
            },
        )
    for topic, (guidance, nlea_principles, gfss_principles, nlea_visibility, gfss_visibility) in MODEL_CLAUSES.items():
        for union, codes, visibility in [("nlea", nlea_principles, nlea_visibility),
                                         ("gfss", gfss_principles, gfss_visibility)]:  # fmt: skip
            model_clause = upsert(
                ModelClause,
                {"union": demo.unions[union], "topic": demo.topics[topic]},
                {
                    "title": f"Model clause: {demo.topics[topic].name}",
                    "preferred_text": topic_text(topic, PROPOSAL, union),
                    "fallback_text": topic_text(topic, AGREED, union),
                    "walk_away_text": topic_text(topic, WALK_AWAY, union),
                    **_welsh(
                        welsh.MODEL_CLAUSES,
                        topic if union == BILINGUAL else None,
                        "title_cy",
                        "preferred_text_cy",
                        "fallback_text_cy",
                    ),
                    "guidance": guidance,
                    "visibility": visibility,
                },
            )
            set_links(model_clause, "principles", [demo.principles[(union, code)] for code in codes])
    for spec in POSITIONS:
        union = spec["union"]
        adopted = spec["status"] == PositionStatus.ADOPTED
        position = upsert(
            Position,
            {"union": demo.unions[union], "title": spec["title"]},
            {
                "proposal": demo.proposals[spec["proposal"]] if "proposal" in spec else None,
                "tool": demo.tools[spec["tool"]] if "tool" in spec else None,
                "stance": spec["stance"],
                "rationale": spec["rationale"],
                **_welsh(welsh.POSITIONS, spec["title"] if union == BILINGUAL else None, "title_cy", "rationale_cy"),
                "conditions": spec["conditions"],
                "status": spec["status"],
                "adopted_on": demo.day(spec["adopted"]) if adopted else None,
                "adopted_by": demo.users[OFFICERS[union]] if adopted else None,
                "visibility": spec["visibility"],
                "version": spec.get("version", 1),
            },
        )
        set_links(position, "principles", [demo.principles[(union, code)] for code in spec["principles"]])


def _welsh(texts: dict, key, *fields: str) -> dict:
    """The Welsh fields of a record of the bilingual union, from policies/demo/welsh.py (none for the other)."""
    return dict(zip(fields, texts[key], strict=True)) if key in texts else {}
