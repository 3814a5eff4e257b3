"""Integrity of positions: the database constraints and model validation of drafts and adoptions."""

import pytest
from django.db import IntegrityError, transaction

from bargaining.access import Visibility
from policies.models import PositionStatus
from tests import factories
from tests.helpers import validation_errors

pytestmark = pytest.mark.django_db


# Database constraints ---------------------------------------------------------------------------------


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


# Model validation (what forms, the admin and the API report back by field) --------------------------------


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
