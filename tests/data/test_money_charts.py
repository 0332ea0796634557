"""The money charts (projects, portfolio, contributions): what they draw, checked against the
curated tables read directly, never against the chart's own frame alone."""

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import REPO  # noqa: E402

from cproc_data.derive.projects import projects as all_projects  # noqa: E402
from cproc_data.derive.treaty_record import data_as_of  # noqa: E402
from cproc_data.figures.registry import charts  # noqa: E402
from cproc_data.metadata.fields import FIELDS  # noqa: E402

DATES = [None, "2019-12-31", "2014-04-07"]


def _csv(name, folder="curated"):
    return pd.read_csv(REPO / "datasets" / folder / f"{name}.csv", dtype=str, keep_default_na=False)


def _day(d):
    return data_as_of() if d is None else pd.Timestamp(d).date()


@pytest.fixture(scope="module", params=DATES, ids=lambda d: d or "as_of")
def drawn_projects(request):
    day = _day(request.param)
    frame, fig = charts()["projects"].figure(day)
    return day, frame, fig


@pytest.fixture(scope="module")
def projects_now():
    return charts()["projects"].figure(data_as_of())


def _bars(fig):
    """{(project, kind): [(start month, end month), ...]} from the timeline's bar containers."""
    out = {}
    for c in fig.axes[0].containers:
        project, kind = c.get_label().split(" · ")
        for p in c.patches:
            s = mdates.num2date(p.get_x())
            e = mdates.num2date(p.get_x() + p.get_width()) - pd.Timedelta(days=1)
            out.setdefault((project, kind), []).append((f"{s:%Y-%m}", f"{e:%Y-%m}"))
    return out


def _named(note):
    """{project: reason} from the note's 'Not drawn (reason): a, b.' sentences."""
    return {p: reason for reason, names in re.findall(r"Not drawn \(([^)]*)\): (.*?)\.(?= |$)", note) for p in names.split(", ")}


def _ticks(fig):
    return {t.get_text() for t in fig.axes[0].get_yticklabels()}


def test_every_project_is_drawn_listed_or_named_in_the_note(drawn_projects):
    day, _, fig = drawn_projects
    listed = "\n".join(t.get_text() for t in fig.axes[1].texts).replace("\n", " ")
    named = _named(fig.cproc_meta["note"])
    for project in all_projects(day)["project"]:
        assert project in _ticks(fig) or project in listed or project in named, project


def test_counts_agree_with_projects(drawn_projects):
    """Funded projects drawn + not yet funded listed + named in the note = every project, once."""
    day, frame, fig = drawn_projects
    drawn = _ticks(fig)
    listed = set(frame.loc[frame["row_kind"] == "not_yet_funded", "project"])
    everyone = set(all_projects(day)["project"])
    named = set(_named(fig.cproc_meta["note"]))
    assert not drawn & listed and not (drawn | listed) & named
    assert drawn | listed | named == everyone
    assert f"Timeline of {len(drawn)} funded" in fig.cproc_meta["alt"]
    assert f"list of {len(listed)} projects not yet funded" in fig.cproc_meta["alt"]


def test_funded_projects_with_both_months_have_one_default_bar(projects_now):
    _, fig = projects_now
    bars = _bars(fig)
    v = _csv("project_versions")
    funded = v[v["stage"] == "funded"]
    with_dates = set(funded.loc[(funded["start"] != "") & (funded["end"] != ""), "project"])
    assert with_dates, "the record has dated projects"
    for project in with_dates:
        assert len(bars[(project, "default")]) == 1, project
    assert ("iPROCEEDS-2", "default") in bars  # EUR 4.945 million: it was dropped once
    assert {"Global Project on Cybercrime (Phase 1)", "Global Project on Cybercrime (Phase 2)"} <= {p for p, _ in bars}


def test_every_dated_version_of_glacy_plus_is_drawn(projects_now):
    """Every (start, end) a document gives GLACY+ is a bar: the default's and the others' (the
    extension to February 2024 included), whichever version the default rule picks."""
    _, fig = projects_now
    v = _csv("project_versions")
    g = v[(v["project"] == "GLACY+") & (v["start"] != "") & (v["end"] != "")]
    expected = set(zip(g["start"], g["end"]))
    bars = _bars(fig)
    drawn = set(bars[("GLACY+", "default")]) | set(bars.get(("GLACY+", "version"), []))
    assert drawn == expected
    assert ("2016-03", "2024-02") in drawn


