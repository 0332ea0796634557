"""Status and counts: each State's status under a treaty at any date, and the counts.

The rules are `domain.counting` (CountingRules, spells); this module applies them to
the record. Single-date and range queries both read the same spells, so they agree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..domain.counting import DEFAULT_RULES, FAR, STATUS_PRIORITY, STATUSES, CountingRules, state_spells
from ..domain.dates import to_date
from ..domain.treaties import TREATIES, get_treaty
from ..load import cached
from .states import coe_member_at, states
from .treaty_record import resolve_as_of, treaty_events

COUNT_COLUMNS = {"party": "parties", "signatory": "signatories", "invited": "invited"}


@cached
def _spells(rules: CountingRules) -> pd.DataFrame:
    rows = []
    for (treaty, iso3), grp in treaty_events().groupby(["treaty", "iso3"], sort=True):
        for status, start, end in state_spells(grp, rules):
            rows.append((treaty, iso3, status, start, pd.NaT if end == FAR else end))
    df = pd.DataFrame(rows, columns=["treaty", "iso3", "status", "start", "end"])
    df["start"] = df["start"].astype("datetime64[ns]")
    df["end"] = df["end"].astype("datetime64[ns]")
    return df


def status_spells(treaty: str | None = None, rules: CountingRules = DEFAULT_RULES) -> pd.DataFrame:
    """Each State's status history: treaty, iso3, status, start, end (exclusive; NaT = open)."""
    df = _spells(rules)
    if treaty is not None:
        df = df[df["treaty"] == get_treaty(treaty).code]
    return df.reset_index(drop=True).copy()


def status(
    as_of=None,
    treaty: str = "ETS185",
    rules: CountingRules = DEFAULT_RULES,
    *,
    all_states: bool = True,
    allow_future: bool = False,
) -> pd.DataFrame:
    """Per-State status at `as_of` (default: the data's as-of date).

    Columns: as_of, treaty, iso3, name, status, since, coe_member, region. With
    `all_states` (default) every State in `states()` is listed, status "none" for those
    with no status; otherwise only States with a status. A date after the data's as-of
    date is refused unless `allow_future` (a forecast: invitations lapse, nothing new
    happens). Ends with one row per State.
    """
    t = get_treaty(treaty)
    when = pd.Timestamp(resolve_as_of(as_of, treaty=t.code, allow_future=allow_future))
    return status_on(when, t.code, rules, all_states)


def status_on(when: pd.Timestamp, code: str, rules: CountingRules = DEFAULT_RULES, all_states: bool = True) -> pd.DataFrame:
    """`status` on a day already checked by the caller (derivations over the record's own dates)."""
    sp = status_spells(code, rules)
    live = sp[(sp["start"] <= when) & (sp["end"].isna() | (sp["end"] > when))]
    out = states()[["iso3", "name", "region"]].merge(live[["iso3", "status", "start"]], on="iso3", how="left")
    if not all_states:
        out = out[out["status"].notna()]
    out["status"] = out["status"].fillna("none").astype("string")
    out = out.rename(columns={"start": "since"})
    out.insert(0, "as_of", when)
    out.insert(1, "treaty", code)
    out["coe_member"] = coe_member_at(out["iso3"], when)
    out["status"] = pd.Categorical(out["status"], categories=list(STATUSES), ordered=True)
    cols = ["as_of", "treaty", "iso3", "name", "status", "since", "coe_member", "region"]
    out = out[cols].sort_values(["status", "name"]).reset_index(drop=True)
    if out["iso3"].duplicated().any():
        raise AssertionError("status: a State has two statuses at one date")
    return out


def status_table(as_of=None) -> pd.DataFrame:
    """Per-State status under every treaty open at `as_of` (rows with a status only), as text dates."""
    when = pd.Timestamp(resolve_as_of(as_of))
    frames = [status_on(when, code, DEFAULT_RULES, False) for code, t in TREATIES.items() if when.date() >= t.opened]
    df = pd.concat(frames, ignore_index=True)
    df["as_of"] = df["as_of"].dt.strftime("%Y-%m-%d")
    df["since"] = df["since"].dt.strftime("%Y-%m-%d")
    df["status"] = df["status"].astype(str)
    return df


@cached
def _bounds(rules: CountingRules, treaty: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Sorted spell starts and ends (int64 ns) per status, for vectorised counting."""
    sp = _spells(rules)
    sub = sp[sp["treaty"] == treaty]
    out = {}
    for st in STATUS_PRIORITY:
        s = sub[sub["status"] == st]
        starts = np.sort(s["start"].to_numpy().astype("datetime64[ns]").astype(np.int64))
        ends = np.sort(s["end"].fillna(FAR).to_numpy().astype("datetime64[ns]").astype(np.int64))
        out[st] = (starts, ends)
    return out


def counts(dates, treaty: str | list[str] | None = "ETS185", rules: CountingRules = DEFAULT_RULES) -> pd.DataFrame:
    """Parties, signatories and invited States at each date, in one vectorised pass.

    `dates`: a date, a list or a DatetimeIndex (strings must be ISO). `treaty`: one code,
    a list, or None for all. Returns a long frame: date, treaty, parties, signatories,
    invited. Before a treaty was opened for signature its counts are zero.
    A State holds a status on day d when its spell started on or before d and ends after d:
    count(d) = #starts <= d - #ends <= d, two binary searches per status.
    """
    if isinstance(dates, pd.DatetimeIndex):
        idx = dates
    else:
        items = [dates] if isinstance(dates, (str, pd.Timestamp)) or not hasattr(dates, "__len__") else list(dates)
        idx = pd.DatetimeIndex([pd.Timestamp(to_date(d)) for d in items])
    x = idx.as_unit("ns").asi8
    codes = list(TREATIES) if treaty is None else [treaty] if isinstance(treaty, str) else list(treaty)
    codes = [get_treaty(c).code for c in codes]
    cols: dict[str, list] = {c: [] for c in COUNT_COLUMNS.values()}
    ordered = len(x) > 64 and bool(np.all(x[1:] >= x[:-1]))
    for code in codes:
        b = _bounds(rules, code)
        for st, col in COUNT_COLUMNS.items():
            starts, ends = b[st]
            if ordered:  # many sorted dates: place the few bounds among the dates instead
                cols[col].append(_placed(x, starts) - _placed(x, ends))
            else:
                cols[col].append(np.searchsorted(starts, x, side="right") - np.searchsorted(ends, x, side="right"))
    n = len(codes)
    return pd.DataFrame(
        {
            "date": np.tile(x.view("datetime64[ns]"), n),
            "treaty": pd.Categorical.from_codes(np.repeat(np.arange(n), len(x)), categories=codes),
            **{col: np.concatenate(v) for col, v in cols.items()},
        },
        copy=False,
    )


def _placed(x: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """For sorted dates x, how many bounds are <= each date (same as searchsorted(bounds, x, 'right'))."""
    pos = np.searchsorted(x, bounds, side="left")  # first date on or after each bound
    return np.cumsum(np.bincount(pos, minlength=len(x) + 1)[: len(x)])
