"""An XLSX workbook read as a stream of its XML: only the cells that hold a value.

Why not openpyxl's worksheet API: it walks the sheet's used range, so one stray cell at
XFD1048576 makes it visit 17 billion positions, and its read-only mode (the one that
streams) does not report merged cells. Here the sheet XML is parsed with expat in chunks
straight from the zip; a cell costs memory only if it holds a value, values beyond the
row and column limits are counted (and refused by the caller), and merged ranges, formulas,
hidden sheets and date styles are seen in every case. DTDs are refused, so no entity can
expand (the defence defusedxml gives openpyxl). openpyxl supplies only its date helpers.

Here: the entry point and the choice of sheet; the workbook's other parts are read in
`xlsx_parts`, a worksheet's cells in `xlsx_sheet`.
"""

from __future__ import annotations

import io
import zipfile
from xml.parsers import expat

from ..errors import DataProblem
from .grid import Grid
from .sniff import LIMITS, Limits
from .xlsx_parts import Refused, date_styles, local_name, shared_strings, stream_part, workbook_sheets
from .xlsx_sheet import SheetReader


def read_xlsx(data: bytes, label: str, sheet: str | None = None, limits: Limits = LIMITS) -> Grid:
    """The cells of `sheet`, or of the first visible sheet that holds a value (the notes say
    which sheet was read and which were skipped). Never raises for the file's content."""
    grid = Grid()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        sheets, date1904, parts = workbook_sheets(zf)
        chosen = _choose(zf, sheets, sheet, grid, label)
        if chosen is None:
            return grid
        name, part = chosen
        grid.sheet = name
        strings = shared_strings(zf, parts.get("sharedStrings"))
        SheetReader(grid, label, strings, date_styles(zf, parts.get("styles")), date1904, limits).read(zf, part)
    except Refused as exc:
        grid.problems.append(DataProblem(label, None, None, None, f"not a readable XLSX workbook ({exc})", sheet=grid.sheet))
    except (expat.ExpatError, zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError) as exc:
        grid.problems.append(
            DataProblem(label, None, None, None, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})", sheet=grid.sheet)
        )
    return grid


def _choose(zf, sheets, want, grid: Grid, label: str) -> tuple[str, str] | None:
    """The sheet to read: `want` by name, or the first visible sheet that holds a value."""

    def refuse(rule: str) -> None:
        grid.problems.append(DataProblem(label, None, None, None, rule))

    hidden = ("hidden", "veryHidden")
    if want is not None:
        found = [s for s in sheets if s[0] == want]
        if not found:
            return refuse(f"no sheet named '{want}' (sheets: {', '.join(s[0] for s in sheets) or 'none'}): use the template")
        name, state, part = found[0]
        if state in hidden:
            return refuse(f"the sheet '{want}' is hidden: unhide it (right-click a sheet tab > Unhide)")
        return name, part
    skipped = []
    for name, state, part in sheets:
        if state in hidden:
            skipped.append(f"'{name}' (hidden)")
        elif part and _holds_values(zf, part):
            if skipped:
                grid.notes.append(f"read sheet '{name}'; skipped {', '.join(skipped)}")
            return name, part
        else:
            skipped.append(f"'{name}' (empty)")
    return refuse("no visible sheet holds a value" + (f" (sheets: {', '.join(skipped)})" if skipped else ""))


def _holds_values(zf: zipfile.ZipFile, part: str) -> bool:
    """True as soon as the sheet's XML shows a cell value (stops parsing there)."""

    class Found(Exception):
        pass

    def start(name, attrs):
        if local_name(name) in ("v", "is", "f"):
            raise Found

    try:
        stream_part(zf, part, start)
    except Found:
        return True
    return False
