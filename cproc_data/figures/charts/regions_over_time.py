"""ETS 185 Parties and invited States by region group over time, one small panel per group.

The groups are those of the `regions` chart: Council of Europe members on the date
counted, then the other States by UN M49 region. Each panel draws the certain count as a
line and the range the record allows as a light band.
"""

from __future__ import annotations

import pandas as pd

from ...derive.periods import month_ends
from ...domain.treaties import MAIN_TREATY, get_treaty
from .. import sources, style
from ..chart import Chart
from ..finish import count_label, finish
from ..timeaxis import as_of_point, year_ticks
from .regions import MEMBERS, groups_present, note, region_group_counts

SERIES = (("parties", "party", "Parties"), ("invited", "invited", "Invited to accede (at least)"))


def regions_over_time(as_of) -> pd.DataFrame:
    """Parties and invited States of ETS 185 in each region group at each month end and on
    the as-of date, with the bounds the record allows (groups that never had one left out)."""
    df = region_group_counts(month_ends(get_treaty(MAIN_TREATY).opened, as_of))
    keep = groups_present(df, ("parties_max", "invited_max"))
    df = df[df["region_group"].isin(keep)]
    order = {g: i for i, g in enumerate(keep)}
    return df.sort_values(["region_group", "date"], key=lambda s: s.map(order) if s.name == "region_group" else s).reset_index(
        drop=True
    )


def _label(group: str) -> str:
    return group if group == MEMBERS else f"{group.removeprefix('Non-members: ')} (non-members)"


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Small multiples, one per region group: Parties and invited States over time."""
    day = pd.Timestamp(as_of)
    groups = list(dict.fromkeys(data["region_group"]))
    ncols = 3
    nrows = max(1, -(-len(groups) // ncols))
    fig, axes = style.new_figure("full_tall", nrows=nrows, ncols=ncols, sharex=True, squeeze=False)
    flat = list(axes.flat)
    start = data["date"].min()
    ends = {}
    for ax, g in zip(flat, groups):
        d = data[data["region_group"] == g].sort_values("date")
        for col, key, label in SERIES:
            color = style.PALETTE[key]
            if (d[f"{col}_max"] != d[f"{col}_min"]).any():
                ax.fill_between(d["date"], d[f"{col}_min"], d[f"{col}_max"], step="post", color=color, alpha=0.25, linewidth=0)
            ax.step(d["date"], d[f"{col}_min"], where="post", color=color, linewidth=1.2, label=label)
        end = d.iloc[-1]
        ends[g] = end
        as_of_point(ax, day, int(end["parties_min"]), style.PALETTE["party"], gid=f"as-of-{g}")
        parties = count_label(int(end["parties_min"]), int(end["parties_max"]), "Parties")
        ax.set_title(f"{_label(g)}\n{parties}, {int(end['invited_min'])} invited", fontsize=7.5, loc="left", fontweight="normal")
        room = 1.75 if ax is flat[0] else 1.2  # the first panel keeps its top for the legend
        ax.set_ylim(0, max(4, int(d[["parties_max", "invited_max"]].to_numpy().max() * room)))
        ax.set_xlim(start, max(day, start + pd.Timedelta(days=31)))  # the opening day alone: one month wide
        year_ticks(ax, start, day, max_labels=3)
    for ax in flat[len(groups) :]:
        ax.axis("off")
    from matplotlib.patches import Patch

    handles, labels = flat[0].get_legend_handles_labels()
    handles.append(Patch(facecolor="#999999", alpha=0.4, label="range the record allows"))
    flat[0].legend(handles=handles, loc="upper left", fontsize=6.5)
    for row in axes:
        row[0].set_ylabel("States (number)")
    outside = [(g, e) for g, e in ends.items() if g != MEMBERS and int(e["parties_max"]) > 0]
    outside.sort(key=lambda ge: (-int(ge[1]["parties_min"]), ge[0]))
    spread = ", ".join(
        f"{g.removeprefix('Non-members: ')} {count_label(int(e['parties_min']), int(e['parties_max']), '')}" for g, e in outside
    )
    title = (
        f"Parties outside the Council of Europe by {day:%B %Y}: {spread}"
        if spread
        else f"Parties and invited States by region, {start.year} to {day:%B %Y}"
    )
    alt = (
        f"Small multiples, one per region group ({', '.join(_label(g) for g in groups)}), of Parties to and States "
        f"invited to accede to the Convention on Cybercrime from {start:%B %Y} to {day:%-d %B %Y}."
    )
    keys = [
        f"{_label(g)}: {count_label(int(e['parties_min']), int(e['parties_max']), 'Parties')}, at least "
        f"{int(e['invited_min'])} invited, on {day:%-d %B %Y}."
        for g, e in ends.items()
    ]
    return finish(fig, flat[0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True, key_numbers=keys)


CHART = Chart("regions_over_time", regions_over_time, draw, sources.treaty_source_line, note, MAIN_TREATY)
