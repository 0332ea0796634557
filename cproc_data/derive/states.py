"""States: ISO code, English short name, UN M49 region, Council of Europe membership."""

from __future__ import annotations

import pandas as pd

from ..domain.countries import short_name
from ..domain.membership import member_at
from ..load import cached, table


def coe_membership() -> pd.DataFrame:
    """Council of Europe member States: iso3, joined, left (the Russian Federation: 16 March 2022)."""
    return table("coe_membership")


def regions() -> pd.DataFrame:
    """UN M49 region and sub-region of each State."""
    return table("regions")


def coe_member_at(iso3: pd.Series, when) -> pd.Series:
    """True where the State was a Council of Europe member on `when`."""
    return member_at(iso3, table("coe_membership"), when)


@cached
def _states() -> pd.DataFrame:
    codes = sorted(set(table("treaty_events")["iso3"]) | set(table("coe_membership")["iso3"]))
    df = pd.DataFrame({"iso3": pd.array(codes, dtype="string")})
    df["name"] = df["iso3"].map(short_name).astype("string")
    reg = regions().set_index("iso3")
    df["region"] = df["iso3"].map(reg["region"]).astype("string")
    df["sub_region"] = df["iso3"].map(reg["sub_region"]).astype("string")
    coe = coe_membership().set_index("iso3")
    df["coe_joined"] = df["iso3"].map(coe["joined"])
    df["coe_left"] = df["iso3"].map(coe["left"])
    if df["iso3"].duplicated().any():
        raise AssertionError("states: duplicate iso3")
    return df


def states() -> pd.DataFrame:
    """Every State in the treaty record or in the Council of Europe, one row each.

    Columns: iso3, name (ISO 3166 English short name), region and sub_region (UN M49),
    coe_joined, coe_left (NaT while a member / never a member).
    """
    return _states().copy()
