"""C-PROC's activity counts as published (annual and cumulative)."""

from __future__ import annotations

import pandas as pd

from ...derive import impact
from ...derive.impact import shown_value
from .. import sources, style
from ..chart import Chart
from ..finish import finish


def activities(as_of) -> pd.DataFrame:
    """C-PROC activity counts (annual and cumulative), qualifiers kept."""
    df = impact.activities()
    df = df[df["refers_to"].notna() & (df["refers_to"] <= pd.Timestamp(as_of))]
    df = df[df["series"].isin(["in_year", "training_in_year", "cumulative"])]
    return df[["refers_to", "refers_to_precision", "series", "value", "qualifier", "shown", "source_document"]].reset_index(
        drop=True
    )


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Two panels: activities in a year and cumulative since 2014; lower bounds drawn as '^'."""
    fig, (ax1, ax2) = style.new_figure("full", ncols=2)
    for ax, series in ((ax1, ("in_year", "training_in_year")), (ax2, ("cumulative",))):
        for s in series:
            d = data[data["series"] == s].sort_values("refers_to")
            for r in d.itertuples():
                x = (
                    r.refers_to.year
                    if r.refers_to_precision == "year"
                    else r.refers_to.year + (r.refers_to.day_of_year - 1) / 365.25
                )
                style.qualifier_marker(ax, x, r.value, r.qualifier, style.SERIES_COLORS[s], size=42)
                ax.annotate(
                    shown_value(r.value, r.qualifier), (x, r.value), xytext=(5, 3), textcoords="offset points", fontsize=7
                )
        ax.set_xlabel("Year")
        values = data.loc[data["series"].isin(series), "value"].dropna()
        ax.set_ylim(0, max(1.0, float(values.max()) * 1.3) if len(values) else 1)
    ax1.set_title("In one year", fontsize=8.5, loc="left", fontweight="normal")
    ax2.set_title("Since April 2014 (cumulative)", fontsize=8.5, loc="left", fontweight="normal")
    ax1.set_ylabel("Activities (number)")
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=style.SERIES_COLORS["in_year"], marker="o", linestyle="none", label="all activities"),
        Line2D([], [], color=style.SERIES_COLORS["training_in_year"], marker="o", linestyle="none", label="training activities"),
    ]
    ax1.legend(handles=handles + style.qualifier_legend_handles(data["qualifier"]), loc="upper left", fontsize=6.5)
    cum = data[data["series"] == "cumulative"].sort_values("refers_to")
    last = cum.iloc[-1] if len(cum) else None
    title = (
        f"C-PROC activities: at least {last['value']:,.0f} since 2014 by {last['refers_to']:%Y}"
        if last is not None
        else "C-PROC activities"
    )
    alt = (
        "Two charts of C-PROC activity counts as reported: activities in single years and cumulative activities since "
        "April 2014; most figures are lower bounds ('more than') and are drawn as upward triangles."
    )
    return finish(fig, ax1, title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


CHART = Chart("activities", activities, draw, sources.register_sources)
