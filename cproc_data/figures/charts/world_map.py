"""Every State's ETS 185 status on the as-of date, on an equal-area world map (with Europe enlarged)."""

from __future__ import annotations

import pandas as pd

from ...derive.status import status_on
from ...domain.countries import short_name
from ...domain.treaties import MAIN_TREATY
from .. import geo, sources, style
from ..chart import Chart
from ..finish import finish
from .membership import note as membership_note

UNCERTAIN_HATCH = "//////"
UNCERTAIN_COLOR = "#222222"
EDGE = "white"
MARKER_SIZE = 10.0  # points², about 1.1 mm across at print size


def world_map(as_of) -> pd.DataFrame:
    """One row per State on the map: its ETS 185 status at `as_of` and how it is drawn.

    iso3, name, status, certain, possible (the statuses the record allows where it is not
    certain), since, shown_as (polygon or marker), area_km2, x, y (Equal Earth metres of the
    marker or label point), position. Every State with any status is a row; so is every
    other State or territory the map draws (status 'none').
    """
    s = status_on(pd.Timestamp(as_of), MAIN_TREATY, all_states=False)[["iso3", "status", "certain", "possible", "since"]]
    units = geo.units()
    missing = sorted(set(s["iso3"]) - set(units["iso3"]))
    if missing:
        raise ValueError(f"world map: no geometry and no centroid for {missing} (add them to {geo.CENTROIDS_FILE})")
    df = units.merge(s, on="iso3", how="left")
    df["status"] = df["status"].astype("string").fillna("none")
    df["certain"] = df["certain"].fillna(True).astype(bool)
    df["possible"] = df["possible"].astype("string").fillna(df["status"])
    df.insert(1, "name", df["iso3"].map(short_name))
    cols = ["iso3", "name", "status", "certain", "possible", "since", "shown_as", "area_km2", "x", "y", "position"]
    return df[cols].sort_values("iso3").reset_index(drop=True)


def draw_states(
    ax,
    data: pd.DataFrame,
    box: tuple[float, float, float, float],
    marker_size: float = MARKER_SIZE,
    palette: dict[str, str] | None = None,
    column: str = "status",
) -> None:
    """Polygons (one PathCollection per status) and markers (one per status) of `data` on `ax`.

    `palette`: colour of each value of `column` (default `status`), in drawing order (default:
    the treaty statuses); the last one is the background class, drawn as a smaller marker.

    Every collection carries `cproc_iso3`, the States it draws in order, and a gid naming
    what it draws, so a reader of the SVG (or a test) finds every State.
    """
    from matplotlib.collections import PathCollection

    shapes = geo.shapes()
    xmin, xmax, ymin, ymax = box
    palette = palette or {s: style.PALETTE[s] for s in style.STATUS_ORDER}
    background = list(palette)[-1]
    for status in palette:
        rows = data[(data[column] == status) & data["iso3"].isin(shapes)]
        if not rows.empty:
            coll = PathCollection(
                [geo.path_of(shapes[i]) for i in rows["iso3"]],
                facecolors=palette[status],
                edgecolors=EDGE,
                linewidths=0.25,
                zorder=1,
            )
            coll.set_gid(f"states-{status}")
            coll.cproc_iso3 = list(rows["iso3"])
            ax.add_collection(coll, autolim=False)
    unsure = data[~data["certain"] & data["iso3"].isin(shapes) & (data["shown_as"] == "polygon")]
    if not unsure.empty:
        coll = PathCollection(
            [geo.path_of(shapes[i]) for i in unsure["iso3"]],
            facecolors="none",
            edgecolors=UNCERTAIN_COLOR,
            linewidths=0,
            hatch=UNCERTAIN_HATCH,
            zorder=2,
        )
        coll.set_gid("states-uncertain")
        coll.cproc_iso3 = list(unsure["iso3"])
        ax.add_collection(coll, autolim=False)
    inside = data["x"].between(xmin, xmax) & data["y"].between(ymin, ymax)
    for status in palette:
        for certain in (True, False):
            rows = data[(data["shown_as"] == "marker") & inside & (data[column] == status) & (data["certain"] == certain)]
            if rows.empty:
                continue
            color = palette[status]
            pts = ax.scatter(
                rows["x"],
                rows["y"],
                s=marker_size * (0.45 if status == background else 1.0),
                marker="o",
                facecolors=color if certain else "white",
                edgecolors=UNCERTAIN_COLOR if not certain else ("#555555" if status == background else "white"),
                linewidths=0.6 if not certain else 0.3,
                zorder=3,
            )
            pts.set_gid(f"markers-{status}{'' if certain else '-uncertain'}")
            pts.cproc_iso3 = list(rows["iso3"])
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal")
    ax.set_axis_off()


