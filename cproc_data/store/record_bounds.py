"""From dated facts and bounding statements to the bounded event record (one State at a time).

Transformations, for each State:
  1. every fact becomes an interval: a day [d, d], a month or a year [first, last], a
     statement its bound (`party_at` D: deposit <= D; `deposit_between` A/B: [A, B]); a
     statement that a State was not yet a Party (`invited_at`, `not_party_at`) or that its
     law approving the treaty was adopted (`domestic_approval`) is kept in its own slot
     (domain.bounds.NOT_YET), which narrows a deposit and never writes a row;
  2. per treaty, the facts about one single-valued event are intersected (the tightest
     bound wins; the sources of each end are kept); invitations and extensions stay one
     row each, and a statement that names an invited State with no invitation on or
     before its date adds a bounded invitation;
  3. the rules of `domain.bounds` narrow each event within its treaty, then a Protocol's
     events narrow the Convention's, and the Convention's rules run again;
  4. an interval that ends before it starts is a conflict: the problem names the rules
     and the sources of both ends;
  5. a deposit no source names as a ratification or an accession gets its kind from
     `domain.deposits.deposit_kind` (a signatory ratifies; a member ratifies; others accede).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

import pandas as pd

from ..domain.bounds import DEPOSIT, NOT_YET, STATEMENTS, Bound, apply_rules, parent_bounds
from ..domain.counting import DEFAULT_RULES
from ..domain.dates import parse_stated
from ..domain.deposits import deposit_kind
from ..domain.membership import is_member
from ..domain.treaties import TREATIES
from ..errors import DataProblem

STATEMENT_RULE = {
    "party_at": "listed_as_party",
    "nth_party": "nth_party",
    "deposit_between": "between_plenaries",
    "signatory_at": "listed_as_signatory",
    "invited_at": "listed_as_invited",
    "invitation_between": "between_plenaries",
}
SLOT = {"ratification": DEPOSIT, "accession": DEPOSIT, "deposit": DEPOSIT}
REPEATABLE = ("invitation", "invitation_extension")
EVENTS_FILE = "datasets/core/treaty_events.csv"


def _statement(fact) -> tuple[str, Bound, str, str]:
    """(slot, bound, kind, precision) of one raw fact."""
    first, last, precision = parse_stated(fact["date"])
    sources = frozenset([fact["source_id"]])
    event = fact["event"]
    if event in STATEMENTS:
        rule = STATEMENT_RULE[event]
        if event.endswith("_between"):
            return STATEMENTS[event], Bound(first, last, rule, rule, sources, sources, sources), "", "bound"
        return STATEMENTS[event], Bound(None, last, "", rule, sources, high_sources=sources), "", "bound"
    how = "stated" if precision == "day" else f"stated_{precision}"
    bound = Bound(first, last, how, how, sources, sources, sources)
    return SLOT.get(event, event), bound, event if event in SLOT else "", precision


def _not_yet(fact) -> tuple[str, Bound]:
    """(slot, bound) of a statement that bounds a deposit from below: the first day it can
    speak of (the rules of domain.bounds read `earliest`)."""
    first, _last, _precision = parse_stated(fact["date"])
    sources = frozenset([fact["source_id"]])
    return NOT_YET[fact["event"]], Bound(first, None, fact["event"], "", sources, sources)


def _merge(a: Bound, b: Bound) -> Bound:
    """The intersection of two bounds; each end keeps the name and sources of what set it
    (a stated day keeps its name when another source gives the same day)."""
    out = replace(a, sources=a.sources | b.sources) if (a.earliest, a.latest) == (b.earliest, b.latest) else a
    for end, by, src, tighter in (
        ("earliest", "low_by", "low_sources", lambda new, old: new >= old),
        ("latest", "high_by", "high_sources", lambda new, old: new <= old),
    ):
        new, old = getattr(b, end), getattr(out, end)
        if new is not None and (old is None or tighter(new, old)):
            keep = old == new and getattr(out, by) == "stated"
            ends = getattr(out, src) | getattr(b, src) if old == new else getattr(b, src)
            out = replace(
                out, **{end: new, by: getattr(out, by) if keep else getattr(b, by), src: ends}, sources=out.sources | b.sources
            )
    return out


PRECISION_ORDER = {"day": 0, "month": 1, "year": 2, "bound": 3}


def bounded_events(dated: pd.DataFrame, coe: pd.DataFrame) -> tuple[list[dict], list[DataProblem]]:
    """Rows of core/treaty_events.csv (unsorted) and the conflicts met."""
    problems: list[DataProblem] = []
    rows: list[dict] = []
    for iso3, grp in dated.groupby("iso3", sort=True):
        slots: dict[str, dict[str, Bound]] = defaultdict(dict)
        precision: dict[tuple[str, str], str] = {}
        kinds: dict[str, set] = defaultdict(set)
        repeat: dict[str, list] = defaultdict(list)
        notes: dict[tuple[str, str], set] = defaultdict(set)
        for fact in grp.to_dict("records"):
            t = fact["treaty"]
            if fact["event"] in NOT_YET:
                slot, bound = _not_yet(fact)
                slots[t][slot] = _merge(slots[t][slot], bound) if slot in slots[t] else bound
                if fact["event"] not in STATEMENTS:
                    continue
            slot, bound, kind, prec = _statement(fact)
            if kind:
                kinds[t].add(kind)
            if fact.get("note_fix"):
                notes[(t, slot)].add(fact["note_fix"])
            if slot in REPEATABLE and prec != "bound":
                same = [
                    i for i, (b, _) in enumerate(repeat[(t, slot)]) if (b.earliest, b.latest) == (bound.earliest, bound.latest)
                ]
                if same:  # the same invitation from another source: one row citing both
                    b, p = repeat[(t, slot)][same[0]]
                    repeat[(t, slot)][same[0]] = (replace(b, sources=b.sources | bound.sources), p)
                else:
                    repeat[(t, slot)].append((bound, prec))
                continue
            if slot in REPEATABLE:  # a statement: bounds an invitation on or before its date
                known = [b for b, _ in repeat[(t, slot)] if b.earliest and bound.latest and b.earliest <= bound.latest]
                if not known:
                    repeat[(t, "pending_" + slot)].append((bound, prec))
                continue
            current = slots[t].get(slot)
            slots[t][slot] = bound if current is None else _merge(current, bound)
            old = precision.get((t, slot), "bound")
            precision[(t, slot)] = prec if PRECISION_ORDER[prec] < PRECISION_ORDER[old] else old
        for t in TREATIES:
            pending = None  # statements naming an invited State: together, one bounded invitation
            for b, _prec in repeat.pop((t, "pending_invitation"), []):
                if not any(k.earliest and b.latest and k.earliest <= b.latest for k, _ in repeat[(t, "invitation")]):
                    pending = b if pending is None else _merge(pending, b)
            if pending is not None:
                repeat[(t, "invitation")].append((pending, "bound"))
            invitations = sorted(repeat[(t, "invitation")], key=lambda x: (x[0].earliest or date.min, x[0].latest or date.max))
            if invitations:
                slots[t]["invitation"] = invitations[0][0]
                precision.setdefault((t, "invitation"), invitations[0][1])
            if "entry_into_force" in slots[t] and DEPOSIT not in slots[t]:
                slots[t][DEPOSIT] = Bound(None, None)
        for t in TREATIES:
            problems += _same_invitation(t, iso3, repeat[(t, "invitation")])
        narrowed = _narrow(iso3, slots, kinds, coe)
        for t, tslots in narrowed.items():
            for slot, b in tslots.items():
                if slot in NOT_YET.values():
                    continue  # a statement's own slot: it narrowed the deposit above
                if b.empty():
                    problems.append(_conflict(t, iso3, slot, b))
                    continue
                if slot == "invitation" and repeat[(t, "invitation")]:
                    continue  # invitations are written one row each below
                event = slot if slot != DEPOSIT else _kind(t, iso3, kinds[t], tslots, coe)
                rows.append(_row(t, iso3, event, b, precision.get((t, slot), "bound"), notes[(t, slot)]))
            for i, (b, prec) in enumerate(sorted(repeat[(t, "invitation")], key=lambda x: x[0].earliest or date.min)):
                if i == 0 and "invitation" in tslots:
                    b = tslots["invitation"]
                rows.append(_row(t, iso3, "invitation", b, prec, notes[(t, "invitation")]))
            for b, prec in repeat[(t, "invitation_extension")]:
                rows.append(_row(t, iso3, "invitation_extension", b, prec, notes[(t, "invitation_extension")]))
    return rows, problems


def _narrow(iso3: str, slots, kinds, coe) -> dict[str, dict[str, Bound]]:
    """Every rule within each treaty, then Protocol -> Convention, then the Convention's again."""

    def one(code):
        dep = slots[code].get(DEPOSIT)
        member = is_member(iso3, coe, dep.latest) if dep is not None and dep.latest else False
        accession = "accession" in kinds[code] or ("signature" not in slots[code] and not member)
        return apply_rules(TREATIES[code], slots[code], member, accession)

    out = {code: one(code) for code in TREATIES if slots.get(code)}
    for code, t in TREATIES.items():
        if t.parent and code in out:
            slots[t.parent] = parent_bounds(code, out[code], out.get(t.parent, slots.get(t.parent, {})))
            out[t.parent] = one(t.parent)
    return out


