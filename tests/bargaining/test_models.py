"""Integrity of the record: database constraints, model validation, protected deletes, append-only lineage."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from bargaining.access import Visibility
from bargaining.models import (
    Agreement,
    BargainingUnit,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    ImmutableRecordError,
    JobGroup,
    TabledBy,
    Topic,
    Union,
)
from bargaining.services import table_clause_version
from consultations.models import EdTechTool, ProcurementProposal
from policies.models import Position, PositionStatus
from tests import factories

pytestmark = pytest.mark.django_db


def validation_errors(instance) -> dict[str, list[str]]:
    """The field → messages that full_clean() raises for `instance` (empty when it is valid)."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


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


@pytest.mark.parametrize("budget", ["ai_training_budget_current", "ai_training_budget_proposed"])
def test_database_refuses_a_negative_ai_training_budget(budget):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.EmployerFactory(**{budget: -1})

    assert not Employer.objects.exists()


def test_database_refuses_a_negative_proposal_cost():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProcurementProposalFactory(cost=-1)


def test_database_refuses_a_negative_member_count():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.BargainingUnitFactory(member_count=-1)

    assert not BargainingUnit.objects.exists()


def test_validation_refuses_a_negative_member_count():
    unit = factories.BargainingUnitFactory.build(union=factories.UnionFactory(), employer=factories.EmployerFactory())
    unit.member_count = -1

    assert "greater than or equal to 0" in validation_errors(unit)["member_count"][0]


def test_database_refuses_a_response_deadline_before_the_consultation_opened():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ConsultationFactory(opened_on=datetime.date(2025, 3, 1), response_deadline=datetime.date(2025, 2, 28))


def test_database_accepts_a_response_deadline_on_the_day_the_consultation_opened():
    consultation = factories.ConsultationFactory(
        opened_on=datetime.date(2025, 3, 1), response_deadline=datetime.date(2025, 3, 1)
    )

    assert consultation.pk is not None


@pytest.mark.parametrize("visibility", [Visibility.MEMBERS, Visibility.PUBLIC])
def test_database_refuses_a_draft_position_that_is_not_internal(visibility):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PositionFactory(visibility=visibility, status=PositionStatus.DRAFT, adopted_on=None)


def test_database_refuses_an_adopted_position_without_its_adoption_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PositionFactory(visibility=Visibility.PUBLIC, status=PositionStatus.ADOPTED, adopted_on=None)


def test_database_refuses_a_position_about_neither_a_proposal_nor_a_tool():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PositionFactory(tool=None, proposal=None)


