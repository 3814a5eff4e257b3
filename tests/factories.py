"""One factory per model of bargaining, consultations and policies, and the builders made of them.

A parent made for a child is public by default, so that the child's own visibility decides who may
see it; pass e.g. `agreement__visibility=Visibility.INTERNAL` to test a child under a closed parent.
Factories save with `Model.objects.create()`, which skips `clean()`: that is how a test stores a row
that validation would refuse, to prove the querysets hold the line on their own.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from bargaining.access import Role, Visibility
from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    Membership,
    NegotiationSession,
    SessionNote,
    SupportLevel,
    TabledBy,
    Topic,
    TrainingBudget,
    Union,
)
from consultations.models import (
    Consultation,
    ConsultationEvent,
    EdTechTool,
    EventKind,
    ProcurementProposal,
    ToolCategory,
    Vendor,
)
from policies.deadlines.models import Task
from policies.models import ModelClause, Position, PositionStatus, Principle

PUBLIC = Visibility.PUBLIC


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    # No usable password: tests sign in with force_login, which skips the (slow) password hasher.
    password = "!"


# bargaining/


class UnionFactory(DjangoModelFactory):
    class Meta:
        model = Union

    name = factory.Sequence(lambda n: f"Fictional Educators Union {n}")
    slug = factory.Sequence(lambda n: f"union-{n}")
    short_name = factory.Sequence(lambda n: f"FEU{n}")
    colour = "#8a1c2b"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    union = factory.SubFactory(UnionFactory)
    role = Role.MEMBER


class EmployerFactory(DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"District {n}")
    slug = factory.Sequence(lambda n: f"district-{n}")
    region = "North"


class TrainingBudgetFactory(DjangoModelFactory):
    class Meta:
        model = TrainingBudget

    employer = factory.SubFactory(EmployerFactory)
    school_year = "2025-26"
    current = 10_000
    proposed = 25_000


class BudgetSupportFactory(DjangoModelFactory):
    class Meta:
        model = BudgetSupport

    union = factory.SubFactory(UnionFactory)
    budget = factory.SubFactory(TrainingBudgetFactory)
    level = SupportLevel.HIGH
    visibility = Visibility.MEMBERS


class BargainingUnitFactory(DjangoModelFactory):
    class Meta:
        model = BargainingUnit

    union = factory.SubFactory(UnionFactory)
    employer = factory.SubFactory(EmployerFactory)
    job_group = JobGroup.TEACHERS
    name = factory.LazyAttribute(lambda unit: f"{unit.employer.name} teachers")
    member_count = 120
    visibility = Visibility.MEMBERS


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    bargaining_unit = factory.SubFactory(BargainingUnitFactory, visibility=PUBLIC)
    title = factory.Sequence(lambda n: f"Collective agreement {n}")
    term_start = datetime.date(2024, 9, 1)
    term_end = datetime.date(2027, 8, 31)
    visibility = Visibility.MEMBERS


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.LazyAttribute(lambda topic: topic.code.replace("-", " ").capitalize())


class ClauseFactory(DjangoModelFactory):
    class Meta:
        model = Clause

    agreement = factory.SubFactory(AgreementFactory, visibility=PUBLIC)
    article_number = factory.Sequence(lambda n: f"14.{n}")
    title = "Use of artificial intelligence"
    topic = factory.SubFactory(TopicFactory)
    visibility = Visibility.MEMBERS


class NegotiationSessionFactory(DjangoModelFactory):
    class Meta:
        model = NegotiationSession

    bargaining_unit = factory.SubFactory(BargainingUnitFactory, visibility=PUBLIC)
    held_on = datetime.date(2025, 3, 12)
    location = "District office"
    visibility = Visibility.MEMBERS


class ClauseVersionFactory(DjangoModelFactory):
    """Stores a version directly; use bargaining.services.table_clause_version to test the workflow."""

    class Meta:
        model = ClauseVersion

    clause = factory.SubFactory(ClauseFactory, visibility=PUBLIC)
    number = factory.LazyAttribute(lambda version: version.clause.versions.count() + 1)
    text = "The employer shall give ninety days' notice before introducing an AI tool."
    tabled_by = TabledBy.UNION
    tabled_on = datetime.date(2025, 3, 12)
    status = ClauseVersionStatus.PROPOSED


class SessionNoteFactory(DjangoModelFactory):
    class Meta:
        model = SessionNote

    session = factory.SubFactory(NegotiationSessionFactory, visibility=PUBLIC)
    body = "Employer side asked for time to cost the training proposal."
    visibility = Visibility.INTERNAL


# consultations/


class VendorFactory(DjangoModelFactory):
    class Meta:
        model = Vendor

    name = factory.Sequence(lambda n: f"Vendor {n} Ltd")


class EdTechToolFactory(DjangoModelFactory):
    class Meta:
        model = EdTechTool

    name = factory.Sequence(lambda n: f"TutorBot {n}")
    vendor = factory.SubFactory(VendorFactory)
    category = ToolCategory.TUTORING
    personal_data = factory.LazyFunction(lambda: ["assessment_results", "usage_statistics"])


class ProcurementProposalFactory(DjangoModelFactory):
    class Meta:
        model = ProcurementProposal

    employer = factory.SubFactory(EmployerFactory)
    tool = factory.SubFactory(EdTechToolFactory)
    title = factory.LazyAttribute(lambda proposal: f"Adopt {proposal.tool.name}")
    affected_job_groups = factory.LazyFunction(lambda: [JobGroup.TEACHERS.value])
    cost = 12_000
    announced_on = datetime.date(2025, 1, 15)


class ConsultationFactory(DjangoModelFactory):
    class Meta:
        model = Consultation

    union = factory.SubFactory(UnionFactory)
    proposal = factory.SubFactory(ProcurementProposalFactory)
    opened_on = datetime.date(2025, 1, 20)
    response_deadline = datetime.date(2025, 2, 19)
    visibility = Visibility.MEMBERS


class ConsultationEventFactory(DjangoModelFactory):
    class Meta:
        model = ConsultationEvent

    consultation = factory.SubFactory(ConsultationFactory, visibility=PUBLIC)
    occurred_on = datetime.date(2025, 1, 20)
    kind = EventKind.NOTICE
    summary = "Written notice received from the district."
    visibility = Visibility.MEMBERS


# policies/


class PrincipleFactory(DjangoModelFactory):
    class Meta:
        model = Principle

    union = factory.SubFactory(UnionFactory)
    code = factory.Sequence(lambda n: f"principle-{n}")
    title = "AI must not replace educators' professional judgement"
    statement = "Decisions about students are made by educators."
    visibility = Visibility.PUBLIC


class ModelClauseFactory(DjangoModelFactory):
    class Meta:
        model = ModelClause

    union = factory.SubFactory(UnionFactory)
    topic = factory.SubFactory(TopicFactory)
    title = "Model clause on notice"
    preferred_text = "No AI tool shall be introduced without agreement."
    visibility = Visibility.MEMBERS


class PositionFactory(DjangoModelFactory):
    """A draft is internal; give a wider visibility and the position is adopted, as the constraints demand."""

    class Meta:
        model = Position

    union = factory.SubFactory(UnionFactory)
    title = factory.Sequence(lambda n: f"Position {n}")
    tool = factory.SubFactory(EdTechToolFactory)
    visibility = Visibility.INTERNAL
    status = factory.LazyAttribute(
        lambda position: PositionStatus.DRAFT if position.visibility == Visibility.INTERNAL else PositionStatus.ADOPTED
    )
    adopted_on = factory.LazyAttribute(
        lambda position: datetime.date(2025, 2, 1) if position.status == PositionStatus.ADOPTED else None
    )


# policies/deadlines/


class TaskFactory(DjangoModelFactory):
    """A task of `union`, assigned to a new officer of it unless `assignee` is given."""

    class Meta:
        model = Task

    union = factory.SubFactory(UnionFactory)
    title = factory.Sequence(lambda n: f"Follow-up {n}")
    assignee = factory.LazyAttribute(lambda task: MembershipFactory(union=task.union, role=Role.OFFICER).user)
    due_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=3))


# Builders ---------------------------------------------------------------------------------------------


def clause_with_versions(agreement, topic, *, visibility, title, texts):
    """A clause of `agreement` with one version per text, the statuses and sides taking turns."""
    clause = ClauseFactory(agreement=agreement, topic=topic, visibility=visibility, title=title)
    statuses = [ClauseVersionStatus.PROPOSED, ClauseVersionStatus.COUNTERED, ClauseVersionStatus.TENTATIVELY_AGREED]
    for number, text in enumerate(texts, start=1):
        ClauseVersionFactory(
            clause=clause,
            number=number,
            text=text,
            status=statuses[(number - 1) % 3],
            tabled_by=TabledBy.UNION if number % 2 else TabledBy.EMPLOYER,
        )
    return clause


def _clause_version(union, visibility):
    # A version has no visibility of its own: it is exactly as visible as its clause.
    return ClauseVersionFactory(clause__agreement__bargaining_unit__union=union, clause__visibility=visibility)


# How to make a record of each union-owned model, owned by `union` and readable at `visibility`:
# `UNION_OWNED[model](union, visibility)`. Its parents are public, so the record's own visibility decides.
# The access matrix runs over every model here; the API tests reach them through tests.helpers.API_COLLECTIONS.
UNION_OWNED = {
    BargainingUnit: lambda union, visibility: BargainingUnitFactory(union=union, visibility=visibility),
    Agreement: lambda union, visibility: AgreementFactory(bargaining_unit__union=union, visibility=visibility),
    Clause: lambda union, visibility: ClauseFactory(agreement__bargaining_unit__union=union, visibility=visibility),
    ClauseVersion: _clause_version,
    NegotiationSession: lambda union, visibility: NegotiationSessionFactory(
        bargaining_unit__union=union, visibility=visibility
    ),
    SessionNote: lambda union, visibility: SessionNoteFactory(
        session__bargaining_unit__union=union, visibility=visibility
    ),
    Consultation: lambda union, visibility: ConsultationFactory(union=union, visibility=visibility),
    ConsultationEvent: lambda union, visibility: ConsultationEventFactory(
        consultation__union=union, visibility=visibility
    ),
    Principle: lambda union, visibility: PrincipleFactory(union=union, visibility=visibility),
    ModelClause: lambda union, visibility: ModelClauseFactory(union=union, visibility=visibility),
    Position: lambda union, visibility: PositionFactory(union=union, visibility=visibility),
    BudgetSupport: lambda union, visibility: BudgetSupportFactory(union=union, visibility=visibility),
}
