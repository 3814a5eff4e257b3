"""manage.py benchmark_scale: its data set is what the cases expect, and a tiny run prints a row for every case."""

import io
import json
import urllib.parse

import pytest
from django.core.management import call_command

from bargaining.models import Clause, ClauseVersion, ClauseVersionStatus, TabledBy
from bargaining.search import search_clauses
from consultations.models import ConsultationEvent
from consultations.search import EVENTS
from plumbing.search import parse_query
from policies.management.commands._scale_data import MID, RARE, Builder, Sizes
from policies.management.commands._scale_load import TARGETS, _followed, cases
from policies.models import Position
from tests.factories import ConsultationEventFactory


@pytest.fixture
def facts(db):
    return Builder(Sizes(clauses=60, events=300, positions=6), progress=lambda line: None).build()


def test_the_data_set_has_the_sizes_asked_for(facts):
    assert Clause.objects.count() == 60
    assert ClauseVersion.objects.count() == 180
    assert ConsultationEvent.objects.count() == 300
    assert Position.objects.count() == 6
    # Every clause keeps its latest version, as tabling one does (bulk_create does not call save).
    for clause in Clause.objects.all():
        latest = clause.versions.order_by("-number").first()
        assert (clause.current_version, clause.current_status) == (latest, latest.status)


def test_the_full_text_index_is_filled_and_its_triggers_are_back(facts):
    rare = search_clauses(Clause.objects.all(), parse_query(RARE))
    assert rare.exists()
    assert all(RARE in " ".join(clause.versions.values_list("text", flat=True)) for clause in rare)
    clause = Clause.objects.exclude(pk__in=rare.values("pk")).first()
    ClauseVersion.objects.create(
        clause=clause, number=4, text=f"a {RARE} clause", tabled_by=TabledBy.UNION,
        tabled_on=clause.versions.get(number=3).tabled_on, status=ClauseVersionStatus.PROPOSED,
    )  # fmt: skip
    assert search_clauses(Clause.objects.all(), parse_query(RARE)).filter(pk=clause.pk).exists()

    # The events' index too (consultations/search.py).
    word = ConsultationEvent.objects.first().summary.split()[0]
    found = EVENTS.matching(ConsultationEvent.objects.all(), parse_query(word))
    assert found.count() == ConsultationEvent.objects.filter(summary__icontains=word).count() > 0
    event = ConsultationEventFactory(consultation=ConsultationEvent.objects.first().consultation, summary="Zyzzyva")
    assert list(EVENTS.matching(ConsultationEvent.objects.all(), parse_query("zyzzyva"))) == [event]


def test_every_case_names_records_the_officer_may_see_and_a_target(facts):
    all_cases = cases(facts)
    assert all(case.kind in TARGETS for case in all_cases)
    assert any(MID in case.path for case in all_cases)
    assert len({case.name for case in all_cases}) == len(all_cases)


@pytest.mark.slow
def test_a_tiny_run_prints_a_row_for_every_case():
    out = io.StringIO()
    call_command(
        "benchmark_scale", clauses=50, events=200, seconds=0.05, concurrency=1, workers=1, threads=2, stdout=out
    )
    printed = out.getvalue()
    facts = {"topic": "t", "clause": 1, "agreement": 1, "tool": 1, "proposal": 1, "consultation": 1, "event": 1,
             "position": 1, "union": "u"}  # fmt: skip
    rows = [line for line in printed.splitlines() if line.startswith("| ")]
    for case in cases(facts):
        assert any(row.startswith(f"| {case.name}") for row in rows), case.name
    assert "targets missed" in printed


class OpaqueCursors:
    """A list of 1,000 rows paged by opaque cursors, as keyset pagination answers."""

    def get(self, address):
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(address).query))
        start, size = int(query["cursor"][1:]), int(query.get("page_size", 50))
        end = min(start + size, 1000)
        following = f"http://testserver/api/v1/rows/?page_size={size}&cursor=c{end}" if end < 1000 else None
        return 200, json.dumps({"next": following, "results": list(range(start, end))}).encode()


def test_with_opaque_cursors_the_deep_page_is_reached_by_following_next():
    address, how = _followed(OpaqueCursors(), "http://testserver/api/v1/rows/?cursor=c50", per_page=50, target=900)
    assert address == "/api/v1/rows/?page_size=50&cursor=c850"
    assert how == "next followed to row 850"


def test_following_next_stops_at_the_last_page():
    address, _how = _followed(OpaqueCursors(), "http://testserver/api/v1/rows/?cursor=c50", per_page=50, target=5000)
    assert address == "/api/v1/rows/?page_size=50&cursor=c850"
