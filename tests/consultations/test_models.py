"""Integrity of tools, proposals and consultations: database constraints, model validation, protected deletes."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from consultations.models import EdTechTool
from tests import factories
from tests.helpers import validation_errors

pytestmark = pytest.mark.django_db


# Database constraints ---------------------------------------------------------------------------------


def test_database_refuses_a_negative_proposal_cost():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProcurementProposalFactory(cost=-1)


def test_database_refuses_a_response_deadline_before_the_consultation_opened():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ConsultationFactory(opened_on=datetime.date(2025, 3, 1), response_deadline=datetime.date(2025, 2, 28))


def test_database_accepts_a_response_deadline_on_the_day_the_consultation_opened():
    consultation = factories.ConsultationFactory(
        opened_on=datetime.date(2025, 3, 1), response_deadline=datetime.date(2025, 3, 1)
    )

    assert consultation.pk is not None


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


# Protected deletes -------------------------------------------------------------------------------------


def test_deleting_a_tool_with_proposals_or_positions_is_refused_and_keeps_them():
    tool = factories.EdTechToolFactory()
    factories.ProcurementProposalFactory(tool=tool)
    factories.PositionFactory(tool=tool)

    with pytest.raises(ProtectedError):
        tool.delete()

    assert EdTechTool.objects.filter(pk=tool.pk).exists()
    assert tool.proposals.count() == 1
    assert tool.positions.count() == 1
