"""Position workflow services shared by the web pages and the API: adopting and publishing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bargaining.access import Visibility
from policies.models import PositionStatus
from policies.services import adopt_position, publish_position
from tests.factories import PositionFactory

pytestmark = pytest.mark.django_db


def test_adopting_a_draft_dates_it_names_the_officer_and_bumps_the_version(union, officer):
    draft = PositionFactory(union=union)

    adopted = adopt_position(position=draft, user=officer, adopted_on=datetime.date(2025, 3, 1))

    assert adopted.status == PositionStatus.ADOPTED
    assert adopted.adopted_by == officer
    assert adopted.adopted_on == datetime.date(2025, 3, 1)
    assert adopted.version == 2
    assert adopted.visibility == Visibility.INTERNAL


def test_adopting_twice_is_refused(union, officer):
    adopted = PositionFactory(union=union, visibility=Visibility.MEMBERS)

    with pytest.raises(ValidationError) as refused:
        adopt_position(position=adopted, user=officer)

    assert "status" in refused.value.message_dict


def test_publishing_an_adopted_position_widens_its_visibility(union, officer):
    position = adopt_position(position=PositionFactory(union=union), user=officer)

    published = publish_position(position=position, visibility=Visibility.PUBLIC, user=officer)

    assert published.visibility == Visibility.PUBLIC
    assert published.version == 3
    assert published.history.first().history_user == officer


def test_a_draft_cannot_be_published(union, officer):
    draft = PositionFactory(union=union)

    with pytest.raises(ValidationError) as refused:
        publish_position(position=draft, visibility=Visibility.MEMBERS, user=officer)

    assert "visibility" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.visibility == Visibility.INTERNAL


def test_publishing_to_an_unknown_audience_is_refused(union, officer):
    position = PositionFactory(union=union, visibility=Visibility.MEMBERS)

    with pytest.raises(ValidationError) as refused:
        publish_position(position=position, visibility="everyone", user=officer)

    assert "visibility" in refused.value.message_dict
