"""The status engine: each State's status under a treaty at any date, and the counts.

Counting rules are explicit parameters (`CountingRules`); the defaults follow how C-PROC
counts membership ("Parties, signatories, States invited to accede"):

* **Party** from the deposit of its instrument of ratification or accession
  (`basis="deposit"`, C-PROC's and the Treaty Office's usual count of "ratifications/
  accessions"), or from the treaty's entry into force for that State
  (`basis="entry-into-force"`), until a denunciation takes effect.
* **Signatory**: signed and not (yet) a Party under the chosen basis.
* **Invited** (ETS 185 only): the Committee of Ministers invited the State to accede
  (art. 37), the invitation is still valid, and the State is not (yet) a Party or
  signatory. An invitation adopted on or after `invitation_rule_since` (10 April 2013,
  Ministers' Deputies decision CM/Del/Dec(2013)1168/10.2, as cited in GR-J(2024)6) is
  valid for `invitation_validity_years` (five) from its adoption; an extension decision
  taken while it is valid renews it for the same period from the extension's date.
  Earlier invitations run until accession (Mexico, invited 2007, was still counted as
  invited in 2021). `invitation_validity_years=None` lets every invitation run.
* **None** otherwise. The four statuses partition all States at every date.

Internally every State's history is a list of *spells* (status, start, end) with
end exclusive; single-date and range queries both read the spells, so they agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .metadata import STATUSES
from .treaties import TREATIES, get_treaty

PRIORITY = {"party": 0, "signatory": 1, "invited": 2}
_FAR = pd.Timestamp("2262-01-01")


@dataclass(frozen=True)
class CountingRules:
    basis: str = "deposit"  # deposit | entry-into-force
    invitation_validity_years: int | None = 5
    invitation_rule_since: str = "2013-04-10"

    def __post_init__(self):
        if self.basis not in ("deposit", "entry-into-force"):
            raise ValueError(f"basis must be 'deposit' or 'entry-into-force', not {self.basis!r}")
        if self.invitation_validity_years is not None and self.invitation_validity_years <= 0:
            raise ValueError("invitation_validity_years must be positive or None")


DEFAULT_RULES = CountingRules()


def _state_spells(ev: pd.DataFrame, rules: CountingRules) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Disjoint (status, start, end) spells for one State under one treaty."""
    by = {e: sorted(ev.loc[ev["event"] == e, "date"]) for e in ev["event"].unique()}
    deposit = (by.get("ratification") or by.get("accession") or [None])[0]
    eif = (by.get("entry_into_force") or [None])[0]
    party_start = deposit if rules.basis == "deposit" else eif
    party_end = (by.get("denunciation_effect") or [None])[0]
    intervals = []  # (priority, start, end)
    if party_start is not None:
        intervals.append((0, party_start, party_end or _FAR))
    if by.get("signature"):
        intervals.append((1, by["signature"][0], _FAR))
    invitations = by.get("invitation", [])
    extensions = by.get("invitation_extension", [])
    for inv in invitations:
        if rules.invitation_validity_years is None or inv < pd.Timestamp(rules.invitation_rule_since):
            end = _FAR
        else:
            years = pd.DateOffset(years=rules.invitation_validity_years)
            end = inv + years
            for ext in extensions:  # an extension adopted while valid renews the period
                if inv <= ext < end:
                    end = max(end, ext + years)
        intervals.append((2, inv, end))
    if party_end is not None:  # after a denunciation takes effect the State has no status
        intervals = [(pr, s, min(e, party_end)) for pr, s, e in intervals if s < party_end]
    if not intervals:
        return []
    # sweep: at each boundary the highest-priority active interval decides
    points = sorted({p for _, s, e in intervals for p in (s, e)})
    spells: list[list] = []
    for a, b in zip(points[:-1], points[1:]):
        active = [pr for pr, s, e in intervals if s <= a < e]
        status = STATUSES[min(active)] if active else None
        if status is None:
            continue
        if spells and spells[-1][0] == status and spells[-1][2] == a:
            spells[-1][2] = b
        else:
            spells.append([status, a, b])
    return [tuple(s) for s in spells]


@lru_cache(maxsize=8)
def _spells(rules: CountingRules) -> pd.DataFrame:
    from .record import treaty_events

    ev = treaty_events()
    rows = []
    for (treaty, iso3), grp in ev.groupby(["treaty", "iso3"], sort=True):
        for status, start, end in _state_spells(grp, rules):
            rows.append((treaty, iso3, status, start, pd.NaT if end == _FAR else end))
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


