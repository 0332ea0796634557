"""Schema checks derived from the tables: every bad cell of a text frame, all at once.

`check_frame` never stops at the first problem: it collects all of them (column set,
required values, vocabularies, patterns, ISO dates, numbers, key uniqueness); `typed`
converts a checked frame to the table's types (dates as datetime64, numbers numeric).
"""

from __future__ import annotations

import re

import pandas as pd

from ..domain.dates import parse_stated
from ..errors import DataProblem
from .tables import Table

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_frame(df: pd.DataFrame, table: Table, file: str, first_row: int = 2) -> list[DataProblem]:
    """All schema problems of a text frame; `first_row` is the file line of df's first row."""
    problems: list[DataProblem] = []
    df = with_optional(df, table)
    missing = [c for c in table.columns if c not in df.columns]
    extra = [c for c in df.columns if c not in table.columns]
    for c in missing:
        problems.append(DataProblem(file, 1, c, None, f"required column missing (table {table.name})"))
    for c in extra:
        problems.append(DataProblem(file, 1, c, None, f"unexpected column (table {table.name} has {', '.join(table.columns)})"))
    if missing:
        return problems
    for f in table.fields:
        col = df[f.name].astype(str)
        for i, value in enumerate(col):
            row = first_row + i
            v = value.strip()
            if v != value:
                problems.append(DataProblem(file, row, f.name, value, "leading or trailing whitespace"))
            if v == "":
                if f.required:
                    problems.append(DataProblem(file, row, f.name, value, "required value is empty"))
                continue
            if f.enum and v not in f.enum:
                problems.append(DataProblem(file, row, f.name, v, f"not one of: {', '.join(f.enum)}"))
            if f.pattern and not re.match(f.pattern, v):
                problems.append(DataProblem(file, row, f.name, v, f"does not match {f.pattern}"))
            if f.type == "date":
                if not _ISO_DATE.match(v):
                    problems.append(DataProblem(file, row, f.name, v, "not an ISO date (yyyy-mm-dd)"))
                else:
                    try:
                        pd.Timestamp(v)
                    except ValueError:
                        problems.append(DataProblem(file, row, f.name, v, "impossible date"))
            elif f.type == "isodate" and (not f.pattern or re.match(f.pattern, v)):
                try:
                    parse_stated(v)
                except ValueError as exc:
                    problems.append(DataProblem(file, row, f.name, v, str(exc)))
            elif f.type in ("integer", "number"):
                try:
                    x = int(v) if f.type == "integer" else float(v)
                except ValueError:
                    problems.append(
                        DataProblem(file, row, f.name, v, f"not a{'n integer' if f.type == 'integer' else ' number'}")
                    )
                    continue
                if f.minimum is not None and x < f.minimum:
                    problems.append(DataProblem(file, row, f.name, v, f"below the minimum {f.minimum:g}"))
            elif f.type == "boolean" and v not in ("true", "false"):
                problems.append(DataProblem(file, row, f.name, v, "not true/false"))
    if table.primary_key:
        key = df[list(table.primary_key)]
        dup = key.duplicated(keep="first")
        for i in [int(j) for j in dup.to_numpy().nonzero()[0]]:
            first = int(key.eq(key.iloc[i]).all(axis=1).to_numpy().nonzero()[0][0])
            problems.append(
                DataProblem(
                    file,
                    first_row + i,
                    ",".join(table.primary_key),
                    " | ".join(key.iloc[i].astype(str)),
                    f"duplicate key (first at row {first_row + first})",
                )
            )
    return problems


def with_optional(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The frame with every optional column the file leaves out added, empty."""
    absent = [c for c in table.optional if c not in df.columns]
    if not absent:
        return df
    out = df.copy()
    for c in absent:
        out[c] = ""
    return out[[c for c in table.columns if c in out.columns] + [c for c in out.columns if c not in table.columns]]


def typed(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Convert a checked text frame to the table's types."""
    out = with_optional(df, table).copy()
    for f in table.fields:
        col = out[f.name]
        if f.type == "date":
            out[f.name] = pd.to_datetime(col.replace("", None), format="%Y-%m-%d").astype("datetime64[ns]")
        elif f.type == "integer":
            out[f.name] = pd.to_numeric(col.replace("", None)).astype("Int64")
        elif f.type == "number":
            out[f.name] = pd.to_numeric(col.replace("", None)).astype("Float64")
        elif f.type == "boolean":
            out[f.name] = col.map({"true": True, "false": False}).astype("boolean")
        else:
            out[f.name] = col.replace("", None).astype("string")
    return out
