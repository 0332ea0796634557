"""Growth of the Convention before and after C-PROC opened (notebook 01's comparison), with its certainty."""

from __future__ import annotations

import pandas as pd

from ..domain.cproc import CPROC_START
from ..domain.treaties import MAIN_TREATY
from .status import counts, status_on
from .treaty_record import resolve_as_of

YEARS_BEFORE = 12  # the same span before the office opened as the Convention had had by then


def growth_before_after(as_of=None, treaty: str = MAIN_TREATY) -> pd.DataFrame:
    """Parties added per year in the 12 years before C-PROC opened and since, to `as_of`,
    with the bounds the record allows.

    Columns: period, start, end, years; parties_start and parties_end (the certain counts)
    with their `_min` / `_max`; added and per_year from the certain counts, and
    `added_min` / `added_max`, `per_year_min` / `per_year_max`: the least and the most
    growth the record allows (a Party whose deposit is only bounded may have joined in
    either period, or before or after both); `certain`: True where the record decides
    every State's part. Ends with one row per period.
    """
    end = pd.Timestamp(resolve_as_of(as_of, treaty=treaty))
    start = pd.Timestamp(CPROC_START)
    if end <= start:
        raise ValueError(f"as_of {end.date()} is before C-PROC opened ({CPROC_START})")
    first = start - pd.DateOffset(years=YEARS_BEFORE)
    c = counts(pd.DatetimeIndex([first, start, end]), treaty).set_index("date")
    rows = []
    for period, a, b in (("before C-PROC", first, start), ("since C-PROC", start, end)):
        years = (b - a).days / 365.25
        lo, hi = c.loc[a], c.loc[b]
        added = int(hi["parties"] - lo["parties"])
        least, most = _added_bounds(a, b, treaty)
        rows.append(
            {
                "period": period,
                "start": a,
                "end": b,
                "years": round(years, 2),
                "parties_start": int(lo["parties"]),
                "parties_start_min": int(lo["parties_min"]),
                "parties_start_max": int(lo["parties_max"]),
                "parties_end": int(hi["parties"]),
                "parties_end_min": int(hi["parties_min"]),
                "parties_end_max": int(hi["parties_max"]),
                "added": added,
                "added_min": least,
                "added_max": most,
                "per_year": round(added / years, 2),
                "per_year_min": round(least / years, 2),
                "per_year_max": round(most / years, 2),
                "certain": least == most,
            }
        )
    df = pd.DataFrame(rows)
    if df["period"].duplicated().any():
        raise AssertionError("growth: duplicate period")
    return df


def _added_bounds(a: pd.Timestamp, b: pd.Timestamp, treaty: str) -> tuple[int, int]:
    """The least and the most net Parties added from `a` to `b`. Each State's status on both
    days is read together: a State the record cannot place adds 0 or 1, and one deposit
    cannot count as a Party on `a` and not on `b` (only a denunciation, a certain Party on
    `a` and certainly not on `b`, takes one away)."""
    before = status_on(a, treaty).set_index("iso3")["possible"].astype(str).str.split("|")
    after = status_on(b, treaty).set_index("iso3")["possible"].astype(str).str.split("|")
    least = most = 0
    for iso3, then in before.items():
        now = after[iso3]
        xa = {1} if then == ["party"] else {0, 1} if "party" in then else {0}
        xb = {1} if now == ["party"] else {0, 1} if "party" in now else {0}
        steps = {y - x for x in xa for y in xb if x <= y or (xa, xb) == ({1}, {0})}
        least, most = least + min(steps), most + max(steps)
    return least, most
