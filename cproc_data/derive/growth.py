"""Growth of the Convention before and after C-PROC opened (notebook 01's comparison)."""

from __future__ import annotations

import pandas as pd

from ..domain.cproc import CPROC_START
from ..domain.treaties import MAIN_TREATY
from .status import counts
from .treaty_record import resolve_as_of

YEARS_BEFORE = 12  # the same span before the office opened as the Convention had had by then


def growth_before_after(as_of=None, treaty: str = MAIN_TREATY) -> pd.DataFrame:
    """Parties added per year in the 12 years before C-PROC opened and since, to `as_of`.

    Columns: period, start, end, years, parties_start, parties_end, added, per_year.
    Counts are those of the record (Parties whose deposit date is known); the record's
    gaps make the later period's growth a lower bound (see `record_gaps()`).
    Ends with one row per period.
    """
    end = pd.Timestamp(resolve_as_of(as_of, treaty=treaty))
    start = pd.Timestamp(CPROC_START)
    if end <= start:
        raise ValueError(f"as_of {end.date()} is before C-PROC opened ({CPROC_START})")
    first = start - pd.DateOffset(years=YEARS_BEFORE)
    c = counts(pd.DatetimeIndex([first, start, end]), treaty).set_index("date")["parties"]
    rows = []
    for period, a, b in (("before C-PROC", first, start), ("since C-PROC", start, end)):
        years = (b - a).days / 365.25
        rows.append(
            {
                "period": period,
                "start": a,
                "end": b,
                "years": round(years, 2),
                "parties_start": int(c[a]),
                "parties_end": int(c[b]),
                "added": int(c[b] - c[a]),
                "per_year": round((c[b] - c[a]) / years, 2),
            }
        )
    df = pd.DataFrame(rows)
    if df["period"].duplicated().any():
        raise AssertionError("growth: duplicate period")
    return df