def check_date(treaty: str, when) -> pd.Timestamp:
    """The date as a Timestamp; ValueError if the treaty was not yet open for signature."""
    t = get_treaty(treaty)
    ts = pd.Timestamp(when)
    if ts.date() < t.opened:
        raise ValueError(f"{ts.date()} is before {t.code} was opened for signature ({t.opened})")
    return ts


def status(as_of, treaty: str = "ETS185", rules: CountingRules = DEFAULT_RULES, *, all_states: bool = True) -> pd.DataFrame:
    """Per-State status at `as_of`: as_of, treaty, iso3, name, status, since, coe_member, region.

    With `all_states` (default) every State in `states()` is listed, status "none"
    for those with no status; otherwise only States with a status.
    """
    from .reference import coe_member_at, states

    t = get_treaty(treaty)
    when = check_date(t.code, as_of)
    sp = status_spells(t.code, rules)
    live = sp[(sp["start"] <= when) & (sp["end"].isna() | (sp["end"] > when))]
    st = states()[["iso3", "name", "region"]]
    out = st.merge(live[["iso3", "status", "start"]], on="iso3", how="left")
    if not all_states:
        out = out[out["status"].notna()]
    out["status"] = out["status"].fillna("none").astype("string")
    out = out.rename(columns={"start": "since"})
    out.insert(0, "as_of", when)
    out.insert(1, "treaty", t.code)
    out["coe_member"] = coe_member_at(out["iso3"], when)
    out["status"] = pd.Categorical(out["status"], categories=list(STATUSES), ordered=True)
    cols = ["as_of", "treaty", "iso3", "name", "status", "since", "coe_member", "region"]
    out = out[cols].sort_values(["status", "name"]).reset_index(drop=True)
    if out["iso3"].duplicated().any():
        raise AssertionError("status: a State has two statuses at one date")
    return out


@lru_cache(maxsize=32)
def _bounds(rules: CountingRules, treaty: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Sorted spell starts and ends (int64 ns) per status, for vectorised counting."""
    sp = _spells(rules)
    sub = sp[sp["treaty"] == treaty]
    out = {}
    for status in ("party", "signatory", "invited"):
        s = sub[sub["status"] == status]
        starts = np.sort(s["start"].to_numpy().astype("datetime64[ns]").astype(np.int64))
        ends = np.sort(s["end"].fillna(_FAR).to_numpy().astype("datetime64[ns]").astype(np.int64))
        out[status] = (starts, ends)
    return out


def counts(dates, treaty: str | list[str] | None = "ETS185", rules: CountingRules = DEFAULT_RULES) -> pd.DataFrame:
    """Parties, signatories and invited States at each date, in one vectorised pass.

    `dates`: a date, a list or a DatetimeIndex. `treaty`: one code, a list, or None for all.
    Returns a long frame: date, treaty, parties, signatories, invited. Before a treaty
    was opened for signature its counts are zero (use `check_date` to refuse such dates).
    A State holds a status on day d when its spell started on or before d and ends after d:
    count(d) = #starts <= d - #ends <= d, two binary searches per status.
    """
    if isinstance(dates, (str, pd.Timestamp)) or not hasattr(dates, "__len__"):
        dates = [dates]
    idx = dates if isinstance(dates, pd.DatetimeIndex) else pd.DatetimeIndex(pd.to_datetime(list(dates)))
    x = idx.as_unit("ns").asi8
    codes = list(TREATIES) if treaty is None else [treaty] if isinstance(treaty, str) else list(treaty)
    codes = [get_treaty(c).code for c in codes]
    cols = {"parties": [], "signatories": [], "invited": []}
    ordered = len(x) > 64 and bool(np.all(x[1:] >= x[:-1]))
    for code in codes:
        b = _bounds(rules, code)
        for status, col in (("party", "parties"), ("signatory", "signatories"), ("invited", "invited")):
            starts, ends = b[status]
            if ordered:  # many sorted dates: place the few bounds among the dates instead
                cols[col].append(_placed(x, starts) - _placed(x, ends))
            else:
                cols[col].append(np.searchsorted(starts, x, side="right") - np.searchsorted(ends, x, side="right"))
    n = len(codes)
    return pd.DataFrame({
        "date": np.tile(x.view("datetime64[ns]"), n),
        "treaty": pd.Categorical.from_codes(np.repeat(np.arange(n), len(x)), categories=codes),
        **{col: np.concatenate(v) for col, v in cols.items()},
    }, copy=False)


def _placed(x: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """For sorted dates x, how many bounds are <= each date (same as searchsorted(bounds, x, 'right'))."""
    pos = np.searchsorted(x, bounds, side="left")  # first date on or after each bound
    return np.cumsum(np.bincount(pos, minlength=len(x) + 1)[: len(x)])