def test_database_refuses_a_second_membership_of_one_user_in_one_union(union, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.MembershipFactory(user=member, union=union)


def test_database_refuses_a_second_consultation_by_one_union_on_one_proposal():
    consultation = factories.ConsultationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ConsultationFactory(union=consultation.union, proposal=consultation.proposal)


# Model validation (what forms, the admin and the API report back by field) --------------------------------


def test_validation_names_response_deadline_when_it_falls_before_the_opening():
    consultation = factories.ConsultationFactory.build(
        union=factories.UnionFactory(),
        proposal=factories.ProcurementProposalFactory(),
        opened_on=datetime.date(2025, 3, 1),
        response_deadline=datetime.date(2025, 2, 28),
    )

    assert "before the consultation opened" in validation_errors(consultation)["response_deadline"][0]


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


@pytest.mark.parametrize(
    ("personal_data", "message"),
    [
        (["biometric", "fingerprints"], "Unknown personal data categories: fingerprints"),
        (["biometric", "biometric"], "may be listed once"),
        ("biometric", "Enter a list"),
    ],
    ids=["unknown_category", "duplicate_category", "not_a_list"],
)
def test_validation_names_personal_data_when_it_is_not_a_list_of_known_categories(personal_data, message):
    tool = factories.EdTechToolFactory.build(vendor=factories.VendorFactory(), personal_data=personal_data)

    assert message in validation_errors(tool)["personal_data"][0]


def test_validation_accepts_known_personal_data_categories():
    tool = factories.EdTechToolFactory.build(
        vendor=factories.VendorFactory(), personal_data=["audio_video", "biometric", "staff_performance"]
    )

    assert validation_errors(tool) == {}


def test_validation_names_affected_job_groups_when_one_is_unknown():
    proposal = factories.ProcurementProposalFactory.build(
        employer=factories.EmployerFactory(),
        tool=factories.EdTechToolFactory(),
        affected_job_groups=["teachers", "janitors"],
    )

    assert "Unknown job groups: janitors" in validation_errors(proposal)["affected_job_groups"][0]


@pytest.mark.parametrize("colour", ["red", "#8a1c2", "#8a1c2bb", "8a1c2b", "#8a1c2g"])
def test_validation_names_colour_when_it_is_not_rrggbb(colour):
    union = factories.UnionFactory.build(colour=colour)

    assert "#RRGGBB" in validation_errors(union)["colour"][0]


@pytest.mark.parametrize("colour", ["#8a1c2b", "#FFFFFF"])
def test_validation_accepts_a_rrggbb_colour(colour):
    union = factories.UnionFactory.build(colour=colour)

    assert validation_errors(union) == {}


def test_validation_names_tool_when_the_position_proposal_is_for_another_tool():
    proposal = factories.ProcurementProposalFactory()
    position = factories.PositionFactory.build(
        union=factories.UnionFactory(), proposal=proposal, tool=factories.EdTechToolFactory()
    )

    assert f"The proposal is for {proposal.tool}" in validation_errors(position)["tool"][0]


def test_validation_accepts_a_position_on_a_proposal_and_its_own_tool():
    proposal = factories.ProcurementProposalFactory()
    position = factories.PositionFactory.build(union=factories.UnionFactory(), proposal=proposal, tool=proposal.tool)

    assert validation_errors(position) == {}


def test_validation_names_proposal_when_the_position_is_about_nothing():
    position = factories.PositionFactory.build(union=factories.UnionFactory(), proposal=None, tool=None)

    assert "proposal" in validation_errors(position)


def test_validation_names_visibility_when_a_draft_position_is_published():
    position = factories.PositionFactory.build(
        union=factories.UnionFactory(),
        tool=factories.EdTechToolFactory(),
        visibility=Visibility.PUBLIC,
        status=PositionStatus.DRAFT,
    )

    assert "internal until it is adopted" in validation_errors(position)["visibility"][0]


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


def test_deleting_a_tool_with_proposals_or_positions_is_refused_and_keeps_them():
    tool = factories.EdTechToolFactory()
    factories.ProcurementProposalFactory(tool=tool)
    factories.PositionFactory(tool=tool)

    with pytest.raises(ProtectedError):
        tool.delete()

    assert EdTechTool.objects.filter(pk=tool.pk).exists()
    assert tool.proposals.count() == 1
    assert tool.positions.count() == 1


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


# Clause lineage: append-only ------------------------------------------------------------------------------

LINEAGE = [
    ("Union: no AI tool without 90 days' notice.", TabledBy.UNION, ClauseVersionStatus.PROPOSED),
    ("Employer: 30 days' notice.", TabledBy.EMPLOYER, ClauseVersionStatus.COUNTERED),
    ("Agreed: 60 days' notice and bargaining on effects.", TabledBy.JOINT, ClauseVersionStatus.TENTATIVELY_AGREED),
]


@pytest.fixture
def lineage(officer):
    """A clause with three versions tabled in order: proposal, counter, tentative agreement."""
    clause = factories.ClauseFactory()
    session = factories.NegotiationSessionFactory(bargaining_unit=clause.agreement.bargaining_unit)
    versions = [
        table_clause_version(clause=clause, text=text, tabled_by=side, status=status, session=session, user=officer)
        for text, side, status in LINEAGE
    ]
    return clause, versions


def test_tabled_versions_are_numbered_one_two_three_in_order(lineage):
    clause, versions = lineage

    assert [version.number for version in versions] == [1, 2, 3]
    assert list(clause.versions.values_list("number", "text")) == [
        (n, text) for n, (text, _, _) in enumerate(LINEAGE, 1)
    ]


def test_tabled_version_records_who_tabled_it_and_when(lineage, officer):
    _, versions = lineage
    session = versions[0].session

    assert versions[0].created_by == officer
    assert versions[0].tabled_on == session.held_on


def test_saving_a_changed_version_is_refused_and_keeps_the_stored_text(lineage):
    _, versions = lineage
    first = versions[0]
    first.text = "Rewritten history."

    with pytest.raises(ImmutableRecordError):
        first.save()

    first.refresh_from_db()
    assert first.text == LINEAGE[0][0]


def test_updating_versions_through_the_queryset_is_refused_and_keeps_the_stored_text(lineage):
    clause, _ = lineage

    with pytest.raises(ImmutableRecordError):
        ClauseVersion.objects.filter(clause=clause).update(text="Rewritten history.")
    with pytest.raises(ImmutableRecordError):
        clause.versions.update(text="Rewritten history.")

    assert list(clause.versions.values_list("text", flat=True)) == [text for text, _, _ in LINEAGE]


def test_deleting_a_version_is_refused_and_keeps_it(lineage):
    clause, versions = lineage

    with pytest.raises(ImmutableRecordError):
        versions[0].delete()
    with pytest.raises(ImmutableRecordError):
        ClauseVersion.objects.filter(clause=clause).delete()

    assert clause.versions.count() == 3


def test_clause_status_follows_its_latest_version(lineage):
    clause, _ = lineage

    assert clause.status == ClauseVersionStatus.TENTATIVELY_AGREED
    assert clause.latest_version.number == 3


def test_clause_status_changes_when_a_new_version_is_tabled(lineage):
    clause, _ = lineage

    table_clause_version(clause=clause, text=LINEAGE[-1][0], tabled_by=TabledBy.JOINT, status="ratified")

    assert Clause.objects.get(pk=clause.pk).status == ClauseVersionStatus.RATIFIED


def test_clause_without_versions_has_no_status():
    clause = factories.ClauseFactory()

    assert clause.status is None
    assert clause.latest_version is None


def test_with_current_annotates_the_latest_number_status_and_text(lineage, django_assert_num_queries):
    clause, _ = lineage
    empty = factories.ClauseFactory()

    with django_assert_num_queries(1):
        clauses = {row.pk: row for row in Clause.objects.with_current()}

    annotated = clauses[clause.pk]
    assert (annotated.current_number, annotated.current_status, annotated.current_text) == (
        3,
        ClauseVersionStatus.TENTATIVELY_AGREED,
        LINEAGE[-1][0],
    )
    assert annotated.status == ClauseVersionStatus.TENTATIVELY_AGREED
    assert (clauses[empty.pk].current_number, clauses[empty.pk].current_status) == (None, None)


def test_tabling_in_another_units_session_raises_and_writes_nothing(lineage):
    clause, _ = lineage
    other_units_session = factories.NegotiationSessionFactory()
    history_before = ClauseVersion.history.count()

    with pytest.raises(ValidationError) as raised:
        table_clause_version(
            clause=clause,
            text="Tabled at the wrong table.",
            tabled_by=TabledBy.UNION,
            status=ClauseVersionStatus.PROPOSED,
            session=other_units_session,
        )

    assert "session" in raised.value.error_dict
    assert clause.versions.count() == 3
    assert ClauseVersion.history.count() == history_before
