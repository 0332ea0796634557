"""The frames behind each chart: one function per chart, named after it.

Every function takes the as-of date and returns a tidy frame that is written, as is,
to the chart's sheet of the Excel workbook.
"""
from __future__ import annotations

import pandas as pd

from .engine import counts
from .treaties import get_treaty


def month_ends(start, as_of) -> pd.DatetimeIndex:
    """Month ends from `start` to `as_of`, with `as_of` itself as the last point."""
    as_of = pd.Timestamp(as_of)
    idx = pd.date_range(pd.Timestamp(start), as_of, freq="ME")
    return idx.append(pd.DatetimeIndex([as_of])).unique().sort_values()


def membership(as_of) -> pd.DataFrame:
    """ETS 185 Parties, signatories and invited States at each month end (deposit basis)."""
    t = get_treaty("ETS185")
    df = counts(month_ends(t.opened, as_of), "ETS185")
    return df[["date", "parties", "signatories", "invited"]]


def membership_note(as_of) -> str | None:
    """Qualifier for ETS 185 charts: how many Parties and invitations lack a date."""
    from .charts import gaps_note
    from .record import record_gaps

    g = record_gaps()
    g = g[g["treaty"] == "ETS185"]
    deposits = g.loc[g["missing"].isin(["deposit", "accession"]), "iso3"].nunique()
    invitations = g.loc[g["missing"] == "invitation", "iso3"].nunique()
    return gaps_note(deposits, invitations)
