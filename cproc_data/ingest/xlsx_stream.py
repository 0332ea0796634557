"""An XLSX workbook read as a stream of its XML: only the cells that hold a value.

Why not openpyxl's worksheet API: it walks the sheet's used range, so one stray cell at
XFD1048576 makes it visit 17 billion positions, and its read-only mode (the one that
streams) does not report merged cells. Here the sheet XML is parsed with expat in chunks
straight from the zip; a cell costs memory only if it holds a value, values beyond the
row and column limits are counted (and refused by the caller), and merged ranges, formulas,
hidden sheets and date styles are seen in every case. DTDs are refused, so no entity can
expand (the defence defusedxml gives openpyxl). openpyxl supplies only its date helpers.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from xml.parsers import expat

from ..errors import DataProblem
from .grid import Grid, column_letter, column_number
from .sniff import LIMITS, Limits

CHUNK = 64 * 1024


class Refused(Exception):
    """The workbook cannot be read: the message says why."""


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _stream(zf: zipfile.ZipFile, member: str, start, end=None, text=None) -> None:
    """Parse one part of the zip in chunks with expat (namespaces resolved, DTDs refused)."""
    p = expat.ParserCreate(namespace_separator=" ")

    def no_dtd(*_args):
        raise Refused(f"{member} declares a DTD, which a workbook never needs")

    p.StartDoctypeDeclHandler = no_dtd
    p.EntityDeclHandler = no_dtd
    p.ExternalEntityRefHandler = no_dtd
    p.StartElementHandler = start
    if end:
        p.EndElementHandler = end
    if text:
        p.CharacterDataHandler = text
    p.buffer_text = True
    with zf.open(member) as fh:
        while chunk := fh.read(CHUNK):
            p.Parse(chunk, False)
        p.Parse(b"", True)


def _part(zf: zipfile.ZipFile, base: str, target: str) -> str:
    path = target.lstrip("/") if target.startswith("/") else f"{base}/{target}"
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _workbook(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str, str]], bool, dict[str, str]]:
    """Sheets in order as (name, state, part), the 1904 date flag, and other parts by type."""
    rels: dict[str, tuple[str, str]] = {}

    def rel(name, attrs):
        if _local(name) == "Relationship":
            rels[attrs.get("Id", "")] = (attrs.get("Type", "").rsplit("/", 1)[-1], attrs.get("Target", ""))

    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        _stream(zf, "xl/_rels/workbook.xml.rels", rel)
    sheets: list[tuple[str, str, str]] = []
    flags = {"1904": False}

    def book(name, attrs):
        tag = _local(name)
        if tag == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            target = rels.get(rid, ("", ""))[1]
            sheets.append((attrs.get("name", "?"), attrs.get("state", "visible"), _part(zf, "xl", target) if target else ""))
        elif tag == "workbookPr":
            flags["1904"] = attrs.get("date1904", "0") in ("1", "true")

    _stream(zf, "xl/workbook.xml", book)
    others = {kind: _part(zf, "xl", target) for kind, target in rels.values() if kind in ("sharedStrings", "styles")}
    return sheets, flags["1904"], others


def _date_styles(zf: zipfile.ZipFile, part: str | None) -> set[int]:
    """Indexes of the cell styles whose number format is a date."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    if not part or part not in zf.namelist():
        return set()
    custom: dict[int, str] = {}
    xfs: list[int] = []
    depth = {"cellXfs": False}

    def start(name, attrs):
        tag = _local(name)
        if tag == "numFmt":
            custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            depth["cellXfs"] = True
        elif tag == "xf" and depth["cellXfs"]:
            xfs.append(int(attrs.get("numFmtId", "0")))

    def end(name):
        if _local(name) == "cellXfs":
            depth["cellXfs"] = False

    _stream(zf, part, start, end)
    return {i for i, fmt in enumerate(xfs) if is_date_format(custom.get(fmt) or BUILTIN_FORMATS.get(fmt, "General"))}


def _shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    if not part or part not in zf.namelist():
        return []
    out: list[str] = []
    st = {"buf": [], "in_t": False, "skip": 0}

    def start(name, attrs):
        tag = _local(name)
        if tag == "rPh":
            st["skip"] += 1  # phonetic guide: not part of the text
        elif tag == "t" and not st["skip"]:
            st["in_t"] = True

    def end(name):
        tag = _local(name)
        if tag == "rPh":
            st["skip"] -= 1
        elif tag == "t":
            st["in_t"] = False
        elif tag == "si":
            out.append("".join(st["buf"]))
            st["buf"] = []

    def text(data):
        if st["in_t"]:
            st["buf"].append(data)

    _stream(zf, part, start, end, text)
    return out


def read_xlsx(data: bytes, label: str, sheet: str | None = None, limits: Limits = LIMITS) -> Grid:
    """The cells of `sheet`, or of the first visible sheet that holds a value (the notes say
    which sheet was read and which were skipped). Never raises for the file's content."""
    grid = Grid()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        sheets, date1904, parts = _workbook(zf)
        chosen = _choose(zf, sheets, sheet, grid, label)
        if chosen is None:
            return grid
        name, part = chosen
        grid.sheet = name
        strings = _shared_strings(zf, parts.get("sharedStrings"))
        _SheetReader(grid, label, strings, _date_styles(zf, parts.get("styles")), date1904, limits).read(zf, part)
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
        if _local(name) in ("v", "is", "f"):
            raise Found

    try:
        _stream(zf, part, start)
    except Found:
        return True
    return False


MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")


def _keys(local: str) -> list[str]:
    """The names expat reports for a SpreadsheetML element (transitional or strict)."""
    return [f"{ns} {local}" for ns in MAIN] + [local]


class _SheetReader:
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
            _stream(zf, part, start, end, self.text)
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
