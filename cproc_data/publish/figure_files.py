"""`cproc-data figures`: every registered chart in every format, the status table, manifest.json.

`--only` rewrites only the named charts' files and their manifest entries; the
manifest keeps every other entry as it was.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..derive.status import status_table
from ..derive.treaty_record import resolve_as_of
from ..errors import UserError
from ..figures.registry import charts
from ..figures.sources import treaty_source_line
from ..store.atomic import atomic_write_bytes, atomic_write_text
from .files import FORMATS, SAVE_METADATA, figure_bytes, safe_cell

STATUS_ENTRY = "status"


def _entry(path: Path, chart: str, fmt: str, title: str, alt: str, sources: str, as_of: str, data: bytes) -> dict:
    return {
        "file": path.name,
        "chart": chart,
        "format": fmt,
        "title": title,
        "alt": alt,
        "sources": sources,
        "as_of": as_of,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def write_figures(out, as_of=None, formats=FORMATS, only=None, activity_register=None) -> list[str]:
    """Write the charts (all, or `only` those) and manifest.json; return one line per file.

    `activity_register`: the activities of C-PROC's own register, for the charts drawn from it."""
    out = Path(out)
    day = resolve_as_of(as_of)
    registry = charts(activity_register)
    unknown = [n for n in (only or []) if n not in registry and n != STATUS_ENTRY]
    if unknown:
        raise UserError(f"unknown chart(s) {', '.join(unknown)}; choose from {', '.join([*registry, STATUS_ENTRY])}")
    bad = [f for f in formats if f not in SAVE_METADATA]
    if bad:
        raise UserError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    wanted = set(only) if only else set(registry) | {STATUS_ENTRY}
    lines, entries = [], []
    for name, chart in registry.items():
        if name not in wanted:
            continue
        _frame, fig = chart.figure(day)
        meta = fig.cproc_meta
        for fmt in formats:
            data = figure_bytes(fig, fmt)
            path = out / f"{name}.{fmt}"
            atomic_write_bytes(path, data)
            entries.append(_entry(path, name, fmt, meta["title"], meta["alt"], meta["source"], meta["as_of"], data))
            lines.append(f"wrote {path}")
    if STATUS_ENTRY in wanted:
        table = status_table(day)
        table["name"] = table["name"].map(safe_cell)
        data = table.to_csv(index=False, lineterminator="\n").encode("utf-8")
        path = out / "status.csv"
        atomic_write_bytes(path, data)
        entries.append(
            _entry(
                path,
                STATUS_ENTRY,
                "csv",
                f"Status of every State under the Convention and its Protocols on {day:%-d %B %Y}",
                "Table, one row per State and treaty: status (party, signatory, invited, none) and since when.",
                treaty_source_line(),
                day.isoformat(),
                data,
            )
        )
        lines.append(f"wrote {path}")
    manifest = out / "manifest.json"
    kept = []
    if only and manifest.exists():
        old = json.loads(manifest.read_text(encoding="utf-8"))
        kept = [e for e in old.get("files", []) if e.get("chart") not in wanted]
    order = {n: i for i, n in enumerate([*registry, STATUS_ENTRY])}
    files = sorted(kept + entries, key=lambda e: (order.get(e["chart"], len(order)), e["chart"], e["format"]))
    atomic_write_text(manifest, json.dumps({"as_of": day.isoformat(), "files": files}, indent=2, ensure_ascii=False) + "\n")
    lines.append(f"wrote {manifest}")
    return lines
