"""The pages that used to grow with a federation are bounded by what fits on a screen."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.services import table_clause_version
from policies.overview import views
from tests.factories import (
    BargainingUnitFactory,
    ClauseFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_tool(union):
    tool = EdTechToolFactory()
    consultation = ConsultationFactory(union=union, proposal__tool=tool, visibility=Visibility.MEMBERS)
    for n in range(30):
        ConsultationEventFactory(
            consultation=consultation,
            occurred_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=n // 3),
            visibility=Visibility.MEMBERS,
        )
    return tool


def test_a_tools_history_is_read_page_by_page_newest_first_each_entry_once(api, member, busy_tool):
    client, url, seen = api(member), f"/api/v1/tools/{busy_tool.pk}/history/?page_size=7", []
    while url:
        data = client.get(url).json()
        seen += [(row["date"], row["record"]) for row in data["results"]]
        url = data["next"]

    assert len(seen) == 31 and len(set(seen)) == 31
    assert [date for date, _ in seen] == sorted((date for date, _ in seen), reverse=True)


def test_a_tools_history_with_a_tampered_cursor_is_a_400(api, member, busy_tool):
    answer = api(member).get(f"/api/v1/tools/{busy_tool.pk}/history/", {"cursor": "made-up"})

    assert answer.status_code == 400 and "cursor" in answer.json()


def test_the_tools_page_shows_one_page_of_its_history_and_a_link_to_older_entries(client_for, member, busy_tool):
    page = client_for(member).get(reverse("tool_detail", args=[busy_tool.pk]))

    assert len(page.context["timeline"]) == 25
    assert "Older entries" in page.text


def test_the_coverage_matrix_opens_on_the_readers_own_union(client_for, member, union, other_union):
    mine = BargainingUnitFactory(union=union, visibility=Visibility.PUBLIC)
    BargainingUnitFactory(union=other_union, visibility=Visibility.PUBLIC)

    page = client_for(member).get(reverse("coverage"))

    assert page.context["matrix"].units == [mine]


def test_the_coverage_matrix_asks_for_a_choice_before_drawing_too_many_units(client_for, member, union, monkeypatch):
    monkeypatch.setattr(views, "COVERAGE_MAX_UNITS", 3)
    BargainingUnitFactory.create_batch(4, union=union, visibility=Visibility.PUBLIC)

    page = client_for(member).get(reverse("coverage"))

    assert page.context["too_many"] and page.context["matrix"].rows == []
    assert "choose a union, an employer or a job group" in page.text


def test_tabling_a_version_keeps_the_clauses_current_version_and_status(officer, union):
    clause = ClauseFactory(agreement__bargaining_unit__union=union)
    version = table_clause_version(clause=clause, text="First", tabled_by="union", status="proposed", user=officer)
    table_clause_version(clause=clause, text="Second", tabled_by="employer", status="countered", user=officer)

    clause.refresh_from_db()

    assert (clause.current_version.number, clause.current_status, clause.current_text) == (2, "countered", "Second")
    assert version.number == 1
