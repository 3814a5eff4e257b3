"""The topic taxonomy and its standard contract language: for each topic, the union's proposal, the
employer's counter and the tentatively agreed text, plus the walk-away wording of the union's model clause,
and the usual shapes of a clause's lineage.

Texts say "the Association"; a Federation's agreements swap the word (see `for_union`).
"""

from bargaining.models import ClauseVersionStatus, TabledBy

PROPOSAL, COUNTER, AGREED, WALK_AWAY = "proposal", "counter", "agreed", "walk_away"

# code, name, description; the order is the sort order.
TOPICS = [
    ("definitions", "Definitions", "What counts as artificial intelligence or an automated tool for the agreement."),
    (
        "notice-and-bargaining",
        "Notice and bargaining",
        "Advance written notice of new or changed tools, and the duty to bargain before they are introduced.",
    ),
    ("job-security", "Job security", "No layoffs, lost hours or transfer of bargaining-unit work because of AI."),
    ("training", "Training", "Paid training in work time before anyone must use a tool, and a budget for it."),
    ("workload", "Workload", "Tools must not add duties, raise class sizes or create after-hours work."),
    (
        "human-oversight",
        "Human oversight",
        "People, not tools, make decisions about students and staff; the right to override a recommendation.",
    ),
    (
        "evaluation-and-surveillance",
        "Evaluation and surveillance",
        "Tool data, recordings and analytics kept out of evaluation, discipline and monitoring of staff.",
    ),
    (
        "data-privacy",
        "Data privacy",
        "Privacy agreements with vendors, data minimisation, retention, deletion and breach notice.",
    ),
    (
        "authorship-and-ip",
        "Authorship and intellectual property",
        "Who owns the materials staff create, and whether they may be used to train tools.",
    ),
    (
        "joint-committee",
        "Joint technology committee",
        "A joint labour-management committee that reviews tools before they are bought.",
    ),
    (
        "equity-and-access",
        "Equity and access",
        "Bias assessment, accessibility, and equal access to devices and connectivity.",
    ),
]

U, E, J = TabledBy.UNION, TabledBy.EMPLOYER, TabledBy.JOINT
S = ClauseVersionStatus
RATIFICATION = None  # a step with no session: the text the members and the Board ratified

# A step is (text, tabled by, status, index of the agreement's session or RATIFICATION). The text is
# PROPOSAL, COUNTER or AGREED for the topic's standard language, or the words themselves.
FULL = [(PROPOSAL, U, S.PROPOSED, 0), (COUNTER, E, S.COUNTERED, 1), (AGREED, J, S.TENTATIVELY_AGREED, 2),
        (AGREED, J, S.RATIFIED, RATIFICATION)]  # fmt: skip
ACCEPTED = [(PROPOSAL, U, S.PROPOSED, 0), (PROPOSAL, J, S.TENTATIVELY_AGREED, 1),
            (PROPOSAL, J, S.RATIFIED, RATIFICATION)]  # fmt: skip
CONCEDED = [(PROPOSAL, U, S.PROPOSED, 0), (COUNTER, E, S.COUNTERED, 1), (COUNTER, J, S.TENTATIVELY_AGREED, 2),
            (COUNTER, J, S.RATIFIED, RATIFICATION)]  # fmt: skip
TENTATIVE = [(PROPOSAL, U, S.PROPOSED, 0), (COUNTER, E, S.COUNTERED, 1), (AGREED, J, S.TENTATIVELY_AGREED, 2)]


def lineage(texts: dict, *, ratified: bool) -> list:
    """The standard union proposal → employer counter → agreement lineage, over one clause's own texts."""
    steps = [(texts["proposal"], U, S.PROPOSED, 0), (texts["counter"], E, S.COUNTERED, 1),
             (texts["agreed"], J, S.TENTATIVELY_AGREED, 2)]  # fmt: skip
    return [*steps, (texts["agreed"], J, S.RATIFIED, RATIFICATION)] if ratified else steps


