"""Every State's ETS 185 status on the as-of date, on a map."""

from __future__ import annotations

import pandas as pd

from ...derive.status import status_on
from ...domain.countries import short_name
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import finish
from ..tilemap import layout
from .membership import note as membership_note


def world_map(as_of) -> pd.DataFrame:
    """Every State's ETS 185 status at `as_of`, with its tile on the grid map."""
    s = status_on(pd.Timestamp(as_of), MAIN_TREATY, all_states=False)[["iso3", "status", "since"]]
    lay = layout()
    df = lay.merge(s, on="iso3", how="left")
    df["status"] = df["status"].astype("string").fillna("none")
    df.insert(1, "name", df["iso3"].map(short_name))
    return df.sort_values("iso3").reset_index(drop=True)


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Tile-grid map: one square per State, coloured by ETS 185 status."""
    from matplotlib.patches import Patch, Rectangle

    fig, ax = style.new_figure("map")
    for r in data.itertuples():
        color = style.PALETTE[r.status]
        ax.add_patch(
            Rectangle((r.col, -r.row), 0.92, 0.92, facecolor=color, edgecolor="white", linewidth=0.3, gid=f"tile-{r.iso3}")
        )
        ax.text(
            r.col + 0.46,
            -r.row + 0.46,
            r.iso3,
            ha="center",
            va="center",
            fontsize=2.6,
            color="white" if r.status in ("party", "invited") else "#333333",
        )
    ax.set_xlim(data["col"].min() - 0.5, data["col"].max() + 1.5)
    ax.set_ylim(-data["row"].max() - 0.5, -data["row"].min() + 1.5)
    ax.set_aspect("equal")
    ax.axis("off")
    counts_ = data["status"].value_counts()
    handles = [
        Patch(color=style.PALETTE[s], label=f"{style.STATUS_LABELS[s]} ({int(counts_.get(s, 0))})") for s in style.STATUS_ORDER
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.02), fontsize=7, ncols=4)
    title = (
        f"{int(counts_.get('party', 0))} Parties, {int(counts_.get('signatory', 0))} signatories and "
        f"{int(counts_.get('invited', 0))} invited States on {pd.Timestamp(as_of):%-d %B %Y}"
    )
    alt = (
        f"Tile-grid world map, one equal square per State ({len(data)} States), coloured by status under the Convention "
        f"on Cybercrime on {pd.Timestamp(as_of):%-d %B %Y}: Parties, signatories, invited States and others."
    )
    note = (note + " " if note else "") + "One equal tile per State, placed near its centroid; labels are ISO 3166 codes."
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note)


CHART = Chart("world_map", world_map, draw, sources.map_sources, membership_note, MAIN_TREATY)