def _kind(code: str, iso3: str, kinds: set, tslots: dict, coe) -> str:
    stated = kinds & {"ratification", "accession"}
    if len(stated) == 1:
        return next(iter(stated))
    if len(stated) == 2:
        return "ratification"  # the one-deposit rule reports it (domain.checks)
    dep = tslots[DEPOSIT]
    member = is_member(iso3, coe, dep.latest) if dep.latest else False
    return deposit_kind("signature" in tslots, None, member)


def _row(treaty, iso3, event, b: Bound, precision: str, notes: set) -> dict:
    """One row of the record: a stated day, a stated month or year kept as given, or a bound."""
    exact = b.exact and b.low_by == "stated"
    kept = precision in ("month", "year") and b.low_by == b.high_by == f"stated_{precision}"
    precision = "day" if exact else precision if kept else "bound"
    basis = "stated" if exact else f"{b.low_by or 'open'} / {b.high_by or 'open'}"
    return {
        "treaty": treaty,
        "iso3": iso3,
        "event": event,
        "earliest": b.earliest.isoformat() if b.earliest else "",
        "latest": b.latest.isoformat() if b.latest else "",
        "precision": precision,
        "basis": basis,
        "source": "; ".join(sorted(b.sources)) or "(rules only)",
        "note": " | ".join(sorted(notes)),
    }


