"""`figures --activities REGISTER` and `tables --activities REGISTER`: charts from C-PROC's own
activity register. The register is built here with known activities (synthetic rows, never
shipped); the expected counts are written out by hand from those rows."""

import json
from datetime import datetime

import pandas as pd
import pytest
from conftest import REPO, run_cli
from openpyxl import load_workbook

ROWS = [  # date, country_or_region, project, activity_type, participants
    (datetime(2015, 3, 2), "Ghana", "GLACY", "training", 20),
    (datetime(2015, 6, 9), "Ghana", "GLACY", "workshop", 10),
    (datetime(2015, 9, 1), "Eastern Partnership", "Cybercrime@EAP II", "workshop", None),
    (datetime(2016, 2, 3), "Philippines", "GLACY+", "conference", 50),
    (datetime(2016, 11, 20), "Global", "Cybercrime@Octopus", "training", 30),
    (datetime(2025, 5, 5), "Peru", "GLACY-e", "training", 15),
]
BY_REGION = {(2015, "Africa"): 2, (2015, "Eastern Partnership"): 1, (2016, "Asia"): 1, (2016, "Global"): 1, (2025, "Americas"): 1}
BY_TYPE = {(2015, "training"): 1, (2015, "workshop"): 2, (2016, "conference"): 1, (2016, "training"): 1, (2025, "training"): 1}
PARTICIPANTS = {2015: (30, 1), 2016: (80, 0), 2025: (15, 0)}  # year: (sum recorded, activities without a number)
CHARTS = ["register_by_region", "register_by_type", "register_participants", "register_countries"]
COUNTRIES = {"GHA": 2, "PHL": 1, "PER": 1}  # activities recorded in a country (Eastern Partnership and Global are regions)


def _register(tmp_path, extra=()):
    wb = load_workbook(REPO / "datasets" / "templates" / "activity_log.xlsx")
    ws = wb["activities"]
    for d, place, project, kind, n in [*ROWS, *extra]:
        ws.append([d, place, project, kind, n, "synthetic test row", ""])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("register")
    reg = _register(tmp)
    out = tmp / "figs"
    res = run_cli("figures", "--activities", str(reg), "--out", str(out), "--only", *CHARTS, "--formats", "svg")
    assert res.returncode == 0, res.stderr
    res = run_cli("tables", "--activities", str(reg), "--out", str(tmp / "t.xlsx"))
    assert res.returncode == 0, res.stderr
    return out, tmp / "t.xlsx"


def _nonzero(df, by):
    d = df[df["activities"] > 0]
    return {(int(y), g): int(n) for y, g, n in zip(d["year"], d[by], d["activities"])}


def test_the_charts_are_written_with_the_register(written):
    out, _ = written
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted({e["chart"] for e in manifest["files"]}) == sorted(CHARTS)
    assert all((out / f"{c}.svg").exists() for c in CHARTS)


def _sheet(book, name) -> pd.DataFrame:
    """A chart's sheet, with the frame's column names (the workbook heads each column with its
    field's label and unit)."""
    from cproc_data.metadata.fields import FIELDS

    df = pd.read_excel(book, sheet_name=name)
    return df.rename(columns={f.header: n for n, f in FIELDS.items()})


def test_per_region_and_per_type_counts_in_the_workbook(written):
    _, book = written
    region = _sheet(book, "register_by_region")
    assert _nonzero(region, "region") == BY_REGION
    assert _nonzero(_sheet(book, "register_by_type"), "activity_type") == BY_TYPE
    # every year from C-PROC's opening to the as-of year is a row, empty years with zeros
    assert sorted(set(region["year"])) == list(range(2014, 2027))


def test_participants_per_year_keep_their_lower_bound(written):
    _, book = written
    p = _sheet(book, "register_participants")
    got = {int(y): (int(s), int(m)) for y, s, m in zip(p["year"], p["participants"], p["participants_missing"]) if s or m}
    assert got == PARTICIPANTS
    assert set(p.loc[p["participants_missing"] > 0, "participants_qualifier"]) == {"lower_bound"}


def test_the_python_api_gives_the_same_counts(tmp_path):
    from cproc_data.figures.registry import charts
    from cproc_data.ingest.activity_register import read_register

    register = read_register(_register(tmp_path))
    frame = charts(register)["register_by_region"].frame(pd.Timestamp("2026-02-05").date())
    assert _nonzero(frame, "region") == BY_REGION
    early = charts(register)["register_by_type"].frame(pd.Timestamp("2015-12-31").date())
    assert _nonzero(early, "activity_type") == {k: v for k, v in BY_TYPE.items() if k[0] == 2015}
    assert "register_by_region" not in charts()


def test_a_register_with_a_bad_row_draws_nothing(tmp_path):
    reg = _register(tmp_path, extra=[(datetime(2016, 1, 1), "Atlantis", "GLACY+", "training", 5)])
    out = tmp_path / "figs"
    res = run_cli("figures", "--activities", str(reg), "--out", str(out), "--only", *CHARTS)
    assert res.returncode == 2
    assert "Atlantis" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()


def test_register_charts_are_laid_out_cleanly(tmp_path):
    from chart_layout import overlap_problems, size_problems, tick_label_problems

    from cproc_data.figures.registry import charts
    from cproc_data.ingest.activity_register import read_register

    register = read_register(_register(tmp_path))
    for name in CHARTS:
        fig = charts(register)[name].figure(pd.Timestamp("2026-02-05").date())[1]
        assert tick_label_problems(fig) + overlap_problems(fig) + size_problems(fig) == [], name


def test_countries_reached_in_the_chart_data_and_the_workbook(written):
    _, book = written
    frame = _sheet(book, "register_countries")
    reached = frame[frame["activities"] > 0]
    assert dict(zip(reached["iso3"], reached["activities"])) == COUNTRIES
    assert dict(zip(reached["iso3"], reached["activity_band"])) == {"GHA": "2-5", "PHL": "1", "PER": "1"}
    assert set(frame.loc[frame["activities"] == 0, "activity_band"]) == {"none"}
