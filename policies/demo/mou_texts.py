"""Language for clauses specific to one tool or one round: memoranda and the successor agreement."""

BRIGHTPATH_ROLE = {
    "proposal": (
        "BrightPath Tutor shall be used as a supplement to classroom instruction and shall not replace any teacher, "
        "intervention specialist or paraprofessional position. Teachers retain sole authority over grades, "
        "groupings and interventions, and may turn off the platform's automated recommendations for their classes. "
        "Students' time on the platform shall not count toward required instructional minutes."
    ),
    "counter": (
        "BrightPath Tutor shall be used as a supplement to classroom instruction. Teachers retain authority over "
        "grades and interventions and may adjust the platform's automated recommendations for their classes."
    ),
    "agreed": (
        "BrightPath Tutor shall be used as a supplement to classroom instruction and shall not replace any teacher, "
        "intervention specialist or paraprofessional position. Teachers retain authority over grades, groupings "
        "and interventions, and may adjust or turn off the platform's automated recommendations for their classes."
    ),
}

BRIGHTPATH_TRAINING = {
    "proposal": (
        "Before the platform is introduced in a school, each affected teacher shall receive four (4) hours of paid "
        "training and two (2) hours of paid set-up time. Training shall be scheduled in the workday or paid at the "
        "teacher's regular hourly rate. The District shall not schedule platform training during common planning "
        "time."
    ),
    "counter": (
        "Before the platform is introduced in a school, each affected teacher shall receive two (2) hours of "
        "training, which may be completed online. Training shall be scheduled in the workday."
    ),
    "agreed": (
        "Before the platform is introduced in a school, each affected teacher shall receive three (3) hours of paid "
        "training and one (1) hour of paid set-up time. Training shall be scheduled in the workday or paid at the "
        "teacher's regular hourly rate. The District shall not schedule platform training during common planning "
        "time."
    ),
}

BRIGHTPATH_DATA = {
    "proposal": (
        "The District shall share the signed data privacy agreement for BrightPath Tutor with the Association "
        "before launch. Usage reports that identify a teacher shall not be generated, shared with administrators "
        "or used for any evaluation. All student and teacher data shall be deleted within thirty (30) days after "
        "the licence ends."
    ),
    "counter": (
        "The District shall make the data privacy agreement for BrightPath Tutor available to the Association on "
        "request. Usage reports shall not be used as the sole basis for any evaluation. Data shall be deleted in "
        "accordance with the vendor agreement."
    ),
    "agreed": (
        "The District shall share the signed data privacy agreement for BrightPath Tutor with the Association "
        "before launch. Usage reports that identify a teacher shall not be shared with administrators or used for "
        "any evaluation. All student and teacher data shall be deleted within sixty (60) days after the licence "
        "ends."
    ),
}

TEACHSIM_RECORDINGS = {
    "proposal": (
        "Participation in TeachSim Studio simulations is part of paid induction and is confidential to the "
        "participant and their mentor. Recordings, transcripts and feedback scores shall not be shared with "
        "administrators, used in any evaluation or placed in a personnel file. Recordings shall be deleted at the "
        "end of the school year."
    ),
    "counter": (
        "Participation in TeachSim Studio simulations is part of paid induction. Recordings and feedback scores "
        "shall not be the sole basis of any evaluation. Recordings shall be retained for two (2) years."
    ),
    "agreed": (
        "Participation in TeachSim Studio simulations is part of paid induction and is confidential to the "
        "participant and their mentor. Recordings, transcripts and feedback scores shall not be used in any "
        "evaluation or placed in a personnel file. Recordings shall be deleted within ninety (90) days after the "
        "end of the school year."
    ),
}

