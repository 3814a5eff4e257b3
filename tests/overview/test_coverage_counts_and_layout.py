"""The coverage matrix's figures agree with the cells each reader is shown, and every topic has its column."""

import re

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.coverage import CoverageStatus
from bargaining.models import ClauseVersionStatus
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

MEMBERS, INTERNAL, PUBLIC = Visibility.MEMBERS, Visibility.INTERNAL, Visibility.PUBLIC
TOPICS = [
    "definitions", "notice-and-bargaining", "job-security", "training", "workload", "human-oversight",
    "evaluation-and-surveillance", "data-privacy", "authorship-and-ip", "joint-committee", "equity-and-access",
]  # fmt: skip


@pytest.fixture
def matrix_world(union, other_union):
    """Eleven topics; units of ours at each visibility and one of the other union's, with clauses at every
    visibility and status, so that each persona is shown a different matrix."""
    topics = [TopicFactory(code=code) for code in TOPICS]
    statuses = [ClauseVersionStatus.RATIFIED, ClauseVersionStatus.TENTATIVELY_AGREED, ClauseVersionStatus.PROPOSED,
                ClauseVersionStatus.DEFERRED, ClauseVersionStatus.WITHDRAWN]  # fmt: skip
    units = [
        BargainingUnitFactory(union=union, job_group="teachers", visibility=PUBLIC),
        BargainingUnitFactory(union=union, job_group="support_staff", visibility=MEMBERS),
        BargainingUnitFactory(union=union, job_group="school_leaders", visibility=INTERNAL),
        BargainingUnitFactory(union=other_union, visibility=PUBLIC),
    ]
    for unit_index, unit in enumerate(units):
        agreement = AgreementFactory(bargaining_unit=unit, visibility=PUBLIC)
        for topic_index, topic in enumerate(topics):
            visibility = (PUBLIC, MEMBERS, INTERNAL)[(unit_index + topic_index) % 3]
            if (unit_index + topic_index) % 4 == 3:
                continue  # a gap whoever reads it
            clause = ClauseFactory(agreement=agreement, topic=topic, visibility=visibility)
            ClauseVersionFactory(clause=clause, status=statuses[(unit_index * 2 + topic_index) % len(statuses)])
    return topics


def rendered_cells(html: str) -> dict[str, int]:
    return {status: html.count(f'<td class="cell cell-{status}">') for status in CoverageStatus.values}


def legend_counts(html: str) -> dict[str, int]:
    return {status: int(count) for status, count in re.findall(r'data-status="([a-z_]+)">(\d+)', html)}


@pytest.mark.parametrize("persona", ["anonymous", "member", "organiser", "officer", "other_officer", "staff"])
def test_the_legend_and_the_gap_count_agree_with_the_cells_shown(request, client_for, matrix_world, persona):
    response = client_for(request.getfixturevalue(persona)).get(reverse("coverage"))
    html = response.text
    matrix = response.context["matrix"]

    cells = rendered_cells(html)
    assert sum(cells.values()) == len(matrix.units) * len(TOPICS)
    assert legend_counts(html) == cells
    gaps = int(re.search(r"(\d+) gaps?\.", html)[1])
    assert gaps == cells["none"]
    assert f"{len(matrix.units)} unit{'s' if len(matrix.units) != 1 else ''} \u00d7 11 topics" in html


def test_readers_are_shown_different_matrices_and_each_adds_up(client_for, matrix_world, member, organiser):
    as_member = rendered_cells(client_for(member).get(reverse("coverage")).text)
    as_organiser = rendered_cells(client_for(organiser).get(reverse("coverage")).text)

    # The organiser reads the internal unit and internal clauses: more cells, and fewer of them empty per unit.
    assert sum(as_organiser.values()) > sum(as_member.values())
    assert as_member != as_organiser


def test_a_filter_narrows_the_counts_with_the_cells(client_for, member, matrix_world, union):
    html = client_for(member).get(reverse("coverage"), {"union": union.slug, "job_group": "teachers"}).text

    cells = rendered_cells(html)
    assert sum(cells.values()) == 11
    assert legend_counts(html) == cells


def test_every_topic_has_its_column_and_the_table_knows_how_many(client_for, member, matrix_world):
    html = client_for(member).get(reverse("coverage")).text

    assert html.count('<span class="topic-head">') == 11
    assert 'style="--topics: 11"' in html
    assert "Scroll sideways for all 11 topics" in html


def test_cells_show_short_words_and_keep_the_full_words_for_screen_readers(client_for, organiser, matrix_world):
    html = client_for(organiser).get(reverse("coverage")).text

    for short, full in (("Tentative", "Tentatively agreed"), ("Tabled", "Proposed or countered")):
        assert re.search(
            rf'title="{full}"><span aria-hidden="true" class="symbol">.</span> <span aria-hidden="true">{short}</span>'
            rf'<span class="visually-hidden">{full}</span>',
            html,
        )
