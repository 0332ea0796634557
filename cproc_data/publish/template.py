"""The empty activity register that C-PROC staff fill in (datasets/templates/activity_log.xlsx)."""

from __future__ import annotations

import io
from pathlib import Path

from ..ingest.activity_register import COLUMNS
from ..store.atomic import atomic_write_bytes
from .files import normalise_xlsx


def write_template(path) -> None:
    """The empty register with its README sheet (deterministic bytes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "activities"
    ws.append([c for c, _, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    readme = wb.create_sheet("README")
    readme.append(["column", "required", "what to write"])
    for c, text, req in COLUMNS:
        readme.append([c, "yes" if req else "no", text])
    readme.append([])
    readme.append(["Fill one row per activity on the 'activities' sheet; keep the header row as it is."])
    readme.append(["Values only: no formulas, no merged cells. Check with: cproc-data check-activities FILE."])
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(Path(path), normalise_xlsx(buf.getvalue()))
