"""World-map geometry in the Equal Earth projection (EPSG:8857), through pyproj and shapely.

Why a library: the map lets a reader compare the areas of Parties, so the projection must
be equal-area; Equal Earth is, and PROJ (through pyproj) is its reference implementation,
so no projection formula is written here. shapely does the geometry: areas (in km², true
areas since the projection is equal-area) and points. Both are imported only inside these
functions, so `import cproc_data` stays fast.

Every State is drawn: its Natural Earth polygons (keyed by ISO 3166 through the reviewed
table, ingest.geometry) or, where it is smaller than `MARKER_AREA_KM2` or missing from the
1:110m file, a marker at Natural Earth's label point or, failing that, at its centroid
from datasets/reference/centroids.csv (gavinr/world-countries-centroids, MIT).
"""

from __future__ import annotations

import pandas as pd

from ..ingest.geometry import world_features
from ..load import cached, read_csv_text
from ..paths import reference_dir

EQUAL_EARTH = "EPSG:8857"
# A State whose land is smaller than this gets a marker: about 0.5 mm² on the world panel
# at print size (6.3 in wide), too small to see or to tell its colour.
MARKER_AREA_KM2 = 25_000
WORLD_LATITUDES = (-57.0, 84.0)  # Antarctica (not a State) is left out
EUROPE = (-25.0, 45.0, 33.5, 71.5)  # west, east, south, north (degrees) of the Europe panel
CENTROIDS_FILE = "datasets/reference/centroids.csv"


@cached
def _transformer():
    from pyproj import Transformer

    return Transformer.from_crs("OGC:CRS84", EQUAL_EARTH, always_xy=True)


def project(lon, lat):
    """(x, y) in metres, Equal Earth, of longitudes and latitudes in degrees."""
    return _transformer().transform(lon, lat)


def _project_geometry(geometry: dict):
    import numpy as np
    import shapely

    t = _transformer()

    def fn(coords):
        x, y = t.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(shapely.geometry.shape(geometry), fn)


@cached
def shapes() -> dict[str, object]:
    """iso3 -> the State's projected (multi)polygon, every feature the reviewed key gives it."""
    import shapely

    parts: dict[str, list] = {}
    for f in world_features():
        if f["iso3"]:
            parts.setdefault(f["iso3"], []).append(_project_geometry(f["geometry"]))
    return {iso3: shapely.union_all(geoms) if len(geoms) > 1 else geoms[0] for iso3, geoms in sorted(parts.items())}


@cached
def centroids() -> pd.DataFrame:
    """Centroid of every State (iso3, longitude, latitude, source): the marker of a State the 1:110m file lacks."""
    df = read_csv_text(reference_dir() / "centroids.csv")
    df["longitude"] = df["longitude"].astype(float)
    df["latitude"] = df["latitude"].astype(float)
    return df


@cached
def units() -> pd.DataFrame:
    """One row per State on the map: iso3, area_km2, shown_as ('polygon' or 'marker'), x, y (marker
    or label point, metres), position (where x, y come from)."""
    label = {}
    for f in world_features():
        if f["iso3"] and (f["adm0_a3"] == f["iso3"] or f["iso3"] not in label):
            label[f["iso3"]] = f["label"]
    rows = []
    for iso3, geom in shapes().items():
        area = geom.area / 1e6
        x, y = project(*label[iso3])
        rows.append((iso3, round(area), "polygon" if area >= MARKER_AREA_KM2 else "marker", x, y, "Natural Earth label point"))
    drawn = {r[0] for r in rows}
    c = centroids()
    for r in c.loc[~c["iso3"].isin(drawn)].itertuples():
        x, y = project(r.longitude, r.latitude)
        rows.append((r.iso3, 0, "marker", x, y, "centroid (gavinr/world-countries-centroids)"))
    df = pd.DataFrame(rows, columns=["iso3", "area_km2", "shown_as", "x", "y", "position"])
    return df.sort_values("iso3").reset_index(drop=True)


def extent(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Projected (xmin, xmax, ymin, ymax) of a (west, east, south, north) box."""
    import numpy as np

    w, e, s, n = box
    lon = np.concatenate([np.linspace(w, e, 50), np.linspace(w, e, 50), np.full(50, w), np.full(50, e)])
    lat = np.concatenate([np.full(50, s), np.full(50, n), np.linspace(s, n, 50), np.linspace(s, n, 50)])
    x, y = project(lon, lat)
    return float(np.min(x)), float(np.max(x)), float(np.min(y)), float(np.max(y))


def world_extent() -> tuple[float, float, float, float]:
    return extent((-180.0, 180.0, *WORLD_LATITUDES))


def path_of(geom):
    """A matplotlib Path of a projected (multi)polygon: every ring, holes included."""
    import numpy as np
    from matplotlib.path import Path

    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    verts, codes = [], []
    for poly in polys:
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)
            verts.append(xy)
            c = np.full(len(xy), Path.LINETO, dtype=Path.code_type)
            c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
            codes.append(c)
    return Path(np.concatenate(verts), np.concatenate(codes))
