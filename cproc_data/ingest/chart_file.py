"""A pasted Treaty Office chart (CSV or XLSX), read and checked row by row.

The file is laid out like the Treaty Office "chart of signatures and ratifications": one
row per State with columns State | Signature | Ratification | Entry into force (| Notes).
Dates as dd/mm/yyyy or d/m/yyyy (the Treaty Office's order), ISO yyyy-mm-dd, or Excel
date cells. Every problem in the file is collected (file, sheet, row, column, value,
rule); `store.import_chart` turns a clean file into events and writes it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..domain.checks import date_rules
from ..domain.dates import parse_day_first
from ..domain.treaties import get_treaty
from ..errors import DataProblem
from ..load import country_names

MAX_BYTES = 10 * 1024 * 1024  # larger files are refused before they are parsed
READ_ONLY_ABOVE = 2 * 1024 * 1024  # XLSX above this is read in openpyxl's read-only mode
COLUMNS = {  # canonical column -> accepted headers (case-insensitive)
    "state": ("state", "states", "member states", "non-member states", "country", "pays", "état", "etat"),
    "signature": ("signature", "signed"),
    "deposit": (
        "ratification",
        "ratification/accession",
        "ratification or accession",
        "ratification / accession",
        "accession",
        "ratified",
        "deposit",
    ),
    "entry_into_force": ("entry into force", "entry-into-force", "in force", "entrée en vigueur"),
    "notes": ("notes", "note", "remarks"),
}
REQUIRED = ("state", "signature", "deposit", "entry_into_force")
SERIAL = re.compile(r"^\d{5}(\.\d+)?$")


@dataclass
class ChartImport:
    file: str
    treaty: str
    rows_in: int = 0
    facts: pd.DataFrame | None = None  # one row per State kept
    rejected: list[DataProblem] = field(default_factory=list)
    problems: list[DataProblem] = field(default_factory=list)


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _read_rows(path: Path, label: str, problems: list[DataProblem]) -> tuple[list[list], str | None, list]:
    """Rows of cells (first sheet for XLSX); also the sheet name and raw cell objects."""
    data = path.read_bytes()
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=len(data) > READ_ONLY_ABOVE, data_only=False)
        except Exception as exc:  # openpyxl raises many types for a damaged or hostile file
            problems.append(DataProblem(label, None, None, None, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"))
            return [], None, []
        ws = wb.worksheets[0]
        rows, raw = [], []
        for r in ws.iter_rows():
            raw.append(r)
            rows.append([c.value for c in r])
        merged = getattr(ws, "merged_cells", None)  # not available in read-only mode
        if merged:
            for rng in merged.ranges:
                problems.append(
                    DataProblem(
                        label,
                        rng.min_row,
                        None,
                        str(rng),
                        "merged cells: unmerge them so that every row has its own values",
                        sheet=ws.title,
                    )
                )
        return rows, ws.title, raw
    if path.suffix.lower() != ".csv":
        problems.append(DataProblem(label, None, None, path.suffix, "not a .csv or .xlsx file"))
        return [], None, []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark is harmless: drop it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            DataProblem(
                label,
                text_line(data, exc.start),
                None,
                repr(data[exc.start : exc.start + 1]),
                "not UTF-8 text: save the file as CSV UTF-8",
            )
        )
        return [], None, []
    return [row for row in csv.reader(io.StringIO(text))], None, []


def text_line(data: bytes, pos: int) -> int:
    return data[:pos].count(b"\n") + 1


def _header(rows, label, sheet, problems) -> tuple[int | None, dict[str, int]]:
    """Find the header row (must be row 1) and map canonical columns to indexes."""

    def canon(cell):
        t = _cell_text(cell).casefold().strip(" .:")
        for key, names in COLUMNS.items():
            if t in names:
                return key
        return None

    for i, row in enumerate(rows[:20]):
        keys = [canon(c) for c in row]
        if "state" in keys and ("signature" in keys or "deposit" in keys):
            if i != 0:
                problems.append(
                    DataProblem(
                        label,
                        i + 1,
                        None,
                        None,
                        f"the header row is row {i + 1}, not row 1: delete the {i} row(s) above it",
                        sheet=sheet,
                    )
                )
            mapping: dict[str, int] = {}
            for j, k in enumerate(keys):
                if k is None:
                    continue
                if k in mapping:
                    problems.append(
                        DataProblem(
                            label,
                            i + 1,
                            _cell_text(row[j]),
                            None,
                            f"column given twice (also column {mapping[k] + 1})",
                            sheet=sheet,
                        )
                    )
                else:
                    mapping[k] = j
            for k in REQUIRED:
                if k not in mapping:
                    problems.append(
                        DataProblem(
                            label,
                            i + 1,
                            k,
                            None,
                            f"required column missing: expected one of {', '.join(COLUMNS[k])}",
                            sheet=sheet,
                        )
                    )
            return i, mapping
    problems.append(
        DataProblem(
            label,
            1,
            None,
            None,
            "no header row with a State column and Signature/Ratification columns in the first 20 rows",
            sheet=sheet,
        )
    )
    return None, {}


def parse_date(value) -> tuple[date | None, str | None]:
    """(date, None) or (None, rule broken). Accepts d/m/yyyy, ISO and spreadsheet dates."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = _cell_text(value)
    if text == "":
        return None, None
    if SERIAL.match(text):
        return None, "looks like a spreadsheet serial number, not a date: format the column as a date or write dd/mm/yyyy"
    try:
        return parse_day_first(text), None
    except ValueError as exc:
        return None, str(exc)


