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
  the extension's date; an extension decided after it lapsed invites the State again from
  the extension's date (the Committee of Ministers decides who is invited, ETS 185 art.
  37(1): Tunisia's invitation of 7 February 2018 lapsed on 7 February 2023, was extended on
  8 February 2023, and its accession of 8 March 2024 was accepted, GR-J(2024)6). Earlier invitations run until accession (Mexico, invited 2007,
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


def lapsed_extension_windows(windows, extensions: list[pd.Timestamp], rules: CountingRules) -> list[tuple]:
    """Invitation windows opened by extensions decided when no invitation could still be
    valid: such a decision invites the State again, from its day, for the usual period."""
    out: list[tuple] = []
    for ext in sorted(extensions):
        if any(pf <= ext < pt for _, _, pf, pt in [*windows, *out]):
            continue  # decided while an invitation was (or may have been) valid: `invitation_end` renews it
        end = invitation_end(ext, [x for x in extensions if x > ext], rules)
        out.append((ext, end, ext, end))
    return out


def state_spells(events: pd.DataFrame, rules: CountingRules = DEFAULT_RULES) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Disjoint (status, start, end) spells of one State whose event dates are all known
    (events: event, date): the segments of `state_segments`, each with its one status."""
    ev = events.assign(earliest=events["date"], latest=events["date"])
    return [(min(p, key=STATUSES.index), a, b) for a, b, p in state_segments(ev, rules)]


def _state(earliest, latest, day) -> str:
    """'yes' if the event has certainly happened by `day`, 'no' if certainly not, else 'maybe'."""
    if latest is not None and latest <= day:
        return "yes"
    if earliest is None or earliest <= day:
        return "maybe"
    return "no"


def possible_statuses(deposit: str, signature: str, invited: str) -> frozenset[str]:
    """Every status a State can have, given whether its deposit, signature and a valid
    invitation are certain ('yes'), excluded ('no') or undecided ('maybe') on a day."""
    out: set[str] = set()
    if deposit in ("yes", "maybe"):
        out.add("party")
    if deposit in ("no", "maybe"):
        if signature in ("yes", "maybe"):
            out.add("signatory")
        if signature in ("no", "maybe"):
            if invited in ("yes", "maybe"):
                out.add("invited")
            if invited in ("no", "maybe"):
                out.add("none")
    return frozenset(out)


def state_segments(
    events: pd.DataFrame, rules: CountingRules = DEFAULT_RULES
) -> list[tuple[pd.Timestamp, pd.Timestamp, frozenset]]:
    """(start, end, possible statuses) for one State under one treaty; end exclusive.

    `events`: event, earliest, latest (Timestamps; NaT = open). The deposit is the
    ratification or accession (or, under `basis="entry-into-force"`, the entry into force);
    an invitation is valid from its adoption to its lapse (`invitation_end`), taken at
    the earliest and the latest adoption day the record allows.
    """
    rows = [
        (e, None if pd.isna(a) else a, None if pd.isna(b) else b)
        for e, a, b in zip(events["event"], events["earliest"], events["latest"])
    ]
    return segments_of(rows, rules)


DEPOSIT_EVENTS = {"deposit": ("ratification", "accession", "deposit"), "entry-into-force": ("entry_into_force",)}


def segments_of(rows: list[tuple[str, pd.Timestamp | None, pd.Timestamp | None]], rules: CountingRules = DEFAULT_RULES):
    """`state_segments` on (event, earliest, latest) tuples, sorted by earliest within an event."""
    first: dict[str, tuple] = {}
    invitations, ext = [], []
    for event, e, l in sorted(rows, key=lambda r: (r[0], r[1] if r[1] is not None else pd.Timestamp.min)):
        if event == "invitation":
            invitations.append((e, l))
        elif event == "invitation_extension":
            if l is not None:
                ext.append(l)
        else:
            first.setdefault(event, (e, l))
    dep = next((first[k] for k in DEPOSIT_EVENTS[rules.basis] if k in first), (FAR, FAR))
    d_e, d_l = dep
    s_e, s_l = first.get("signature", (FAR, FAR))
    end = first.get("denunciation_effect", (None, None))[1]
    party_end = end if end is not None else FAR
    windows = []  # (certain from, certain to, possible from, possible to) for each invitation
    for e, l in invitations:
        e = e if e is not None else pd.Timestamp("1900-01-01")
        l = l if l is not None else FAR
        windows.append((l, invitation_end(e, ext, rules), e, invitation_end(l, ext, rules) if l != FAR else FAR))
    windows += lapsed_extension_windows(windows, ext, rules)
    marks = {p for p in (d_e, d_l, s_e, s_l, party_end) if p is not None}
    for w in windows:
        marks |= set(w)
    points = sorted(p for p in marks if p < FAR) + [FAR]
    out: list[tuple[pd.Timestamp, pd.Timestamp, frozenset]] = []
    for a, b in zip(points[:-1], points[1:]):
        if a >= party_end:
            status = frozenset({"none"})
        else:
            valid = (
                "yes"
                if any(cf <= a < ct for cf, ct, _, _ in windows)
                else "maybe"
                if any(pf <= a < pt for _, _, pf, pt in windows)
                else "no"
            )
            status = possible_statuses(_state(d_e, d_l, a), _state(s_e, s_l, a), valid)
        if out and out[-1][2] == status and out[-1][1] == a:
            out[-1] = (out[-1][0], b, status)
        else:
            out.append((a, b, status))
    return [s for s in out if s[2] != frozenset({"none"})]
