"""ETS 185 over time: Parties, signatories and invited States, with the band the record allows."""

from __future__ import annotations

import pandas as pd

from ...derive.periods import month_ends
from ...derive.record_gaps import record_gaps
from ...derive.status import counts
from ...domain.cproc import CPROC_START
from ...domain.treaties import MAIN_TREATY, get_treaty
from .. import sources, style
from ..chart import Chart
from ..finish import count_label, finish, gaps_note


def membership(as_of) -> pd.DataFrame:
    """ETS 185 Parties, signatories and invited States at each month end (deposit basis),
    and on the day C-PROC became operational (7 April 2014), which the chart marks."""
    t = get_treaty(MAIN_TREATY)
    dates = month_ends(t.opened, as_of)
    if pd.Timestamp(CPROC_START) <= pd.Timestamp(as_of):
        dates = dates.append(pd.DatetimeIndex([pd.Timestamp(CPROC_START)])).unique().sort_values()
    df = counts(dates, MAIN_TREATY)
    return df[
        [
            "date",
            "parties",
            "signatories",
            "invited",
            "parties_min",
            "parties_max",
            "signatories_min",
            "signatories_max",
            "invited_min",
            "invited_max",
        ]
    ]


def note(as_of) -> str | None:
    """Qualifier for ETS 185 charts: how many deposits are only bounded, how many invitations lack a date."""
    g = record_gaps()
    g = g[(g["treaty"] == MAIN_TREATY) & (g["known_date"].isna() | (g["known_date"] <= pd.Timestamp(as_of)))]
    deposits = g.loc[g["missing"].isin(["deposit", "accession"]), "iso3"].nunique()
    invitations = g.loc[g["missing"] == "invitation", "iso3"].nunique()
    return gaps_note(deposits, invitations)


def draw(counts: pd.DataFrame, as_of, note: str | None = None, source: str = "", cproc_start=style.CPROC_START):
    """Stacked areas: Parties, signatories, invited States of ETS 185 over time.

    `counts`: date, parties, signatories, invited (one treaty).
    """
    c = counts.sort_values("date")
    fig, ax = style.new_figure("full")
    series = [("party", "parties"), ("signatory", "signatories"), ("invited", "invited")]
    ax.stackplot(
        c["date"],
        *[c[col] for _, col in series],
        labels=[style.STATUS_LABELS[s] for s, _ in series],
        colors=[style.PALETTE[s] for s, _ in series],
        step="post",
        linewidth=0,
    )
    start = pd.Timestamp(cproc_start)
    ax.axvline(start, color=style.PALETTE["accent"], linewidth=1, linestyle="--")
    ax.set_xlim(c["date"].min(), c["date"].max())
    ax.set_ylim(0, max(1, int((c[["parties", "signatories", "invited"]].sum(axis=1)).max() * 1.25)))
    ax.annotate(
        "C-PROC operational\n(April 2014)",
        xy=(start, ax.get_ylim()[1] * 0.97),
        xytext=(4, 0),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=7,
        color=style.PALETTE["accent"],
    )
    if "parties_max" in c and (c["parties_max"] != c["parties_min"]).any():
        ax.fill_between(
            c["date"],
            c["parties_min"],
            c["parties_max"],
            step="post",
            facecolor="none",
            edgecolor=style.PALETTE["neutral"],
            hatch="////",
            linewidth=0,
            label="Parties: range the record allows",
            gid="uncertainty-band",
        )
    ax.legend(loc="upper left", ncols=1)
    last = c.iloc[-1]
    high = "parties_max" if "parties_max" in c else "parties"
    if (c["date"] == start).any():
        at = c[c["date"] == start].iloc[-1]
        title = (
            f"Budapest Convention: {count_label(int(at['parties']), int(at[high]), 'Parties')} when C-PROC opened, "
            f"{count_label(int(last['parties']), int(last[high]), 'Parties')} by {pd.Timestamp(as_of):%B %Y}"
        )
    else:
        title = (
            f"Budapest Convention: {count_label(int(last['parties']), int(last[high]), 'Parties')} by {pd.Timestamp(as_of):%B %Y}"
        )
    total = int(last["parties"] + last["signatories"] + last["invited"])
    alt = (
        f"Stacked area chart of States that are Parties to, signatories of, or invited to accede to the "
        f"Convention on Cybercrime from November 2001 to {pd.Timestamp(as_of):%B %Y}: {int(last['parties'])} Parties, "
        f"{int(last['signatories'])} signatories and {int(last['invited'])} invited States ({total} in all) at the end."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="States (number)", note=note)


CHART = Chart("membership", membership, draw, sources.treaty_source_line, note, MAIN_TREATY)