def legend_handles(data: pd.DataFrame, uncertain: bool | None = None) -> list:
    """Status patches with their counts, then the two marks: marker and hatching."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    counts = data["status"].value_counts()
    labels = dict(style.STATUS_LABELS, none="No status (States and territories)")
    handles = [Patch(color=style.PALETTE[s], label=f"{labels[s]} ({int(counts.get(s, 0))})") for s in style.STATUS_ORDER]
    handles.append(
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=4,
            markerfacecolor=style.PALETTE["party"],
            markeredgecolor="white",
            label=f"Marker: a State under {geo.MARKER_AREA_KM2:,} km²",
        )
    )
    if (not data["certain"].all()) if uncertain is None else uncertain:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor=UNCERTAIN_COLOR,
                hatch=UNCERTAIN_HATCH,
                linewidth=0.5,
                label="Hatched or hollow: status not certain",
            )
        )
    return handles


def marks_note(data: pd.DataFrame, by_panel: bool = False) -> str:
    """What the marks mean, in the footer (`by_panel`: `data` has a panel_date column)."""
    parts = [
        "Equal Earth projection (equal-area). Colour: status under ETS 185 on the date. A dot marks a State "
        f"under {geo.MARKER_AREA_KM2:,} km² or absent from the 1:110m map.",
        "Territories and Antarctica are not coloured: a State's ratification may not extend to them.",
    ]
    unsure = data[~data["certain"]]
    if not unsure.empty and by_panel:  # one count per panel; the States are in the chart's data (workbook)
        per_panel = unsure.groupby("panel_date").size()
        parts.append(
            "Hatched area or hollow dot: the record allows more than one status on the date ("
            + ", ".join(f"{n} States in {pd.Timestamp(d):%Y}" for d, n in per_panel.items())
            + "; listed in the chart's data)."
        )
    elif not unsure.empty:
        parts.append(
            "Hatched area or hollow dot: the record allows more than one status on the date ("
            + ", ".join(f"{r.iso3}: {r.possible.replace('|', ' or ')}" for r in unsure.itertuples())
            + ")."
        )
    return " ".join(parts)


def map_note(as_of) -> str | None:
    """The record's gaps (as on the membership chart), said the way the map shows them."""
    text = membership_note(as_of)
    return text.replace("(shaded: the counts the record allows)", "(hatched on a date their status is open)") if text else None


def _europe_frame(ax, box) -> None:
    from matplotlib.patches import Rectangle

    xmin, xmax, ymin, ymax = box
    ax.add_patch(Rectangle((xmin, ymin), xmax - xmin, ymax - ymin, fill=False, edgecolor="#555555", linewidth=0.5, zorder=4))


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """World panel (Equal Earth) above, Europe enlarged below left, legend below right."""
    fig, axes = style.new_figure(
        "map_tall", nrows=2, ncols=2, gridspec_kw={"height_ratios": [1.0, 1.1], "width_ratios": [1.7, 1.0]}
    )
    grid = axes[0, 0].get_gridspec()
    axes[0, 0].remove()
    axes[0, 1].remove()
    world = fig.add_subplot(grid[0, :])
    europe, key = axes[1, 0], axes[1, 1]
    europe_box = geo.extent(geo.EUROPE)
    draw_states(world, data, geo.world_extent())
    _europe_frame(world, europe_box)
    draw_states(europe, data, europe_box, marker_size=MARKER_SIZE * 1.6)
    world.set_anchor("N")
    europe.set_anchor("NW")
    europe.set_title("Europe, enlarged (the box above)", fontsize=7, loc="left")
    key.set_axis_off()
    key.legend(handles=legend_handles(data), loc="center left", fontsize=7, frameon=False)
    day = pd.Timestamp(as_of)
    counts = data["status"].value_counts()
    parties, signatories, invited = (int(counts.get(s, 0)) for s in ("party", "signatory", "invited"))
    title = f"{parties} Parties, {signatories} signatories and {invited} invited States on {day:%-d %B %Y}"
    alt = (
        f"Equal-area world map (Equal Earth) of the status of every State under the Convention on Cybercrime on "
        f"{day:%-d %B %Y}: {parties} Parties, {signatories} signatories, {invited} States invited to accede; "
        f"States smaller than {geo.MARKER_AREA_KM2:,} km² are dots; Europe is enlarged in a second panel."
    )
    note = (note + " " if note else "") + marks_note(data)
    return finish(
        fig,
        world,
        title=title,
        alt=alt,
        source=source,
        as_of=as_of,
        note=note,
        suptitle=True,
        key_numbers=[f"{parties} Parties on {day:%-d %B %Y}", f"{signatories + invited} signatories or invited States"],
    )


CHART = Chart("world_map", world_map, draw, sources.map_sources, map_note, MAIN_TREATY)
