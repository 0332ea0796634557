"""One export helper: deterministic SVG/PDF/PNG, manifest.json, and the Excel workbook.

Determinism (two runs give the same bytes): SVG with a fixed `svg.hashsalt` and no date;
PDF without creation/modification dates; PNG without the software tag; XLSX re-zipped
with fixed member dates and fixed document properties (see `normalise_xlsx`).
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from .io import atomic_write_bytes, atomic_write_text

SAVE_METADATA = {
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    "png": {"Software": None},
}
FORMATS = tuple(SAVE_METADATA)
FIXED_ZIP_DATE = (2001, 11, 23, 0, 0, 0)  # the Convention's opening day: a fixed, meaningful stamp
FIXED_CORE_DATE = "2001-11-23T00:00:00Z"


@dataclass(frozen=True)
class Chart:
    name: str
    data: Callable  # as_of -> DataFrame (the numbers behind the chart)
    draw: Callable  # (DataFrame, as_of, note=...) -> Figure
    sources: str
    note: Callable | None = None  # as_of -> qualifier printed under the chart (or None)

    def figure(self, as_of):
        data = self.data(as_of)
        note = self.note(as_of) if self.note else None
        return data, self.draw(data, as_of, note=note)


def registry() -> dict[str, Chart]:
    from . import chart_data, charts

    n185 = chart_data.membership_note
    items = [
        Chart("membership", chart_data.membership, charts.membership, charts.TREATY_SOURCE, n185),
        Chart("regions", chart_data.regions, charts.regions, charts.TREATY_SOURCE, n185),
        Chart("invitation_to_accession", chart_data.invitation_to_accession, charts.invitation_to_accession,
              charts.TREATY_SOURCE, chart_data.invitation_note),
        Chart("protocols", chart_data.protocols, charts.protocols, charts.TREATY_SOURCE, chart_data.protocols_note),
        Chart("legislation", chart_data.legislation, charts.legislation, charts.REGISTER_SOURCE),
        Chart("activities", chart_data.activities, charts.activities, charts.REGISTER_SOURCE),
        Chart("projects", chart_data.projects, charts.projects, charts.PROJECT_SOURCE, chart_data.projects_note),
        Chart("portfolio", chart_data.portfolio, charts.portfolio, charts.PROJECT_SOURCE),
        Chart("reconciliation", chart_data.reconciliation, charts.reconciliation,
              charts.REGISTER_SOURCE + "; " + charts.TREATY_SOURCE, n185),
        Chart("world_map", chart_data.world_map, charts.world_map, charts.MAP_SOURCE, n185),
    ]
    return {c.name: c for c in items}


def figure_bytes(fig, fmt: str) -> bytes:
    import matplotlib

    if fmt not in SAVE_METADATA:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "cproc-data"}):
        fig.savefig(buf, format=fmt, metadata=SAVE_METADATA[fmt])
    return buf.getvalue()


def _as_of(as_of) -> date:
    if as_of is None:
        from .record import data_as_of

        return data_as_of()
    return as_of


def write_figures(out, as_of=None, formats=FORMATS, only=None) -> list[str]:
    """Write every chart in every format and `manifest.json`; return one line per file."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed
    import matplotlib.pyplot as plt

    out = Path(out)
    as_of = _as_of(as_of)
    charts = registry()
    unknown = [n for n in (only or []) if n not in charts and n != "status"]
    if unknown:
        from .cli import UserError

        raise UserError(f"unknown chart(s) {', '.join(unknown)}; choose from {', '.join(charts)}")
    bad = [f for f in formats if f not in SAVE_METADATA]
    if bad:
        from .cli import UserError

        raise UserError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    lines, entries = [], []
    for name, chart in charts.items():
        if only and name not in only:
            continue
        _data, fig = chart.figure(as_of)
        meta = fig.cproc_meta
        for fmt in formats:
            data = figure_bytes(fig, fmt)
            path = out / f"{name}.{fmt}"
            atomic_write_bytes(path, data)
            entries.append({
                "file": path.name, "chart": name, "format": fmt, "title": meta["title"],
                "alt": meta["alt"], "sources": chart.sources, "as_of": meta["as_of"],
                "sha256": hashlib.sha256(data).hexdigest(),
            })
            lines.append(f"wrote {path}")
        plt.close(fig)
    if not only or "status" in only:
        data = status_table(as_of).to_csv(index=False, lineterminator="\n").encode("utf-8")
        path = out / "status.csv"
        atomic_write_bytes(path, data)
        entries.append({
            "file": path.name, "chart": "status", "format": "csv",
            "title": f"Status of every State under the Convention and its Protocols on {as_of:%-d %B %Y}",
            "alt": "Table, one row per State and treaty: status (party, signatory, invited, none) and since when.",
            "sources": TREATY_SOURCE_TEXT, "as_of": as_of.isoformat(), "sha256": hashlib.sha256(data).hexdigest(),
        })
        lines.append(f"wrote {path}")
    manifest = out / "manifest.json"
    atomic_write_text(manifest, json.dumps({"as_of": as_of.isoformat(), "files": entries}, indent=2, ensure_ascii=False) + "\n")
    lines.append(f"wrote {manifest}")
    return lines


