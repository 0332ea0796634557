"""The date grids time series are sampled on: month ends and year ends up to an as-of date.

The as-of date itself is always the last point, so a series ends where the data ends.
"""

from __future__ import annotations

import pandas as pd


def month_ends(start, as_of) -> pd.DatetimeIndex:
    """Month ends from `start` to `as_of`, with `as_of` itself as the last point."""
    as_of = pd.Timestamp(as_of)
    idx = pd.date_range(pd.Timestamp(start), as_of, freq="ME")
    return idx.append(pd.DatetimeIndex([as_of])).unique().sort_values()


def year_ends(start_year: int, as_of) -> pd.DatetimeIndex:
    """Year ends from `start_year` to `as_of`, with `as_of` itself as the last point."""
    as_of = pd.Timestamp(as_of)
    idx = pd.date_range(f"{start_year}-12-31", as_of, freq="YE")
    return idx.append(pd.DatetimeIndex([as_of])).unique().sort_values()
