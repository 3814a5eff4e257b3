"""Fictional vendors, EdTech tools and the districts' procurement proposals."""

from decimal import Decimal

from bargaining.models import JobGroup
from consultations.models import (
    EdTechTool,
    PersonalData,
    PrivacyAgreementStatus,
    ProcurementProposal,
    ProposalStatus,
    RiskRating,
    ToolCategory,
    Vendor,
)
from policies.demo.records import Demo, upsert

PD = PersonalData
TEACHERS, SUPPORT, LEADERS = JobGroup.TEACHERS, JobGroup.SUPPORT_STAFF, JobGroup.SCHOOL_LEADERS

VENDORS = [
    ("Lumenwise Learning Inc.", "https://lumenwise.example", "United States"),
    ("Quillstone Education", "https://quillstone.example", "Canada"),
    ("Sentinel Assess Ltd.", "https://sentinel-assess.example", "United Kingdom"),
    ("Northstar Analytics Co.", "https://northstar-analytics.example", "United States"),
    ("Vigilant Campus Systems", "https://vigilant-campus.example", "United States"),
    ("Orbitra Software", "https://orbitra.example", "Ireland"),
    ("Practica Labs", "https://practica-labs.example", "United States"),
]

TOOLS = [
    {
        "name": "BrightPath Tutor",
        "vendor": "Lumenwise Learning Inc.",
        "category": ToolCategory.TUTORING,
        "description": "Adaptive mathematics and reading practice for grades 3-8, with a chat tutor and class "
        "dashboards.",
        "ai_features": "Adaptive item selection; a large-language-model chat tutor that gives hints; automated "
        "grouping recommendations for teachers.",
        "personal_data": [PD.ENROLMENT, PD.ASSESSMENT_RESULTS, PD.USAGE_STATISTICS, PD.COMMUNICATIONS],
        "privacy_agreement_status": PrivacyAgreementStatus.SIGNED,
        # Days from today: the district's agreement is about to lapse.
        "privacy_expires_in": 12,
        "risk_rating": RiskRating.MEDIUM,
    },
    {
        "name": "MathMentor Live",
        "vendor": "Quillstone Education",
        "category": ToolCategory.TUTORING,
        "description": "After-school online maths tutoring that pairs students with human tutors and an AI "
        "practice set.",
        "ai_features": "Practice problems generated to each student's level; automatic session summaries.",
        "personal_data": [PD.CONTACT_DETAILS, PD.ENROLMENT, PD.ASSESSMENT_RESULTS],
        "privacy_agreement_status": PrivacyAgreementStatus.SIGNED_BY_ADOPTION,
        "risk_rating": RiskRating.LOW,
    },
    {
        "name": "ProctorEye",
        "vendor": "Sentinel Assess Ltd.",
        "category": ToolCategory.ASSESSMENT,
        "description": "Remote exam proctoring through the student's webcam and microphone.",
        "ai_features": "Face matching against a reference photo; gaze and head-movement tracking; automatic "
        "'suspicion' flags sent to the exam supervisor.",
        "personal_data": [PD.AUDIO_VIDEO, PD.BIOMETRIC, PD.ASSESSMENT_RESULTS, PD.CONTACT_DETAILS],
        "privacy_agreement_status": PrivacyAgreementStatus.REQUESTED,
        "risk_rating": RiskRating.HIGH,
    },
    {
        "name": "GradeSwift",
        "vendor": "Quillstone Education",
        "category": ToolCategory.ASSESSMENT,
        "description": "Automated scoring of and feedback on student essays against a district rubric.",
        "ai_features": "Essay scoring by a language model trained on rubric-scored samples; suggested feedback "
        "comments; a teacher-override button.",
        "personal_data": [PD.ENROLMENT, PD.ASSESSMENT_RESULTS, PD.USAGE_STATISTICS],
        "privacy_agreement_status": PrivacyAgreementStatus.SIGNED,
        "risk_rating": RiskRating.MEDIUM,
    },
    {
        "name": "PlanCraft AI",
        "vendor": "Lumenwise Learning Inc.",
        "category": ToolCategory.LESSON_PLANNING,
        "description": "Drafts lesson plans, worksheets and differentiated tasks aligned to state standards.",
        "ai_features": "Generative lesson and worksheet drafts; reading-level adjustment of texts.",
        "personal_data": [PD.CONTACT_DETAILS, PD.USAGE_STATISTICS],
        "privacy_agreement_status": PrivacyAgreementStatus.SIGNED_BY_ADOPTION,
        "risk_rating": RiskRating.LOW,
    },
    {
        "name": "EarlySignal",
        "vendor": "Northstar Analytics Co.",
        "category": ToolCategory.ANALYTICS,
        "description": "An early-warning system that scores each student's risk of dropping out or failing a course.",
        "ai_features": "Predictive risk scores from attendance, grades, conduct and demographic records; "
        "recommended interventions.",
        "personal_data": [
            PD.ENROLMENT,
            PD.ATTENDANCE,
            PD.ASSESSMENT_RESULTS,
            PD.CONDUCT,
            PD.DEMOGRAPHICS,
            PD.SPECIAL_NEEDS,
        ],
        "privacy_agreement_status": PrivacyAgreementStatus.EXPIRED,
        "risk_rating": RiskRating.HIGH,
    },
    {
        "name": "ClassPulse Insights",
        "vendor": "Northstar Analytics Co.",
        "category": ToolCategory.ANALYTICS,
        "description": "Dashboards for principals showing class results, engagement and a 'teacher "
        "effectiveness index'.",
        "ai_features": "A composite effectiveness score per teacher; predicted end-of-year results per class.",
        "personal_data": [PD.ASSESSMENT_RESULTS, PD.ATTENDANCE, PD.USAGE_STATISTICS, PD.STAFF_PERFORMANCE],
        "privacy_agreement_status": PrivacyAgreementStatus.NONE,
        "risk_rating": RiskRating.HIGH,
    },
    {
        "name": "SafeScreen Sentinel",
        "vendor": "Sentinel Assess Ltd.",
        "category": ToolCategory.MONITORING,
        "description": "Scans activity on district devices and accounts for signs of self-harm, violence or bullying.",
        "ai_features": "Text classification of documents, searches and messages; alert routing to staff "
        "around the clock.",
        "personal_data": [PD.COMMUNICATIONS, PD.USAGE_STATISTICS, PD.CONTACT_DETAILS, PD.CONDUCT],
        "privacy_agreement_status": PrivacyAgreementStatus.REQUESTED,
        "risk_rating": RiskRating.HIGH,
    },
    {
        "name": "HallwayWatch",
        "vendor": "Vigilant Campus Systems",
        "category": ToolCategory.MONITORING,
        "description": "Camera and sound analytics for corridors, restrooms and entrances.",
        "ai_features": "Vape and noise detection; 'aggression' detection from video; person re-identification "
        "across cameras.",
        "personal_data": [PD.AUDIO_VIDEO, PD.BIOMETRIC, PD.CONDUCT],
        "privacy_agreement_status": PrivacyAgreementStatus.NONE,
        "risk_rating": RiskRating.HIGH,
    },
    {
        "name": "TimeTabler Pro",
        "vendor": "Orbitra Software",
        "category": ToolCategory.ADMINISTRATION,
        "description": "Timetabling and daily substitute-cover allocation.",
        "ai_features": "Optimised timetables; automatic cover assignments ranked by a 'fairness' score.",
        "personal_data": [PD.CONTACT_DETAILS, PD.ATTENDANCE],
        "privacy_agreement_status": PrivacyAgreementStatus.SIGNED,
        "risk_rating": RiskRating.LOW,
    },
    {
        "name": "Compose Copilot for Schools",
        "vendor": "Orbitra Software",
        "category": ToolCategory.GENERATIVE_ASSISTANT,
        "description": "A writing assistant inside the district's email and documents: letters, report comments, "
        "meeting notes.",
        "ai_features": "Generative drafting and summarising with access to the user's mail and files.",
        "personal_data": [PD.COMMUNICATIONS, PD.ASSESSMENT_RESULTS, PD.SPECIAL_NEEDS, PD.USAGE_STATISTICS],
        "privacy_agreement_status": PrivacyAgreementStatus.REQUESTED,
        "risk_rating": RiskRating.UNASSESSED,
    },
    {
        "name": "TeachSim Studio",
        "vendor": "Practica Labs",
        "category": ToolCategory.COACHING,
        "description": "Classroom simulations with AI student avatars for new-teacher induction, with recorded "
        "feedback.",
        "ai_features": "Simulated students driven by a language model; automated feedback scores on the "
        "teacher's recorded practice.",
        "personal_data": [PD.AUDIO_VIDEO, PD.STAFF_PERFORMANCE, PD.USAGE_STATISTICS],
        "privacy_agreement_status": PrivacyAgreementStatus.SIGNED,
        "risk_rating": RiskRating.MEDIUM,
    },
]

