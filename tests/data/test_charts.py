"""Charts: the data behind them and their properties (title, labels, footer, legend, colours)."""

import hashlib
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from cproc_data.derive.states import states  # noqa: E402
from cproc_data.derive.status import counts, status  # noqa: E402
from cproc_data.figures import style
from cproc_data.figures.charts.membership import membership as membership_frame  # noqa: E402
from cproc_data.figures.registry import charts as registry  # noqa: E402
from cproc_data.publish.figure_files import write_figures  # noqa: E402

AS_OF = pd.Timestamp("2024-03-31").date()


@pytest.fixture(scope="module")
def figures():
    out = {}
    for name, chart in registry().items():
        data, fig = chart.figure(AS_OF)
        out[name] = (data, fig)
    yield out
    plt.close("all")


def _texts(fig):
    return [t.get_text() for t in fig.texts]


@pytest.mark.parametrize("name", list(registry()))
def test_every_chart_has_title_alt_source_and_as_of(figures, name):
    data, fig = figures[name]
    meta = fig.cproc_meta
    assert meta["title"] and meta["alt"].endswith(".")
    assert meta["as_of"] == "2024-03-31"
    footer = [t for t in fig.texts if t.get_gid() == "footer"]
    assert len(footer) == 1
    assert footer[0].get_text().startswith("Source: ")
    assert "Data as of 31 March 2024" in footer[0].get_text()
    titles = [ax.get_title(loc="left") for ax in fig.axes] + [fig._suptitle.get_text() if fig._suptitle else ""]
    assert any(t.replace("\n", " ") == meta["title"] for t in titles)
    assert len(data) > 0


@pytest.mark.parametrize(
    "name",
    ["membership", "regions", "legislation", "portfolio", "reconciliation", "protocols"],  # activities is a table
)
def test_axis_labels_with_units(figures, name):
    _, fig = figures[name]
    labels = [ax.get_ylabel() for ax in fig.axes if ax.get_ylabel()]
    assert labels and all("(" in l for l in labels), labels


def test_membership_data_equals_the_engine(figures):
    data, fig = figures["membership"]
    last = data.iloc[-1]
    c = counts([pd.Timestamp(AS_OF)]).iloc[0]
    assert last["date"] == pd.Timestamp(AS_OF)
    assert (last["parties"], last["signatories"], last["invited"]) == (c["parties"], c["signatories"], c["invited"])
    assert data["date"].is_monotonic_increasing


def test_membership_legend_in_status_order_with_house_colours(figures):
    _, fig = figures["membership"]
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    want = [style.STATUS_LABELS[s] for s in ("party", "signatory", "invited")] + ["Parties: range the record allows"]
    want[2] += " (at least)"  # invitations may be missing from the record: the count is a lower bound
    assert labels == want
    colours = [mcolors.to_hex(p.get_facecolor()) for p in ax.collections[:3]]
    assert colours == [style.PALETTE[s].lower() for s in ("party", "signatory", "invited")]


def _map_collections(fig):
    """{gid: (collection, States)} of the world panel (the widest axes)."""
    world = max((ax for ax in fig.axes if ax.collections), key=lambda ax: abs(ax.get_xlim()[1] - ax.get_xlim()[0]))
    return {c.get_gid(): (c, list(getattr(c, "cproc_iso3", []))) for c in world.collections if c.get_gid()}


def test_map_has_every_state_of_the_record(figures):
    data, fig = figures["world_map"]
    assert set(states()["iso3"]) <= set(data["iso3"])
    drawn = {iso for _c, isos in _map_collections(fig).values() for iso in isos}
    assert set(states()["iso3"]) <= drawn
    markers = {iso for gid, (_c, isos) in _map_collections(fig).items() if gid.startswith("markers-") for iso in isos}
    for small in ("TON", "KIR", "MUS", "CPV", "GRD", "LIE", "MCO", "SMR", "AND", "MLT"):
        assert small in markers
    for large in ("HUN", "SRB", "FRA", "NOR"):
        assert data.set_index("iso3").loc[large, "shown_as"] == "polygon"


def test_map_colours_follow_status(figures):
    data, fig = figures["world_map"]
    s = status(pd.Timestamp(AS_OF), all_states=False).set_index("iso3")["status"].astype(str)
    for gid, (coll, isos) in _map_collections(fig).items():
        if gid == "states-uncertain" or not isos:
            continue
        want = {s.get(iso, "none") for iso in isos}
        assert want == {gid.split("-")[1]}, gid
        if gid.startswith("states-") or gid.count("-") == 1:
            assert mcolors.to_hex(coll.get_facecolor()[0]) == style.PALETTE[gid.split("-")[1]].lower()
    legend = next(ax.get_legend() for ax in fig.axes if ax.get_legend())
    labels = [t.get_text().split(" (")[0] for t in legend.get_texts()][:3]
    assert labels == [style.STATUS_LABELS[s] for s in style.STATUS_ORDER[:3]]


