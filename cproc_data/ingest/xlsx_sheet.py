"""One worksheet's XML read as a stream: only the cells that hold a value.

A cell costs memory only if it holds a value; values beyond the row and column limits are
counted (and refused by the caller); merged ranges, formulas and date styles are seen in
every case. openpyxl supplies only its date helpers.
"""

from __future__ import annotations

import zipfile
from datetime import datetime

from ..errors import DataProblem
from .grid import Grid, column_letter, column_number
from .sniff import Limits
from .xlsx_parts import Refused, stream_part

MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")


def _keys(local: str) -> list[str]:
    """The names expat reports for a SpreadsheetML element (transitional or strict)."""
    return [f"{ns} {local}" for ns in MAIN] + [local]


class SheetReader:
    """Streaming handlers for one worksheet's XML: a handler per element, looked up by its
    full name (the per-cell work is what a large sheet costs)."""

    def __init__(self, grid: Grid, label: str, strings: list[str], dates: set[int], date1904: bool, limits: Limits):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        self.grid, self.label, self.strings, self.dates, self.limits = grid, label, strings, dates, limits
        self.from_excel, self.epoch = from_excel, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.row_no, self.values, self.col = 0, [], 0
        self.t, self.s, self.v, self.f, self.inline = "n", 0, None, None, None
        self.buf: list[str] | None = None
        self.skip = 0
        self.beyond = 0
        self.first_beyond = ""
        self.cells = 0
        self.columns: dict[str, int] = {}
        self.starts = {k: fn for local, fn in self._start_handlers() for k in _keys(local)}
        self.ends = {k: fn for local, fn in self._end_handlers() for k in _keys(local)}

    def _start_handlers(self):
        return [
            ("c", self._start_c),
            ("row", self._start_row),
            ("v", self._start_text),
            ("f", self._start_text),
            ("t", self._start_t),
            ("rPh", self._start_rph),
            ("mergeCell", self._start_merge),
        ]

    def _end_handlers(self):
        return [
            ("c", self._end_c),
            ("row", self._end_row),
            ("v", self._end_v),
            ("f", self._end_f),
            ("t", self._end_t),
            ("rPh", self._end_rph),
        ]

    def read(self, zf: zipfile.ZipFile, part: str) -> None:
        starts, ends = self.starts, self.ends

        def start(name, attrs):
            h = starts.get(name)
            if h is not None:
                h(attrs)

        def end(name):
            h = ends.get(name)
            if h is not None:
                h()

        try:
            stream_part(zf, part, start, end, self.text)
        except _Stop:
            pass
        if self.cells > self.limits.cells:
            self.grid.problems.append(
                DataProblem(
                    self.label,
                    None,
                    None,
                    f"row {self.row_no:,}",
                    f"more than {self.limits.cells:,} cells in the sheet (formatted empty cells included): "
                    "copy the table alone into a new workbook",
                    sheet=self.grid.sheet,
                )
            )
        elif self.beyond:
            self.grid.problems.append(
                DataProblem(
                    self.label,
                    None,
                    None,
                    self.first_beyond,
                    f"{'a cell holds' if self.beyond == 1 else 'cells hold'} a value beyond the reading limits "
                    f"({self.limits.rows:,} rows, {self.limits.columns} columns, up to column "
                    f"{column_letter(self.limits.columns)}): a stray value far from the table is usually left by mistake; delete it",
                    sheet=self.grid.sheet,
                )
            )

    def _start_c(self, attrs):
        self.cells += 1
        if self.cells > self.limits.cells:
            raise _Stop
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            col = self.columns.get(letters)
            if col is None:
                col = self.columns[letters] = column_number(letters)
            self.col = col
        else:
            self.col += 1
        self.t = attrs.get("t", "n")
        s = attrs.get("s")
        self.s = int(s) if s else 0
        self.v = self.f = self.inline = None

    def _start_row(self, attrs):
        r = attrs.get("r")
        self.row_no = int(r) if r else self.row_no + 1
        self.values, self.col = [], 0

    def _start_text(self, attrs):
        self.buf = []

    def _start_t(self, attrs):
        if not self.skip:
            self.buf = []

    def _start_rph(self, attrs):
        self.skip += 1

    def _start_merge(self, attrs):
        self.grid.merged.append(attrs.get("ref", ""))

    def text(self, data):
        if self.buf is not None:
            self.buf.append(data)

    def _end_v(self):
        if self.buf is not None:
            self.v, self.buf = "".join(self.buf), None

    def _end_f(self):
        if self.buf is not None:
            self.f, self.buf = "".join(self.buf), None

    def _end_t(self):
        if self.buf is not None:
            self.inline, self.buf = (self.inline or "") + "".join(self.buf), None

    def _end_rph(self):
        self.skip -= 1

    def _end_row(self):
        if any(v is not None for v in self.values):
            self.grid.rows.append((self.row_no, self.values))

    def _end_c(self):
        if self.v is None and self.inline is None and self.f is None:
            return  # a formatted but empty cell: nothing to read
        if self.row_no > self.limits.rows or self.col > self.limits.columns:
            self.beyond += 1
            self.first_beyond = self.first_beyond or f"{column_letter(self.col)}{self.row_no}"
            if self.row_no > self.limits.rows:
                raise _Stop  # rows come in order: nothing within the limits follows
            return
        value = self._value()
        if isinstance(value, str) and len(value) > self.limits.cell_chars:
            self.grid.problems.append(
                DataProblem(
                    self.label,
                    self.row_no,
                    column_letter(self.col),
                    value,
                    f"a cell of {len(value):,} characters, more than Excel's {self.limits.cell_chars:,}",
                    sheet=self.grid.sheet,
                )
            )
            value = value[: self.limits.cell_chars]
        if self.f is not None:
            self.grid.formulas.append((self.row_no, self.col, "=" + self.f))
        values = self.values
        if len(values) < self.col:
            values.extend([None] * (self.col - len(values)))
        values[self.col - 1] = value

    def _value(self):
        t, v = self.t, self.v
        if t == "s":
            i = int(v or "")
            if not 0 <= i < len(self.strings):
                raise Refused(f"a cell points at shared string {i}, which does not exist")
            return self.strings[i]
        if t == "inlineStr":
            return self.inline or ""
        if t in ("str", "e") or not v:
            return v or None
        if t == "b":
            return v == "1"
        if t == "d":
            return datetime.fromisoformat(v)
        n = float(v)
        if self.s in self.dates:
            try:
                return self.from_excel(n, self.epoch)
            except (ValueError, OverflowError):
                return n
        return int(n) if n.is_integer() and abs(n) < 1e15 else n


class _Stop(Exception):
    pass