NORTHVIEW_TRAINING_FUND = {
    "proposal": (
        "Before any employee is required to use an artificial intelligence tool, the District shall provide at "
        "least six (6) hours of training during the workday or paid at the employee's regular rate. Training shall "
        "be delivered by qualified educators and shall cover the tool's limits, known biases and data practices. "
        "The District shall fund an AI professional-learning budget of no less than forty thousand dollars "
        "($40,000) per school year, allocated by the joint Technology Committee."
    ),
    "counter": (
        "Before any employee is required to use an artificial intelligence tool, the District shall provide at "
        "least four (4) hours of training during the workday or paid at the employee's regular rate. Training shall "
        "cover the tool's limits, known biases and data practices. The District shall fund an AI "
        "professional-learning budget of twenty-five thousand dollars ($25,000) per school year, allocated by the "
        "District after consulting the joint Technology Committee."
    ),
}

NORTHVIEW_WORKLOAD = {
    "proposal": (
        "The introduction of an artificial intelligence tool shall not increase any employee's workload, class "
        "size, caseload or number of assigned duties. Time saved by a tool shall not be reassigned to additional "
        "duties without the agreement of the Association. Employees shall not be required to review, correct or "
        "respond to tool output outside the workday. Where a tool is introduced during the school year, affected "
        "employees shall receive two (2) additional paid planning days."
    ),
    "counter": (
        "The introduction of an artificial intelligence tool shall not be used to increase any employee's class "
        "size, caseload or number of assigned duties. Time saved by a tool shall not be reassigned to additional "
        "duties without the agreement of the Association. Employees shall not be required to review, correct or "
        "respond to tool output outside the workday. Where a tool is introduced during the school year, affected "
        "employees shall receive one (1) additional paid planning day."
    ),
}

NORTHVIEW_DETECTION = {
    "proposal": (
        "No employee shall be required to use software that claims to detect the use of artificial intelligence "
        "in student work. Where an employee chooses to use such software, its result shall not by itself support a "
        "finding of academic dishonesty, and the employee's professional judgement shall prevail. The District shall "
        "not discipline an employee for declining to refer a student on the basis of a detection score."
    ),
    "deferred": (
        "The parties agree to defer this Article pending the State Board of Education's guidance on academic "
        "integrity and artificial intelligence, expected during the term of this Agreement. Either party may reopen "
        "this Article within sixty (60) days of the guidance being issued."
    ),
}

GREENFIELD_REVIEW = {
    "proposal": (
        "EarlySignal risk scores and any text drafted by Compose Copilot are advice to staff, not decisions. No "
        "referral, placement, intervention or communication with a family shall rely on a risk score or a generated "
        "draft unless a qualified staff member has reviewed it. Risk scores shall not be displayed to students or "
        "families, or recorded in a student's permanent file."
    ),
    "counter": (
        "EarlySignal risk scores and any text drafted by Compose Copilot are intended to support staff decisions. "
        "Referrals and placements shall be reviewed by a qualified staff member. Risk scores shall not be displayed "
        "to students."
    ),
    "revised": (
        "EarlySignal risk scores and any text drafted by Compose Copilot are advice to staff, not decisions. No "
        "referral, placement or intervention shall rely on a risk score or a generated draft unless a qualified "
        "staff member has reviewed it. Risk scores shall not be displayed to students or families."
    ),
}

GREENFIELD_FUND = {
    "proposal": (
        "The District shall establish an AI professional-learning fund of thirty thousand dollars ($30,000) per "
        "school year, of which at least half shall be available to support staff. Staff shall be paid at their "
        "regular rate for training outside the workday. The joint Technology Committee shall approve the annual "
        "training plan."
    ),
    "counter": (
        "The District shall establish an AI professional-learning fund of twenty thousand dollars ($20,000) per "
        "school year, available to all staff. Staff shall be paid at their regular rate for required training "
        "outside the workday. The District shall consult the joint Technology Committee on the annual training plan."
    ),
}

GREENFIELD_DRAFTS = {
    "proposal": (
        "No employee shall be required to use a generative assistant to draft report-card comments, "
        "individualized education program (IEP) documents or communications with families. Where an employee "
        "chooses to use one, the employee remains the author, and the District shall not use the drafts to train "
        "any tool."
    ),
    "withdrawn": (
        "Withdrawn by the Federation. The District confirmed in writing that IEP documents are excluded from the "
        "Compose Copilot pilot and that use of the assistant is voluntary; the Federation reserves the right to "
        "table this section again if either changes."
    ),
}
