"""Bar charts laid out on the server, drawn as inline SVG by templates/_partials/bar_chart.html.

No JavaScript and no chart library: the geometry is computed here, so the same chart reads on a web page, on
a phone and in a WeasyPrint PDF. Every bar carries its amount in words beside it (never colour alone), and the
chart's summary is its accessible name; pages show the same numbers in a table next to it.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 440
LEFT = 14
VALUE_ROOM = 150  # to the right of the longest bar, for its amount in words
LEGEND_BASELINE = 16
LEGEND_ROW = 20  # a legend too wide for the chart (longer names, in Welsh) wraps onto rows this far apart
TICKS_BASELINE = 46
PLOT_TOP = 54
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
MOST_INTERVALS = 5


@dataclass
class Series:
    name: str
    colour: str
    # Where its key and its name sit in the legend (set by the layout).
    legend_x: float = 0
    legend_text_x: float = 0
    legend_baseline: float = LEGEND_BASELINE

    @property
    def legend_key_y(self) -> float:
        return self.legend_baseline - 11


@dataclass
class Bar:
    series: Series
    value: Decimal | None
    text: str
    x: float
    y: float
    width: float
    text_x: float
    text_y: float
    height: float = BAR_HEIGHT


@dataclass
class BarGroup:
    label: str
    label_y: float
    bars: list[Bar] = field(default_factory=list)
    # Clear of the axis line the bars start from.
    label_x: float = LEFT + 4


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class BarChart:
    title: str
    summary: str
    width: int
    height: int
    plot_left: float
    plot_top: float
    plot_bottom: float
    series: list[Series]
    ticks: list[Tick]
    groups: list[BarGroup]
    ticks_baseline: float = TICKS_BASELINE


def horizontal_bar_chart(
    *,
    title: str,
    summary: str,
    series: Sequence[Series],
    groups: Sequence[tuple[str, Sequence[Decimal | None]]],
    value_text: Callable[[Series, Decimal | None], str],
    tick_text: Callable[[Decimal], str],
    width: int = WIDTH,
) -> BarChart:
    """A chart of `groups` (a label and one value per series, None for a value that is missing), one bar each.

    Each group's label stands above its bars, so long names need no margin; the scale runs from zero to a
    round number above the largest value, in at most five steps.
    """
    series = list(series)
    # Below a legend of several rows, the scale and the bars move down by as many rows.
    below_legend = (_place_legend(series, width) - 1) * LEGEND_ROW
    values = [value for _label, group_values in groups for value in group_values if value is not None]
    step, intervals = nice_scale(max(values, default=Decimal(0)))
    plot_right = width - VALUE_ROOM
    plot_width = plot_right - LEFT
    top = max(step * intervals, Decimal(1))

    def x_of(value) -> float:
        return round(LEFT + float(value / top) * plot_width, 1)

    laid_out, y = [], PLOT_TOP + below_legend
    for label, group_values in groups:
        group = BarGroup(label=label, label_y=y + LABEL_HEIGHT - 6)
        bar_y = y + LABEL_HEIGHT
        for one_series, value in zip(series, group_values, strict=True):
            end = x_of(value) if value is not None else LEFT
            group.bars.append(
                Bar(
                    series=one_series,
                    value=value,
                    text=value_text(one_series, value),
                    x=LEFT,
                    y=bar_y,
                    width=round(end - LEFT, 1),
                    text_x=end + 6,
                    text_y=bar_y + BAR_HEIGHT - 4,
                )
            )
            bar_y += BAR_HEIGHT + BAR_GAP
        laid_out.append(group)
        y = bar_y + GROUP_GAP
    ticks = [Tick(x=x_of(step * index), label=tick_text(step * index)) for index in range(intervals + 1)]
    return BarChart(
        title=title,
        summary=summary,
        width=width,
        height=int(y),
        plot_left=LEFT,
        plot_top=PLOT_TOP + below_legend - 4,
        plot_bottom=y - GROUP_GAP + 2,
        series=series,
        ticks=ticks,
        groups=laid_out,
        ticks_baseline=TICKS_BASELINE + below_legend,
    )


def nice_scale(largest: Decimal) -> tuple[Decimal, int]:
    """A round step (1, 2, 2.5 or 5 times a power of ten) and how many of them reach `largest`, at most five."""
    if largest <= 0:
        return Decimal(1), 0
    rough = largest / MOST_INTERVALS
    power = Decimal(10) ** math.floor(math.log10(rough))
    step = next(power * factor for factor in (1, 2, Decimal("2.5"), 5, 10) if power * factor >= rough)
    return step, math.ceil(largest / step)


def _place_legend(series: list[Series], width: int) -> int:
    """Each series' key and name, side by side while they fit in `width`, then on the next row; the rows used."""
    x, row = LEFT, 0
    for one_series in series:
        # A key, a gap, then the name: about 7.5 px a character at the chart's type size.
        needed = 18 + round(len(one_series.name) * 7.5)
        if x > LEFT and x + needed > width:
            x, row = LEFT, row + 1
        one_series.legend_x = x
        one_series.legend_text_x = x + 18
        one_series.legend_baseline = LEGEND_BASELINE + row * LEGEND_ROW
        x += needed + 24
    return row + 1
