"""The world map at three dates: the Convention's opening, C-PROC's opening, and the as-of date."""

from __future__ import annotations

import pandas as pd

from ...domain.treaties import MAIN_TREATY, get_treaty
from .. import geo, sources, style
from ..chart import Chart
from ..finish import finish
from .world_map import draw_states, legend_handles, map_note, marks_note, world_map


def panel_dates(as_of) -> list[pd.Timestamp]:
    """The opening of ETS 185 (23 November 2001), C-PROC's opening (7 April 2014) and `as_of`,
    leaving out those after `as_of`."""
    day = pd.Timestamp(as_of)
    fixed = [pd.Timestamp(get_treaty(MAIN_TREATY).opened), pd.Timestamp(style.CPROC_START)]
    return sorted({d for d in fixed if d <= day} | {day})


def omitted(as_of) -> list[pd.Timestamp]:
    day = pd.Timestamp(as_of)
    return [d for d in (pd.Timestamp(get_treaty(MAIN_TREATY).opened), pd.Timestamp(style.CPROC_START)) if d > day]


def world_map_over_time(as_of) -> pd.DataFrame:
    """`world_map` at each panel date, one block per date (column panel_date first)."""
    frames = [world_map(d).assign(panel_date=d) for d in panel_dates(as_of)]
    df = pd.concat(frames, ignore_index=True)
    return df[["panel_date", *[c for c in df.columns if c != "panel_date"]]]


def note(as_of) -> str | None:
    parts = [map_note(as_of) or ""]
    gone = omitted(as_of)
    if gone:
        parts.append("Panels after the as-of date are left out (" + ", ".join(f"{d:%-d %B %Y}" for d in gone) + ").")
    text = " ".join(p for p in parts if p)
    return text or None


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Small multiples: one world panel per date, the legend in the last cell."""
    fig, axes = style.new_figure("full_tall", nrows=2, ncols=2)
    cells = list(axes.flat)
    dates = sorted(data["panel_date"].unique())
    box = geo.world_extent()
    for ax, day in zip(cells, dates):
        d = data[data["panel_date"] == day]
        draw_states(ax, d, box, marker_size=5.0)
        n = d["status"].value_counts()
        ax.set_title(
            f"{pd.Timestamp(day):%-d %B %Y}: {int(n.get('party', 0))} Parties, {int(n.get('signatory', 0))} signatories",
            fontsize=7,
            loc="left",
        )
    key = cells[len(dates)]
    for ax in cells[len(dates) + 1 :]:
        ax.remove()
    key.set_axis_off()
    last = data[data["panel_date"] == dates[-1]]
    handles = legend_handles(last, uncertain=not data["certain"].all())
    key.legend(handles=handles, loc="center left", fontsize=6.5, frameon=False, title="Counts: last panel", title_fontsize=6.5)
    day = pd.Timestamp(as_of)
    title = "Parties and signatories of the Convention on Cybercrime: " + ", ".join(f"{pd.Timestamp(d):%Y}" for d in dates)
    alt = (
        "Three equal-area world maps (Equal Earth) of the status of every State under the Convention on Cybercrime: "
        + "; ".join(
            f"{pd.Timestamp(d):%-d %B %Y}, {int((data[data['panel_date'] == d]['status'] == 'party').sum())} Parties"
            for d in dates
        )
        + "."
    )
    note = (note + " " if note else "") + marks_note(data, by_panel=True)
    return finish(fig, cells[0], title=title, alt=alt, source=source, as_of=day, note=note, suptitle=True)


CHART = Chart("world_map_over_time", world_map_over_time, draw, sources.map_sources, note, MAIN_TREATY)
