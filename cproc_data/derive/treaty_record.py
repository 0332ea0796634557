"""The treaty record as researchers read it: events, one row per State, the data's date.

`data_as_of` and `resolve_as_of` are the one place the default date is decided: every
table, chart and command that takes `as_of` defaults to the data's as-of date, never to
today, and parses a given date with the one contract (`domain.dates.to_date`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..domain.countries import short_name
from ..domain.dates import to_date
from ..domain.treaties import first_opened, get_treaty
from ..load import cached, table

KEYS = ["treaty", "iso3"]


def treaty_events(treaty: str | None = None) -> pd.DataFrame:
    """The core event record, typed: treaty, iso3, event, earliest, latest, precision,
    basis, source, note, and `date`: the day where the sources give it (precision 'day'),
    NaT where the record holds only bounds (a bound is never shown as a point date)."""
    df = _events()
    if treaty is not None:
        df = df[df["treaty"] == get_treaty(treaty).code].reset_index(drop=True)
    return df


def treaty_record(treaty: str | None = None) -> pd.DataFrame:
    """One row per treaty and State: signature, deposit (and its kind), entry into force,
    denunciation, first and latest invitation, latest extension.

    `deposit` is the ratification (or acceptance/approval) or accession date;
    `deposit_type` says which; `deposit_earliest` / `deposit_latest` bound it where the
    sources give no day. Dates the sources do not give stay empty (NaT).
    Ends with a check that (treaty, iso3) is unique.
    """
    out = _record()
    if treaty is not None:
        out = out[out["treaty"] == get_treaty(treaty).code]
    return out.reset_index(drop=True).copy()


@cached
def _events() -> pd.DataFrame:
    df = table("treaty_events")
    df["date"] = df["earliest"].where(df["precision"] == "day")
    return df


@cached
def _record() -> pd.DataFrame:
    ev = treaty_events()
    out = ev[KEYS].drop_duplicates().reset_index(drop=True)

    def pick(event, how="first", name=None):
        sub = ev[ev["event"] == event].sort_values("earliest")
        return sub.groupby(KEYS, as_index=False).agg(**{name or event: ("date", how)})

    for event in ("signature", "ratification", "accession", "entry_into_force", "denunciation", "denunciation_effect"):
        out = out.merge(pick(event), on=KEYS, how="left")
    out = out.merge(pick("invitation", "first", "first_invitation"), on=KEYS, how="left")
    out = out.merge(pick("invitation", "last", "latest_invitation"), on=KEYS, how="left")
    out = out.merge(pick("invitation_extension", "last", "latest_extension"), on=KEYS, how="left")
    out["deposit"] = out["ratification"].fillna(out["accession"])
    dep = (
        ev[ev["event"].isin(["ratification", "accession"])]
        .groupby(KEYS, as_index=False)
        .agg(deposit_earliest=("earliest", "min"), deposit_latest=("latest", "min"), deposit_precision=("precision", "first"))
    )
    out = out.merge(dep, on=KEYS, how="left")
    kinds = ev[ev["event"].isin(["ratification", "accession"])].groupby(KEYS)["event"].first()
    out["deposit_type"] = pd.Series(
        [kinds.get((t, i)) for t, i in zip(out["treaty"], out["iso3"])], index=out.index, dtype="string"
    )
    out.insert(2, "name", out["iso3"].map(short_name).astype("string"))
    if out.duplicated(KEYS).any():
        raise AssertionError("treaty_record: duplicate (treaty, iso3)")
    return out.sort_values(KEYS).reset_index(drop=True)


@cached
def data_as_of() -> date:
    """The date the record speaks of: the newest 'status as of' or event date in it.

    Charts and tables default to this date, not to today, so that they never claim to
    show a status the sources have not yet reported.
    """
    newest = [treaty_events()["date"].max(), table("sources")["status_as_of"].max()]  # days the sources give
    return max(d for d in newest if pd.notna(d)).date()


def resolve_as_of(as_of=None, *, treaty: str | None = None, allow_future: bool = False) -> date:
    """The `as_of` every API and command uses: parsed by the one contract, defaulting to
    `data_as_of()`; a date before the treaty (or the first treaty) opened, or after the
    data's as-of date (unless `allow_future`), is a ValueError."""
    day = data_as_of() if as_of is None else to_date(as_of)
    opened = get_treaty(treaty).opened if treaty else first_opened()
    if day < opened:
        raise ValueError(f"as_of {day} is before {treaty or 'the Convention'} was opened for signature ({opened})")
    if not allow_future and day > data_as_of():
        raise ValueError(f"as_of {day} is after the data's as-of date ({data_as_of()}); the record says nothing of later days")
    return day


def treaty_office_chart(treaty: str) -> pd.DataFrame:
    """The record of one treaty laid out as a Treaty Office chart (d/m/yyyy dates)."""
    r = treaty_record(treaty)

    def fmt(d):
        return "" if pd.isna(d) else f"{d.day}/{d.month}/{d.year}"

    return pd.DataFrame(
        {
            "State": r["name"],
            "Signature": r["signature"].map(fmt),
            "Ratification": r["deposit"].map(fmt),
            "Entry into force": r["entry_into_force"].map(fmt),
            "Notes": r["deposit_type"].map({"accession": "a"}).fillna(""),
        }
    )
