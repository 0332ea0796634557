"""Raw snapshots: what each source says, as written, with its origin record.

Layout (immutable once committed; a new reading of a source is a new snapshot):
    datasets/raw/sources.csv                   one origin record per snapshot (with its SHA-256)
    datasets/raw/treaty_facts/<source_id>.csv  the facts read in that snapshot
"""

from __future__ import annotations

import hashlib
import io

import pandas as pd

from ..domain.dates import parse_partial, parse_stated
from ..errors import DataError, DataProblem
from ..load import cached, read_csv_text
from ..metadata import TABLES
from ..metadata.schema import check_frame, typed, with_optional
from ..paths import raw_dir

SOURCES_FILE = TABLES["sources"].label


def checksum_problems(origin_file: str, line: int, recorded: str | None, data: bytes, label: str) -> list[DataProblem]:
    """A problem if a raw snapshot's bytes no longer match the SHA-256 its origin record holds."""
    digest = hashlib.sha256(data).hexdigest()
    if not recorded or recorded == digest:
        return []
    rule = f"checksum: {label} has SHA-256 {digest}; raw snapshots are immutable (a new reading is a new snapshot)"
    return [DataProblem(origin_file, line, "sha256", recorded, rule)]


def snapshot_label(source_id: str) -> str:
    return f"datasets/raw/treaty_facts/{source_id}.csv"


def check_raw(staged: dict[str, bytes] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list[DataProblem]]:
    """Read sources and every facts file; return text frames and all problems found.

    `staged` (path under datasets/ -> content) replaces or adds files without writing them:
    an import checks the record as it would be, in memory.

    Facts frames get `_file` and `_row` columns so later checks can point at the line.
    Rules beyond the schema: a facts file holds one snapshot (source_id = file name);
    every snapshot has an origin record whose SHA-256 matches the file, and every origin
    record has its snapshot; `date` equals `date_as_written` read with the source's
    declared date format.
    """
    problems: list[DataProblem] = []
    staged = staged or {}
    if "raw/sources.csv" in staged:
        sources = read_csv_text(io.BytesIO(staged["raw/sources.csv"]))
    else:
        sources = read_csv_text(raw_dir() / "sources.csv")
    problems += check_frame(sources, TABLES["sources"], SOURCES_FILE)
    origin = {r["source_id"]: (i + 2, r) for i, r in enumerate(sources.to_dict("records"))} if "source_id" in sources else {}
    frames = []
    files = {p.stem: p for p in (raw_dir() / "treaty_facts").glob("*.csv")}
    extra = {
        rel[len("raw/treaty_facts/") : -len(".csv")]: data for rel, data in staged.items() if rel.startswith("raw/treaty_facts/")
    }
    for stem in sorted(set(files) | set(extra)):
        label = snapshot_label(stem)
        data = extra[stem] if stem in extra else files[stem].read_bytes()
        df = read_csv_text(io.BytesIO(data))
        problems += check_frame(df, TABLES["treaty_facts"], label)
        if "source_id" not in df.columns:
            continue
        df["_file"], df["_row"] = label, range(2, len(df) + 2)
        for row, sid in zip(df["_row"], df["source_id"]):
            if sid != stem:
                problems.append(
                    DataProblem(label, row, "source_id", sid, f"origin: a snapshot file holds one source: expected {stem!r}")
                )
        if stem not in origin:
            problems.append(DataProblem(label, None, None, stem, f"origin: no origin record in {SOURCES_FILE}"))
            frames.append(df)
            continue
        line, rec = origin[stem]
        problems += checksum_problems(SOURCES_FILE, line, rec.get("sha256"), data, label)
        fmt = rec.get("date_format")
        if fmt and {"date", "date_as_written"} <= set(df.columns):
            for row, written, iso, event in zip(df["_row"], df["date_as_written"], df["date"], df["event"]):
                if not iso or "/" in iso or event in ("party_at", "nth_party", "signatory_at", "invited_at"):
                    continue  # an interval comes from two dates (the note names them); a list's date is its own
                try:
                    parsed = _as_iso(parse_partial(written, fmt), iso)
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
    present = set(files) | set(extra)
    for sid, (line, _rec) in origin.items():
        if sid not in present:
            problems.append(DataProblem(SOURCES_FILE, line, "source_id", sid, f"origin: no snapshot file {snapshot_label(sid)}"))
    cols = TABLES["treaty_facts"].columns + ["_file", "_row"]
    frames = [with_optional(f, TABLES["treaty_facts"]) for f in frames]
    facts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    return sources, facts, problems


def _as_iso(parsed, iso: str) -> str:
    """The parsed (first, last, precision) written the way `iso` is: a day, a month or a year."""
    first, _last, precision = parsed
    want = parse_stated(iso)[2] if iso else precision
    if precision == "day" and want != "day":
        return first.isoformat()  # a day where the transcriber gave only the month: reported as different
    return {"day": first.isoformat(), "month": first.isoformat()[:7], "year": first.isoformat()[:4]}[precision]


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
