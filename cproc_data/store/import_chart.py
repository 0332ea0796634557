"""`cproc-data import-chart --write`: a checked chart becomes a raw snapshot, as one transaction.

Steps, under the datasets lock:
  1. finish any import cut short before (`recover`): its journal says what was moved, and
     every moved file is put back, so the record is the old one again;
  2. stage the snapshot, the new sources.csv and the rebuilt treaty_events.csv in a hidden
     folder inside datasets/ (same file system: the moves are atomic renames);
  3. check the rebuilt record with every rule of `cproc-data validate`, on a private copy;
  4. keep copies of the files about to be replaced, write the journal, move the files,
     delete the staging folder (and with it the journal).
A failure or a kill at any point leaves either the old record (now or after `recover`)
or the new one; never a mix.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

from ..domain.checks import check_events
from ..domain.countries import short_name
from ..domain.deposits import deposit_kind
from ..domain.membership import is_member
from ..errors import DataError, DataProblem
from ..ingest.chart_file import ChartImport
from ..load import invalidate, read_csv_text, table
from ..paths import datasets_dir
from .atomic import datasets_lock
from .journal import JOURNAL, STAGING_PREFIX, recover
from .treaty_events import build_treaty_events, events_csv


def import_events(imp: ChartImport) -> pd.DataFrame:
    """The facts as events (treaty, iso3, event, date, state_as_written, line)."""
    coe = table("coe_membership")
    rows = []
    for r in imp.facts.itertuples():
        if r.signature:
            rows.append((imp.treaty, r.iso3, "signature", r.signature, r.state_as_written, r.line))
        if r.deposit:
            kind = deposit_kind(bool(r.signature), r.notes, is_member(r.iso3, coe, r.deposit))
            rows.append((imp.treaty, r.iso3, kind, r.deposit, r.state_as_written, r.line))
        if r.entry_into_force:
            rows.append((imp.treaty, r.iso3, "entry_into_force", r.entry_into_force, r.state_as_written, r.line))
    return pd.DataFrame(rows, columns=["treaty", "iso3", "event", "date", "state_as_written", "line"])


def diff(imp: ChartImport) -> pd.DataFrame:
    """What the chart would change against the shipped record for its treaty.

    change: added_state (State not in the record), added (new event for a known State),
    dated (a day for an event the record only bounds), changed (another date than the
    record's), gone (a State of the record not in the file). Invitations are not part of a
    chart and are never reported as gone.
    """
    shipped = table("treaty_events")
    shipped = shipped[(shipped["treaty"] == imp.treaty) & ~shipped["event"].isin(["invitation", "invitation_extension"])]
    new = import_events(imp)
    known_states = set(shipped["iso3"])
    rows = []
    old = {(r.iso3, r.event): r.earliest.date() if r.precision == "day" else None for r in shipped.itertuples()}
    for r in new.itertuples():
        before = old.get((r.iso3, r.event))
        if before is None:
            change = "dated" if (r.iso3, r.event) in old else "added" if r.iso3 in known_states else "added_state"
        elif before != r.date:
            change = "changed"
        else:
            continue
        rows.append({"change": change, "iso3": r.iso3, "event": r.event, "record": before, "chart": r.date, "line": r.line})
    for iso3 in sorted(known_states - set(new["iso3"]) - set(imp.facts["iso3"])):
        rows.append({"change": "gone", "iso3": iso3, "event": "", "record": None, "chart": None, "line": None})
    df = pd.DataFrame(rows, columns=["change", "iso3", "event", "record", "chart", "line"])
    df.insert(2, "name", df["iso3"].map(short_name))
    return df


def snapshot_id(imp: ChartImport, data: bytes, as_of: date) -> str:
    return f"import-{imp.treaty.lower()}-{as_of.isoformat()}-{hashlib.sha256(data).hexdigest()[:8]}"


def _trial_check(root: Path, staging: Path, staged: dict[str, Path], today: date) -> tuple[pd.DataFrame, list[DataProblem]]:
    """Build and check the record as it would be, on a private copy of datasets/ inside the
    staging folder (so that a kill leaves nothing behind that `recover` does not remove)."""
    trial = staging / "trial"
    old_env = os.environ.get("CPROC_DATA_DATASETS")
    try:
        shutil.copytree(root, trial / "datasets", ignore=shutil.ignore_patterns(STAGING_PREFIX + "*"))
        for rel, src in staged.items():
            shutil.copy(src, trial / "datasets" / rel)
        os.environ["CPROC_DATA_DATASETS"] = str(trial / "datasets")
        invalidate()
        built, problems = build_treaty_events()
        if not problems:
            problems = check_events(built, read_csv_text(trial / "datasets" / "curated" / "coe_membership.csv"), today)
        return built, problems
    finally:
        if old_env is None:
            os.environ.pop("CPROC_DATA_DATASETS", None)
        else:
            os.environ["CPROC_DATA_DATASETS"] = old_env
        shutil.rmtree(trial, ignore_errors=True)
        invalidate()


def write_import(path, imp: ChartImport, as_of: date, today: date | None = None) -> list[str]:
    """Add the chart as a raw snapshot and rebuild the record, all or nothing (see module docstring)."""
    today = today or date.today()
    root = datasets_dir()
    data = Path(path).read_bytes()
    sid = snapshot_id(imp, data, as_of)
    rel_snapshot = f"raw/treaty_facts/{sid}.csv"
    with datasets_lock(root):
        lines = recover(root)
        if (root / rel_snapshot).exists():
            raise DataError([DataProblem(imp.file, None, None, sid, "this file was imported already (same content and date)")])
        events = import_events(imp)
        snap = pd.DataFrame(
            {
                "source_id": sid,
                "treaty": events["treaty"],
                "state_as_written": events["state_as_written"],
                "event": events["event"],
                "date_as_written": [d.isoformat() for d in events["date"]],
                "date": [d.isoformat() for d in events["date"]],
                "note": f"imported from {imp.file}",
            }
        )
        snap_text = snap.to_csv(index=False, lineterminator="\n")
        sources = read_csv_text(root / "raw" / "sources.csv")
        origin = {
            "source_id": sid,
            "url": f"file:{imp.file}",
            "title": f"Chart of signatures and ratifications of {imp.treaty} (imported file {imp.file})",
            "producer": "Council of Europe Treaty Office (as pasted by a user)",
            "status_as_of": as_of.isoformat(),
            "date_format": "yyyy-mm-dd",
            "accessed": today.isoformat(),
            "source_kind": "treaty_office_chart",
            "sha256": hashlib.sha256(snap_text.encode("utf-8")).hexdigest(),
            "note": f"imported with cproc-data import-chart; the imported file's SHA-256 is {hashlib.sha256(data).hexdigest()}",
        }
        sources = pd.concat([sources, pd.DataFrame([origin])], ignore_index=True).sort_values("source_id", kind="stable")
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            staged = {rel_snapshot: staging / "snapshot.csv", "raw/sources.csv": staging / "sources.csv"}
            staged[rel_snapshot].write_text(snap_text, encoding="utf-8")
            staged["raw/sources.csv"].write_text(sources.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
            built, problems = _trial_check(root, staging, staged, today)
            if problems:
                raise DataError(problems)
            staged["core/treaty_events.csv"] = staging / "treaty_events.csv"
            staged["core/treaty_events.csv"].write_text(events_csv(built), encoding="utf-8")
            for rel in staged:
                if (root / rel).exists():
                    keep = staging / "originals" / rel
                    keep.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(root / rel, keep)
            moves = [{"dst": rel} for rel in staged]
            (staging / JOURNAL).write_text(json.dumps(moves), encoding="utf-8")
            for rel, src in staged.items():
                os.replace(src, root / rel)
                lines.append(f"wrote datasets/{rel}")
            (staging / JOURNAL).unlink()
        except BaseException:
            recover(root)
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            invalidate()
    return lines
