"""Integrity of bargaining records: database constraints, model validation and protected deletes."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    TabledBy,
    Topic,
    TrainingBudget,
    Union,
)
from bargaining.services import table_clause_version
from consultations.models import ProcurementProposal
from policies.models import Position
from tests import factories
from tests.helpers import validation_errors

pytestmark = pytest.mark.django_db


# Database constraints ---------------------------------------------------------------------------------


def test_database_refuses_a_second_bargaining_unit_for_the_same_union_employer_and_job_group():
    unit = factories.BargainingUnitFactory(job_group=JobGroup.TEACHERS)

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.BargainingUnitFactory(union=unit.union, employer=unit.employer, job_group=JobGroup.TEACHERS)


def test_same_union_and_employer_may_have_a_unit_per_job_group():
    unit = factories.BargainingUnitFactory(job_group=JobGroup.TEACHERS)
    factories.BargainingUnitFactory(union=unit.union, employer=unit.employer, job_group=JobGroup.SUPPORT_STAFF)

    assert BargainingUnit.objects.filter(union=unit.union, employer=unit.employer).count() == 2


def test_database_refuses_two_clauses_with_one_article_number_in_an_agreement():
    clause = factories.ClauseFactory(article_number="14.3")

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ClauseFactory(agreement=clause.agreement, article_number="14.3")


def test_database_refuses_a_duplicate_topic_code():
    factories.TopicFactory(code="workload")

    with pytest.raises(IntegrityError), transaction.atomic():
        # Not the factory: it would fetch the existing topic by code instead of inserting one.
        Topic.objects.create(code="workload", name="Workload again")


@pytest.mark.parametrize(
    "term_end", [datetime.date(2024, 8, 31), datetime.date(2024, 9, 1)], ids=["before_start", "on_start"]
)
def test_database_refuses_an_agreement_whose_term_does_not_end_after_it_starts(term_end):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AgreementFactory(term_start=datetime.date(2024, 9, 1), term_end=term_end)

    assert not Agreement.objects.exists()


@pytest.mark.parametrize("amount", ["current", "proposed"])
def test_database_refuses_a_negative_ai_training_budget(amount):
    employer = factories.EmployerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.TrainingBudgetFactory(employer=employer, **{amount: -1})

    assert not TrainingBudget.objects.exists()


def test_database_refuses_a_second_budget_for_the_same_employer_and_year():
    budget = factories.TrainingBudgetFactory(school_year="2025-26")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.TrainingBudgetFactory(employer=budget.employer, school_year="2025-26")

    assert TrainingBudget.objects.count() == 1


def test_database_refuses_a_negative_member_count():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.BargainingUnitFactory(member_count=-1)

    assert not BargainingUnit.objects.exists()


def test_validation_refuses_a_negative_member_count():
    unit = factories.BargainingUnitFactory.build(union=factories.UnionFactory(), employer=factories.EmployerFactory())
    unit.member_count = -1

    assert "greater than or equal to 0" in validation_errors(unit)["member_count"][0]


def test_database_refuses_a_second_membership_of_one_user_in_one_union(union, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.MembershipFactory(user=member, union=union)


# Model validation (what forms, the admin and the API report back by field) --------------------------------


def test_validation_names_term_end_when_the_term_ends_before_it_starts():
    agreement = factories.AgreementFactory.build(
        bargaining_unit=factories.BargainingUnitFactory(),
        term_start=datetime.date(2025, 9, 1),
        term_end=datetime.date(2025, 6, 30),
    )

    assert "term_end" in validation_errors(agreement)


def test_validation_names_session_when_a_version_is_tabled_in_another_units_session():
    clause = factories.ClauseFactory()
    other_units_session = factories.NegotiationSessionFactory()
    version = factories.ClauseVersionFactory.build(clause=clause, number=1, session=other_units_session)

    assert "Pick a session of the same bargaining unit" in validation_errors(version)["session"][0]


def test_validation_accepts_a_version_tabled_in_a_session_of_the_clause_unit():
    clause = factories.ClauseFactory()
    session = factories.NegotiationSessionFactory(bargaining_unit=clause.agreement.bargaining_unit)
    version = factories.ClauseVersionFactory.build(clause=clause, number=1, session=session)

    assert validation_errors(version) == {}


@pytest.mark.parametrize("colour", ["red", "#8a1c2", "#8a1c2bb", "8a1c2b", "#8a1c2g"])
def test_validation_names_colour_when_it_is_not_rrggbb(colour):
    union = factories.UnionFactory.build(colour=colour)

    assert "#RRGGBB" in validation_errors(union)["colour"][0]


@pytest.mark.parametrize("colour", ["#8a1c2b", "#FFFFFF"])
def test_validation_accepts_a_rrggbb_colour(colour):
    union = factories.UnionFactory.build(colour=colour)

    assert validation_errors(union) == {}


# Protected deletes -------------------------------------------------------------------------------------


def test_deleting_a_union_that_owns_records_is_refused_and_keeps_them(union):
    unit = factories.BargainingUnitFactory(union=union)
    position = factories.PositionFactory(union=union)

    with pytest.raises(ProtectedError):
        union.delete()

    assert Union.objects.filter(pk=union.pk).exists()
    assert BargainingUnit.objects.filter(pk=unit.pk).exists()
    assert Position.objects.filter(pk=position.pk).exists()


def test_deleting_an_employer_with_units_or_proposals_is_refused_and_keeps_them():
    employer = factories.EmployerFactory()
    unit = factories.BargainingUnitFactory(employer=employer)
    proposal = factories.ProcurementProposalFactory(employer=employer)

    with pytest.raises(ProtectedError):
        employer.delete()

    assert Employer.objects.filter(pk=employer.pk).exists()
    assert BargainingUnit.objects.filter(pk=unit.pk).exists()
    assert ProcurementProposal.objects.filter(pk=proposal.pk).exists()


def test_deleting_an_agreement_with_clauses_is_refused_and_keeps_them():
    clause = factories.ClauseFactory()
    agreement = clause.agreement

    with pytest.raises(ProtectedError):
        agreement.delete()

    assert Agreement.objects.filter(pk=agreement.pk).exists()
    assert Clause.objects.filter(pk=clause.pk).exists()


def test_deleting_a_union_without_records_removes_its_roster(union, member):
    union.delete()

    assert not Union.objects.filter(pk=union.pk).exists()
    assert not member.memberships.exists()


def test_deleting_the_user_who_tabled_a_version_keeps_the_version(officer):
    version = table_clause_version(
        clause=factories.ClauseFactory(),
        text="Original text.",
        tabled_by=TabledBy.UNION,
        status=ClauseVersionStatus.PROPOSED,
        user=officer,
    )

    officer.delete()

    version = ClauseVersion.objects.get(pk=version.pk)
    assert version.created_by is None
    assert version.text == "Original text."