TOPIC_TEXTS = {
    "definitions": {
        PROPOSAL: (
            "For the purposes of this Article, “artificial intelligence tool” means any software, platform or service "
            "that uses machine learning, large language models or automated decision-making to generate content, "
            "make predictions, score work or recommend actions affecting students or employees. The term includes "
            "features added to existing software by update. A tool does not fall outside this Article because the "
            "vendor describes it as a pilot, a free trial or an assistant."
        ),
        COUNTER: (
            "For the purposes of this Article, “artificial intelligence tool” means any software or service procured "
            "by the District that uses machine learning or large language models to generate content, make "
            "predictions or score work. A tool does not fall outside this Article because the vendor describes it "
            "as a pilot."
        ),
        AGREED: (
            "For the purposes of this Article, “artificial intelligence tool” means any software, platform or service "
            "procured or required by the District that uses machine learning, large language models or automated "
            "decision-making to generate content, make predictions, score work or recommend actions affecting "
            "students or employees. The term includes features added to existing software by update. A tool does "
            "not fall outside this Article because the vendor describes it as a pilot or a free trial."
        ),
        WALK_AWAY: (
            "“Artificial intelligence tool” means any software procured by the District that uses machine learning "
            "or large language models to generate content, make predictions or score work."
        ),
    },
    "notice-and-bargaining": {
        PROPOSAL: (
            "The District shall give the Association written notice at least sixty (60) calendar days before it "
            "introduces, pilots or materially changes any artificial intelligence tool that affects bargaining-unit "
            "members. The notice shall state what the tool does, who it affects, the data it collects and the "
            "proposed start date. On request, the District shall bargain the decision and its effects before "
            "implementation, and the status quo shall hold until bargaining is complete."
        ),
        COUNTER: (
            "The District shall give the Association written notice at least thirty (30) calendar days before it "
            "introduces any artificial intelligence tool that materially affects bargaining-unit members' terms and "
            "conditions of employment. The notice shall state what the tool does and the proposed start date. On "
            "request, the District shall bargain the effects of the decision."
        ),
        AGREED: (
            "The District shall give the Association written notice at least forty-five (45) calendar days before it "
            "introduces, pilots or materially changes any artificial intelligence tool that affects bargaining-unit "
            "members. The notice shall state what the tool does, who it affects, the data it collects and the "
            "proposed start date. On request, the District shall bargain the effects of the decision before "
            "implementation."
        ),
        WALK_AWAY: (
            "The District shall give the Association written notice at least thirty (30) calendar days before "
            "introducing any artificial intelligence tool that affects bargaining-unit members, and shall bargain "
            "its effects on request."
        ),
    },
    "job-security": {
        PROPOSAL: (
            "No bargaining-unit member shall be laid off, reduced in hours or assignment, or denied a position as a "
            "result of the introduction of an artificial intelligence tool. Duties performed by bargaining-unit "
            "members shall not be transferred to an artificial intelligence tool or to its vendor. Where a tool "
            "changes a job's duties, the District shall bargain the change and offer any affected employee "
            "retraining at no cost."
        ),
        COUNTER: (
            "No bargaining-unit member shall be laid off as a direct result of the introduction of an artificial "
            "intelligence tool during the term of this Agreement. Where a tool changes a job's duties, the District "
            "shall meet with the Association to discuss the change and shall offer affected employees retraining."
        ),
        AGREED: (
            "No bargaining-unit member shall be laid off or reduced in hours as a result of the introduction of an "
            "artificial intelligence tool during the term of this Agreement. Duties performed by bargaining-unit "
            "members shall not be transferred to an artificial intelligence tool or to its vendor. Where a tool "
            "changes a job's duties, the District shall bargain the change and offer any affected employee "
            "retraining at no cost."
        ),
        WALK_AWAY: (
            "No bargaining-unit member shall be laid off as a result of the introduction of an artificial "
            "intelligence tool during the term of this Agreement."
        ),
    },
    "training": {
        PROPOSAL: (
            "Before any employee is required to use an artificial intelligence tool, the District shall provide at "
            "least six (6) hours of training during the workday or paid at the employee's regular rate. Training "
            "shall be delivered by qualified educators, not by the vendor alone, and shall cover the tool's limits, "
            "known biases and data practices. Employees who have not been trained shall not be required to use the "
            "tool."
        ),
        COUNTER: (
            "Before any employee is required to use an artificial intelligence tool, the District shall make "
            "training available, which may be provided online by the vendor. Training shall cover the tool's "
            "intended use and data practices."
        ),
        AGREED: (
            "Before any employee is required to use an artificial intelligence tool, the District shall provide at "
            "least four (4) hours of training during the workday or paid at the employee's regular rate. Training "
            "shall cover the tool's limits, known biases and data practices, and may include vendor materials. "
            "Employees who have not been trained shall not be required to use the tool."
        ),
        WALK_AWAY: (
            "Training on any artificial intelligence tool that employees are required to use shall be provided "
            "during the workday or paid at the employee's regular rate."
        ),
    },
    "workload": {
        PROPOSAL: (
            "The introduction of an artificial intelligence tool shall not increase any employee's workload, class "
            "size, caseload or number of assigned duties. Time saved by a tool belongs to the employee for planning, "
            "collaboration and professional work, and shall not be reassigned to additional duties. Employees shall "
            "not be required to review, correct or respond to tool output outside the workday."
        ),
        COUNTER: (
            "The introduction of an artificial intelligence tool shall not, by itself, be used to increase class "
            "size. Employees shall not be required to respond to tool-generated messages outside the workday."
        ),
        AGREED: (
            "The introduction of an artificial intelligence tool shall not be used to increase any employee's class "
            "size, caseload or number of assigned duties. Time saved by a tool shall not be reassigned to additional "
            "duties without the agreement of the Association. Employees shall not be required to review, correct or "
            "respond to tool output outside the workday."
        ),
        WALK_AWAY: (
            "Employees shall not be required to respond to tool output outside the workday, and no artificial "
            "intelligence tool shall be used to increase class size."
        ),
    },
    "human-oversight": {
        PROPOSAL: (
            "Artificial intelligence tools shall support, and not replace, the professional judgement of employees. "
            "No decision about a student's grade, placement, discipline or services, and no decision about an "
            "employee, shall be made by a tool alone; a qualified person shall review the tool's output and remain "
            "accountable for the decision. Employees may override any tool recommendation without justification and "
            "without penalty."
        ),
        COUNTER: (
            "Artificial intelligence tools are intended to support the professional judgement of employees. "
            "Decisions about a student's final grade or placement shall be reviewed by a qualified person. Employees "
            "may override a tool recommendation where they document their reasons."
        ),
        AGREED: (
            "Artificial intelligence tools shall support, and not replace, the professional judgement of employees. "
            "No decision about a student's grade, placement, discipline or services, and no decision about an "
            "employee, shall be made by a tool alone; a qualified person shall review the tool's output. Employees "
            "may override any tool recommendation without penalty."
        ),
        WALK_AWAY: (
            "Decisions about a student's grade, placement or discipline, and decisions about an employee, shall not "
            "be made by an artificial intelligence tool without review by a qualified person."
        ),
    },
    "evaluation-and-surveillance": {
        PROPOSAL: (
            "No data generated by an artificial intelligence tool, including usage logs, recordings, scores or "
            "analytics, shall be used to evaluate, discipline or monitor an employee. Audio or video recordings of "
            "classrooms shall not be made by any tool without the written consent of the employee. Tool analytics "
            "shall not be cited in any evaluation, observation report or personnel file."
        ),
        COUNTER: (
            "Data generated by an artificial intelligence tool shall not be the sole basis for an evaluation or for "
            "discipline. Audio or video recordings made by a tool shall be used only for the purpose stated in the "
            "notice to the Association."
        ),
        AGREED: (
            "No data generated by an artificial intelligence tool, including usage logs, recordings, scores or "
            "analytics, shall be used to evaluate or discipline an employee. Audio or video recordings of classrooms "
            "shall be made by a tool only with notice to the employee and solely for the purpose stated in the "
            "notice to the Association. Tool analytics shall not be placed in any personnel file."
        ),
        WALK_AWAY: (
            "Data generated by an artificial intelligence tool shall not be the sole basis for the evaluation or "
            "discipline of an employee, and the employee shall be given a copy of any such data relied upon."
        ),
    },
    "data-privacy": {
        PROPOSAL: (
            "The District shall not deploy an artificial intelligence tool until it has signed a data privacy "
            "agreement with the vendor and shared it with the Association. Employee and student data shall be "
            "collected only where necessary for the stated purpose, stored in the United States, never sold, and "
            "never used to train the vendor's models. Data shall be deleted within thirty (30) days of the end of "
            "the contract, and the District shall notify the Association within seventy-two (72) hours of any breach."
        ),
        COUNTER: (
            "The District shall require vendors of artificial intelligence tools to comply with applicable privacy "
            "law. Employee data shall not be sold. The District shall notify the Association of any breach affecting "
            "employee data as required by law."
        ),
        AGREED: (
            "The District shall not deploy an artificial intelligence tool until it has signed a data privacy "
            "agreement with the vendor, which shall be made available to the Association on request. Employee and "
            "student data shall be collected only where necessary for the stated purpose, never sold, and never used "
            "to train the vendor's models. The District shall notify the Association within five (5) days of any "
            "breach affecting employee data."
        ),
        WALK_AWAY: (
            "The District shall not deploy an artificial intelligence tool without a signed data privacy agreement, "
            "and shall notify the Association of any breach affecting employee data."
        ),
    },
    "authorship-and-ip": {
        PROPOSAL: (
            "Lesson plans, assessments and other materials created by employees remain the intellectual property of "
            "their authors, whether or not an artificial intelligence tool was used to create them. The District "
            "shall not upload employee-created materials to any tool for the purpose of training it, and shall not "
            "license them to a vendor, without the author's written consent. An employee's use of a tool to draft "
            "materials shall not be grounds to question their authorship."
        ),
        COUNTER: (
            "Materials created by employees in the course of their employment are the property of the District. The "
            "District shall not license employee-created materials to a vendor for the purpose of training an "
            "artificial intelligence tool without first notifying the Association."
        ),
        AGREED: (
            "Materials created by employees in the course of their employment may be used by the District for "
            "instructional purposes, and employees retain the right to reuse their own materials. The District shall "
            "not upload employee-created materials to any tool for the purpose of training it, and shall not license "
            "them to a vendor, without the author's written consent. An employee's use of a tool to draft materials "
            "shall not be grounds to question their authorship."
        ),
        WALK_AWAY: (
            "The District shall not license employee-created materials to a vendor for the purpose of training an "
            "artificial intelligence tool without the author's consent."
        ),
    },
    "joint-committee": {
        PROPOSAL: (
            "The parties shall establish a joint Technology Committee of equal numbers of Association and District "
            "representatives, which shall meet at least monthly during the school year. The Committee shall review "
            "every proposed artificial intelligence tool before procurement, receive the vendor's documentation and "
            "privacy agreement, and make binding recommendations on its use. Association representatives shall be "
            "released from duty without loss of pay to attend."
        ),
        COUNTER: (
            "The District shall establish a Technology Advisory Committee, which shall include two (2) Association "
            "representatives and meet each semester. The Committee may review proposed artificial intelligence tools "
            "and make recommendations to the Superintendent."
        ),
        AGREED: (
            "The parties shall establish a joint Technology Committee of equal numbers of Association and District "
            "representatives, which shall meet at least quarterly. The Committee shall review every proposed "
            "artificial intelligence tool before procurement and receive the vendor's documentation and privacy "
            "agreement. The Superintendent shall respond in writing to its recommendations within thirty (30) days. "
            "Association representatives shall be released from duty without loss of pay to attend."
        ),
        WALK_AWAY: (
            "The District shall establish a Technology Committee that includes Association representatives, meets at "
            "least each semester and is consulted before any artificial intelligence tool is procured."
        ),
    },
    "equity-and-access": {
        PROPOSAL: (
            "The District shall assess every artificial intelligence tool for bias against students or employees on "
            "the basis of race, sex, disability, language or income before deployment, and shall share the "
            "assessment with the Association. Every employee required to use a tool shall be provided the device, "
            "connectivity and accessible formats needed to use it. No student shall be disadvantaged because a "
            "family declines consent to a tool."
        ),
        COUNTER: (
            "The District shall ask vendors of artificial intelligence tools to describe the steps they take to "
            "reduce bias. Employees required to use a tool shall be provided a District device."
        ),
        AGREED: (
            "The District shall require vendors to provide a bias assessment of every artificial intelligence tool "
            "before deployment and shall share it with the Association on request. Every employee required to use a "
            "tool shall be provided the device, connectivity and accessible formats needed to use it. No student "
            "shall be disadvantaged because a family declines consent to a tool."
        ),
        WALK_AWAY: (
            "Every employee required to use an artificial intelligence tool shall be provided the device and "
            "accessible formats needed to use it."
        ),
    },
}


def for_union(text: str, union_slug: str) -> str:
    """The Greenfield Federation's agreements call the union "the Federation"."""
    return text.replace("Association", "Federation") if union_slug == "gfss" else text


def topic_text(topic: str, which: str, union_slug: str = "nlea") -> str:
    return for_union(TOPIC_TEXTS[topic][which], union_slug)
