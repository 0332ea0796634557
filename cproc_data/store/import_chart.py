"""`cproc-data import-chart --write`: a checked chart becomes a raw snapshot, as one transaction.

Steps, under the datasets lock:
  1. finish any import cut short before (`recover`): its journal says what was moved, and
     every moved file is put back, so the record is the old one again;
  2. build the snapshot, the new sources.csv and the rebuilt treaty_events.csv in memory
     and check the record they make with every rule of `cproc-data validate` (`trial`,
     which the dry run runs too; its problems point at the user's file, row and column);
  3. stage the files in a hidden folder inside datasets/ (same file system: the moves are
     atomic renames), keep copies of the files about to be replaced, write the journal,
     move the files, delete the staging folder (and with it the journal).
A failure or a kill at any point leaves either the old record (now or after `recover`)
or the new one; never a mix.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ..domain.checks import check_events
from ..domain.countries import short_name
from ..domain.deposits import deposit_kind
from ..domain.membership import is_member
from ..domain.treaties import TREATIES
from ..errors import DataError, DataProblem
from ..ingest.chart_file import ChartImport
from ..ingest.snapshots import snapshot_label
from ..load import invalidate, read_csv_text, table
from ..paths import datasets_dir
from .atomic import datasets_lock
from .journal import JOURNAL, STAGING_PREFIX, recover
from .record_bounds import EVENTS_FILE
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


def checked_as_of(imp: ChartImport | None, treaty: str, as_of: date | None, default: date, today: date | None = None) -> date:
    """The chart's status date: `as_of`, or `default` (the record's as-of date). A ValueError
    if it is before the treaty opened, in the future, or (once the chart is read) before the
    newest date in the chart."""
    today = today or date.today()
    day = as_of or default
    opened = TREATIES[treaty].opened
    if day < opened:
        raise ValueError(f"--as-of {day} is before {treaty} was opened for signature ({opened})")
    if day > today:
        raise ValueError(f"--as-of {day} is in the future: a chart's status date is a day that has passed")
    newest = imp.newest() if imp is not None else None
    if newest is not None and day < newest:
        given = f"--as-of {day}" if as_of else f"the record's as-of date ({day}, used without --as-of)"
        raise ValueError(f"{given} is before the newest date in the chart ({newest}): give the chart's status date with --as-of")
    return day


def snapshot_id(imp: ChartImport, as_of: date) -> str:
    return f"import-{imp.treaty.lower()}-{as_of.isoformat()}-{imp.sha256[:8]}"


EVENT_COLUMN = {"signature": "Signature", "ratification": "Ratification", "accession": "Ratification"}
EVENT_COLUMN |= {"deposit": "Ratification", "entry_into_force": "Entry into force"}


@dataclass
class Trial:
    """What an import would write (path under datasets/ -> content) and every problem the
    record would then have, each pointed at the user's file where it comes from a row of it."""

    sid: str
    files: dict[str, bytes]
    problems: list[DataProblem]


def trial(imp: ChartImport, as_of: date, today: date | None = None) -> Trial:
    """Build and check the record as it would be after the import, in memory: the dry run
    and `--write` run exactly these checks (every rule of `cproc-data validate`)."""
    today = today or date.today()
    root = datasets_dir()
    sid = snapshot_id(imp, as_of)
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
        "note": f"imported with cproc-data import-chart; the imported file's SHA-256 is {imp.sha256}",
    }
    sources = read_csv_text(root / "raw" / "sources.csv")
    sources = sources[sources["source_id"] != sid]
    sources = pd.concat([sources, pd.DataFrame([origin])], ignore_index=True).sort_values("source_id", kind="stable")
    files = {
        f"raw/treaty_facts/{sid}.csv": snap_text.encode("utf-8"),
        "raw/sources.csv": sources.to_csv(index=False, lineterminator="\n").encode("utf-8"),
    }
    built, problems = build_treaty_events(files)
    if not problems:
        problems = check_events(built, read_csv_text(root / "curated" / "coe_membership.csv"), today)
    if not problems:
        files["core/treaty_events.csv"] = events_csv(built).encode("utf-8")
    return Trial(sid, files, on_user_file(problems, imp, sid, events, built))


def on_user_file(problems, imp: ChartImport, sid: str, events: pd.DataFrame, built: pd.DataFrame) -> list[DataProblem]:
    """Problems of the record as rebuilt, pointed at the user's file, row and column when they
    concern an event of the chart (the snapshot an import makes exists only in memory)."""
    by_key = {(r.iso3, r.event): r for r in events.itertuples()}
    snapshot = snapshot_label(sid)
    out = []
    for p in problems:
        subject = p.subject
        if p.file == snapshot and p.row is not None and 0 <= p.row - 2 < len(events):
            r = events.iloc[p.row - 2]
            subject = (r["treaty"], r["iso3"], r["event"])
        elif p.file == EVENTS_FILE and p.row is not None and 0 <= p.row - 2 < len(built):
            r = built.iloc[p.row - 2]
            subject = (r["treaty"], r["iso3"], r["event"]) if sid in str(r.get("source", "")) else None
        ev = None
        if subject is not None and subject[0] == imp.treaty:
            kinds = ("ratification", "accession") if subject[2] == "deposit" else (subject[2],)
            ev = next((by_key[(subject[1], k)] for k in kinds if (subject[1], k) in by_key), None)
        rule = p.rule.replace(sid, "this chart")
        if ev is None:
            file = p.file + (" (as rebuilt with this chart)" if p.file == EVENTS_FILE else "")
            out.append(DataProblem(file, p.row, p.column, p.value, rule, hint=p.hint))
        else:
            out.append(DataProblem(imp.file, int(ev.line), EVENT_COLUMN[ev.event], ev.date.isoformat(), rule, sheet=imp.sheet))
    return out


def write_import(imp: ChartImport, as_of: date, today: date | None = None) -> list[str]:
    """Add the chart as a raw snapshot and rebuild the record, all or nothing (see module docstring)."""
    root = datasets_dir()
    with datasets_lock(root):
        lines = recover(root)
        sid = snapshot_id(imp, as_of)
        if (root / "raw" / "treaty_facts" / f"{sid}.csv").exists():
            raise DataError([DataProblem(imp.file, None, None, sid, "this file was imported already (same content and date)")])
        t = trial(imp, as_of, today)
        if t.problems:
            raise DataError(t.problems)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            staged = {}
            for i, (rel, content) in enumerate(t.files.items()):
                staged[rel] = staging / f"{i}.new"
                staged[rel].write_bytes(content)
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
