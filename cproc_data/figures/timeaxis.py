"""Time axes of the membership charts: whole-year ticks, the range the record allows, and the
as-of value drawn as a point.

A count sampled at month or year ends and drawn as a step ends at the as-of date with a
step of no width: an event on that day (the third ratification of CETS 224 on 5 February
2026) would be in the title but not in the drawing. `as_of_point` draws that last value
as a dot with its number, so the drawing and the title agree.
"""

from __future__ import annotations

import pandas as pd

MAX_YEAR_LABELS = 8  # more year labels than this on a full-width panel run together


def year_ticks(ax, start, end, axis: str = "x", max_labels: int = MAX_YEAR_LABELS) -> None:
    """Ticks on 1 January of whole years, every 1, 2, 5 or 10 years so that at most
    `max_labels` fit between `start` and `end`; labels are the year alone ('2024')."""
    from matplotlib.dates import DateFormatter, YearLocator

    years = max(1, pd.Timestamp(end).year - pd.Timestamp(start).year + 1)
    base = next(b for b in (1, 2, 5, 10, 20) if years / b <= max_labels)
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(YearLocator(base))
    target.set_major_formatter(DateFormatter("%Y"))
    target.set_minor_locator(YearLocator(1) if base > 1 else YearLocator(1, month=7, day=1))
    target.set_minor_formatter(DateFormatter(""))


def integer_year_ticks(ax, first: int, last: int, max_labels: int = MAX_YEAR_LABELS) -> None:
    """Whole-year ticks on an axis whose values are years (bars per year): every 1, 2, 5 or 10."""
    from matplotlib.ticker import FixedLocator, NullFormatter

    span = max(1, last - first + 1)
    base = next(b for b in (1, 2, 5, 10, 20) if span / b <= max_labels)
    ticks = [y for y in range(first, last + 1) if y % base == 0] or [first]
    ax.set_xticks(ticks, [str(y) for y in ticks])
    ax.xaxis.set_minor_locator(FixedLocator(list(range(first, last + 1))))
    ax.xaxis.set_minor_formatter(NullFormatter())


def as_of_point(
    ax, as_of, value: float, color: str, label: str | None = None, gid: str | None = None, inside: bool = False
) -> None:
    """A dot at the as-of date with the count beside it, left of the dot: above it, or
    with `inside` below it in white (on the area the count tops)."""
    day = pd.Timestamp(as_of)
    ax.scatter([day], [value], s=14, color=color, zorder=6, clip_on=False, gid=gid)
    if label:
        ax.annotate(
            label,
            xy=(day, value),
            xytext=(-4, -3 if inside else 3),
            textcoords="offset points",
            ha="right",
            va="top" if inside else "bottom",
            fontsize=7,
            color="white" if inside else color,
            fontweight="bold",
        )


def range_band(ax, dates, low, high, color: str, label: str, gid: str) -> None:
    """The counts the record allows between `low` and `high`, hatched, as steps (a count
    holds from its date to the next)."""
    ax.fill_between(
        dates, low, high, step="post", facecolor="none", edgecolor=color, hatch="////", linewidth=0, label=label, gid=gid
    )