def test_versions_carry_the_year_of_their_documents(projects_now):
    frame, fig = projects_now
    docs = _csv("documents", "reference").set_index("document_id")
    versions = frame[frame["row_kind"] == "version"]
    assert len(versions)
    texts = [t.get_text() for t in fig.axes[0].texts]
    for r in versions.itertuples():
        years = {docs.loc[d, "published"][:4] or "undated" for d in r.source.split("; ")}
        assert set(r.document_years.split(", ")) == years
        assert any(t.startswith(r.document_years) for t in texts), r.document_years


def test_budget_labels_and_the_as_of_line(drawn_projects):
    """Each default row's label starts with its budget; no label crosses the as-of line unless no
    other place exists, and then it sits on white."""
    day, frame, fig = drawn_projects
    ax = fig.axes[0]
    texts = [t for t in ax.texts if t.get_text() and not t.get_text().startswith("as of")]
    p = all_projects(day).set_index("project")
    labels = [t.get_text() for t in texts]
    for project in frame.loc[frame["row_kind"] == "default", "project"]:
        b, q = p.loc[project, "budget_eur"], p.loc[project, "budget_qualifier"]
        want = "budget not in the record" if pd.isna(b) else ("up to " if q == "upper_bound" else "") + f"EUR {b / 1e6:.2f} m"
        assert any(label.startswith(want) for label in labels), (project, want)
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else None
    fig.draw_without_rendering()
    line = ax.transData.transform((mdates.date2num(pd.Timestamp(day)), 0))[0]
    for t in texts:
        bb = t.get_window_extent(renderer)
        if bb.x0 < line < bb.x1:
            assert t.get_bbox_patch() is not None and t.get_bbox_patch().get_facecolor()[:3] == (1.0, 1.0, 1.0), t.get_text()
    assert any(t.get_text() == f"as of {pd.Timestamp(day):%-d %b %Y}" for t in ax.texts)


def test_axis_starts_at_the_earliest_project_start(projects_now):
    _, fig = projects_now
    v = _csv("project_versions")
    starts = [s for s in v.loc[v["stage"] == "funded", "start"] if s]
    lo = mdates.num2date(fig.axes[0].get_xlim()[0])
    assert f"{lo:%Y-%m}" <= min(starts)


def test_projects_without_dates_are_named_with_the_reason(projects_now):
    _, fig = projects_now
    v = _csv("project_versions")
    funded = v[v["stage"] == "funded"]
    dated = set(funded.loc[(funded["start"] != "") | (funded["end"] != ""), "project"])
    undated = set(funded["project"]) - dated
    assert undated, "the record has funded projects without dates (Global Project phase 3)"
    named = _named(fig.cproc_meta["note"])
    assert all(named[p] == "no start or end month in the record" for p in undated)


def test_titles_count_projects_under_way_at_the_date(drawn_projects):
    day, _, fig = drawn_projects
    month = f"{pd.Timestamp(day):%Y-%m}"
    v = _csv("project_versions")
    p = all_projects(day)
    p = p[(p["stage"] == "funded") & p["start"].notna() & p["end"].notna()]
    under_way = ((p["start"] <= month) & (p["end"] >= month)).sum()
    assert f"{under_way} under way in {pd.Timestamp(day):%B %Y}" in fig.cproc_meta["title"]
    later_docs = v.loc[v["stage"] == "pipeline", "source_document"]
    if pd.Timestamp(day) < pd.Timestamp("2025-01-01"):  # the pipeline comes from the 2025 deck
        assert "pipeline" not in fig.cproc_meta["title"] and len(later_docs)


# --- portfolio ---------------------------------------------------------------------------


def _months_in(start, end, first, last):
    s, e = pd.Period(start, "M"), pd.Period(end, "M")
    lo, hi = max(s, first), min(e, last)
    return max(0, (hi - lo).n + 1), (e - s).n + 1