def read_chart(path, treaty: str, today: date | None = None) -> ChartImport:
    """Read and check a chart file; never raises for the file's content (see `.problems`)."""
    path = Path(path)
    t = get_treaty(treaty)
    today = today or date.today()
    label = path.name
    imp = ChartImport(file=label, treaty=t.code)
    if not path.is_file():
        imp.problems.append(DataProblem(label, None, None, str(path), "file not found"))
        return imp
    size = path.stat().st_size
    if size > MAX_BYTES:
        imp.problems.append(
            DataProblem(
                label,
                None,
                None,
                f"{size / 1e6:.1f} MB",
                f"file larger than the {MAX_BYTES // (1024 * 1024)} MB limit: a chart is a few kilobytes",
            )
        )
        return imp
    if size == 0:
        imp.problems.append(DataProblem(label, None, None, None, "empty file"))
        return imp
    rows, sheet, raw = _read_rows(path, label, imp.problems)
    if not rows and not imp.problems:
        imp.problems.append(
            DataProblem(label, None, None, None, "no rows in the file" + (f" (sheet {sheet})" if sheet else ""), sheet=sheet)
        )
    if not rows:
        return imp
    h, cols = _header(rows, label, sheet, imp.problems)
    if h is None:
        return imp
    if raw:  # formulas instead of values
        for r in raw[h + 1 :]:
            for c in r:
                if getattr(c, "data_type", None) == "f":
                    imp.problems.append(
                        DataProblem(
                            label,
                            c.row,
                            c.column_letter,
                            str(c.value),
                            "a formula, not a value: paste the values (Paste special > Values)",
                            sheet=sheet,
                        )
                    )
    if any(k not in cols for k in REQUIRED):
        return imp
    kept, seen = [], {}
    body = rows[h + 1 :]
    for offset, row in enumerate(body):
        line = h + 2 + offset
        cells = list(row) + [None] * (max(cols.values()) + 1 - len(row))
        if all(_cell_text(c) == "" for c in cells):
            continue  # blank line
        imp.rows_in += 1
        row_problems = []
        name = _cell_text(cells[cols["state"]])
        names = country_names()
        iso3 = names.lookup(name) if name else None
        if not name:
            row_problems.append(DataProblem(label, line, "State", "", "State name is empty", sheet=sheet))
        elif iso3 is None:
            row_problems.append(
                DataProblem(
                    label,
                    line,
                    "State",
                    name,
                    "unknown State name (not in datasets/reference/country_names.csv)",
                    sheet=sheet,
                    hint=names.hint(name),
                )
            )
        values = {}
        for key, header in (("signature", "Signature"), ("deposit", "Ratification"), ("entry_into_force", "Entry into force")):
            v = cells[cols[key]]
            d, rule = parse_date(v)
            if rule:
                row_problems.append(DataProblem(label, line, header, _cell_text(v), rule, sheet=sheet))
            elif d is not None:
                if d < t.opened:
                    row_problems.append(
                        DataProblem(
                            label,
                            line,
                            header,
                            d.isoformat(),
                            f"before {t.code} was opened for signature ({t.opened})",
                            sheet=sheet,
                        )
                    )
                elif d > today:
                    row_problems.append(
                        DataProblem(label, line, header, d.isoformat(), f"in the future (today is {today})", sheet=sheet)
                    )
            values[key] = d
        headers = {"deposit": "Ratification", "entry_into_force": "Entry into force"}
        for event, rule in date_rules(t, values.get("signature"), values.get("deposit"), values.get("entry_into_force")):
            row_problems.append(DataProblem(label, line, headers[event], values[event].isoformat(), rule, sheet=sheet))
        if iso3 is not None:
            if iso3 in seen:
                first_line, first_name = seen[iso3]
                rule = (
                    f"the same State as row {first_line}"
                    + (f" ('{first_name}')" if first_name != name else "")
                    + f": {iso3} is listed twice"
                    + (" under two names" if first_name != name else "")
                )
                row_problems.append(DataProblem(label, line, "State", name, rule, sheet=sheet))
            else:
                seen[iso3] = (line, name)
        if row_problems:
            imp.problems += row_problems
            imp.rejected.append(row_problems[0])
            continue
        kept.append(
            {
                "line": line,
                "state_as_written": name,
                "iso3": iso3,
                **values,
                "notes": _cell_text(cells[cols["notes"]]) if "notes" in cols else "",
            }
        )
    if imp.rows_in == 0 and not imp.problems:
        imp.problems.append(DataProblem(label, None, None, None, "the file has a header but no data rows", sheet=sheet))
    imp.facts = pd.DataFrame(
        kept, columns=["line", "state_as_written", "iso3", "signature", "deposit", "entry_into_force", "notes"]
    )
    return imp
