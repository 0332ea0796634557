"""States: ISO code, English short name, UN M49 region, Council of Europe membership."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import countries
from .paths import curated_dir, reference_dir
from .schema import read_table


@lru_cache(maxsize=1)
def _coe() -> pd.DataFrame:
    return read_table("coe_membership", curated_dir() / "coe_membership.csv", "datasets/curated/coe_membership.csv")


def coe_membership() -> pd.DataFrame:
    """Council of Europe member States: iso3, joined, left (the Russian Federation: 16 March 2022)."""
    return _coe().copy()


@lru_cache(maxsize=1)
def _regions() -> pd.DataFrame:
    return read_table("regions", reference_dir() / "regions.csv", "datasets/reference/regions.csv")


def regions() -> pd.DataFrame:
    return _regions().copy()


def coe_member_at(iso3: pd.Series, when) -> pd.Series:
    """True where the State was a Council of Europe member on `when`."""
    coe = _coe().set_index("iso3")
    when = pd.Timestamp(when)
    joined = iso3.map(coe["joined"])
    left = iso3.map(coe["left"])
    return ((joined <= when) & (left.isna() | (left > when))).fillna(False).astype(bool)


@lru_cache(maxsize=1)
def _states() -> pd.DataFrame:
    from .record import treaty_events

    codes = sorted(set(treaty_events()["iso3"]) | set(_coe()["iso3"]))
    df = pd.DataFrame({"iso3": pd.array(codes, dtype="string")})
    df["name"] = df["iso3"].map(countries.short_name).astype("string")
    reg = _regions().set_index("iso3")
    df["region"] = df["iso3"].map(reg["region"]).astype("string")
    df["sub_region"] = df["iso3"].map(reg["sub_region"]).astype("string")
    coe = _coe().set_index("iso3")
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
