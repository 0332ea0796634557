"""`cproc-data figures`: every registered chart in every format, the status table, manifest.json.

`--only` rewrites only the named charts' files and their manifest entries; the
manifest keeps every other entry as it was. `cproc-data report` writes the same files
(plus each chart's data as CSV) from figures it has drawn once (`save_chart`).
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
from .files import FORMATS, SAVE_METADATA, figure_formats, frame_csv, safe_cell

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


def check_request(only, formats, activity_register=None) -> dict:
    """The registry (with the charts of C-PROC's own activity register when one is given), once
    `only` and `formats` are known to name charts and formats (else exit 2)."""
    registry = charts(activity_register)
    unknown = [n for n in (only or []) if n not in registry and n != STATUS_ENTRY]
    if unknown:
        raise UserError(f"unknown chart(s) {', '.join(unknown)}; choose from {', '.join([*registry, STATUS_ENTRY])}")
    bad = [f for f in formats if f not in SAVE_METADATA]
    if bad:
        raise UserError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return registry


def save_chart(out: Path, name: str, fig, formats, frame=None) -> list[dict]:
    """One drawn chart's files (each format, and its data as `<name>.csv` when `frame` is
    given); returns their manifest entries."""
    meta = fig.cproc_meta
    files = {f"{name}.{fmt}": (fmt, data) for fmt, data in figure_formats(fig, formats).items()}
    if frame is not None:
        files[f"{name}.csv"] = ("csv", frame_csv(frame))
    entries = []
    for file, (fmt, data) in files.items():
        atomic_write_bytes(out / file, data)
        entries.append(_entry(out / file, name, fmt, meta["title"], meta["alt"], meta["source"], meta["as_of"], data))
    return entries


def save_status(out: Path, day) -> dict:
    """status.csv: every State's status under each treaty open on `day`; its manifest entry."""
    table = status_table(day)
    table["name"] = table["name"].map(safe_cell)
    data = table.to_csv(index=False, lineterminator="\n").encode("utf-8")
    path = out / "status.csv"
    atomic_write_bytes(path, data)
    return _entry(
        path,
        STATUS_ENTRY,
        "csv",
        f"Status of every State under the Convention and its Protocols on {day:%-d %B %Y}",
        "Table, one row per State and treaty: status (party, signatory, invited, none) and since when.",
        treaty_source_line(),
        day.isoformat(),
        data,
    )


def write_manifest(out: Path, day, entries: list[dict], registry, only=None) -> Path:
    """manifest.json: `entries`, plus (with `only`) every other chart's entries as they were."""
    manifest = out / "manifest.json"
    kept = []
    if only and manifest.exists():
        old = json.loads(manifest.read_text(encoding="utf-8"))
        done = {e["chart"] for e in entries} | set(only)
        kept = [e for e in old.get("files", []) if e.get("chart") not in done]
    order = {n: i for i, n in enumerate([*registry, STATUS_ENTRY])}
    files = sorted(kept + entries, key=lambda e: (order.get(e["chart"], len(order)), e["chart"], e["format"]))
    atomic_write_text(manifest, json.dumps({"as_of": day.isoformat(), "files": files}, indent=2, ensure_ascii=False) + "\n")
    return manifest


def write_figures(out, as_of=None, formats=FORMATS, only=None, activity_register=None) -> list[str]:
    """Write the charts (all, or `only` those) and manifest.json; return one line per file.

    `activity_register`: the activities of C-PROC's own register, for the charts drawn from it."""
    out = Path(out)
    day = resolve_as_of(as_of)
    registry = check_request(only, formats, activity_register)
    wanted = set(only) if only else set(registry) | {STATUS_ENTRY}
    entries = []
    for name, chart in registry.items():
        if name in wanted:
            entries += save_chart(out, name, chart.figure(day)[1], formats)
    if STATUS_ENTRY in wanted:
        entries.append(save_status(out, day))
    manifest = write_manifest(out, day, entries, registry, only)
    return [f"wrote {out / e['file']}" for e in entries] + [f"wrote {manifest}"]
