"""Raw snapshots: what each source says, as written, with its origin record.

Layout (immutable once committed; a new reading of a source is a new snapshot):
    datasets/raw/sources.csv                   one origin record per snapshot (with its SHA-256)
    datasets/raw/treaty_facts/<source_id>.csv  the facts read in that snapshot
"""

from __future__ import annotations

import hashlib

import pandas as pd

from ..domain.dates import parse_as_written
from ..errors import DataError, DataProblem
from ..load import cached, read_csv_text
from ..metadata import TABLES
from ..metadata.schema import check_frame, typed
from ..paths import raw_dir

SOURCES_FILE = TABLES["sources"].label


def snapshot_label(source_id: str) -> str:
    return f"datasets/raw/treaty_facts/{source_id}.csv"


def check_raw() -> tuple[pd.DataFrame, pd.DataFrame, list[DataProblem]]:
    """Read sources and every facts file; return text frames and all problems found.

    Facts frames get `_file` and `_row` columns so later checks can point at the line.
    Rules beyond the schema: a facts file holds one snapshot (source_id = file name);
    every snapshot has an origin record whose SHA-256 matches the file, and every origin
    record has its snapshot; `date` equals `date_as_written` read with the source's
    declared date format.
    """
    problems: list[DataProblem] = []
    sources = read_csv_text(raw_dir() / "sources.csv")
    problems += check_frame(sources, TABLES["sources"], SOURCES_FILE)
    origin = {r["source_id"]: (i + 2, r) for i, r in enumerate(sources.to_dict("records"))} if "source_id" in sources else {}
    frames = []
    files = sorted((raw_dir() / "treaty_facts").glob("*.csv"))
    for path in files:
        label = snapshot_label(path.stem)
        data = path.read_bytes()
        df = read_csv_text(path)
        problems += check_frame(df, TABLES["treaty_facts"], label)
        if "source_id" not in df.columns:
            continue
        df["_file"], df["_row"] = label, range(2, len(df) + 2)
        for row, sid in zip(df["_row"], df["source_id"]):
            if sid != path.stem:
                problems.append(
                    DataProblem(label, row, "source_id", sid, f"origin: a snapshot file holds one source: expected {path.stem!r}")
                )
        if path.stem not in origin:
            problems.append(DataProblem(label, None, None, path.stem, f"origin: no origin record in {SOURCES_FILE}"))
            frames.append(df)
            continue
        line, rec = origin[path.stem]
        digest = hashlib.sha256(data).hexdigest()
        if rec.get("sha256") and rec["sha256"] != digest:
            problems.append(
                DataProblem(
                    SOURCES_FILE,
                    line,
                    "sha256",
                    rec["sha256"],
                    f"checksum: {label} has SHA-256 {digest}; raw snapshots are immutable (a new reading is a new snapshot)",
                )
            )
        fmt = rec.get("date_format")
        if fmt and {"date", "date_as_written"} <= set(df.columns):
            for row, written, iso in zip(df["_row"], df["date_as_written"], df["date"]):
                if not iso:
                    continue
                try:
                    parsed = parse_as_written(written, fmt).isoformat()
                except ValueError as exc:
                    problems.append(
                        DataProblem(
                            label,
                            row,
                            "date_as_written",
                            written,
                            f"date-format: does not parse with the source's date format {fmt!r} ({exc})",
                        )
                    )
                    continue
                if parsed != iso:
                    problems.append(
                        DataProblem(
                            label,
                            row,
                            "date",
                            iso,
                            f"date-format: differs from date_as_written {written!r} read as {fmt!r} ({parsed})",
                        )
                    )
        frames.append(df)
    present = {p.stem for p in files}
    for sid, (line, _rec) in origin.items():
        if sid not in present:
            problems.append(DataProblem(SOURCES_FILE, line, "source_id", sid, f"origin: no snapshot file {snapshot_label(sid)}"))
    cols = TABLES["treaty_facts"].columns + ["_file", "_row"]
    facts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    return sources, facts, problems


@cached
def _raw() -> tuple[pd.DataFrame, pd.DataFrame]:
    sources, facts, problems = check_raw()
    if problems:
        raise DataError(problems)
    return typed(sources, TABLES["sources"]), typed(facts[TABLES["treaty_facts"].columns], TABLES["treaty_facts"])


def raw_sources() -> pd.DataFrame:
    """Origin records of all raw snapshots (title, producer, URL, status-as-of, accessed, SHA-256)."""
    return _raw()[0].copy()


def raw_treaty_facts() -> pd.DataFrame:
    """Every transcribed fact, as written, one row per source, State, treaty and event."""
    return _raw()[1].copy()


def undated_facts() -> pd.DataFrame:
    """Raw facts that give no full date: what the record is still missing."""
    facts = raw_treaty_facts()
    return facts.loc[facts["date"].isna()].reset_index(drop=True)
