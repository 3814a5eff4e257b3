"""Each union's consultations on the districts' proposals, with their timelines."""

from bargaining.access import Visibility
from consultations.models import Consultation, ConsultationEvent, ConsultationStage, EventKind
from policies.demo.records import Demo, set_links, upsert

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL
K = EventKind
Stage = ConsultationStage

# Each consultation opens `opened` days from today (negative: in the past). Its events are
# (days after opening, kind, summary, visibility, author); a visibility of None means the consultation's own.
# Response deadlines are 30 days after the notice unless said otherwise.
CONSULTATIONS = [
    {
        "union": "nlea",
        "proposal": "nv-brightpath",
        "stage": Stage.DECISION,
        "opened": -148,
        "visibility": MEMBERS,
        "outcome": "The Board approved the purchase after the District accepted the Association's conditions. A "
        "memorandum on training, the platform's role and data was tentatively agreed and goes to members for "
        "ratification.",
        "clauses": [("nv-brightpath-mou", "1"), ("nv-brightpath-mou", "2"), ("nv-brightpath-mou", "3")],
        "events": [
            (0, K.NOTICE, "Written notice from the Assistant Superintendent for Curriculum: the District intends to "
             "license BrightPath Tutor for grades 3-8 mathematics and reading from next semester, paid from the "
             "Title I budget.", None, "officer"),
            (4, K.INFORMATION_REQUEST, "Information request sent with a demand to bargain the effects: start date, "
             "grades and staff affected, how teachers must use the dashboards, why this tool, what student and staff "
             "data it collects, where the data is stored and who can see it.", None, "officer"),
            (6, K.NOTE, "Executive agreed to survey grade 3-8 teachers before the first meeting; organiser drafting "
             "the survey.", INTERNAL, "organiser"),
            (19, K.DOCUMENT_RECEIVED, "District supplied the signed data privacy agreement, the pilot evaluation "
             "from two schools and the rollout timeline. Teacher dashboards include a 'minutes of instruction' report "
             "per class.", None, "officer"),
            (26, K.MEETING, "First consultation meeting. The District confirmed that teacher-level usage reports exist "
             "but said they 'won't be used for evaluation'. The Association asked for that in writing.", None,
             "officer"),
            (29, K.UNION_RESPONSE, "Response submitted: support with conditions — paid training and set-up time, no "
             "use of platform data in evaluation, teachers keep authority over grades and groupings, data deleted "
             "after the licence ends.", None, "officer"),
            (47, K.MEETING, "Second meeting: the District agreed the conditions in principle; the parties will write "
             "them into a memorandum of understanding.", None, "officer"),
            (85, K.EMPLOYER_DECISION, "Board of Education approved the purchase by 5 votes to 2, citing the agreed "
             "conditions.", None, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "nv-safescreen",
        "stage": Stage.INFORMATION_REQUESTED,
        "opened": -21,
        "visibility": MEMBERS,
        "events": [
            (0, K.NOTICE, "Notice: SafeScreen Sentinel will scan student activity on district Chromebooks and email "
             "for signs of self-harm and violence, with alerts routed to counsellors and site administrators from "
             "next term.", None, "officer"),
            (2, K.NOTE, "Counsellors in the unit are worried about alerts at night and at weekends: who is on call? "
             "Put it in the information request.", INTERNAL, "organiser"),
            (5, K.INFORMATION_REQUEST, "Information request: who receives alerts and when, expected alert volume, "
             "after-hours responsibility, false-positive rates, whether staff messages are scanned, retention, and "
             "sharing with police.", None, "officer"),
            (13, K.DOCUMENT_RECEIVED, "Partial reply: vendor brochure and an alert-routing chart. No answer on "
             "after-hours duty or on scanning staff email. Privacy agreement 'in progress'.", None, "officer"),
            (15, K.ESCALATION, "Letter to the Superintendent: the response period cannot run while the information "
             "request is unanswered. Asked for the deadline to be extended.", None, "officer"),
            (19, K.NOTE, "Holding position: no position until the District answers on after-hours duty and staff "
             "email.", INTERNAL, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "nv-classpulse",
        "stage": Stage.MEETINGS,
        "opened": -12,
        "visibility": INTERNAL,
        "events": [
            (0, K.NOTICE, "Notice: ClassPulse Insights dashboards for principals, showing class results, engagement "
             "and a 'teacher effectiveness index' computed from student data.", None, "officer"),
            (1, K.NOTE, "Executive: the effectiveness index is evaluation by algorithm and breaches Article 21.7. "
             "Prepare to oppose.", None, "officer"),
            (3, K.INFORMATION_REQUEST, "Information request: how the index is computed, who sees it, whether it "
             "feeds observations, vendor documentation and data retention.", None, "officer"),
            (8, K.DOCUMENT_RECEIVED, "Vendor methodology note: the index weights test growth at 60%, platform "
             "engagement at 25% and attendance at 15%.", None, "organiser"),
            (10, K.MEETING, "Meeting with the Deputy Superintendent. The District offered to hide the index from "
             "principals for a one-year 'pilot'. The Association restated Article 21.7: no tool data in evaluation.",
             None, "officer"),
            (11, K.NOTE, "Members' briefing drafted for the Northview building reps; hold until the response is "
             "submitted.", None, "organiser"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "nv-proctoreye",
        "stage": Stage.DECISION,
        "opened": -218,
        "visibility": PUBLIC,
        "outcome": "The Board declined to approve ProctorEye. Credit-recovery exams continue on site with a teacher.",
        "events": [
            (0, K.NOTICE, "Notice: ProctorEye to proctor online credit-recovery exams taken at home.", None, "officer"),
            (3, K.INFORMATION_REQUEST, "Information request: what is recorded, how flags are reviewed, who sees "
             "recordings, retention, accommodations for disabled students, and the privacy agreement.", None,
             "officer"),
            (15, K.DOCUMENT_RECEIVED, "Vendor documents confirm face matching against a reference photo and gaze "
             "tracking. No privacy agreement yet; the vendor asked to use recordings to 'improve the service'.",
             None, "officer"),
            (20, K.NOTE, "Teachers who supervise credit recovery say most flags would land on them to review, "
             "unpaid.", INTERNAL, "organiser"),
            (22, K.UNION_RESPONSE, "Response: the Association opposes biometric proctoring of students at home and "
             "any use of recordings beyond the exam.", None, "officer"),
            (25, K.ESCALATION, "The Association spoke at the Board meeting; 140 members and parents attended.", None,
             "organiser"),
            (40, K.EMPLOYER_DECISION, "The Board voted not to approve the purchase.", None, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "nv-compose",
        "stage": Stage.NOTICE_RECEIVED,
        "opened": -4,
        # No deadline entered yet: Caucus counts the union's statutory window from the notice.
        "deadline_entered": False,
        "visibility": MEMBERS,
        "events": [
            (0, K.NOTICE, "Notice of a Compose Copilot pilot in three schools: an AI writing assistant inside staff "
             "email and documents.", None, "officer"),
            (0, K.NOTE, "Notice forwarded to the executive and the Technology Committee members.", INTERNAL,
             "officer"),
            (1, K.NOTE, "Short survey sent to members at the three pilot schools about what they would use it for.",
             None, "organiser"),
            (2, K.MEETING, "Executive meeting: the main questions are access to mail and files, and whether it "
             "drafts IEP documents.", INTERNAL, "officer"),
            (3, K.NOTE, "Draft information request circulated to the executive for comment; to be sent this week.",
             INTERNAL, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "lk-gradeswift",
        "stage": Stage.MEETINGS,
        "opened": -23,
        "visibility": MEMBERS,
        "events": [
            (0, K.NOTICE, "Notice: GradeSwift to score practice essays in grades 9-12 English.", None, "officer"),
            (3, K.INFORMATION_REQUEST, "Information request: which essays, whether scores enter the gradebook, how "
             "the model was validated, and whether teachers can override scores.", None, "officer"),
            (10, K.DOCUMENT_RECEIVED, "Validity study received: the tool agrees with trained human raters on 71% of "
             "essays and scores English learners lower than human raters.", None, "officer"),
            (14, K.MEETING, "Meeting with the Curriculum Director. The District says scores are 'practice only' but "
             "the vendor's contract mentions gradebook integration.", None, "officer"),
            (16, K.NOTE, "English department reps want a one-semester trial with a teacher override on every score.",
             INTERNAL, "organiser"),
            (20, K.MEETING, "Second meeting: the District agreed to switch off gradebook integration during the "
             "trial.", None, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "lk-hallwaywatch",
        "stage": Stage.INFORMATION_REQUESTED,
        "opened": -2,
        "visibility": MEMBERS,
        "events": [
            (0, K.NOTICE, "Notice: HallwayWatch camera and sound analytics at Lakeside High and Eastshore High.",
             None, "officer"),
            (0, K.NOTE, "Ask the Greenfield Federation for their papers: Greenfield rejected the same tool.",
             INTERNAL, "officer"),
            (1, K.NOTE, "Building reps at both high schools briefed.", None, "organiser"),
            (1, K.MEETING, "Executive call: agreed to oppose under the adopted position on AI camera analytics.",
             INTERNAL, "officer"),
            (2, K.INFORMATION_REQUEST, "Information request sent: camera locations, whether restrooms are covered, "
             "audio recording, who reviews alerts, use in staff discipline, retention and police access.", None,
             "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "lk-earlysignal",
        "stage": Stage.DECISION,
        "opened": -260,
        "visibility": MEMBERS,
        "outcome": "The District withdrew the pilot after the vendor's privacy agreement lapsed.",
        "events": [
            (0, K.NOTICE, "Notice: EarlySignal pilot to score students' risk of dropping out.", None, "officer"),
            (4, K.INFORMATION_REQUEST, "Information request: which records feed the score, who sees it, whether "
             "demographic data is used, and the privacy agreement.", None, "officer"),
            (16, K.DOCUMENT_RECEIVED, "The privacy agreement expired last year and the vendor has not renewed it. "
             "The model uses demographic and special-education records.", None, "officer"),
            (21, K.NOTE, "Counsellors say the caseload from flagged students would double with no extra staff.",
             INTERNAL, "organiser"),
            (27, K.UNION_RESPONSE, "Response: the Association opposes the pilot until a privacy agreement is signed "
             "and scores are kept from teachers' gradebooks and students' files.", None, "officer"),
            (88, K.EMPLOYER_DECISION, "The District withdrew the proposal.", None, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "lk-teachsim",
        "stage": Stage.DECISION,
        "opened": -130,
        "visibility": MEMBERS,
        "outcome": "Approved for new-teacher induction, under the Memorandum of Understanding on Induction "
        "Simulations.",
        "clauses": [("lk-teachsim-mou", "1")],
        "events": [
            (0, K.NOTICE, "Notice: TeachSim Studio simulations for first- and second-year teachers.", None, "officer"),
            (5, K.INFORMATION_REQUEST, "Information request: what is recorded, who sees recordings and scores, and "
             "whether participation is in paid time.", None, "officer"),
            (18, K.DOCUMENT_RECEIVED, "Vendor documentation: sessions are video-recorded and scored; "
             "administrators can see scores by default.", None, "officer"),
            (30, K.UNION_RESPONSE, "Response: support, on condition that recordings are confidential, never used in "
             "evaluation and deleted each year.", None, "officer"),
            (33, K.MEETING, "Meeting: the District agreed to bargain an MOU on recordings.", None, "officer"),
            (65, K.EMPLOYER_DECISION, "Purchase approved once the MOU was ratified.", None, "officer"),
        ],
    },
    {
        "union": "nlea",
        "proposal": "nv-timetabler",
        "stage": Stage.REVIEW,
        "opened": -395,
        "visibility": INTERNAL,
        "outcome": "Deployed. No position taken; the Association monitors how cover is allocated.",
        "events": [
            (0, K.NOTICE, "Notice: TimeTabler Pro to allocate daily substitute cover.", None, "officer"),
            (6, K.INFORMATION_REQUEST, "Information request: the rules for allocating cover, and whether part-time "
             "staff are included.", None, "officer"),
            (14, K.DOCUMENT_RECEIVED, "Allocation rules received; they follow the existing cover article.", None,
             "officer"),
            (20, K.MEETING, "Meeting: the District agreed to share monthly cover reports with the Association.", None,
             "officer"),
            (26, K.UNION_RESPONSE, "Response: no position, subject to monthly cover reports.", None, "officer"),
            (40, K.EMPLOYER_DECISION, "Deployed from the start of term.", None, "officer"),
            (365, K.NOTE, "Annual review: cover is spread more evenly than under the paper rota; no grievances filed.",
             None, "organiser"),
        ],
    },
    {
        "union": "gfss",
        "proposal": "gf-compose",
        "stage": Stage.RESPONSE_SUBMITTED,
        "opened": -33,
        "visibility": MEMBERS,
        "clauses": [("gf-ai-mou", "1"), ("gf-ai-mou", "2"), ("gf-ai-mou", "3")],
        "events": [
            (0, K.NOTICE, "Notice: Compose Copilot for all staff from next month.", None, "other-officer"),
            (3, K.INFORMATION_REQUEST, "Information request: what the assistant can read, whether IEP documents and "
             "report comments are in scope, training, and the privacy agreement.", None, "other-officer"),
            (11, K.DOCUMENT_RECEIVED, "The privacy agreement has been requested but not signed. The assistant can "
             "read the user's whole mailbox.", None, "other-officer"),
            (17, K.MEETING, "Meeting: the District agreed use will be voluntary and IEP documents out of scope.", None,
             "other-officer"),
            (24, K.NOTE, "Office staff worry that 'time saved' becomes cut hours; raise at the support-staff table.",
             INTERNAL, "other-officer"),
            (28, K.UNION_RESPONSE, "Response submitted: support with conditions — voluntary use, human review, paid "
             "training, no IEP drafting, signed privacy agreement first.", None, "other-officer"),
        ],
    },
    {
        "union": "gfss",
        "proposal": "gf-mathmentor",
        "stage": Stage.REVIEW,
        "opened": -240,
        "visibility": PUBLIC,
        "outcome": "Deployed with paid training for the support staff who supervise sessions.",
        "clauses": [("gf-support", "8.3")],
        "events": [
            (0, K.NOTICE, "Notice: MathMentor Live after-school tutoring, supervised by support staff in school "
             "libraries.", None, "other-officer"),
            (4, K.INFORMATION_REQUEST, "Information request: supervision duties, hours, training and data.", None,
             "other-officer"),
            (12, K.DOCUMENT_RECEIVED, "Supervision plan received: two hours after school, three days a week.", None,
             "other-officer"),
            (18, K.MEETING, "Meeting: the District agreed supervision hours are paid at the regular rate.", None,
             "other-officer"),
            (24, K.UNION_RESPONSE, "Response: the Federation supports the programme.", None, "other-officer"),
            (35, K.EMPLOYER_DECISION, "Approved; sessions start after the winter break.", None, "other-officer"),
            (230, K.NOTE, "Review: supervisors report the sessions run well; they ask for training on the new "
             "version.", None, "other-officer"),
        ],
    },
    {
        "union": "gfss",
        "proposal": "gf-earlysignal",
        "stage": Stage.DECISION,
        "opened": -90,
        "visibility": MEMBERS,
        "outcome": "The Board approved EarlySignal over the Federation's objection; human review of scores is being "
        "bargained in the MOU on AI tools in classrooms.",
        "clauses": [("gf-ai-mou", "1")],
        "events": [
            (0, K.NOTICE, "Notice: EarlySignal early-warning scores for every student.", None, "other-officer"),
            (4, K.INFORMATION_REQUEST, "Information request: inputs to the score, who sees it, and the privacy "
             "agreement.", None, "other-officer"),
            (12, K.DOCUMENT_RECEIVED, "Inputs include special-education status and home language. The privacy "
             "agreement has expired.", None, "other-officer"),
            (17, K.MEETING, "Meeting: the District will renew the privacy agreement before launch.", None,
             "other-officer"),
            (25, K.UNION_RESPONSE, "Response: the Federation opposes the purchase.", None, "other-officer"),
            (27, K.ESCALATION, "Federation letter to every Board member before the vote.", None, "other-officer"),
            (40, K.EMPLOYER_DECISION, "Board approved the purchase by 4 votes to 3.", None, "other-officer"),
        ],
    },
    {
        "union": "gfss",
        "proposal": "gf-hallwaywatch",
        "stage": Stage.DECISION,
        "opened": -180,
        "visibility": PUBLIC,
        "outcome": "The Board rejected HallwayWatch after the Federation's campaign.",
        "events": [
            (0, K.NOTICE, "Notice: HallwayWatch cameras at Greenfield High School.", None, "other-officer"),
            (2, K.INFORMATION_REQUEST, "Information request: locations, audio, who reviews alerts, and use in staff "
             "discipline.", None, "other-officer"),
            (10, K.DOCUMENT_RECEIVED, "The vendor confirms audio capture and 'aggression' detection from video.",
             None, "other-officer"),
            (14, K.NOTE, "Staff petition: 212 signatures.", INTERNAL, "other-officer"),
            (20, K.UNION_RESPONSE, "Response: the Federation opposes the purchase.", None, "other-officer"),
            (45, K.EMPLOYER_DECISION, "The Board rejected the purchase.", None, "other-officer"),
        ],
    },
]  # fmt: skip


def load_consultations(demo: Demo) -> None:
    for spec in CONSULTATIONS:
        opened_on = demo.day(spec["opened"])
        consultation = upsert(
            Consultation,
            {"union": demo.unions[spec["union"]], "proposal": demo.proposals[spec["proposal"]]},
            {
                "stage": spec["stage"],
                "opened_on": opened_on,
                "response_deadline": demo.day(spec["opened"] + 30) if spec.get("deadline_entered", True) else None,
                "outcome": spec.get("outcome", ""),
                "visibility": spec["visibility"],
            },
        )
        for offset, kind, summary, visibility, author in spec["events"]:
            upsert(
                ConsultationEvent,
                {"consultation": consultation, "summary": summary},
                {
                    "occurred_on": demo.day(spec["opened"] + offset),
                    "kind": kind,
                    "author": demo.users[author],
                    "visibility": visibility or consultation.visibility,
                },
            )
        set_links(consultation, "resulting_clauses", [demo.clauses[key] for key in spec.get("clauses", [])])