# key, employer, tool, title, purpose, job groups, cost, budget line, announced, start, status.
# Day offsets are relative to today.
PROPOSALS = [
    ("nv-brightpath", "northview", "BrightPath Tutor", "BrightPath Tutor for grades 3-8",
     "Extra mathematics and reading practice for students below grade level, used in class and at home.",
     [TEACHERS, SUPPORT], "148000", "Title I — supplemental instruction", -150, 20, ProposalStatus.APPROVED),
    ("nv-safescreen", "northview", "SafeScreen Sentinel", "SafeScreen Sentinel on student Chromebooks",
     "Detect signs of self-harm and violence in student device activity and alert counsellors and administrators.",
     [TEACHERS, SUPPORT, LEADERS], "62500", "Student safety", -22, 45, ProposalStatus.UNDER_CONSULTATION),
    ("nv-classpulse", "northview", "ClassPulse Insights", "ClassPulse dashboards for principals",
     "Give principals a single view of class results and engagement to target coaching.",
     [TEACHERS, LEADERS], "39000", "Leadership development", -13, 60, ProposalStatus.UNDER_CONSULTATION),
    ("nv-timetabler", "northview", "TimeTabler Pro", "Automated substitute cover with TimeTabler Pro",
     "Replace the paper cover rota with automatic allocation of substitute cover.",
     [TEACHERS, SUPPORT], "18400", "Operations — scheduling", -400, -320, ProposalStatus.DEPLOYED),
    ("nv-proctoreye", "northview", "ProctorEye", "ProctorEye for online credit recovery exams",
     "Proctor online credit-recovery exams taken at home.",
     [TEACHERS], "27000", "Alternative education", -220, -150, ProposalStatus.REJECTED),
    ("nv-compose", "northview", "Compose Copilot for Schools", "Compose Copilot pilot in three schools",
     "Pilot an AI writing assistant for staff email, letters home and meeting notes.",
     [TEACHERS, SUPPORT, LEADERS], "12000", "Instructional technology", -5, 75, ProposalStatus.ANNOUNCED),
    ("lk-gradeswift", "lakeside", "GradeSwift", "GradeSwift essay scoring for grades 9-12 English",
     "Score practice essays automatically so students get feedback before teacher-marked drafts.",
     [TEACHERS], "54000", "Curriculum and assessment", -24, 40, ProposalStatus.UNDER_CONSULTATION),
    ("lk-plancraft", "lakeside", "PlanCraft AI", "PlanCraft AI licences for all teachers",
     "Offer every teacher an optional lesson-planning assistant.",
     [TEACHERS], "31000", "Professional learning", -300, -240, ProposalStatus.DEPLOYED),
    ("lk-earlysignal", "lakeside", "EarlySignal", "EarlySignal early-warning pilot",
     "Identify students at risk of dropping out earlier and route them to counsellors.",
     [TEACHERS, SUPPORT, LEADERS], "45000", "Student services", -262, -170, ProposalStatus.WITHDRAWN),
    ("lk-hallwaywatch", "lakeside", "HallwayWatch", "HallwayWatch analytics at two high schools",
     "Detect vaping and fights in corridors and restrooms at Lakeside High and Eastshore High.",
     [TEACHERS, SUPPORT, LEADERS], "88000", "Safety and security", -3, 90, ProposalStatus.ANNOUNCED),
    ("lk-teachsim", "lakeside", "TeachSim Studio", "TeachSim Studio for new-teacher induction",
     "Give first- and second-year teachers simulated classroom practice with feedback.",
     [TEACHERS], "21500", "Professional learning", -132, -40, ProposalStatus.APPROVED),
    ("gf-compose", "greenfield", "Compose Copilot for Schools", "Compose Copilot for all staff",
     "Reduce time spent on letters, report comments and meeting notes across the district.",
     [TEACHERS, SUPPORT, LEADERS], "46000", "Instructional technology", -35, 30, ProposalStatus.UNDER_CONSULTATION),
    ("gf-mathmentor", "greenfield", "MathMentor Live", "MathMentor Live after-school tutoring",
     "After-school online maths tutoring for grades 6-10, supervised by support staff in school libraries.",
     [SUPPORT], "23000", "Extended learning", -242, -180, ProposalStatus.DEPLOYED),
    ("gf-earlysignal", "greenfield", "EarlySignal", "EarlySignal early-warning system",
     "Flag students at risk of failing a course so that teachers and counsellors can intervene.",
     [TEACHERS, SUPPORT, LEADERS], "52000", "Student services", -92, 14, ProposalStatus.APPROVED),
    ("gf-hallwaywatch", "greenfield", "HallwayWatch", "HallwayWatch cameras at Greenfield High",
     "Install AI camera analytics in corridors and at entrances of Greenfield High School.",
     [TEACHERS, SUPPORT, LEADERS], "71000", "Safety and security", -182, -90, ProposalStatus.REJECTED),
    ("gf-proctoreye", "greenfield", "ProctorEye", "ProctorEye for district-wide online exams",
     "Proctor end-of-course exams taken online.",
     [TEACHERS], "33000", "Curriculum and assessment", -140, -60, ProposalStatus.WITHDRAWN),
    ("gf-timetabler", "greenfield", "TimeTabler Pro", "TimeTabler Pro timetabling and cover",
     "Build next year's timetable and allocate daily cover automatically.",
     [TEACHERS, SUPPORT], "16500", "Operations — scheduling", -8, 120, ProposalStatus.ANNOUNCED),
]  # fmt: skip


def load_tools(demo: Demo) -> None:
    vendors = {
        name: upsert(Vendor, {"name": name}, {"website": website, "country": country})
        for name, website, country in VENDORS
    }
    for spec in TOOLS:
        values = {key: value for key, value in spec.items() if key not in {"name", "vendor", "privacy_expires_in"}}
        if "privacy_expires_in" in spec:
            values["privacy_agreement_expires_on"] = demo.day(spec["privacy_expires_in"])
        demo.tools[spec["name"]] = upsert(EdTechTool, {"vendor": vendors[spec["vendor"]], "name": spec["name"]}, values)
    for key, employer, tool, title, purpose, groups, cost, budget_line, announced, start, status in PROPOSALS:
        demo.proposals[key] = upsert(
            ProcurementProposal,
            {"employer": demo.employers[employer], "title": title},
            {
                "tool": demo.tools[tool],
                "purpose": purpose,
                "affected_job_groups": groups,
                "cost": Decimal(cost),
                "budget_line": budget_line,
                "announced_on": demo.day(announced),
                "proposed_start": demo.day(start),
                "status": status,
            },
        )
