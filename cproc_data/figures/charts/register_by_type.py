"""C-PROC's activities per year by type, from C-PROC's own activity register."""

from __future__ import annotations

import pandas as pd

from ...ingest.activity_register import ACTIVITY_TYPES
from .. import style
from ..chart import Chart
from ..finish import finish
from ..year_bars import draw_stacked, per_year
from .register_by_region import SOURCE, note

TYPE_COLORS = dict(zip(ACTIVITY_TYPES, style.EXTRA_COLORS))


def register_by_type(as_of, register: pd.DataFrame) -> pd.DataFrame:
    """Activities and participants per year and activity type (the register's vocabulary)."""
    return per_year(register, as_of, "activity_type")


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    fig, ax = style.new_figure("full")
    draw_stacked(ax, data, "activity_type", "activities", TYPE_COLORS, as_of)
    by_type = data.groupby("activity_type")["activities"].sum().sort_values(ascending=False, kind="stable")
    total = int(by_type.sum())
    first = str(by_type.index[0]).replace("_", " ")
    share = round(100 * int(by_type.iloc[0]) / total) if total else 0
    title = f"Most of C-PROC's recorded activities are {first}: {share}% of {total:,} up to {pd.Timestamp(as_of):%B %Y}"
    alt = (
        f"Stacked bar chart of the {total:,} activities in C-PROC's activity register per year, by type; "
        f"{first} is the largest type ({int(by_type.iloc[0])})."
    )
    key = [f"{str(t).replace('_', ' ').capitalize()}: {int(n):,}" for t, n in by_type.items() if n]
    return finish(
        fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="Activities (number)", note=note, key_numbers=key
    )


CHART = Chart("register_by_type", register_by_type, draw, lambda _frame: SOURCE, note, needs="activity_register")
