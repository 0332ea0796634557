"""`cproc-data report`: the whole annex in one command, every chart drawn once.

Into one folder: each chart as SVG, PDF and PNG and its data as CSV, the status table,
manifest.json, annex.pdf, index.html and the workbook. Drawing is the expensive part, so
each chart's Figure is drawn once, laid out once (on its first save) and every file is
saved from it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..derive.treaty_record import resolve_as_of
from ..figures.registry import charts
from ..store.atomic import atomic_write_bytes, atomic_write_text
from .annex import annex_pdf
from .figure_files import save_chart, save_status, write_manifest
from .files import FORMATS
from .html_index import index_html
from .workbook import workbook_bytes

WORKBOOK = "cproc-data-tables.xlsx"
ANNEX = "annex.pdf"
INDEX = "index.html"


def draw_all(day, activity_register=None) -> list[tuple[str, pd.DataFrame, object]]:
    """(name, frame, Figure) of every registered chart at `day`, in registry (figure) order,
    with the charts of C-PROC's own activity register when one is given."""
    return [(name, *chart.figure(day)) for name, chart in charts(activity_register).items()]


def save_report(out: Path, day, drawn) -> list[str]:
    """Every file of the annex from the charts `draw_all` drew; one line per file."""
    entries = []
    for name, frame, fig in drawn:
        entries += save_chart(out, name, fig, FORMATS, frame)
    entries.append(save_status(out, day))
    manifest = write_manifest(out, day, entries, [name for name, _f, _g in drawn])
    atomic_write_bytes(out / ANNEX, annex_pdf([fig for _n, _f, fig in drawn], day, laid_out=True))
    atomic_write_bytes(out / WORKBOOK, workbook_bytes([(n, frame, fig.cproc_meta) for n, frame, fig in drawn], day))
    pages = [(name, fig.cproc_meta, tuple(fig.get_size_inches())) for name, _f, fig in drawn]
    atomic_write_text(out / INDEX, index_html(pages, day, WORKBOOK, ANNEX))
    return [f"wrote {out / e['file']}" for e in entries] + [f"wrote {out / f}" for f in (manifest.name, ANNEX, WORKBOOK, INDEX)]


def write_report(out, as_of=None, activity_register=None) -> list[str]:
    """`cproc-data report`: write every file of the annex into `out`; one line per file."""
    day = resolve_as_of(as_of)
    return save_report(Path(out), day, draw_all(day, activity_register))
