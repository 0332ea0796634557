"""`cproc-data tables`: the data behind each chart, one sheet per chart, in one workbook."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..derive.treaty_record import resolve_as_of
from ..errors import UserError
from ..figures.registry import charts
from ..store.atomic import atomic_write_bytes
from .files import normalise_xlsx, safe_cell


def _cell(v):
    if isinstance(v, pd.Timestamp):
        return v.date()
    if v is pd.NA or (isinstance(v, float) and v != v) or v is pd.NaT:
        return None
    if hasattr(v, "item"):
        return v.item()
    return safe_cell(v)


def write_tables(out, as_of=None, activity_register=None) -> str:
    """Write the workbook to `out` (.xlsx only); one sheet per registered chart, source line beneath."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"the workbook is an Excel file: give a name ending in .xlsx, not {path.name!r}")
    day = resolve_as_of(as_of)
    wb = Workbook()
    wb.remove(wb.active)
    header_fill = PatternFill("solid", fgColor="0072B2")
    for name, chart in charts(activity_register).items():
        df = chart.frame(day)
        ws = wb.create_sheet(name[:31])
        ws.append(list(df.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = Alignment(horizontal="center")
        for row in df.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        ws.append([])
        ws.append([f"Source: {chart.sources(df)}"])
        ws.append([f"Data as of {day.isoformat()}. cproc-data."])
        ws.freeze_panes = "A2"
        for i, col in enumerate(df.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in df.iloc[:, i - 1].head(500)]) + 2
            ws.column_dimensions[get_column_letter(i)].width = min(max(width, 10), 60)
            if str(df.dtypes.iloc[i - 1]).startswith("datetime"):
                for cell in ws[get_column_letter(i)][1 : len(df) + 1]:
                    cell.number_format = "yyyy-mm-dd"
    wb.properties.creator = "cproc-data"
    wb.properties.title = f"cproc-data: the numbers behind each chart (data as of {day.isoformat()})"
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(path, normalise_xlsx(buf.getvalue()))
    return f"wrote {path}"
