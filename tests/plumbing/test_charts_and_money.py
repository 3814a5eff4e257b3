"""Charts laid out on the server, and amounts of money as people read them."""

from decimal import Decimal

import pytest

from plumbing.charts import Series, horizontal_bar_chart, nice_scale
from plumbing.money import dollars, short_dollars, signed_dollars


@pytest.mark.parametrize(
    ("largest", "step", "intervals"),
    [
        (Decimal(25_000), 5_000, 5),
        (Decimal(15_000), 5_000, 3),
        (Decimal(20_000), 5_000, 4),
        (Decimal(7), 2, 4),
        (Decimal(1_234_567), 250_000, 5),
        (Decimal(0), 1, 0),
    ],
)
def test_the_scale_is_a_round_step_reaching_the_largest_value_in_at_most_five(largest, step, intervals):
    assert nice_scale(largest) == (step, intervals)


def chart(groups):
    now, proposed = Series("Now", "#666"), Series("Proposed", "#900")
    return horizontal_bar_chart(
        title="Budgets",
        summary="Budgets by district",
        series=[now, proposed],
        groups=groups,
        value_text=lambda series, value: "none" if value is None else f"{dollars(value)} {series.name.lower()}",
        tick_text=short_dollars,
    )


def test_bars_are_as_long_as_their_value_on_one_scale_and_missing_values_have_no_bar():
    laid_out = chart([("A", [Decimal(10_000), Decimal(25_000)]), ("B", [Decimal(5_000), None])])

    (a_now, a_proposed), (b_now, b_proposed) = [group.bars for group in laid_out.groups]
    assert a_proposed.width == pytest.approx(2.5 * a_now.width, abs=0.2)
    assert b_now.width == pytest.approx(a_now.width / 2, abs=0.2)
    assert b_proposed.width == 0
    assert b_proposed.text == "none"
    assert a_proposed.x + a_proposed.width == laid_out.ticks[-1].x


def test_groups_stack_down_the_chart_and_the_chart_grows_with_them():
    two = chart([("A", [Decimal(1), Decimal(2)]), ("B", [Decimal(1), Decimal(2)])])
    three = chart([("A", [Decimal(1), Decimal(2)]), ("B", [Decimal(1), Decimal(2)]), ("C", [Decimal(1), None])])

    assert two.groups[0].label_y < two.groups[0].bars[0].y < two.groups[1].label_y
    assert three.height > two.height
    assert max(bar.y + bar.height for group in three.groups for bar in group.bars) < three.height


def test_a_legend_too_wide_for_the_chart_wraps_and_the_bars_move_down_below_it():
    short = chart([("A", [Decimal(1), Decimal(2)])])
    long_names = [Series("Cyllideb bresennol 2026-27", "#666"), Series("Arfaethedig ar gyfer 2026-27", "#900")]
    wrapped = horizontal_bar_chart(
        title="Cyllidebau",
        summary="Cyllidebau fesul ardal",
        series=long_names,
        groups=[("A", [Decimal(1), Decimal(2)])],
        value_text=lambda series, value: str(value),
        tick_text=short_dollars,
    )

    assert {series.legend_baseline for series in short.series} == {short.series[0].legend_baseline}
    first, second = wrapped.series
    assert second.legend_baseline > first.legend_baseline and second.legend_x == first.legend_x
    # Every name ends inside the chart, at about 7.5 px a character.
    assert all(s.legend_text_x + len(s.name) * 7.5 <= wrapped.width for s in wrapped.series)
    assert wrapped.ticks_baseline - short.ticks_baseline == second.legend_baseline - first.legend_baseline
    assert wrapped.groups[0].bars[0].y > short.groups[0].bars[0].y
    assert wrapped.height > short.height


def test_a_chart_of_nothing_but_zeros_draws_no_bars_and_one_tick():
    laid_out = chart([("A", [Decimal(0), None])])

    assert [bar.width for bar in laid_out.groups[0].bars] == [0, 0]
    assert [tick.label for tick in laid_out.ticks] == ["$0"]


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (None, "—"),
        (Decimal(0), "$0"),
        (Decimal("25000.00"), "$25,000"),
        (Decimal("6.06"), "$6.06"),
        (Decimal("-500"), "\u2212$500"),
    ],
)
def test_dollars_show_cents_only_when_there_are_some(amount, text):
    assert dollars(amount) == text


def test_a_change_of_amount_carries_its_sign():
    assert [signed_dollars(amount) for amount in (Decimal(2_000), Decimal(-2_000), Decimal(0), None)] == [
        "+$2,000",
        "\u2212$2,000",
        "$0",
        "—",
    ]


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "$0"), (500, "$500"), (5_000, "$5k"), (2_500, "$2.5k"), (10_000, "$10k"), (1_250_000, "$1.25M")],
)
def test_a_scale_shows_round_amounts_briefly(amount, text):
    assert short_dollars(amount) == text
