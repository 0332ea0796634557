"""Parties and signatories of the two Protocols (ETS 189, CETS 224)."""

from __future__ import annotations

import pandas as pd

from ...derive.periods import month_ends
from ...derive.record_gaps import record_gaps
from ...derive.status import counts
from ...derive.treaty_record import treaty_record
from ...domain.treaties import TREATIES
from .. import sources, style
from ..chart import Chart
from ..finish import count_label, finish
from ..timeaxis import as_of_point, range_band, year_ticks

PROTOCOLS = ("ETS189", "CETS224")
NAMES = {"ETS189": "First Protocol (ETS 189)", "CETS224": "Second Protocol (CETS 224)"}
COLUMNS = ["date", "treaty", "parties", "signatories", "parties_min", "parties_max", "signatories_min", "signatories_max"]


def protocols(as_of) -> pd.DataFrame:
    """Parties and signatories of each Protocol open on `as_of`, at each month end and on the
    as-of date itself (the last row of each treaty), with the bounds the record allows."""
    frames = []
    for code in PROTOCOLS:
        if TREATIES[code].opened <= pd.Timestamp(as_of).date():
            frames.append(counts(month_ends(TREATIES[code].opened, as_of), code)[COLUMNS])
    return pd.concat(frames, ignore_index=True)


def note(as_of) -> str | None:
    """What the record lacks for the Protocols open on the as-of date, in the chart's words."""
    day = pd.Timestamp(as_of)
    g = record_gaps()
    g = g[g["treaty"].isin([c for c in PROTOCOLS if TREATIES[c].opened <= day.date()])]
    parts = []
    unsigned = g[g["missing"] == "signature"].sort_values("name")
    if len(unsigned):
        parts.append(
            f"the signature dates of {', '.join(unsigned['name'])} are missing, so signatory counts before "
            "their ratification are lower bounds"
        )
    rec = pd.concat([treaty_record(c) for c in PROTOCOLS])
    bounded = rec[(rec["deposit_precision"] != "day") & rec["deposit_earliest"].notna() & (rec["deposit_earliest"] <= day)]
    if len(bounded):
        parts.append(
            f"the deposit dates of {', '.join(sorted(bounded['name']))} are known only within bounds (hatched: "
            "the Parties the record allows)"
        )
    if not parts:
        return None
    text = "; ".join(parts) + " (README, 'Known gaps')."
    return text[0].upper() + text[1:]


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """One panel per Protocol open on the as-of date: Parties and signatories (stacked), the
    range the record allows hatched, and the as-of counts drawn as points."""
    codes = [c for c in PROTOCOLS if (data["treaty"] == c).any()]
    ratios = {"width_ratios": [1.6, 1]} if len(codes) == 2 else {}
    fig, axes = style.new_figure("full", ncols=len(codes), gridspec_kw=ratios, squeeze=False)
    last = {}
    for ax, code in zip(axes[0], codes):
        c = data[data["treaty"] == code].sort_values("date")
        ax.stackplot(
            c["date"],
            c["parties"],
            c["signatories"],
            step="post",
            labels=[style.STATUS_LABELS["party"], style.STATUS_LABELS["signatory"]],
            colors=[style.PALETTE["party"], style.PALETTE["signatory"]],
        )
        if (c["parties_max"] != c["parties_min"]).any():
            label = "Parties: range the record allows"
            range_band(
                ax, c["date"], c["parties_min"], c["parties_max"], style.PALETTE["neutral"], label, f"uncertainty-band-{code}"
            )
        end = c.iloc[-1]
        top = int(end["parties"] + end["signatories"])
        as_of_point(ax, as_of, top, style.PALETTE["signatory"], f"{top} signed", gid=f"as-of-signed-{code}")
        as_of_point(
            ax, as_of, int(end["parties"]), style.PALETTE["party"], f"{int(end['parties'])} ratified", gid=f"as-of-{code}"
        )
        ax.set_title(NAMES[code], fontsize=8.5, loc="left", fontweight="normal")
        ax.set_xlim(c["date"].min(), max(pd.Timestamp(as_of), c["date"].min() + pd.Timedelta(days=31)))
        ax.set_ylim(0, max(4, top * 1.3))
        year_ticks(ax, c["date"].min(), as_of, max_labels=8 if ax is axes[0][0] else 5)
        last[code] = end
    axes[0][0].set_ylabel("States (number)")
    axes[0][0].legend(loc="upper left", fontsize=7)
    day = pd.Timestamp(as_of)
    if "CETS224" in last:
        p2 = last["CETS224"]
        signed = int(p2["parties"] + p2["signatories"])
        years = (day - pd.Timestamp(TREATIES["CETS224"].opened)).days / 365.25
        title = (
            f"Second Protocol: {signed} States signed in {years:.1f} years, "
            f"{count_label(int(p2['parties_min']), int(p2['parties_max']), 'ratified')}"
        )
    else:
        p1 = last["ETS189"]
        title = (
            f"First Protocol: {count_label(int(p1['parties_min']), int(p1['parties_max']), 'Parties')} and "
            f"{int(p1['signatories'])} further signatories by {day:%B %Y}"
        )
    p1 = last["ETS189"]
    alt = f"Stacked area chart{'s' if len(codes) == 2 else ''}: the First Protocol has " + (
        f"{count_label(int(p1['parties_min']), int(p1['parties_max']), 'Parties')} and {int(p1['signatories'])} signatories"
    )
    if "CETS224" in last:
        alt += f", the Second {int(p2['parties'])} Parties and {int(p2['signatories'])} signatories"
    alt += f" on {day:%-d %B %Y}."
    keys = [
        f"First Protocol: {count_label(int(p1['parties_min']), int(p1['parties_max']), 'Parties')} on {day:%-d %B %Y}.",
    ]
    if "CETS224" in last:
        keys.append(f"Second Protocol: {signed} States signed, {int(p2['parties'])} of them ratified, on {day:%-d %B %Y}.")
    return finish(fig, axes[0][0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True, key_numbers=keys)


CHART = Chart("protocols", protocols, draw, sources.treaty_source_line, note, "ETS189")
