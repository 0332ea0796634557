"""Raw snapshots: what each source says, as written, with its origin record.

Layout (immutable once committed; a new reading of a source is a new snapshot):
    datasets/raw/sources.csv                  one origin record per snapshot
    datasets/raw/treaty_facts/<source_id>.csv  the facts read in that snapshot
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .dates import parse_as_written
from .errors import DataError, DataProblem
from .metadata import TABLES
from .paths import raw_dir
from .schema import check_frame, read_csv_text, typed

SOURCES_FILE = "datasets/raw/sources.csv"


def _label(path) -> str:
    return f"datasets/raw/treaty_facts/{path.name}"


def check_raw() -> tuple[pd.DataFrame, pd.DataFrame, list[DataProblem]]:
    """Read sources and every facts file; return text frames and all problems found.

    Facts frames get `_file` and `_row` columns so later checks can point at the line.
    Rules beyond the schema: a facts file holds one snapshot (source_id = file name);
    every source_id has an origin record; `date` equals `date_as_written` parsed with the
    source's declared date format.
    """
    problems: list[DataProblem] = []
    sources = read_csv_text(raw_dir() / "sources.csv")
    problems += check_frame(sources, TABLES["sources"], SOURCES_FILE)
    formats = dict(zip(sources.get("source_id", []), sources.get("date_format", [])))
    frames = []
    for path in sorted((raw_dir() / "treaty_facts").glob("*.csv")):
        label = _label(path)
        df = read_csv_text(path)
        problems += check_frame(df, TABLES["treaty_facts"], label)
        if "source_id" not in df.columns:
            continue
        df["_file"], df["_row"] = label, range(2, len(df) + 2)
        for row, sid in zip(df["_row"], df["source_id"]):
            if sid != path.stem:
                problems.append(DataProblem(label, row, "source_id", sid, f"a snapshot file holds one source: expected {path.stem!r}"))
        if path.stem not in formats:
            problems.append(DataProblem(label, None, None, path.stem, "no origin record in datasets/raw/sources.csv"))
        fmt = formats.get(path.stem)
        if fmt and {"date", "date_as_written"} <= set(df.columns):
            for row, written, iso in zip(df["_row"], df["date_as_written"], df["date"]):
                if not iso:
                    continue
                try:
                    parsed = parse_as_written(written, fmt).isoformat()
                except ValueError as exc:
                    problems.append(DataProblem(label, row, "date_as_written", written, f"does not parse with the source's date format {fmt!r} ({exc})"))
                    continue
                if parsed != iso:
                    problems.append(DataProblem(label, row, "date", iso, f"differs from date_as_written {written!r} read as {fmt!r} ({parsed})"))
        frames.append(df)
    cols = TABLES["treaty_facts"].columns + ["_file", "_row"]
    facts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    return sources, facts, problems


@lru_cache(maxsize=1)
def _raw():
    sources, facts, problems = check_raw()
    if problems:
        raise DataError(problems)
    return typed(sources, TABLES["sources"]), typed(facts[TABLES["treaty_facts"].columns], TABLES["treaty_facts"])


def raw_sources() -> pd.DataFrame:
    """Origin records of all raw snapshots (title, producer, URL, status-as-of, accessed)."""
    return _raw()[0].copy()


def raw_treaty_facts() -> pd.DataFrame:
    """Every transcribed fact, as written, one row per source, State, treaty and event."""
    return _raw()[1].copy()
