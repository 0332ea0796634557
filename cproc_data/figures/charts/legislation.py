"""States with criminal law in line with the Convention, as C-PROC's surveys report them."""

from __future__ import annotations

from functools import partial

import pandas as pd

from ...derive import impact
from ...derive.impact import shown_value
from .. import sources, style
from ..chart import Chart
from ..finish import finish


def _share(states, den):
    return 100 * states / den


def _count_of_share(share, den):
    return share * den / 100


def legislation(as_of) -> pd.DataFrame:
    """Reported counts of States with law in line with the Convention, by survey date."""
    df = impact.legislation()
    df = df[df["refers_to"] <= pd.Timestamp(as_of)]
    return df[
        [
            "refers_to",
            "refers_to_precision",
            "measure",
            "states",
            "qualifier",
            "share_published",
            "share_computed",
            "denominator",
            "source_document",
        ]
    ].reset_index(drop=True)


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Reported counts of States with law in line with the Convention, qualifiers as markers."""
    fig, ax = style.new_figure("full")
    den = int(data["denominator"].iloc[0]) if len(data) else 193
    for measure, color in style.MEASURE_COLORS.items():
        d = data[data["measure"] == measure].sort_values("refers_to")
        if not len(d):
            continue
        ax.plot(d["refers_to"], d["states"], color=color, linewidth=0.8, alpha=0.6)
        for r in d.itertuples():
            style.qualifier_marker(ax, r.refers_to, r.states, r.qualifier, color)
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=c, marker="o", label=f"{m.capitalize()} law in line") for m, c in style.MEASURE_COLORS.items()
    ]
    handles += style.qualifier_legend_handles(data["qualifier"])
    ax.legend(handles=handles, loc="upper left", fontsize=7)
    sec = ax.secondary_yaxis("right", functions=(partial(_share, den=den), partial(_count_of_share, den=den)))
    sec.set_ylabel(f"Share of the {den} UN Member States (%)")
    ax.set_ylim(0, 160)
    sub = data[data["measure"] == "substantive"].sort_values("refers_to")
    first, last = sub.iloc[0], sub.iloc[-1]
    title = (
        f"States with criminal law in line with the Convention: {shown_value(first['states'], first['qualifier'])} "
        f"in {first['refers_to']:%Y}, {shown_value(last['states'], last['qualifier'])} in {last['refers_to']:%Y}"
    )
    alt = (
        f"Chart of the number of States whose substantive criminal law (and procedural powers) is largely in line with "
        f"the Budapest Convention, as reported from {first['refers_to']:%Y} to {last['refers_to']:%Y}, with approximate "
        f"and lower-bound figures marked."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="States (number)", note=note)


CHART = Chart("legislation", legislation, draw, sources.register_sources)
