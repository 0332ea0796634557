"""C-PROC's activities per year by region, from C-PROC's own activity register."""

from __future__ import annotations

import pandas as pd

from .. import style
from ..chart import Chart
from ..finish import finish
from ..year_bars import draw_stacked, per_year

SOURCE = "C-PROC activity register supplied by the user (cproc-data figures --activities)"


def register_by_region(as_of, register: pd.DataFrame) -> pd.DataFrame:
    """Activities and participants per year and region (the region the register records:
    a UN M49 region for a country, or the programme region written in the row)."""
    return per_year(register, as_of, "region")


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    fig, ax = style.new_figure("full")
    draw_stacked(ax, data, "region", "activities", style.REGISTER_REGION_COLORS, as_of)
    total = int(data["activities"].sum())
    by_year = data.groupby("year")["activities"].sum()
    complete = data.groupby("year")["year_complete"].first()
    full = by_year[complete]
    peak = f"{int(full.max())} in {int(full.idxmax())}" if len(full) and full.max() > 0 else "no complete year yet"
    top = data.groupby("region")["activities"].sum().sort_values(ascending=False)
    title = f"C-PROC's register: {total:,} activities from {int(data['year'].min())} to {pd.Timestamp(as_of):%B %Y}; peak {peak}"
    alt = (
        f"Stacked bar chart of the {total:,} activities in C-PROC's activity register per year, by region, from "
        f"{int(data['year'].min())} to {pd.Timestamp(as_of):%B %Y}; most in {top.index[0]} ({int(top.iloc[0])})."
    )
    key = [f"{total:,} activities in the register up to {pd.Timestamp(as_of):%-d %B %Y}", f"Busiest complete year: {peak}"]
    return finish(
        fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="Activities (number)", note=note, key_numbers=key
    )


def note(as_of) -> str:
    return "Counts from C-PROC's own activity register; the year of the as-of date is hatched (a year in progress)."


CHART = Chart("register_by_region", register_by_region, draw, lambda _frame: SOURCE, note, needs="activity_register")
