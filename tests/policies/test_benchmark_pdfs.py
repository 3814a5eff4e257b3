"""manage.py benchmark_pdfs pairs its renders: each pair led in turn by Caucus and by the bare render, the ratio
taken pair by pair."""

import itertools
from types import SimpleNamespace

import pytest
from django.core.management.base import CommandError

from policies.management.commands import benchmark_pdfs


class FakeClock:
    """Stands for time.perf_counter and time.process_time: a render advances it by its own cost."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(benchmark_pdfs.time, "perf_counter", clock)
    monkeypatch.setattr(benchmark_pdfs.time, "process_time", clock)
    return clock


def renders(clock, caucus_costs, bare_costs, *, pages=3):
    order = []
    caucus_costs, bare_costs = iter(caucus_costs), iter(bare_costs)

    def caucus():
        order.append("caucus")
        clock.now += next(caucus_costs)
        return SimpleNamespace(page_count=pages)

    def bare():
        order.append("bare")
        clock.now += next(bare_costs)
        return pages

    return caucus, bare, order


def test_the_renders_alternate_which_goes_first(clock):
    caucus, bare, order = renders(clock, itertools.repeat(1.0), itertools.repeat(1.0))
    benchmark_pdfs.interleaved(caucus, bare, runs=4)
    # The untimed warm-up, then pairs led by Caucus and by the bare render in turn.
    assert order == ["caucus", "bare"] + ["caucus", "bare", "bare", "caucus"] * 2


def test_the_ratio_is_the_median_of_the_pairs_ratios(clock):
    # A slow moment (the third pair) slows both renders of its pair, and does not move the ratio.
    caucus, bare, _order = renders(clock, [0, 1.1, 1.1, 3.3, 1.1, 1.1], [0, 1.0, 1.0, 3.0, 1.0, 1.0])
    result = benchmark_pdfs.interleaved(caucus, bare, runs=5)
    assert result["pages"] == 3
    assert result["caucus_s"] == pytest.approx(1.1)
    assert result["bare_s"] == pytest.approx(1.0)
    assert result["ratio"] == pytest.approx(1.1)
    assert result["cpu_ratio"] == pytest.approx(1.1)
    assert result["ratios"] == [1.1] * 5


def test_renders_of_different_lengths_are_not_compared(clock):
    caucus, _bare, _order = renders(clock, itertools.repeat(1.0), itertools.repeat(1.0), pages=3)
    with pytest.raises(CommandError, match="Page counts differ"):
        benchmark_pdfs.interleaved(caucus, lambda: 4, runs=1)
