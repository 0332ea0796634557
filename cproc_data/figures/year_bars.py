"""Counts per year from C-PROC's activity register, stacked by one grouping, as bars.

Shared by the register charts (by region, by type, participants). The as-of year is
drawn as a year in progress (hatched, labelled "to <day month>"), never as a full year.
"""

from __future__ import annotations

import pandas as pd

from ..domain.cproc import CPROC_START
from . import style


def per_year(register: pd.DataFrame, as_of, by: str) -> pd.DataFrame:
    """year, `by`, activities, participants, participants_missing, year_complete for every year
    from C-PROC's opening to the as-of year (years without activities kept, with zeros).

    Activities after the as-of date are left out; `participants` sums the recorded numbers,
    `participants_missing` counts activities without one (so the sum is a lower bound)."""
    day = pd.Timestamp(as_of)
    r = register[register["date"] <= day]
    years = range(CPROC_START.year, day.year + 1)
    groups = sorted(r[by].dropna().unique()) if len(r) else []
    rows = []
    for year in years:
        y = r[r["year"] == year]
        for g in groups:
            sel = y[y[by] == g]
            rows.append(
                {
                    "year": year,
                    by: g,
                    "activities": len(sel),
                    "participants": int(sel["participants"].fillna(0).sum()),
                    "participants_missing": int(sel["participants"].isna().sum()),
                    "year_complete": year < day.year or (day.month, day.day) == (12, 31),
                }
            )
    cols = ["year", by, "activities", "participants", "participants_missing", "year_complete"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"year": "int64", "activities": "int64", "participants": "int64", "participants_missing": "int64"})


def draw_stacked(ax, frame: pd.DataFrame, by: str, value: str, colors: dict[str, str], as_of) -> None:
    """Stacked bars per year; the year in progress hatched; legend in `colors` order."""
    wide = frame.pivot_table(index="year", columns=by, values=value, aggfunc="sum", fill_value=0)
    order = [g for g in colors if g in wide.columns] + sorted(g for g in wide.columns if g not in colors)
    complete = frame.groupby("year")["year_complete"].first()
    bottom = pd.Series(0, index=wide.index, dtype="int64")
    for i, g in enumerate(order):
        color = colors.get(g, style.EXTRA_COLORS[i % len(style.EXTRA_COLORS)])
        hatch = ["" if complete[y] else "////" for y in wide.index]
        bars = ax.bar(wide.index, wide[g], bottom=bottom, color=color, label=str(g).replace("_", " "), width=0.75)
        for bar, h in zip(bars, hatch):
            bar.set_hatch(h)
            bar.set_edgecolor("white")
        bottom = bottom + wide[g]
    ax.set_xticks(list(wide.index), [str(y) for y in wide.index])
    ax.tick_params(axis="x", labelsize=7)
    last = int(wide.index.max())
    if not complete[last]:
        ax.annotate(
            f"to {pd.Timestamp(as_of):%-d %b}",
            (last, float(bottom[last])),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            fontsize=6,
            color=style.FOOTER_COLOR,
        )
    ax.set_ylim(0, max(1.0, float(bottom.max()) * 1.25))
    ax.legend(loc="upper left", fontsize=6.5, ncols=2)
