"""ETS 185 Parties by region group, year by year: Council of Europe members, then non-member
States by UN M49 region.

UN M49 puts Türkiye, Azerbaijan, Armenia, Georgia and Cyprus in Asia; counted by region
alone, "Asia" would silently mix Council of Europe members with non-member States. The
groups here are therefore the Council of Europe members (on the date counted) and, for the
other States only, their UN M49 region. `region_group_counts` is shared with the
`regions_over_time` chart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...derive.periods import year_ends
from ...derive.states import coe_member_at, states
from ...derive.status import status_spells
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import count_label, finish
from ..timeaxis import integer_year_ticks
from .membership import note as membership_note

MEMBERS = "Council of Europe members"
NON_MEMBER_REGIONS = ("Africa", "Americas", "Asia", "Oceania", "Europe")
GROUPS = (MEMBERS, *(f"Non-members: {r}" for r in NON_MEMBER_REGIONS), "Non-members: region unknown")
GROUP_COLORS = {
    MEMBERS: style.MEMBERSHIP_COLORS[MEMBERS],
    "Non-members: Africa": style.REGION_COLORS["Africa"],
    "Non-members: Americas": style.REGION_COLORS["Americas"],
    "Non-members: Asia": style.REGION_COLORS["Asia"],
    "Non-members: Oceania": style.REGION_COLORS["Oceania"],
    "Non-members: Europe": "#F0E442",  # Okabe-Ito yellow
    "Non-members: region unknown": style.REGION_COLORS["Unknown"],
}
POSSIBLE_COLOR = style.PALETTE["neutral"]


def region_group_counts(dates) -> pd.DataFrame:
    """ETS 185 Parties and invited States in each region group on each date, with bounds.

    Columns: date, region_group, parties_min, parties_max, invited_min, invited_max. A
    State is counted in the group of its Council of Europe membership on that date;
    `_min` counts the States whose status the record decides, `_max` adds those it only
    allows (a deposit or invitation known within bounds)."""
    idx = pd.DatetimeIndex(dates)
    sp = status_spells(MAIN_TREATY)
    region = sp["iso3"].map(states().set_index("iso3")["region"]).fillna("region unknown").to_numpy()
    start = sp["start"].to_numpy()
    end = sp["end"].fillna(pd.Timestamp.max).to_numpy()
    options = sp["possible"].str.split("|")
    masks = {
        (st, kind): np.array([(o == [st]) if kind == "min" else (st in o) for o in options])
        for st in ("party", "invited")
        for kind in ("min", "max")
    }
    rows = []
    for day in idx:
        live = (start <= day.to_datetime64()) & (end > day.to_datetime64())
        member = coe_member_at(sp["iso3"], day).to_numpy()
        group = np.where(member, MEMBERS, np.char.add("Non-members: ", region.astype(str)))
        for g in GROUPS:
            here = live & (group == g)
            rows.append(
                (
                    day,
                    g,
                    *(int((here & masks[(st, kind)]).sum()) for st in ("party", "invited") for kind in ("min", "max")),
                )
            )
    cols = ["date", "region_group", "parties_min", "parties_max", "invited_min", "invited_max"]
    return pd.DataFrame(rows, columns=cols)


def groups_present(frame: pd.DataFrame, columns=("parties_max",)) -> list[str]:
    """The region groups with any State counted, in the fixed order of GROUPS."""
    seen = set(frame.loc[frame[list(columns)].sum(axis=1) > 0, "region_group"])
    return [g for g in GROUPS if g in seen]


def regions(as_of) -> pd.DataFrame:
    """ETS 185 Parties on 31 December of each year and on the as-of date, by region group."""
    df = region_group_counts(year_ends(2002, as_of))
    df.insert(1, "year", df["date"].dt.year)
    return df[["date", "year", "region_group", "parties_min", "parties_max"]]


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Stacked bars, one per year: Parties certainly in each group, and a hatched top for the
    States the record allows but cannot confirm as Parties on that date."""
    fig, ax = style.new_figure("full")
    day = pd.Timestamp(as_of)
    mins = data.pivot_table(index="year", columns="region_group", values="parties_min", aggfunc="sum", fill_value=0)
    total_max = data.groupby("year")["parties_max"].sum()
    order = groups_present(data, ("parties_min",))
    bottom = np.zeros(len(mins))
    for g in order:
        ax.bar(mins.index, mins[g], bottom=bottom, width=0.75, color=GROUP_COLORS[g], label=g, linewidth=0)
        bottom += mins[g].to_numpy()
    possible = total_max.reindex(mins.index).to_numpy() - bottom
    if (possible > 0).any():
        ax.bar(
            mins.index,
            possible,
            bottom=bottom,
            width=0.75,
            facecolor="white",
            edgecolor=POSSIBLE_COLOR,
            hatch="////",
            linewidth=0.4,
            label="Possibly Parties\n(deposit date known\nonly within bounds)",
            gid="possible-parties",
        )
    first, last = int(mins.index.min()), int(mins.index.max())
    integer_year_ticks(ax, first, last)
    ax.set_xlim(first - 0.6, last + 0.6)
    top = int(total_max.max()) if len(total_max) else 0
    ax.set_ylim(0, max(4, top * 1.15))
    end = data[data["date"] == data["date"].max()].set_index("region_group")
    low, high = int(end["parties_min"].sum()), int(end["parties_max"].sum())
    ax.annotate(
        count_label(low, high, ""),
        xy=(last, high),
        xytext=(0, 2),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=7,
        fontweight="bold",
    )
    if order:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, ncols=1)
    at = "on 31 December" + ("" if (day.month, day.day) == (12, 31) else f"; {day.year}: on {day:%-d %B}")
    ax.set_xlabel(f"Year (Parties {at})")
    ax.set_ylabel("Parties (number)")
    members = int(end.loc[MEMBERS, "parties_min"]) if MEMBERS in end.index else 0
    members_max = int(end.loc[MEMBERS, "parties_max"]) if MEMBERS in end.index else 0
    non = end.drop(index=MEMBERS, errors="ignore")
    non_low, non_high = int(non["parties_min"].sum()), int(non["parties_max"].sum())
    title = (
        f"Parties outside the Council of Europe: {count_label(non_low, non_high, '')} of "
        f"{count_label(low, high, 'Parties')} by {day:%B %Y}"
    )
    by_region = ", ".join(
        f"{g.removeprefix('Non-members: ')} {count_label(int(end.loc[g, 'parties_min']), int(end.loc[g, 'parties_max']), '')}"
        for g in order
        if g != MEMBERS and int(end.loc[g, "parties_max"]) > 0
    )
    alt = (
        f"Stacked bar chart of Parties to the Convention on Cybercrime at the end of each year from {first} to "
        f"{day:%-d %B %Y}: Council of Europe members ({count_label(members, members_max, '')}) and non-member "
        f"States by UN region ({by_region or 'none'})."
    )
    keys = [
        f"{count_label(low, high, 'Parties')} on {day:%-d %B %Y}, {count_label(non_low, non_high, '')} of them outside "
        "the Council of Europe.",
    ]
    if by_region:
        keys.append(f"Non-member Parties by UN region: {by_region}.")
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note, key_numbers=keys)


def note(as_of) -> str:
    """How the groups are formed (the members UN M49 places outside Europe named), then the record's gaps."""
    day = pd.Timestamp(as_of)
    st = states()
    outside = st[coe_member_at(st["iso3"], day) & st["region"].notna() & (st["region"] != "Europe")]
    named = ", ".join(f"{n} ({r})" for n, r in sorted(zip(outside["name"], outside["region"])))
    said = (
        "Council of Europe members on each date form one group, whatever their UN M49 region"
        + (f" ({named} on {day:%-d %B %Y})" if named else "")
        + "; other States are grouped by UN M49 region."
    )
    gaps = membership_note(as_of)
    return f"{said} {gaps}" if gaps else said


CHART = Chart("regions", regions, draw, sources.treaty_source_line, note, MAIN_TREATY)
