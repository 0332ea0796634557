"""ETS 185 Parties by UN region and by Council of Europe membership, year by year."""

from __future__ import annotations

import pandas as pd

from ...derive.periods import year_ends
from ...derive.status import status_on
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import finish
from .membership import note as membership_note


def regions(as_of) -> pd.DataFrame:
    """ETS 185 Parties at each year end by UN M49 region, and by Council of Europe membership."""
    rows = []
    for d in year_ends(2002, as_of):
        s = status_on(d, MAIN_TREATY, all_states=False)
        p = s[s["status"].astype(str) == "party"]
        for region, n in p["region"].fillna("Unknown").value_counts().sort_index().items():
            rows.append({"date": d, "grouping": "region", "group": region, "parties": int(n)})
        for member, n in ((True, int(p["coe_member"].sum())), (False, int((~p["coe_member"]).sum()))):
            rows.append(
                {
                    "date": d,
                    "grouping": "coe_membership",
                    "group": "Council of Europe members" if member else "Non-member States",
                    "parties": n,
                }
            )
    return pd.DataFrame(rows)


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Two panels: Parties by UN M49 region (stacked), Council of Europe members vs non-members."""
    fig, (ax1, ax2) = style.new_figure("full", ncols=2, sharey=True)
    reg = data[data["grouping"] == "region"].pivot_table(index="date", columns="group", values="parties", fill_value=0)
    order = [r for r in style.REGION_COLORS if r in reg.columns]
    if order:  # no Party yet (before July 2004 no region has one)
        ax1.stackplot(
            reg.index, *[reg[r] for r in order], labels=order, colors=[style.REGION_COLORS[r] for r in order], step="post"
        )
        ax1.legend(loc="upper left", fontsize=7)
    ax1.set_title("By region", fontsize=8.5, loc="left", fontweight="normal")
    ax1.set_ylabel("Parties (number)")
    mem = data[data["grouping"] == "coe_membership"].pivot_table(index="date", columns="group", values="parties", fill_value=0)
    for g, color in style.MEMBERSHIP_COLORS.items():
        if g in mem.columns:
            ax2.step(mem.index, mem[g], where="post", color=color, label=g)
    ax2.set_title("Council of Europe members and non-members", fontsize=8.5, loc="left", fontweight="normal")
    ax2.legend(loc="upper left", fontsize=7)
    last = mem.iloc[-1]
    title = (
        f"Non-member States make up a growing share of Parties: {int(last.get('Non-member States', 0))} of "
        f"{int(last.sum())} by {pd.Timestamp(as_of):%B %Y}"
    )
    alt = (
        f"Two charts of Parties to the Convention on Cybercrime at each year end: stacked by UN region, and Council of "
        f"Europe members ({int(last.get('Council of Europe members', 0))}) against non-member States "
        f"({int(last.get('Non-member States', 0))}) at {pd.Timestamp(as_of):%B %Y}."
    )
    fig.suptitle("")
    return finish(fig, ax1, title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


CHART = Chart("regions", regions, draw, sources.treaty_source_line, membership_note, MAIN_TREATY)
