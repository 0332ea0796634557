"""ETS 185 over time: Parties, signatories and invited States, with the band the record allows."""

from __future__ import annotations

import pandas as pd

from ...derive.periods import month_ends
from ...derive.record_gaps import record_gaps
from ...derive.status import counts
from ...derive.treaty_record import treaty_record
from ...domain.cproc import CPROC_START
from ...domain.treaties import MAIN_TREATY, get_treaty
from .. import sources, style
from ..chart import Chart
from ..finish import count_label, finish
from ..timeaxis import as_of_point, range_band, year_ticks


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
    """What the record lacks for ETS 185 up to the as-of date: deposits known only within
    bounds (Parties as a range), and invitations without a date (invited counts are lower bounds)."""
    day = pd.Timestamp(as_of)
    rec = treaty_record(MAIN_TREATY)
    bounded = int(((rec["deposit_precision"] != "day") & (rec["deposit_earliest"] <= day)).sum())
    g = record_gaps()
    undated = g[(g["treaty"] == MAIN_TREATY) & (g["missing"] == "invitation") & (g["known_date"] <= day)]["iso3"].nunique()
    parts = []
    if bounded:
        parts.append(
            f"the record only bounds the day of {bounded} deposits that may fall on or before {day:%-d %B %Y}, "
            "so Party counts are given as the range the record allows"
        )
    invited = "invited counts are lower bounds: invitations not followed by an accession may be missing from the record"
    if undated:
        invited += f", and {undated} States that acceded by then have no invitation date"
    parts.append(invited)
    text = "; ".join(parts) + " (README, 'Known gaps')."
    return text[0].upper() + text[1:]


def draw(counts: pd.DataFrame, as_of, note: str | None = None, source: str = "", cproc_start=style.CPROC_START):
    """Stacked areas: Parties, signatories, invited States of ETS 185 over time.

    `counts`: date, parties, signatories, invited (one treaty).
    """
    c = counts.sort_values("date")
    day = pd.Timestamp(as_of)
    fig, ax = style.new_figure("full")
    series = [("party", "parties"), ("signatory", "signatories"), ("invited", "invited")]
    labels = [style.STATUS_LABELS[s] for s, _ in series]
    labels[2] += " (at least)"  # invitations may be missing from the record (see the note)
    ax.stackplot(
        c["date"],
        *[c[col] for _, col in series],
        labels=labels,
        colors=[style.PALETTE[s] for s, _ in series],
        step="post",
        linewidth=0,
    )
    ax.set_xlim(c["date"].min(), max(day, c["date"].min() + pd.Timedelta(days=31)))  # the opening day alone
    ax.set_ylim(0, max(4, int((c[["parties", "signatories", "invited"]].sum(axis=1)).max() * 1.25)))
    year_ticks(ax, c["date"].min(), day)
    start = pd.Timestamp(cproc_start)
    if start <= day:
        ax.axvline(start, color=style.PALETTE["accent"], linewidth=1, linestyle="--")
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
        label = "Parties: range the record allows"
        range_band(ax, c["date"], c["parties_min"], c["parties_max"], style.PALETTE["neutral"], label, "uncertainty-band")
    ax.legend(loc="upper left", ncols=1)
    last = c.iloc[-1]
    high = "parties_max" if "parties_max" in c else "parties"
    parties_now = count_label(int(last["parties"]), int(last[high]), "Parties")
    inside = int(last["parties"]) > ax.get_ylim()[1] * 0.15  # room for the label inside the Parties' area
    as_of_point(ax, day, int(last[high]), style.PALETTE["party"], parties_now, gid="as-of-parties", inside=inside)
    if (c["date"] == start).any():
        at = c[c["date"] == start].iloc[-1]
        then = count_label(int(at["parties"]), int(at[high]), "Parties")
        title = f"Budapest Convention: {then} when C-PROC opened" + (
            f", {parties_now} by {day:%B %Y}" if day > start else f" on {start:%-d %B %Y}"
        )
    else:
        then = None
        title = f"Budapest Convention: {parties_now} by {day:%B %Y}"
    total = int(last["parties"] + last["signatories"] + last["invited"])
    alt = (
        f"Stacked area chart of States that are Parties to, signatories of, or invited to accede to the "
        f"Convention on Cybercrime from November 2001 to {day:%-d %B %Y}: {parties_now}, "
        f"{int(last['signatories'])} signatories and at least {int(last['invited'])} invited States (at least {total} "
        "in all) at the end."
    )
    keys = [f"{parties_now} on {day:%-d %B %Y}."]
    if then:
        keys.append(f"{then} on {start:%-d %B %Y}, when C-PROC became operational.")
    keys.append(f"{int(last['signatories'])} signatories and at least {int(last['invited'])} invited States on {day:%-d %B %Y}.")
    return finish(
        fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="States (number)", note=note, key_numbers=keys
    )


CHART = Chart("membership", membership, draw, sources.treaty_source_line, note, MAIN_TREATY)
