"""import-chart: workbooks written by openpyxl, round trips, dry run, atomic writes (the corpus: test_hostile.py)."""

from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl import Workbook

from cproc_data.derive.treaty_record import treaty_office_chart as chart_from_record
from cproc_data.ingest.chart_file import read_chart
from cproc_data.store.import_chart import diff, write_import

CORPUS_DIR = Path(__file__).parent / "bad_inputs"  # walked by test_hostile.py


def _xlsx(path, rows, formula=None, merge=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "chart"
    for r in rows:
        ws.append(r)
    if formula:
        ws[formula[0]] = formula[1]
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


HEADER = ["State", "Signature", "Ratification", "Entry into force"]


def built_corpus(tmp):
    from datetime import datetime

    return {
        _xlsx(
            tmp / "formula.xlsx", [HEADER, ["Albania", "23/11/2001", None, None]], formula=("C2", "=B2")
        ): "row 2, column 'C': a formula, not a value",
        _xlsx(
            tmp / "merged.xlsx",
            [HEADER, ["Albania", "23/11/2001", "20/6/2002", "1/7/2004"], [None, "23/11/2001", None, None]],
            merge="A2:A3",
        ): "merged cells: unmerge them",
        _xlsx(tmp / "empty_sheet.xlsx", []): "no visible sheet holds a value (sheets: 'chart' (empty))",
        _xlsx(
            tmp / "excel_dates_wrong.xlsx", [HEADER, ["Albania", datetime(1999, 11, 23), None, None]]
        ): "before ETS185 was opened for signature",
    }


def test_built_corpus(tmp_path):
    for path, message in built_corpus(tmp_path).items():
        res = run_cli("import-chart", str(path), "--treaty", "ETS185")
        assert res.returncode == 2 and "Traceback" not in res.stderr, (path.name, res.stderr)
        assert message in res.stderr, (path.name, res.stderr)


def test_all_problems_at_once_and_rows_accounted_for():
    imp = read_chart(CORPUS_DIR / "month_day_order.csv", "ETS185")
    assert imp.rows_in == len(imp.facts) + len(imp.rejected) == 2
    imp = read_chart(CORPUS_DIR / "two_names.csv", "ETS185")
    assert imp.rows_in == 2 and len(imp.facts) == 1 and len(imp.rejected) == 1


def test_excel_date_cells_are_read(tmp_path):
    from datetime import datetime

    p = _xlsx(tmp_path / "ok.xlsx", [HEADER, ["Albania", datetime(2001, 11, 23), datetime(2002, 6, 20), datetime(2004, 7, 1)]])
    imp = read_chart(p, "ETS185")
    assert not imp.problems
    d = diff(imp)
    assert set(d["change"]) == {"gone"}  # Albania's dates agree; the other States are not in this file
    assert "ALB" not in set(d["iso3"])


@pytest.mark.parametrize("treaty", ["ETS185", "ETS189", "CETS224"])
def test_importing_the_shipped_record_changes_nothing(tmp_path, treaty):
    p = tmp_path / "chart.csv"
    chart_from_record(treaty).to_csv(p, index=False)
    imp = read_chart(p, treaty)
    assert not imp.problems
    assert diff(imp).empty


def _snapshot(ds):
    return {p.relative_to(ds): p.read_bytes() for p in sorted(ds.rglob("*")) if p.is_file()}


def _new_party_chart(tmp_path):
    # synthetic row: a State of the record gets an entry-into-force date it lacks
    p = tmp_path / "update.csv"
    p.write_text("State,Signature,Ratification,Entry into force\nRomania,,12/5/2004,1/9/2004\n", encoding="utf-8")
    return p


def test_dry_run_changes_nothing_and_write_adds_a_snapshot(datasets_copy, tmp_path):
    before = _snapshot(datasets_copy)
    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    res = run_cli("import-chart", str(_new_party_chart(tmp_path)), "--treaty", "ETS185", env_extra=env)
    assert res.returncode == 0, res.stderr
    assert "entry_into_force" in res.stdout and "dry run" in res.stdout
    assert _snapshot(datasets_copy) == before
    res = run_cli(
        "import-chart", str(_new_party_chart(tmp_path)), "--treaty", "ETS185", "--as-of", "2026-02-05", "--write", env_extra=env
    )
    assert res.returncode == 0, res.stderr
    after = _snapshot(datasets_copy)
    added = set(after) - set(before)
    assert len(added) == 1 and next(iter(added)).parent.name == "treaty_facts"
    assert b"ETS185,ROU,entry_into_force,2004-09-01" in after[Path("core/treaty_events.csv")]
    assert run_cli("validate", env_extra=env).returncode == 0


def test_an_interrupted_write_leaves_datasets_byte_identical(datasets_copy, tmp_path, monkeypatch):
    import os

    from cproc_data.load import invalidate as cache_clear

    before = _snapshot(datasets_copy)
    imp = read_chart(_new_party_chart(tmp_path), "ETS185")
    real = os.replace
    calls = {"n": 0}

    def failing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # the snapshot is in place, sources.csv is next: fail here
            raise OSError("simulated failure")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    from datetime import date

    with pytest.raises(OSError):
        write_import(imp, date(2026, 2, 5))
    monkeypatch.setattr(os, "replace", real)
    cache_clear()
    assert _snapshot(datasets_copy) == before


def test_a_write_that_breaks_a_rule_writes_nothing(datasets_copy, tmp_path):
    p = tmp_path / "bad.csv"  # an entry into force that is not three months after the deposit
    p.write_text("State,Signature,Ratification,Entry into force\nRomania,,12/5/2004,1/6/2004\n", encoding="utf-8")
    before = _snapshot(datasets_copy)
    res = run_cli("import-chart", str(p), "--treaty", "ETS185", "--write", env_extra={"CPROC_DATA_DATASETS": str(datasets_copy)})
    assert res.returncode == 2 and "entry-into-force" in res.stderr and "Traceback" not in res.stderr
    assert _snapshot(datasets_copy) == before


def test_xlsx_is_read_with_defusedxml_and_an_entity_bomb_is_refused(tmp_path):
    import zipfile

    import openpyxl

    assert openpyxl.DEFUSEDXML is True
    good = _xlsx(tmp_path / "good.xlsx", [HEADER, ["Albania", "23/11/2001", "20/6/2002", "1/7/2004"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                data = head + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)
            dst.writestr(info, data)
    res = run_cli("import-chart", str(bomb), "--treaty", "ETS185")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "not a readable XLSX workbook" in res.stderr
