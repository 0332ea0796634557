"""The workbook an editor uses: a README sheet, then one sheet per chart holding only its data.

Each chart sheet is a header row (the field dictionary's label and unit, "Parties, minimum
(States)") and one row per record, nothing under it, so that `pd.read_excel` gives back the
chart's frame: days are Excel dates (yyyy-mm-dd), counts integers, euros numbers with a EUR
format. Titles, key numbers, caveats, sources and the as-of date are on the README sheet.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd

from ..derive.treaty_record import resolve_as_of
from ..errors import UserError
from ..figures.registry import charts
from ..metadata.fields import FIELDS, Field
from ..store.atomic import atomic_write_bytes
from .files import normalise_xlsx, safe_cell

EURO_FORMAT = '#,##0 "EUR"'
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "0072B2"
README = "README"


def field_of(column: str) -> Field:
    """The dictionary's field for a chart frame's column (every column has one; tested)."""
    return FIELDS.get(column) or Field(column, "string", "")


def _cell(v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v) or v == "":
        return None  # an empty cell (a spreadsheet has no empty text)
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime().date() if v == v.normalize() else v.to_pydatetime()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return safe_cell(v)


def _number_format(column: pd.Series, f: Field) -> str | None:
    if pd.api.types.is_datetime64_any_dtype(column):
        return DATE_FORMAT
    if f.unit == "EUR":
        return EURO_FORMAT
    if pd.api.types.is_integer_dtype(column):
        return "0"
    return None


def _header(ws, values) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws.append(values)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)


def _widths(ws, widths) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(w, 10), 60)


def _data_sheet(wb, name: str, frame: pd.DataFrame) -> None:
    ws = wb.create_sheet(name[:31])
    fields = [field_of(c) for c in frame.columns]
    _header(ws, [f.header for f in fields])
    for row in frame.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    for i, (col, f) in enumerate(zip(frame.columns, fields), start=1):
        fmt = _number_format(frame[col], f)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = fmt
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = ws.dimensions
    _widths(ws, [max([len(f.header)] + [len(str(v)) for v in frame[c].head(200)]) + 2 for c, f in zip(frame.columns, fields)])


def _readme(ws, drawn, day) -> None:
    from openpyxl.styles import Alignment, Font

    ws.append(["The numbers behind each chart (cproc-data)"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(["Data as of", day])
    ws["B2"].number_format = DATE_FORMAT
    ws.append(
        [
            "One sheet per chart, holding only its data: a header row (label and unit) and one row per record. "
            "Days are dates, amounts in euros carry a EUR number format. The chart's title, key numbers, caveats "
            "and sources are below; each column's meaning is under 'Columns' (and in docs/data-dictionary.md)."
        ]
    )
    ws.append([])
    _header(ws, ["Sheet", "Figure", "Title", "Key numbers", "Caveats", "Source", "As of"])
    for i, (name, _frame, meta) in enumerate(drawn, start=1):
        ws.append(
            [
                name[:31],
                f"Figure {i}",
                safe_cell(meta["title"]),
                safe_cell("\n".join(meta["key_numbers"])) or None,
                safe_cell(meta["note"]),
                safe_cell(meta["source"]),
                date.fromisoformat(meta["as_of"]),
            ]
        )
        ws.cell(ws.max_row, 7).number_format = DATE_FORMAT
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.append([])
    ws.append(["Columns"])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    _header(ws, ["Sheet", "Column", "Field", "Unit", "Description"])
    for name, frame, _meta in drawn:
        for col in frame.columns:
            f = field_of(col)
            ws.append([name[:31], f.header, col, f.unit, safe_cell(f.description)])
    _widths(ws, [24, 28, 60, 50, 50, 50, 12])


def workbook_bytes(drawn, day) -> bytes:
    """The workbook for `drawn`: (chart name, frame, the figure's `cproc_meta`) in registry order."""
    from openpyxl import Workbook

    wb = Workbook()
    _readme(wb.active, drawn, day)
    wb.active.title = README
    for name, frame, _meta in drawn:
        _data_sheet(wb, name, frame)
    props = wb.properties
    props.title = f"cproc-data: the numbers behind each chart (data as of {day.isoformat()})"
    props.subject = "Convention on Cybercrime (ETS 185), its Protocols and C-PROC: the data behind each chart"
    props.creator = "cproc-data"
    props.keywords = "Budapest Convention; cybercrime; C-PROC; Council of Europe"
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_xlsx(buf.getvalue(), core_date=f"{day.isoformat()}T00:00:00Z")


def check_suffix(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"the workbook is an Excel file: give a name ending in .xlsx, not {path.name!r}")
    return path


def write_tables(out, as_of=None, activity_register=None) -> str:
    """`cproc-data tables`: the workbook alone (.xlsx only), each chart drawn for its README line;
    with `activity_register`, the charts drawn from C-PROC's own register too."""
    path = check_suffix(Path(out))
    day = resolve_as_of(as_of)
    drawn = []
    for name, chart in charts(activity_register).items():
        frame, fig = chart.figure(day)
        drawn.append((name, frame, fig.cproc_meta))
    atomic_write_bytes(path, workbook_bytes(drawn, day))
    return f"wrote {path}"
