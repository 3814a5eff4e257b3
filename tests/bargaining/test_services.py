"""Bargaining workflow services shared by the web pages and the API: tabling a clause version."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bargaining.models import ClauseVersionStatus, TabledBy
from bargaining.services import table_clause_version
from tests.factories import ClauseFactory, NegotiationSessionFactory

pytestmark = pytest.mark.django_db


def test_a_version_dated_before_the_one_it_follows_is_refused_and_not_saved(officer):
    clause = ClauseFactory()
    table_clause_version(
        clause=clause,
        text="Union proposal.",
        tabled_by=TabledBy.UNION,
        status=ClauseVersionStatus.PROPOSED,
        tabled_on=datetime.date(2025, 9, 14),
        user=officer,
    )

    with pytest.raises(ValidationError) as refused:
        table_clause_version(
            clause=clause,
            text="Back-dated counter.",
            tabled_by=TabledBy.EMPLOYER,
            status=ClauseVersionStatus.COUNTERED,
            tabled_on=datetime.date(2025, 5, 20),
            user=officer,
        )

    assert "tabled_on" in refused.value.message_dict
    assert list(clause.versions.values_list("text", flat=True)) == ["Union proposal."]


def test_a_version_in_a_session_held_before_the_last_version_names_the_session(officer):
    clause = ClauseFactory()
    table_clause_version(
        clause=clause,
        text="Agreed.",
        tabled_by=TabledBy.JOINT,
        status=ClauseVersionStatus.TENTATIVELY_AGREED,
        tabled_on=datetime.date(2025, 9, 14),
        user=officer,
    )
    earlier = NegotiationSessionFactory(
        bargaining_unit=clause.agreement.bargaining_unit, held_on=datetime.date(2025, 5, 20)
    )

    with pytest.raises(ValidationError) as refused:
        table_clause_version(
            clause=clause, text="Late entry.", tabled_by=TabledBy.EMPLOYER, status="countered", session=earlier
        )

    assert "session" in refused.value.message_dict