def test_as_of_redraws_the_past():
    d2024 = membership_frame(pd.Timestamp("2024-03-31").date())
    d2015 = membership_frame(pd.Timestamp("2015-12-31").date())
    assert d2015["date"].max() == pd.Timestamp("2015-12-31")
    assert d2015.iloc[-1]["parties"] <= d2024.iloc[-1]["parties"]


def test_export_is_byte_identical_and_manifest_complete(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    lines = write_figures(a, as_of=AS_OF, only=["membership", "world_map", "status"])
    write_figures(b, as_of=AS_OF, only=["membership", "world_map", "status"])
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir())
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f
    manifest = json.loads((a / "manifest.json").read_text())
    assert len(lines) == len(manifest["files"]) + 1
    for entry in manifest["files"]:
        data = (a / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["title"] and entry["alt"] and entry["sources"] and entry["as_of"] == "2024-03-31"
    assert {e["format"] for e in manifest["files"] if e["chart"] == "membership"} == {"svg", "pdf", "png"}


def test_formula_like_text_is_written_as_text():
    from cproc_data.publish.files import safe_cell

    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("-1") == "'-1" and safe_cell("@x") == "'@x" and safe_cell("+1") == "'+1"
    assert safe_cell("Parties") == "Parties" and safe_cell(5) == 5


# --- properties a deliberate change must break -------------------------------------------

A4_TEXT_WIDTH_IN = 160 / 25.4  # house style: charts span the 160 mm text width of an A4 report


@pytest.mark.parametrize("name", ["membership", "regions", "protocols", "legislation", "portfolio", "world_map"])
def test_full_width_charts_span_the_text_width(figures, name):
    _, fig = figures[name]
    assert fig.get_size_inches()[0] == pytest.approx(A4_TEXT_WIDTH_IN, abs=0.01)


def _direction(collection):
    """'up' or 'down' for a triangle marker: where its vertex on the axis of symmetry points."""
    v = collection.get_paths()[0].vertices
    apex = v[abs(v[:, 0]).argmin()]
    return "up" if apex[1] > 0 else "down"


def test_lower_bounds_are_drawn_as_upward_triangles(figures):
    from matplotlib.collections import PathCollection

    data, fig = figures["legislation"]
    data = data[data["states"].notna()]  # counts are drawn with their qualifier's marker
    assert (data["qualifier"] == "lower_bound").any()
    triangles = [
        c
        for ax in fig.axes
        for c in ax.collections
        if isinstance(c, PathCollection) and len(c.get_paths()[0].vertices) <= 5 and len(c.get_offsets()) == 1
    ]
    directions = [_direction(c) for c in triangles if len(c.get_paths()[0].vertices) == 4]
    assert directions.count("up") == int((data["qualifier"] == "lower_bound").sum())
    assert directions.count("down") == int((data["qualifier"] == "upper_bound").sum())


def test_membership_marks_cproc_opening_day(figures):
    data, fig = figures["membership"]
    day = pd.Timestamp("2014-04-07")  # C-PROC operational (About C-PROC, 30 October 2017)
    assert day in set(data["date"])
    at = data.loc[data["date"] == day].iloc[0]
    low, high = int(at["parties_min"]), int(at["parties_max"])
    label = f"{low} Parties" if low == high else f"{low}–{high} Parties"
    assert f"{label} when C-PROC opened" in fig.cproc_meta["title"]


def test_membership_shades_the_band_where_the_record_allows_a_range(figures):
    data, fig = figures["membership"]
    uncertain = data["parties_min"] != data["parties_max"]
    assert uncertain.any()
    band = [c for c in fig.axes[0].collections if c.get_gid() == "uncertainty-band"]
    assert len(band) == 1
    top = band[0].get_paths()[0].vertices[:, 1].max()
    assert top == data["parties_max"].max()


def test_svg_keeps_text_as_text_and_svg_pdf_carry_title_and_alt(figures):
    from cproc_data.publish.files import figure_bytes

    _, fig = figures["membership"]
    svg = figure_bytes(fig, "svg").decode("utf-8")
    assert "<text" in svg and "Budapest Convention" in svg  # not converted to paths
    assert f"<title>{fig.cproc_meta['title']}</title>" in svg.replace("&#x27;", "'")
    assert "<desc>Stacked area chart" in svg
    pdf = figure_bytes(fig, "pdf")
    assert b"/Title" in pdf and b"/Subject" in pdf


def test_states_whose_accession_is_only_bounded_are_not_drawn_as_waiting(figures):
    """Argentina and Colombia acceded (the record bounds their accession by a month from their
    entry into force); they must not be drawn as still waiting for it."""
    data, _ = figures["invitation_to_accession"]
    done = data.set_index("iso3")
    assert done.loc["ARG", "accession"] == pd.Timestamp("2018-06-30") and done.loc["ARG", "accession_bounded"]
    assert pd.notna(done.loc["COL", "accession"]) and done.loc["COL", "accession_bounded"]
    assert pd.isna(done.loc["MEX", "accession"])  # invited in 2007, not a Party
