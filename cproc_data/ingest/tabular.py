"""A user's table file (CSV or XLSX) as a `Grid` of the cells that hold a value, within the limits.

`read_grid` is the one entry point for both readers of user files: `sniff` says what the
file is (and refuses anything else), XLSX goes to `xlsx_stream`, text is read here. CSV
as people save it is read: a UTF-8 byte-order mark, UTF-16 ("Unicode Text"), commas,
semicolons (Excel's "CSV UTF-8" in a French or German locale) or tabs, and any line
ending (CR alone from Excel for Mac). NUL characters, a cell over Excel's 32,767
characters and rows or columns beyond the limits are refused with the row.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from ..errors import DataProblem
from .grid import Grid, column_letter
from .sniff import LIMITS, Limits, sniff
from .xlsx_stream import read_xlsx

DELIMITERS = (",", ";", "\t")


def read_grid(path, label: str, sheet: str | None = None, limits: Limits = LIMITS) -> Grid:
    """The cells of a CSV file or of one XLSX sheet; problems (never exceptions) for the rest."""
    kind, data, problems = sniff(Path(path), label, limits)
    if kind is None:
        return Grid(problems=problems)
    grid = read_xlsx(data, label, sheet, limits) if kind == "xlsx" else read_text(data, label, limits)
    grid.sha256 = hashlib.sha256(data).hexdigest()
    return grid


def decode(data: bytes, label: str) -> tuple[str | None, DataProblem | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, DataProblem(label, None, None, None, "damaged UTF-16 text: save the file as CSV UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark is harmless: drop it
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        value = f"byte 0x{data[exc.start]:02x}"
        return None, DataProblem(label, line, None, value, "not UTF-8 text: save the file as CSV UTF-8")


def delimiter(text: str) -> str:
    """The separator of the first non-blank line: comma, semicolon or tab (most frequent)."""
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_text(data: bytes, label: str, limits: Limits = LIMITS) -> Grid:
    grid = Grid()
    text, problem = decode(data, label)
    if problem is not None or text is None:
        grid.problems.append(problem or DataProblem(label, None, None, None, "unreadable text"))
        return grid
    nul = text.find("\x00")
    if nul >= 0:
        line = len(text[:nul].splitlines()) or 1
        grid.problems.append(
            DataProblem(
                label,
                line,
                None,
                None,
                "a NUL character: the file is damaged or not plain text (save it from Excel as CSV UTF-8)",
            )
        )
        return grid
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    old = csv.field_size_limit(limits.cell_chars)
    beyond, first_beyond = 0, ""
    n = cells = 0
    try:
        for n, record in enumerate(reader, start=1):
            cells += len(record)
            if cells > limits.cells:
                grid.problems.append(
                    DataProblem(
                        label,
                        n,
                        None,
                        None,
                        f"more than {limits.cells:,} cells in the file: a chart or a register is far smaller",
                    )
                )
                return grid
            if n > limits.rows:
                grid.problems.append(
                    DataProblem(
                        label,
                        None,
                        None,
                        None,
                        f"more than {limits.rows:,} rows: a chart has a few hundred, a register a few thousand",
                    )
                )
                return grid
            values = [c if c.strip() else None for c in record]
            while values and values[-1] is None:
                values.pop()
            if len(values) > limits.columns:
                beyond += 1
                first_beyond = first_beyond or f"{column_letter(len(values))}{n}"
                values = values[: limits.columns]
            if values:
                grid.rows.append((n, values))
    except csv.Error as exc:
        rule = (
            f"a cell longer than {limits.cell_chars:,} characters (Excel's own limit), or a quote never closed"
            if "field larger" in str(exc)
            else f"not readable as CSV ({exc})"
        )
        grid.problems.append(DataProblem(label, n + 1, None, None, rule))
    finally:
        csv.field_size_limit(old)
    if beyond:
        grid.problems.append(
            DataProblem(
                label,
                None,
                None,
                first_beyond,
                f"{beyond:,} row(s) hold values beyond column {column_letter(limits.columns)} (the limit is "
                f"{limits.columns} columns): delete them",
            )
        )
    return grid