def _conflict(treaty: str, iso3: str, slot: str, b: Bound) -> DataProblem:
    return DataProblem(
        EVENTS_FILE,
        None,
        slot,
        f"{b.earliest} > {b.latest}",
        f"conflict: the bounds of {treaty} {slot} of {iso3} contradict each other: earliest {b.earliest} "
        f"({b.low_by}: {_named(b.low_sources)}) is after latest {b.latest} ({b.high_by}: {_named(b.high_sources)}); "
        f"sources: {', '.join(sorted(b.sources))}; record which source is right in datasets/corrections.csv",
        subject=(treaty, iso3, slot),
    )


def _named(sources: frozenset[str]) -> str:
    return ", ".join(sorted(sources)) or "the treaty's text"


def _same_invitation(treaty: str, iso3: str, invitations: list) -> list[DataProblem]:
    """Two stated invitations less than five years apart, one of them adopted under the
    2013 rule (CM/Del/Dec(2013)1168/10.2: an invitation is valid five years), are one
    decision that the sources date differently: a conflict, as for a single-valued event."""
    since = date.fromisoformat(DEFAULT_RULES.invitation_rule_since)
    years = DEFAULT_RULES.invitation_validity_years or 0
    dated = sorted((b for b, prec in invitations if prec != "bound" and b.earliest), key=lambda b: b.earliest)
    out = []
    for a, b in zip(dated, dated[1:]):
        if max(a.latest, b.latest) >= since and (b.earliest - a.latest).days < 365 * years:
            out.append(
                DataProblem(
                    EVENTS_FILE,
                    None,
                    "invitation",
                    f"{a.earliest} | {b.earliest}",
                    f"conflict: sources disagree on the {treaty} invitation of {iso3} ({', '.join(sorted(a.sources))} say "
                    f"{a.earliest}{'' if a.exact else ' to ' + str(a.latest)}; {', '.join(sorted(b.sources))} say {b.earliest}"
                    f"{'' if b.exact else ' to ' + str(b.latest)}): an invitation is valid five years, so these are one decision; "
                    "record a correction in datasets/corrections.csv",
                )
            )
    return out
