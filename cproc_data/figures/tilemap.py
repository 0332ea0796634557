"""A tile-grid world map: one equal square per State, laid out from its centroid.

Every State is one tile, so Monaco weighs as much as Brazil and none is lost (choropleths
leave small States and some geometries blank). Layout: each centroid (longitude,
latitude; datasets/reference/centroids.csv) is scaled to a grid of `CELL_DEGREES`
cells; States are placed one by one, west-to-east within north-to-south bands, each on
its own cell or, if taken, on the nearest free cell (ties broken by row, then column).
The layout is deterministic: same centroids, same map.
"""

from __future__ import annotations

import pandas as pd

from ..load import cached, read_csv_text
from ..paths import reference_dir

CELL_DEGREES = 6.0
ORIGIN = (-170.0, 78.0)  # west, north edge of the grid


@cached
def centroids() -> pd.DataFrame:
    """Centroid of every State on the map (iso3, longitude, latitude, source)."""
    df = read_csv_text(reference_dir() / "centroids.csv")
    df["longitude"] = df["longitude"].astype(float)
    df["latitude"] = df["latitude"].astype(float)
    return df


@cached
def layout() -> pd.DataFrame:
    """iso3, col, row of every State's tile."""
    c = centroids()
    x = (c["longitude"] - ORIGIN[0]) / CELL_DEGREES
    y = (ORIGIN[1] - c["latitude"]) / CELL_DEGREES
    order = sorted(range(len(c)), key=lambda i: (round(float(y.iloc[i])), float(x.iloc[i]), c["iso3"].iloc[i]))
    taken: dict[tuple[int, int], str] = {}
    cells = {}
    for i in order:
        fx, fy = float(x.iloc[i]), float(y.iloc[i])
        best = None
        for radius in range(0, 12):
            cands = []
            for r in range(round(fy) - radius, round(fy) + radius + 1):
                for col in range(round(fx) - radius, round(fx) + radius + 1):
                    if (col, r) in taken:
                        continue
                    cands.append(((col - fx) ** 2 + (r - fy) ** 2, r, col))
            if cands:
                best = min(cands)
                break
        _, r, col = best
        taken[(col, r)] = c["iso3"].iloc[i]
        cells[c["iso3"].iloc[i]] = (col, r)
    out = pd.DataFrame([(k, v[0], v[1]) for k, v in cells.items()], columns=["iso3", "col", "row"])
    return out.sort_values("iso3").reset_index(drop=True)