@pytest.mark.parametrize("when", DATES, ids=lambda d: d or "as_of")
def test_portfolio_splits_the_as_of_year_at_the_as_of_month(when):
    day = _day(when)
    frame, fig = charts()["portfolio"].figure(day)
    cut = pd.Timestamp(day).to_period("M")
    p = all_projects(day)
    p = p[(p["stage"] == "funded") & p["start"].notna() & p["end"].notna() & p["budget_eur"].notna() & (p["start"] <= f"{cut}")]
    year = frame.set_index("year").loc[cut.year]
    to_date = sum(
        b * n / total
        for b, (n, total) in (
            (r.budget_eur, _months_in(r.start, r.end, pd.Period(f"{cut.year}-01", "M"), cut)) for r in p.itertuples()
        )
    )
    assert year["budget_eur_to_as_of"] == pytest.approx(to_date, abs=0.05)
    assert year["budget_eur_to_as_of"] + year["budget_eur_after_as_of"] == pytest.approx(year["budget_eur"], abs=0.05)
    assert year["year_status"] == "in progress"
    assert (frame.loc[frame["year"] < cut.year, "budget_eur_after_as_of"] == 0).all()
    assert (frame.loc[frame["year"] > cut.year, "budget_eur_to_as_of"] == 0).all()
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in frame["year"]][:: 1 if len(frame) <= 16 else 2]
    solid, hatched = ([c for c in ax.containers if c.get_label().startswith(g)][0] for g in ("months up to", "months after"))
    heights = {int(round(p.get_x() + p.get_width() / 2)): (p.get_height(), q.get_height()) for p, q in zip(solid, hatched)}
    for y, r in frame.set_index("year").iterrows():  # solid: months up to the as-of month; hatched: the months after
        assert heights[y] == pytest.approx((r["budget_eur_to_as_of"] / 1e6, r["budget_eur_after_as_of"] / 1e6))
    assert any(t.get_text().endswith("in progress") for t in ax.texts)


# --- contributions -----------------------------------------------------------------------


@pytest.mark.parametrize("when", DATES, ids=lambda d: d or "as_of")
def test_contributions_show_only_what_the_sources_give(when):
    from matplotlib.patches import Rectangle

    day = _day(when)
    frame, fig = charts()["contributions"].figure(day)
    c = _csv("contributions")
    kept = c[(c["period"] == "") | (c["period"].str[:4].replace("", "0").astype(int) <= pd.Timestamp(day).year)]
    assert len(frame) == len(kept)
    ax = fig.axes[0]
    boxes = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_label() and not p.get_label().startswith("_")]
    assert len(boxes) == len(kept)  # one box per contribution: a period is never split, an empty cell has none
    texts = [t.get_text() for t in ax.texts]
    for r in kept.itertuples():
        amount = float(r.amount)
        shown = f"{amount / 1e6:.2f} m" if amount >= 1e6 else f"{amount:,.0f}"
        assert any(f"{r.currency} {shown}" in t for t in texts), (r.donor, r.currency, shown)  # currency as printed
    assert not any(t.strip() in {"0", "EUR 0"} for t in texts)


def test_a_period_is_one_box_over_its_years():
    from matplotlib.patches import Rectangle

    frame, fig = charts()["contributions"].figure(data_as_of())
    ax = fig.axes[0]
    rows = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    c = _csv("contributions")
    periods = c[c["period"].str.contains("-")]
    assert len(periods)
    for r in periods.itertuples():
        box = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_label() == f"{r.donor} {r.period} {r.currency}"]
        assert len(box) == 1
        y0, y1 = box[0].get_y(), box[0].get_y() + box[0].get_height()
        first, last = r.period.split("-")
        assert y0 < rows[first] and rows[last] < y1


def test_contributions_without_a_year_are_kept_apart_and_named_in_the_note():
    frame, fig = charts()["contributions"].figure(data_as_of())
    undated = (_csv("contributions")["period"] == "").sum()
    assert undated and frame["first_year"].isna().sum() == undated
    assert "year not given" in {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert f"{undated} contributions have no year" in fig.cproc_meta["note"]


@pytest.mark.parametrize("name", ["projects", "portfolio", "contributions"])
def test_every_frame_column_is_in_the_field_dictionary(name):
    frame = charts()[name].frame(data_as_of())
    assert [c for c in frame.columns if c not in FIELDS] == []
    assert charts()[name].figure(data_as_of())[1].cproc_meta["key_numbers"]
