"""Participants in C-PROC's activities per year, from C-PROC's own activity register."""

from __future__ import annotations

import pandas as pd

from .. import style
from ..chart import Chart
from ..finish import finish
from ..year_bars import per_year
from .register_by_region import SOURCE


def register_participants(as_of, register: pd.DataFrame) -> pd.DataFrame:
    """Participants per year: the sum of the numbers recorded, and how many activities have
    none recorded (where any has none, the sum is a lower bound: `participants_qualifier`)."""
    f = per_year(register, as_of, "region")
    g = f.groupby("year", as_index=False).agg(
        activities=("activities", "sum"),
        participants=("participants", "sum"),
        participants_missing=("participants_missing", "sum"),
        year_complete=("year_complete", "first"),
    )
    g["participants_qualifier"] = g["participants_missing"].map(lambda n: "lower_bound" if n else "exact")
    return g


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    fig, ax = style.new_figure("full")
    d = data.sort_values("year")
    for r in d.itertuples():
        bar = ax.bar(r.year, r.participants, color=style.PALETTE["party"], width=0.75, edgecolor="white")[0]
        if not r.year_complete:
            bar.set_hatch("////")
        if r.participants or r.participants_missing:
            label = f"{r.participants:,}" + ("+" if r.participants_missing else "")
            ax.annotate(label, (r.year, r.participants), xytext=(0, 2), textcoords="offset points", ha="center", fontsize=6)
    ax.set_xticks(list(d["year"]), [str(y) for y in d["year"]])
    ax.tick_params(axis="x", labelsize=7)
    ax.set_ylim(0, max(1.0, float(d["participants"].max()) * 1.2))
    total = int(d["participants"].sum())
    missing = int(d["participants_missing"].sum())
    at_least = "at least " if missing else ""
    title = f"C-PROC's recorded activities reached {at_least}{total:,} participants up to {pd.Timestamp(as_of):%B %Y}"
    alt = (
        f"Bar chart of participants in C-PROC's recorded activities per year: {at_least}{total:,} in all; "
        f"{missing} activities have no participant number."
    )
    note = (
        "Counts from C-PROC's own activity register. "
        + (f"{missing} activities have no participant number, so sums marked + are lower bounds. " if missing else "")
        + "The year of the as-of date is hatched (a year in progress)."
    )
    key = [f"{at_least.capitalize()}{total:,} participants", f"{missing} activities without a participant number"]
    return finish(
        fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="Participants (number)", note=note, key_numbers=key
    )


CHART = Chart("register_participants", register_participants, draw, lambda _frame: SOURCE, needs="activity_register")
