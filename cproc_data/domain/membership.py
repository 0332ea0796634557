"""Council of Europe membership at a date: the one rule every check and view uses.

A State is a member on day d when it joined on or before d and had not left by d
(the Russian Federation ceased to be a member on 16 March 2022). "Ever a member" is
never the test: Montenegro signed ETS 185 as a member in 2005, Russia's status changed.
"""

from __future__ import annotations

import pandas as pd


def member_at(iso3: pd.Series, membership: pd.DataFrame, when) -> pd.Series:
    """True where the State was a member on `when` (membership: iso3, joined, left)."""
    m = membership.set_index("iso3")
    when = pd.Timestamp(when)
    joined = iso3.map(m["joined"])
    left = iso3.map(m["left"])
    return ((joined <= when) & (left.isna() | (left > when))).fillna(False).astype(bool)


def is_member(iso3: str, membership: pd.DataFrame, when) -> bool:
    return bool(member_at(pd.Series([iso3]), membership, when).iloc[0])