TREATY_SOURCE_TEXT = "Council of Europe Treaty Office; national treaty databases; Council of Europe news (datasets/raw/sources.csv)"


def status_table(as_of):
    """Per-State status under all three treaties at `as_of` (rows with a status only)."""
    import pandas as pd

    from .engine import status
    from .treaties import TREATIES

    frames = []
    for code, t in TREATIES.items():
        if as_of < t.opened:
            continue
        s = status(as_of, code, all_states=False)
        frames.append(s)
    df = pd.concat(frames, ignore_index=True)
    df["as_of"] = df["as_of"].dt.strftime("%Y-%m-%d")
    df["since"] = df["since"].dt.strftime("%Y-%m-%d")
    df["status"] = df["status"].astype(str)
    df["name"] = df["name"].map(safe_cell)
    return df


def normalise_xlsx(data: bytes) -> bytes:
    """Same workbook, fixed timestamps: core.xml dates and every zip member's date."""
    import re

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rf"\g<1>{FIXED_CORE_DATE}\g<2>", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{FIXED_CORE_DATE}\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def write_tables(out, as_of=None) -> str:
    """The data behind each chart, one sheet per chart, source line beneath."""
    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    as_of = _as_of(as_of)
    wb = Workbook()
    wb.remove(wb.active)
    header_fill = PatternFill("solid", fgColor="0072B2")
    for name, chart in registry().items():
        df = chart.data(as_of)
        ws = wb.create_sheet(name[:31])
        ws.append(list(df.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = Alignment(horizontal="center")
        for row in df.itertuples(index=False):
            vals = []
            for v in row:
                if isinstance(v, pd.Timestamp):
                    v = v.date()
                elif v is pd.NA or (isinstance(v, float) and v != v):
                    v = None
                elif hasattr(v, "item"):
                    v = v.item()
                vals.append(safe_cell(v))
            ws.append(vals)
        ws.append([])
        ws.append([f"Source: {chart.sources}"])
        ws.append([f"Data as of {as_of.isoformat()}. cproc-data."])
        ws.freeze_panes = "A2"
        for i, col in enumerate(df.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in df.iloc[:, i - 1].head(500)]) + 2
            ws.column_dimensions[get_column_letter(i)].width = min(max(width, 10), 60)
            if str(df.dtypes.iloc[i - 1]).startswith("datetime"):
                for cell in ws[get_column_letter(i)][1:len(df) + 1]:
                    cell.number_format = "yyyy-mm-dd"
    wb.properties.creator = "cproc-data"
    buf = io.BytesIO()
    wb.save(buf)
    path = Path(out)
    atomic_write_bytes(path, normalise_xlsx(buf.getvalue()))
    return f"wrote {path}"
