"""Parties and signatories of the two Protocols (ETS 189, CETS 224)."""

from __future__ import annotations

import pandas as pd

from ...derive.periods import month_ends
from ...derive.record_gaps import record_gaps
from ...derive.status import counts
from ...domain.treaties import TREATIES
from .. import sources, style
from ..chart import Chart
from ..finish import finish


def protocols(as_of) -> pd.DataFrame:
    """Parties and signatories of ETS 189 and CETS 224 at each month end."""
    frames = []
    for code in ("ETS189", "CETS224"):
        frames.append(counts(month_ends(TREATIES[code].opened, as_of), code)[["date", "treaty", "parties", "signatories"]])
    return pd.concat(frames, ignore_index=True)


def note(as_of) -> str | None:
    g = record_gaps()
    g = g[g["treaty"].isin(["ETS189", "CETS224"]) & g["missing"].isin(["deposit", "signature"])]
    return (
        f"{len(g)} Protocol dates are missing from the record (README, 'Known gaps'); counts are lower bounds."
        if len(g)
        else None
    )


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Two panels: Parties and signatories of the First (since 2003) and Second Protocol (since May 2022)."""
    fig, axes = style.new_figure("full", ncols=2, gridspec_kw={"width_ratios": [1.6, 1]})
    names = {"ETS189": "First Protocol (ETS 189)", "CETS224": "Second Protocol (CETS 224)"}
    last = {}
    for ax, code in zip(axes, ("ETS189", "CETS224")):
        c = data[data["treaty"] == code].sort_values("date")
        ax.stackplot(
            c["date"],
            c["parties"],
            c["signatories"],
            step="post",
            labels=[style.STATUS_LABELS["party"], style.STATUS_LABELS["signatory"]],
            colors=[style.PALETTE["party"], style.PALETTE["signatory"]],
        )
        ax.set_title(names[code], fontsize=8.5, loc="left", fontweight="normal")
        ax.set_xlim(c["date"].min(), c["date"].max())
        last[code] = c.iloc[-1]
    axes[0].set_ylabel("States (number)")
    axes[0].legend(loc="upper left", fontsize=7)
    p2 = last["CETS224"]
    title = (
        f"Second Protocol: {int(p2['parties'] + p2['signatories'])} States signed in "
        f"{(pd.Timestamp(as_of) - pd.Timestamp('2022-05-12')).days / 365.25:.1f} years, {int(p2['parties'])} ratified"
    )
    p1 = last["ETS189"]
    alt = (
        f"Two stacked area charts: the First Protocol has {int(p1['parties'])} Parties and {int(p1['signatories'])} "
        f"signatories, the Second {int(p2['parties'])} Parties and {int(p2['signatories'])} signatories at "
        f"{pd.Timestamp(as_of):%B %Y}."
    )
    return finish(fig, axes[0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


CHART = Chart("protocols", protocols, draw, sources.treaty_source_line, note, "ETS189")
