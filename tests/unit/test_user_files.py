"""Reading users' files, in process: the sniffing, the streaming XLSX reader, CSV as people
save it, dates and names as charts write them, the register's rules, and safe messages.
Every row here is synthetic."""

from __future__ import annotations

import os
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from cproc_data.domain.countries import without_footnote
from cproc_data.domain.dates import parse_day_first
from cproc_data.errors import SHOWN, DataProblem, clean, problem_lines
from cproc_data.ingest import sniff as sniff_module
from cproc_data.ingest.activity_register import PARTICIPANTS, read_activity_log
from cproc_data.ingest.chart_file import read_chart
from cproc_data.ingest.sniff import LIMITS, Limits, what_bytes
from cproc_data.ingest.tabular import delimiter, read_grid
from cproc_data.load import country_names

HEADER = ["State", "Signature", "Ratification", "Entry into force"]


def _openpyxl_book(path: Path, sheets: dict, date1904=False, hidden=()) -> Path:
    """A workbook as openpyxl (like Excel) writes it: shared strings, styles, date formats."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    wb.epoch = datetime(1904, 1, 1) if date1904 else wb.epoch
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


# --- what a file is, by its bytes ---


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"State,Signature\n", "text"),
        (b"\xff\xfeS\x00t\x00", "utf16"),
        (b"%PDF-1.7", "pdf"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"<?xml version='1.0'?><Workbook>", "xml"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"), "xls"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
        (b"\x00\x01\x02\x00" * 100, "binary"),
    ],
)
def test_kinds_are_told_apart_by_their_bytes(data, kind):
    assert what_bytes(data) == kind


def test_an_unreadable_file_is_named_not_raised(tmp_path, monkeypatch):
    p = tmp_path / "locked.csv"
    p.write_text("State\n", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sniff_module, "open", denied, raising=False)
    grid = read_grid(p, "locked.csv")
    assert [str(q) for q in grid.problems] == ["locked.csv: cannot read the file: Permission denied (check its permissions)"]


def test_limits_are_checked_before_parsing(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("State,Signature\n" + "Albania,23/11/2001\n" * 30, encoding="utf-8")
    grid = read_grid(p, "c.csv", limits=Limits(rows=10))
    assert [q.rule for q in grid.problems] == ["more than 10 rows: a chart has a few hundred, a register a few thousand"]
    grid = read_grid(p, "c.csv", limits=Limits(file_bytes=100))
    assert "larger than the" in grid.problems[0].rule


def test_a_workbook_part_is_refused_by_its_uncompressed_size(tmp_path):
    p = _openpyxl_book(tmp_path / "b.xlsx", {"chart": [HEADER, ["Albania", "23/11/2001", None, None]]})
    grid = read_grid(p, "b.xlsx", limits=Limits(member_bytes=200))
    assert grid.problems and all("inflates to more than" in q.rule for q in grid.problems)
    assert not grid.rows  # refused before any cell was read


# --- the streaming XLSX reader ---


def test_only_cells_holding_values_are_read_and_a_stray_cell_is_refused(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws["XFD1048576"] = "x"
    wb.save(tmp_path / "s.xlsx")
    grid = read_grid(tmp_path / "s.xlsx", "s.xlsx")
    assert [q.value for q in grid.problems] == ["XFD1048576"]
    assert grid.rows == [(1, HEADER)]


def test_merged_cells_hidden_sheets_and_dates_in_a_workbook_over_2_mb(tmp_path):
    p = _openpyxl_book(
        tmp_path / "big.xlsx",
        {"old": [HEADER, ["Stale", None, None, None]], "chart": [HEADER, ["Japan", datetime(2001, 11, 23), None, None]]},
        hidden=("old",),
    )
    from openpyxl import load_workbook

    wb = load_workbook(p)
    wb["chart"].merge_cells("B2:B3")
    wb.save(p)
    with zipfile.ZipFile(p, "a") as z:
        z.writestr("xl/media/pad.bin", os.urandom(2_500_000), zipfile.ZIP_STORED)  # past openpyxl's read-only threshold
    assert p.stat().st_size > 2 * 1024 * 1024
    grid = read_grid(p, "big.xlsx")
    assert grid.sheet == "chart" and grid.notes == ["read sheet 'chart'; skipped 'old' (hidden)"]
    assert grid.merged == ["B2:B3"]
    assert grid.rows[1] == (2, ["Japan", datetime(2001, 11, 23)])


def test_1904_date_system_is_read(tmp_path):
    p = _openpyxl_book(tmp_path / "mac.xlsx", {"chart": [HEADER, ["Japan", datetime(2001, 11, 23)]]}, date1904=True)
    assert read_grid(p, "mac.xlsx").rows[1][1][1] == datetime(2001, 11, 23)


# --- CSV as people save it ---


@pytest.mark.parametrize(
    "text, sep",
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("État;Signature;Ratification, acceptation", ";"), ("x", ",")],
)
def test_delimiter_of_the_header_line(text, sep):
    assert delimiter(text + "\n1,2,3\n") == sep


def test_utf16_text_is_read(tmp_path):
    p = tmp_path / "unicode.txt"
    p.write_bytes("State\tSignature\r\nAlbania\t23/11/2001\r\n".encode("utf-16"))
    assert read_grid(p, "unicode.txt").rows == [(1, ["State", "Signature"]), (2, ["Albania", "23/11/2001"])]


# --- dates and names as charts write them ---


@pytest.mark.parametrize(
    "text, expected",
    [
        ("23.11.2001", date(2001, 11, 23)),
        ("23-11-2001", date(2001, 11, 23)),
        ("23/11/2001 00:00", date(2001, 11, 23)),
        ("2001-11-23 00:00:00", date(2001, 11, 23)),
        ("2001-11-23T14:30", date(2001, 11, 23)),
    ],
)
def test_chart_dates_in_other_locales_and_with_a_time(text, expected):
    assert parse_day_first(text) == expected


@pytest.mark.parametrize("text", ["23.11/2001", "23/11/2001 noon", "2001.11.23"])
def test_mixed_or_unknown_date_forms_are_refused(text):
    with pytest.raises(ValueError):
        parse_day_first(text)


@pytest.mark.parametrize(
    "name, iso3",
    [("Germany (1)", "DEU"), ("France*", "FRA"), ("Italy²", "ITA"), ("Japan [3]", "JPN"), ("Allemagne", "DEU")]
    + [("République de Moldova", "MDA"), ("Royaume-Uni", "GBR"), ("États-Unis d'Amérique", "USA"), ("Pays-Bas", "NLD")],
)
def test_footnote_markers_and_french_names(name, iso3):
    assert country_names().lookup(name) == iso3


def test_a_footnote_is_never_part_of_a_name_in_brackets():
    assert without_footnote("Bolivia (Plurinational State of)") == "Bolivia (Plurinational State of)"
    assert country_names().lookup("Atlantis (2)") is None


def test_french_chart_is_read(tmp_path):
    p = tmp_path / "fr.csv"
    p.write_text(
        "États;Signature;Ratification;Entrée en vigueur;Renvois\r\nAllemagne;23.11.2001;09.03.2009;01.07.2009;\r\n",
        encoding="utf-8",
    )
    imp = read_chart(p, "ETS185")
    assert not imp.problems
    assert imp.facts[["iso3", "deposit"]].values.tolist() == [["DEU", date(2009, 3, 9)]]


# --- the activity register ---


def _register(tmp_path, rows):
    p = tmp_path / "log.csv"
    head = "date,country_or_region,project,activity_type,participants,title,notes\n"
    p.write_text(head + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return p


@pytest.mark.parametrize("value, ok", [("1", True), ("5000", True), ("0", False), ("5001", False), ("2.5", False), ("-3", False)])
def test_participants_range(tmp_path, value, ok):
    assert PARTICIPANTS == (1, 5000)
    log = read_activity_log(
        _register(tmp_path, [["2024-03-05", "Ghana", "GLACY-e", "training", value, "t", ""]]), as_of="2025-01-01"
    )
    assert (len(log.activities), len(log.rejected)) == ((1, 0) if ok else (0, 1))


@pytest.mark.parametrize("day, ok", [("2014-04-07", True), ("2014-04-06", False), ("2025-01-01", True), ("2025-01-02", False)])
def test_register_dates_from_cproc_opening_to_the_as_of_date(tmp_path, day, ok):
    log = read_activity_log(_register(tmp_path, [[day, "Ghana", "GLACY-e", "training", "5", "t", ""]]), as_of=date(2025, 1, 1))
    assert len(log.activities) == (1 if ok else 0)


@pytest.mark.parametrize("as_of", ["2014-04-06", "2999-01-01", "01/03/2024"])
def test_register_as_of_outside_its_span_is_a_value_error(tmp_path, as_of):
    with pytest.raises(ValueError):
        read_activity_log(_register(tmp_path, []), as_of=as_of)


def test_register_file_problems_are_rejections_not_exceptions(tmp_path):
    p = tmp_path / "log.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"))
    log = read_activity_log(p)
    assert log.rows_in == 0 and len(log.activities) == 0
    assert [q.rule.split(":")[0] for q in log.rejected] == ["an Excel 97-2003 workbook (.xls, OLE format), not .xlsx"]


# --- safe, bounded messages ---


def test_clean_escapes_control_characters_and_cuts_long_text():
    assert clean("a\nb\x1b[31m\u202ec") == "a\\nb\\x1b[31m\\u202ec"
    assert clean("x" * 100, 10) == "xxxxxxxxxx... (100 characters)"


def test_problem_lines_show_the_first_200_and_say_where_the_rest_is(tmp_path):
    problems = [DataProblem("f.csv", i, "State", "v" * 1000, "rule") for i in range(2, 1002)]
    lines = problem_lines(problems)
    assert SHOWN == 200 and len(lines) == 202
    assert lines[-1] == "  ... and 800 more (full list: --problems FILE)"
    assert max(len(line) for line in lines) < 200
    full = tmp_path / "all.txt"
    lines = problem_lines(problems, full_list=full)
    assert len(full.read_text(encoding="utf-8").splitlines()) == 1000 and lines[-1].endswith(f"(full list in {full})")


def test_a_file_name_cannot_forge_a_problem_line():
    text = str(DataProblem("x.csv\n  y.csv, row 2: fine", 3, None, None, "rule"))
    assert "\n" not in text and text.startswith("x.csv\\n  y.csv")


def test_readme_states_the_limits():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for stated in (
        f"{LIMITS.file_bytes // 2**20} MB",
        f"{LIMITS.member_bytes // 2**20} MB",
        f"{LIMITS.unzipped_bytes // 2**20} MB",
        f"{LIMITS.rows:,} rows",
        f"{LIMITS.cells:,} cells",
        f"{LIMITS.columns} columns",
        f"{LIMITS.cell_chars:,} characters",
    ):
        assert stated in readme, stated
