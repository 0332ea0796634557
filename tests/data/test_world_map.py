"""The world map: every State with a status is drawn, keyed by the reviewed ISO table, the same bytes every time."""

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from cproc_data.derive.status import status_on  # noqa: E402
from cproc_data.domain.treaties import MAIN_TREATY  # noqa: E402
from cproc_data.errors import DataError  # noqa: E402
from cproc_data.figures import geo  # noqa: E402
from cproc_data.figures.registry import charts  # noqa: E402

DATES = [None, "2014-04-07", "2005-06-30"]


def _drawn_iso3(fig) -> tuple[set[str], set[str]]:
    """(States in a polygon collection, States in a marker collection) of the world panel (the widest)."""
    polygons, markers = set(), set()
    world = max((ax for ax in fig.axes if ax.collections), key=lambda ax: abs(ax.get_xlim()[1] - ax.get_xlim()[0]))
    for coll in world.collections:
        gid = coll.get_gid() or ""
        iso = set(getattr(coll, "cproc_iso3", []))
        if gid.startswith("states-") and gid != "states-uncertain":
            polygons |= iso
        elif gid.startswith("markers-"):
            markers |= iso
    return polygons, markers


@pytest.mark.parametrize("day", DATES, ids=lambda d: d or "as_of")
def test_every_state_with_a_status_is_on_the_map(day):
    chart = charts()["world_map"]
    frame, fig = chart.figure(None if day is None else pd.Timestamp(day).date())
    when = pd.Timestamp(fig.cproc_meta["as_of"])
    expected = set(status_on(when, MAIN_TREATY, all_states=False)["iso3"])
    assert expected, "the record holds States on this date"
    # from the frame
    rows = frame.set_index("iso3")
    assert expected <= set(rows.index)
    assert set(rows.loc[sorted(expected), "shown_as"]) <= {"polygon", "marker"}
    # from the drawn artists
    polygons, markers = _drawn_iso3(fig)
    for iso3 in sorted(expected):
        if rows.loc[iso3, "shown_as"] == "marker":
            assert iso3 in markers, f"{iso3}: marker not drawn"
        else:
            assert iso3 in polygons, f"{iso3}: polygon not drawn"
            assert rows.loc[iso3, "area_km2"] >= geo.MARKER_AREA_KM2


def test_over_time_panels_stop_at_the_as_of_date():
    chart = charts()["world_map_over_time"]
    frame, fig = chart.figure(pd.Timestamp("2010-06-30").date())
    assert sorted(frame["panel_date"].unique()) == [pd.Timestamp("2001-11-23"), pd.Timestamp("2010-06-30")]
    assert "7 April 2014" in fig.cproc_meta["note"]
    for day, block in frame.groupby("panel_date"):
        expected = set(status_on(day, MAIN_TREATY, all_states=False)["iso3"])
        assert expected <= set(block["iso3"])


def test_france_and_norway_are_keyed_on_adm0_a3():
    from shapely.geometry import Point

    shapes = geo.shapes()
    paris, oslo, cayenne = geo.project(2.35, 48.86), geo.project(10.75, 59.91), geo.project(-52.33, 4.92)
    assert shapes["FRA"].contains(Point(*paris))
    assert shapes["FRA"].contains(Point(*cayenne))  # French Guiana is part of France's feature
    assert shapes["NOR"].contains(Point(*oslo))
    assert not shapes["SWE"].contains(Point(*oslo))
    units = geo.units().set_index("iso3")
    assert units.loc["FRA", "shown_as"] == units.loc["NOR", "shown_as"] == "polygon"
    # equal-area: France's area (with French Guiana and Corsica) is about 640,000 km²
    assert 600_000 < units.loc["FRA", "area_km2"] < 700_000


def test_unknown_adm0_a3_fails_loudly(datasets_copy):
    from cproc_data.ingest.geometry import check_geometry, world_features

    key = datasets_copy / "reference" / "ne_admin0.csv"
    lines = key.read_text(encoding="utf-8").splitlines(keepends=True)
    key.write_text("".join(line for line in lines if not line.startswith("NOR,")), encoding="utf-8")
    problems = check_geometry()
    assert any(p.rule.startswith("map-key") and p.value == "NOR" for p in problems)
    with pytest.raises(DataError):
        world_features()


def test_wrong_iso_code_in_the_key_fails_loudly(datasets_copy):
    from cproc_data.ingest.geometry import check_geometry

    key = datasets_copy / "reference" / "ne_admin0.csv"
    text = key.read_text(encoding="utf-8").replace("FRA,France,FRA,", "FRA,France,FRX,")
    key.write_text(text, encoding="utf-8")
    assert any(p.rule.startswith("map-key") and p.value == "FRX" for p in check_geometry())


def test_changed_snapshot_fails_the_checksum(datasets_copy):
    from cproc_data.ingest.geometry import check_geometry

    path = datasets_copy / "raw" / "geometry" / "ne_110m_admin_0_countries.geojson"
    path.write_bytes(path.read_bytes().replace(b'"NAME":"France"', b'"NAME":"Francia"'))
    assert any(p.rule.startswith("checksum") for p in check_geometry())


def test_map_files_are_byte_identical(tmp_path):
    from cproc_data.publish.figure_files import write_figures

    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        write_figures(out, as_of="2024-03-31", only=["world_map", "world_map_over_time"])
    files = sorted(p.name for p in a.iterdir() if p.suffix in (".svg", ".pdf", ".png"))
    assert {p.rsplit(".", 1)[1] for p in files} == {"svg", "pdf", "png"}
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_png_is_at_print_resolution(tmp_path):
    """The PNG is 300 dpi: the map's 6 pt labels stay legible at print size."""
    from PIL import Image

    from cproc_data.figures.registry import charts
    from cproc_data.publish.files import figure_bytes

    fig = charts()["world_map"].figure(None)[1]
    path = tmp_path / "m.png"
    path.write_bytes(figure_bytes(fig, "png"))
    image = Image.open(path)
    width, height = fig.get_size_inches()
    assert image.size == (round(width * 300), round(height * 300))
    assert [round(d) for d in image.info["dpi"]] == [300, 300]
