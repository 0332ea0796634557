"""Counting rules and each State's status history (spells) under them.

* **Party** from the deposit of its instrument of ratification or accession
  (`basis="deposit"`, the Treaty Office's and C-PROC's usual count), or from the
  treaty's entry into force for that State (`basis="entry-into-force"`), until a
  denunciation takes effect.
* **Signatory**: signed and not (yet) a Party under the chosen basis.
* **Invited** (treaties with invitations): the Committee of Ministers invited the State
  to accede, the invitation is still valid, and the State is not (yet) a Party or
  signatory. An invitation adopted on or after `invitation_rule_since` (10 April 2013,
  Ministers' Deputies decision CM/Del/Dec(2013)1168/10.2, as cited in GR-J(2024)6) is
  valid for `invitation_validity_years` (five) from its adoption; an extension decided
  while it is still valid (before the day it lapses) renews it for the same period from
  the extension's date. Earlier invitations run until accession (Mexico, invited 2007,
  was still counted as invited in 2021). `invitation_validity_years=None` lets every
  invitation run.
* **None** otherwise. The statuses partition all States at every date; where two apply,
  the first in `STATUS_PRIORITY` wins.

A spell is (status, start, end) with `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

STATUS_PRIORITY = ("party", "signatory", "invited")  # which status wins where two apply
STATUSES = (*STATUS_PRIORITY, "none")
FAR = pd.Timestamp("2262-01-01")  # "open": no end in the record


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


def invitation_end(invited: pd.Timestamp, extensions: list[pd.Timestamp], rules: CountingRules) -> pd.Timestamp:
    """The day an invitation lapses (exclusive), or FAR if it does not lapse."""
    if rules.invitation_validity_years is None or invited < pd.Timestamp(rules.invitation_rule_since):
        return FAR
    years = pd.DateOffset(years=rules.invitation_validity_years)
    end = invited + years
    for ext in sorted(extensions):  # an extension decided while valid renews the period
        if invited <= ext < end:
            end = max(end, ext + years)
    return end


def state_spells(events: pd.DataFrame, rules: CountingRules = DEFAULT_RULES) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Disjoint (status, start, end) spells for one State under one treaty (events: event, date)."""
    by = {e: sorted(events.loc[events["event"] == e, "date"]) for e in events["event"].unique()}
    deposit = (by.get("ratification") or by.get("accession") or [None])[0]
    eif = (by.get("entry_into_force") or [None])[0]
    party_start = deposit if rules.basis == "deposit" else eif
    party_end = (by.get("denunciation_effect") or [None])[0]
    intervals = []  # (status, start, end)
    if party_start is not None:
        intervals.append(("party", party_start, party_end or FAR))
    if by.get("signature"):
        intervals.append(("signatory", by["signature"][0], FAR))
    for inv in by.get("invitation", []):
        intervals.append(("invited", inv, invitation_end(inv, by.get("invitation_extension", []), rules)))
    if party_end is not None:  # after a denunciation takes effect the State has no status
        intervals = [(st, s, min(e, party_end)) for st, s, e in intervals if s < party_end]
    return sweep(intervals)


def sweep(intervals: list[tuple[str, pd.Timestamp, pd.Timestamp]]) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Disjoint spells from overlapping status intervals: at each day the priority decides."""
    if not intervals:
        return []
    rank = {s: i for i, s in enumerate(STATUS_PRIORITY)}
    points = sorted({p for _, s, e in intervals for p in (s, e)})
    spells: list[list] = []
    for a, b in zip(points[:-1], points[1:]):
        active = [st for st, s, e in intervals if s <= a < e]
        if not active:
            continue
        status = min(active, key=rank.__getitem__)
        if spells and spells[-1][0] == status and spells[-1][2] == a:
            spells[-1][2] = b
        else:
            spells.append([status, a, b])
    return [(s[0], s[1], s[2]) for s in spells]
