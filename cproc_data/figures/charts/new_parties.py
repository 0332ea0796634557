"""New ETS 185 Parties per year (by deposit), Council of Europe members and non-members,
with C-PROC's opening (7 April 2014) marked.

A deposit whose year the record cannot decide (Ecuador: some day between 18 June 2024
and 14 January 2026) is never drawn as if its year were known: it is counted in its latest
possible year (never after the as-of date) as a separate hatched "year uncertain"
segment, and in `new_parties_max` of every year its bounds touch.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...derive.states import coe_member_at
from ...derive.treaty_record import treaty_record
from ...domain.treaties import MAIN_TREATY, get_treaty
from .. import sources, style
from ..chart import Chart
from ..finish import count_label, finish
from ..timeaxis import integer_year_ticks
from .membership import note

MEMBERS = "Council of Europe members"
NON_MEMBERS = "Non-member States"
UNCERTAIN = "Year uncertain (drawn in the latest possible year)"
COLUMNS = ["year", "new_coe_members", "new_non_members", "new_year_uncertain", "new_parties_min", "new_parties_max"]


def deposits(as_of) -> pd.DataFrame:
    """ETS 185 deposits that may fall on or before `as_of`: iso3, name, earliest, latest
    (never after `as_of`), by_as_of (certainly on or before `as_of`), certain (that, and its year known),
    coe_member (on the latest possible day)."""
    day = pd.Timestamp(as_of)
    r = treaty_record(MAIN_TREATY)
    r = r[r["deposit_earliest"].notna() & (r["deposit_earliest"] <= day)].copy()
    latest = r["deposit_latest"].fillna(day)
    r["by_as_of"] = latest <= day
    r["certain"] = r["by_as_of"] & (r["deposit_earliest"].dt.year == latest.dt.year)
    r["latest"] = latest.where(latest <= day, day)
    r["earliest"] = r["deposit_earliest"]
    r["coe_member"] = [bool(coe_member_at(pd.Series([i]), d).iloc[0]) for i, d in zip(r["iso3"], r["latest"])]
    return r[["iso3", "name", "earliest", "latest", "by_as_of", "certain", "coe_member"]].reset_index(drop=True)


def new_parties(as_of) -> pd.DataFrame:
    """One row per year from the Convention's opening to `as_of`: deposits certainly in that
    year by Council of Europe members and by non-members, deposits whose year is uncertain
    (in their latest possible year), and the fewest and most new Parties the record allows."""
    day = pd.Timestamp(as_of)
    dep = deposits(day)
    years = np.arange(get_treaty(MAIN_TREATY).opened.year, day.year + 1)
    sure = dep[dep["certain"]]
    unsure = dep[~dep["certain"]]
    year_of = sure["latest"].dt.year
    first, last = dep["earliest"].dt.year.to_numpy(), dep["latest"].dt.year.to_numpy()
    out = pd.DataFrame(
        {
            "year": years,
            "new_coe_members": [int((year_of[sure["coe_member"]] == y).sum()) for y in years],
            "new_non_members": [int((year_of[~sure["coe_member"]] == y).sum()) for y in years],
            "new_year_uncertain": [int((unsure["latest"].dt.year == y).sum()) for y in years],
            "new_parties_max": [int(((first <= y) & (last >= y)).sum()) for y in years],
        }
    )
    out.insert(4, "new_parties_min", out["new_coe_members"] + out["new_non_members"])
    return out[COLUMNS]


def since_cproc(as_of, start=style.CPROC_START) -> dict[str, tuple[int, int]]:
    """Deposits on or after C-PROC's opening and on or before `as_of`: (fewest, most) in all
    and by non-members, read from each deposit's bounds."""
    dep = deposits(as_of)
    sure = (dep["earliest"] >= start) & dep["by_as_of"]
    maybe = dep["latest"] >= start
    non = ~dep["coe_member"]
    return {
        "all": (int(sure.sum()), int(maybe.sum())),
        "non_members": (int((sure & non).sum()), int((maybe & non).sum())),
    }


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = "", cproc_start=style.CPROC_START):
    """Stacked bars per year: members, non-members, and a hatched segment for deposits whose
    year is uncertain; a dashed line at C-PROC's opening."""
    day = pd.Timestamp(as_of)
    fig, ax = style.new_figure("full")
    x = data["year"].to_numpy()
    ax.bar(x, data["new_coe_members"], width=0.75, color=style.MEMBERSHIP_COLORS[MEMBERS], label=MEMBERS, linewidth=0)
    ax.bar(
        x,
        data["new_non_members"],
        bottom=data["new_coe_members"],
        width=0.75,
        color=style.MEMBERSHIP_COLORS[NON_MEMBERS],
        label=NON_MEMBERS,
        linewidth=0,
    )
    if data["new_year_uncertain"].any():
        ax.bar(
            x,
            data["new_year_uncertain"],
            bottom=data["new_parties_min"],
            width=0.75,
            facecolor="white",
            edgecolor=style.PALETTE["neutral"],
            hatch="////",
            linewidth=0.4,
            label=UNCERTAIN,
            gid="year-uncertain",
        )
    top = int((data["new_parties_min"] + data["new_year_uncertain"]).max())
    ax.set_ylim(0, max(4, top * 1.3))
    ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    integer_year_ticks(ax, int(x.min()), int(x.max()))
    start = pd.Timestamp(cproc_start)
    if start <= day:
        at = start.year + (start.day_of_year - 1) / (366 if start.is_leap_year else 365) - 0.5  # bars centre on years
        ax.axvline(at, color=style.PALETTE["accent"], linewidth=1, linestyle="--", gid="cproc-start")
        ax.annotate(
            "C-PROC operational\n(April 2014)",
            xy=(at, ax.get_ylim()[1] * 0.97),
            xytext=(-4, 0),
            textcoords="offset points",
            ha="right",
            va="top",
            fontsize=7,
            color=style.PALETTE["accent"],
        )
    ax.legend(loc="upper left", fontsize=7)
    partial = "" if (day.month, day.day) == (12, 31) else f"; {day.year}: to {day:%-d %B}"
    ax.set_xlabel(f"Year of deposit{partial}")
    ax.set_ylabel("New Parties (number)")
    dep = deposits(day)
    total = (int(dep["by_as_of"].sum()), len(dep))  # Parties on the as-of date, as the membership chart counts them
    keys = [f"{count_label(*total, 'States')} deposited an instrument of ratification or accession by {day:%-d %B %Y}."]
    if start < day:
        s = since_cproc(day, start)
        title = (
            f"{count_label(*s['all'], 'new Parties')} since C-PROC opened in April 2014, "
            f"{count_label(*s['non_members'], '')} of them not members of the Council of Europe"
        )
        keys.append(
            f"{count_label(*s['all'], 'new Parties')} from {start:%-d %B %Y} to {day:%-d %B %Y}, "
            f"{count_label(*s['non_members'], 'non-member States')}."
        )
    else:
        title = f"Budapest Convention: {count_label(*total, 'Parties')} by {day:%B %Y}, year by year"
    best = data.loc[data["new_parties_min"].idxmax()]
    keys.append(f"Most new Parties in one year: {int(best['new_parties_min'])} in {int(best['year'])}.")
    alt = (
        f"Bar chart of new Parties to the Convention on Cybercrime per year of deposit, {int(x.min())} to "
        f"{day:%-d %B %Y}, split into Council of Europe members ({int(data['new_coe_members'].sum())}) and non-member "
        f"States ({int(data['new_non_members'].sum())}); {int(data['new_year_uncertain'].sum())} deposits of uncertain "
        "year are hatched in their latest possible year."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note, key_numbers=keys)


CHART = Chart("new_parties", new_parties, draw, sources.treaty_source_line, note, MAIN_TREATY)
