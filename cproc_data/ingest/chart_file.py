"""A pasted Treaty Office chart (CSV or XLSX), read and checked row by row.

The file is laid out like the Treaty Office "chart of signatures and ratifications": one
row per State with columns State | Signature | Ratification | Entry into force (| Notes),
in English or French (États | Signature | Ratification | Entrée en vigueur | Renvois).
Dates as the chart writes them (dd/mm/yyyy, dd.mm.yyyy, a time part ignored), ISO
yyyy-mm-dd, or Excel date cells. The file is read by `tabular.read_grid` (the limits, the
formats told apart by their bytes, the first visible sheet holding a value). Every problem
in the file is collected (file, sheet, row, column, value, rule); `store.import_chart`
turns a clean file into events and writes it.
"""

from __future__ import annotations

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
from .grid import Grid, column_letter
from .tabular import read_grid

COLUMNS = {  # canonical column -> accepted headers (case-insensitive), English and French
    "state": (
        "state",
        "states",
        "member states",
        "non-member states",
        "country",
        "pays",
        "état",
        "etat",
        "états",
        "etats",
        "états membres",
        "états non membres",
    ),
    "signature": ("signature", "signed"),
    "deposit": (
        "ratification",
        "ratification/accession",
        "ratification or accession",
        "ratification / accession",
        "accession",
        "ratified",
        "deposit",
        "ratification ou adhésion",
        "ratification/adhésion",
        "adhésion",
    ),
    "entry_into_force": ("entry into force", "entry-into-force", "in force", "entrée en vigueur", "entree en vigueur"),
    "notes": ("notes", "note", "remarks", "renvois", "remarques"),
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
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)  # which sheet was read, which were skipped
    sha256: str = ""  # of the file as read (names the snapshot an import makes)

    def newest(self) -> date | None:
        """The newest date in the rows kept."""
        if self.facts is None:
            return None
        return max((d for c in ("signature", "deposit", "entry_into_force") for d in self.facts[c] if d), default=None)


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


def _header(rows, label, sheet, problems) -> tuple[int | None, dict[str, int]]:
    """Find the header row (must be row 1) among the first 20 rows holding a value, and map
    canonical columns to indexes; returns its index in `rows`."""

    def canon(cell):
        t = " ".join(_cell_text(cell).casefold().split()).strip(" .:")
        for key, names in COLUMNS.items():
            if t in names:
                return key
        return None

    for i, (number, row) in enumerate(rows[:20]):
        keys = [canon(c) for c in row]
        if "state" in keys and ("signature" in keys or "deposit" in keys):
            if number != 1:
                problems.append(
                    DataProblem(
                        label,
                        number,
                        None,
                        None,
                        f"the header row is row {number}, not row 1: delete the {number - 1} row(s) above it",
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
                            number,
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
                            number,
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
            "no header row with a State column and Signature/Ratification columns in the first 20 rows "
            "(headers in English or French: State, Signature, Ratification, Entry into force; "
            "États, Signature, Ratification, Entrée en vigueur)",
            sheet=sheet,
        )
    )
    return None, {}


def _layout_problems(grid: Grid, header_row: int, label: str) -> list[DataProblem]:
    """Formulas and merged cells below the header: a chart holds values, one row per State."""
    out = [
        DataProblem(
            label,
            row,
            column_letter(col),
            text,
            "a formula, not a value: paste the values (Paste special > Values)",
            sheet=grid.sheet,
        )
        for row, col, text in grid.formulas
        if row > header_row
    ]
    for ref in grid.merged:
        first = ref.split(":")[0].lstrip("$")
        row = int("".join(ch for ch in first if ch.isdigit()) or 0)
        out.append(
            DataProblem(
                label, row or None, None, ref, "merged cells: unmerge them so that every row has its own values", sheet=grid.sheet
            )
        )
    return out


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
    grid = read_grid(path, label)
    imp.problems += grid.problems
    imp.sheet, imp.notes, imp.sha256, sheet = grid.sheet, grid.notes, grid.sha256, grid.sheet
    rows = grid.rows
    if not rows and not imp.problems:
        imp.problems.append(
            DataProblem(label, None, None, None, "no rows in the file" + (f" (sheet {sheet})" if sheet else ""), sheet=sheet)
        )
    if not rows or any(p.row is None for p in grid.problems):
        return imp  # a file-level problem (unreadable, beyond the limits): the rows are not checked
    h, cols = _header(rows, label, sheet, imp.problems)
    if h is None:
        return imp
    imp.problems += _layout_problems(grid, rows[h][0], label)
    if any(k not in cols for k in REQUIRED):
        return imp
    kept, seen = [], {}
    names = country_names()
    for line, row in rows[h + 1 :]:
        cells = list(row) + [None] * (max(cols.values()) + 1 - len(row))
        if all(_cell_text(c) == "" for c in cells):
            continue  # blank line
        imp.rows_in += 1
        row_problems = []
        name = _cell_text(cells[cols["state"]])
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
