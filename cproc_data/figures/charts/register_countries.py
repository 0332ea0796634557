"""The countries C-PROC's recorded activities reached, on the equal-area world map."""

from __future__ import annotations

import pandas as pd

from ...domain.countries import short_name
from .. import geo, style
from ..chart import Chart
from ..finish import finish
from .register_by_region import SOURCE
from .world_map import draw_states

# activities in a country up to the as-of date -> class; the last class is the background
BANDS = (("1", 1, 1), ("2-5", 2, 5), ("6-20", 6, 20), ("21 or more", 21, None))
PALETTE = {"1": "#C6DBEF", "2-5": "#6BAED6", "6-20": "#2171B5", "21 or more": "#08306B", "none": "#E5E5E5"}


def band(n: int) -> str:
    for name, low, high in BANDS:
        if n >= low and (high is None or n <= high):
            return name
    return "none"


def register_countries(as_of, register: pd.DataFrame) -> pd.DataFrame:
    """One row per State or territory on the map: activities and participants the register
    records in it up to `as_of`, and its class (`activity_band`: '1', '2-5', '6-20', '21 or more',
    or 'none'). Activities recorded for a region ('Eastern Partnership', 'Global') name no
    country and are counted in `register_by_region`, not here."""
    r = register[(register["date"] <= pd.Timestamp(as_of)) & register["iso3"].notna()]
    per = r.groupby("iso3").agg(activities=("iso3", "size"), participants=("participants", lambda s: int(s.fillna(0).sum())))
    units = geo.units()
    missing = sorted(set(per.index) - set(units["iso3"]))
    if missing:
        raise ValueError(f"register map: no geometry and no centroid for {missing} (add them to {geo.CENTROIDS_FILE})")
    df = units.merge(per, left_on="iso3", right_index=True, how="left")
    df["activities"] = df["activities"].fillna(0).astype("int64")
    df["participants"] = df["participants"].fillna(0).astype("int64")
    df["activity_band"] = df["activities"].map(band).astype("string")
    df["certain"] = True
    df.insert(1, "name", df["iso3"].map(short_name))
    cols = ["iso3", "name", "activities", "participants", "activity_band", "certain", "shown_as", "x", "y", "position"]
    out = df[cols].sort_values("iso3").reset_index(drop=True)
    assert out["iso3"].is_unique
    return out


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    from matplotlib.patches import Patch

    fig, ax = style.new_figure("map")
    draw_states(ax, data, geo.world_extent(), palette=PALETTE, column="activity_band")
    counts = data["activity_band"].value_counts()
    ax.legend(
        handles=[Patch(color=c, label=f"{k} ({int(counts.get(k, 0))} countries)") for k, c in PALETTE.items() if k != "none"],
        title="Activities recorded in the country",
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=4,
        fontsize=6.5,
        title_fontsize=6.5,
        frameon=False,
    )
    reached = int((data["activities"] > 0).sum())
    day = pd.Timestamp(as_of)
    top = data.sort_values(["activities", "iso3"], ascending=[False, True]).iloc[0]
    title = f"C-PROC's recorded activities reached {reached} countries up to {day:%B %Y}"
    alt = (
        f"Equal-area world map of the {reached} countries where C-PROC's activity register records at least one "
        f"activity up to {day:%-d %B %Y}, shaded by the number of activities; most in {top['name']} ({int(top['activities'])})."
    )
    note = (
        "Counts from C-PROC's own activity register; activities recorded for a region rather than a country are not "
        f"on the map (they are in the chart by region). A dot marks a State under {geo.MARKER_AREA_KM2:,} km² or absent "
        "from the 1:110m map. Equal Earth projection."
    )
    key = [f"{reached} countries reached", f"Most activities: {top['name']} ({int(top['activities'])})"]
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note, key_numbers=key, suptitle=True)


CHART = Chart("register_countries", register_countries, draw, lambda _frame: SOURCE, needs="activity_register")
