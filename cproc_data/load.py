"""Typed, cached reads of the tables in datasets/, and the one cache every layer uses.

Every table is read by name (`table("treaty_events")`): the file is checked against its
schema (metadata), every problem is reported at once, and the typed frame is cached.
Caches (`cached`) are keyed on `version()`: the datasets folder in use and a generation
number that `invalidate()` bumps after a write. Nothing keeps a hand-made list of caches.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from .domain.countries import CountryNames
from .errors import DataError, DataProblem
from .metadata import TABLES
from .metadata.schema import check_frame, typed
from .paths import datasets_dir

F = TypeVar("F", bound=Callable[..., Any])
_generation = 0
_caches: list[dict] = []


def version() -> tuple[str, int]:
    """What every cache is keyed on: the datasets folder in use and the write generation."""
    return (str(datasets_dir()), _generation)


def invalidate() -> None:
    """Forget everything read or computed (call after writing to datasets/)."""
    global _generation
    _generation += 1
    for c in _caches:
        c.clear()


def cached(fn: F) -> F:
    """Memoise `fn` per (version(), arguments); arguments must be hashable."""
    memo: dict = {}
    _caches.append(memo)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (version(), args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = fn(*args, **kwargs)
        return memo[key]

    wrapper.cache_clear = memo.clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def read_csv_text(path: Path | io.BytesIO) -> pd.DataFrame:
    """Every cell as text; empty cells as "" (never NaN: 'NA' is Namibia). A row with more
    cells than the header (an unquoted comma) is a DataError naming the file and line."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.ParserError as exc:
        line = re.search(r"line (\d+)", str(exc))
        rule = "csv: a row has more cells than the header (quote a value that holds a comma)"
        if isinstance(path, Path):
            where = str(path.relative_to(datasets_dir().parent) if path.is_relative_to(datasets_dir().parent) else path)
        else:
            where = "(staged file)"
        raise DataError([DataProblem(where, int(line.group(1)) if line else None, None, None, rule)]) from None


def table_path(name: str) -> Path:
    return datasets_dir() / TABLES[name].path


def table_text(name: str) -> pd.DataFrame:
    """A table's file as text, unchecked (for checks that report on the file itself)."""
    return read_csv_text(table_path(name))


@cached
def _typed(name: str) -> pd.DataFrame:
    t = TABLES[name]
    df = table_text(name)
    problems = check_frame(df, t, t.label)
    if problems:
        raise DataError(problems)
    return typed(df, t)


def table(name: str) -> pd.DataFrame:
    """The table `name`, schema-checked and typed (a copy: change it freely)."""
    return _typed(name).copy()


@cached
def country_names() -> CountryNames:
    """The reviewed spelling -> ISO alpha-3 mapping (datasets/reference/country_names.csv)."""
    df = _typed("country_names")
    return CountryNames(zip(df["name"], df["iso3"]))
