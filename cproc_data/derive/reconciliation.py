"""Reported membership figures beside the counts computed from the treaty record.

For each register row about membership (Convention, First and Second Protocol), the
figure's date is read by its precision: a year ("by 2013", "in 2024") as that year's
last day, a month ("by March 2024") as the month's last day, a day as itself. The
record's count is set beside it with its bounds: `computed_min` counts the States whose
status is certainly one the indicator counts, `computed_max` those for which it is
possible (a State that is a Party or a signatory, the record cannot tell which, is
certainly among "Parties, signatories and invited"). `computed` is the certain count.
Each figure is classed `exact` (an exact figure equal to a certain count), `within` (some
count between the bounds satisfies it) or `differs`. A differing figure is explained by
trying the alternative readings in turn:

* another counting rule matches (Parties from entry into force; invitations that never
  lapse; signatories counted with the Parties that also ratified; only non-member States);
* another reading of the date matches (the first day of the year or month);
* otherwise the States responsible are named: where the record holds fewer, the States it
  cannot date in that status and the next to reach it; where it holds more, the latest to
  reach it by the figure's date.

No row is hidden; `matches` is True only for an exact reported figure equal to the count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..domain.counting import CountingRules
from ..domain.countries import short_name
from ..domain.treaties import MAIN_TREATY
from ..load import cached
from .impact import reported_figures
from .record_gaps import record_gaps
from .states import coe_member_at
from .status import status_spells
from .treaty_record import resolve_as_of

APPROX_TOLERANCE = 0.05  # 'about N' holds within 5% of N (at least one State)
MEMBERSHIP = {
    # indicator: (treaty, the statuses it counts)
    "parties": (MAIN_TREATY, ("party",)),
    "signatories": (MAIN_TREATY, ("signatory",)),
    "invited": (MAIN_TREATY, ("invited",)),
    "parties_signatories_invited_total": (MAIN_TREATY, ("party", "signatory", "invited")),
    "signatories_and_invited": (MAIN_TREATY, ("signatory", "invited")),
    "protocol1_parties": ("ETS189", ("party",)),
    "protocol1_signatories": ("ETS189", ("signatory",)),
    "protocol2_parties": ("CETS224", ("party",)),
    "protocol2_signatories": ("CETS224", ("signatory",)),
    "protocol2_signed_total": ("CETS224", ("party", "signatory")),
}
ALTERNATIVES = [
    ("Parties counted from entry into force", CountingRules(basis="entry-into-force"), None),
    ("invitations never lapse", CountingRules(invitation_validity_years=None), None),
    ("signatories counted with the signatories that also ratified", CountingRules(), "with_parties"),
    ("only States that are not members of the Council of Europe are counted", CountingRules(), "non_members"),
]
LABELS = {"party": "Parties", "signatory": "signatories", "invited": "invited States"}
GAP_EVENT = {"party": "deposit", "signatory": "signature", "invited": "invitation"}
GAP_STATUS = {  # what record_gaps says is missing -> the status it would give
    **dict.fromkeys(("deposit", "accession", "party_at", "nth_party"), "party"),
    **dict.fromkeys(("signature", "signatory_at"), "signatory"),
    **dict.fromkeys(("invitation", "invited_at"), "invited"),
}


def read_date(refers_to, precision) -> pd.Timestamp | None:
    """The day a dated figure is compared on: end of its year or month, or the day."""
    if pd.isna(refers_to) or precision == "none":
        return None
    ts = pd.Timestamp(refers_to)
    if precision == "year":
        return pd.Timestamp(ts.year, 12, 31)
    if precision == "month":
        return ts + pd.offsets.MonthEnd(0)
    return ts


@cached
def _spells(treaty: str, rules: CountingRules) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[frozenset]]:
    """The status spells of one treaty as arrays: iso3, start, end (int64 ns), possible statuses."""
    sp = status_spells(treaty, rules)
    start = sp["start"].to_numpy().astype("datetime64[ns]").astype(np.int64)
    end = sp["end"].fillna(pd.Timestamp.max).to_numpy().astype("datetime64[ns]").astype(np.int64)
    return sp["iso3"].to_numpy(dtype=object), start, end, [frozenset(str(p).split("|")) for p in sp["possible"]]


def _want(indicator: str, variant=None) -> frozenset[str] | None:
    """The statuses an indicator counts under a variant; None where the variant does not apply."""
    want = frozenset(MEMBERSHIP[indicator][1])
    if variant == "with_parties":
        return want | {"party"} if want == {"signatory"} else None
    if variant == "non_members":
        return want if len(want) == 1 and indicator in ("parties", "signatories", "invited") else None
    return want


def _states_in(indicator: str, when, rules: CountingRules, variant=None) -> tuple[list[str], list[str]]:
    """(States certainly counted, States possibly counted) by a register indicator on `when`
    (nobody where the variant does not apply to the indicator)."""
    want = _want(indicator, variant)
    if want is None:
        return [], []
    iso3, start, end, possible = _spells(MAIN_TREATY if variant == "non_members" else MEMBERSHIP[indicator][0], rules)
    day = pd.Timestamp(when).as_unit("ns").value
    live = np.flatnonzero((start <= day) & (end > day))
    certain = [iso3[i] for i in live if possible[i] <= want]
    maybe = [iso3[i] for i in live if possible[i] & want]
    if variant == "non_members":
        certain = [c for c, m in zip(certain, coe_member_at(pd.Series(certain, dtype=object), when)) if not m]
        maybe = [c for c, m in zip(maybe, coe_member_at(pd.Series(maybe, dtype=object), when)) if not m]
    return certain, maybe


def _range(indicator: str, when, rules: CountingRules, variant=None) -> tuple[int, int]:
    """The record's (min, max) for a register indicator on `when`."""
    certain, maybe = _states_in(indicator, when, rules, variant)
    return len(certain), len(maybe)


def agreement(reported: float, qualifier: str, low: int, high: int) -> str:
    """exact: an exact figure equal to a certain count; within: some count in [low, high]
    satisfies the figure (its qualifier read as in `_holds`); differs otherwise."""
    if qualifier == "exact" and low == high == reported:
        return "exact"
    if any(_holds(reported, qualifier, n) for n in range(low, high + 1)):
        return "within"
    return "differs"


def _holds(reported: float, qualifier: str, computed: int) -> bool:
    if qualifier == "lower_bound":
        return computed >= reported
    if qualifier == "upper_bound":
        return computed <= reported
    if qualifier == "approx":
        return abs(computed - reported) <= max(1, APPROX_TOLERANCE * reported)
    return computed == reported


def reconcile(as_of=None) -> pd.DataFrame:
    """One row per reported membership figure: reported, computed, difference, explanation.

    `as_of` (the one date contract; default: the data's as-of date) keeps the figures that
    speak of a day up to then, and the undated ones."""
    when = pd.Timestamp(resolve_as_of(as_of))
    df = _reconcile()
    return df[df["compared_on"].isna() | (df["compared_on"] <= when)].reset_index(drop=True)


@cached
def _reconcile() -> pd.DataFrame:
    figs = reported_figures(list(MEMBERSHIP))
    rows = []
    for f in figs.itertuples():
        treaty = MEMBERSHIP[f.indicator][0]
        when = read_date(f.refers_to, f.refers_to_precision)
        base = {
            "figure_id": f.figure_id,
            "source_document": f.source_document,
            "indicator": f.indicator,
            "treaty": treaty,
            "refers_to": f.refers_to,
            "refers_to_precision": f.refers_to_precision,
            "compared_on": when,
            "reported": f.value,
            "qualifier": f.qualifier,
        }
        if when is None:
            rows.append(
                {
                    **base,
                    "computed": pd.NA,
                    "computed_min": pd.NA,
                    "computed_max": pd.NA,
                    "difference": pd.NA,
                    "agreement": "undated",
                    "matches": False,
                    "explanation": "the figure gives no date, so it cannot be compared",
                }
            )
            continue
        low, high = _range(f.indicator, when, CountingRules())
        computed = low  # the certain count
        cls = agreement(float(f.value), f.qualifier, low, high)
        diff = computed - float(f.value)
        if cls == "exact":
            explanation = "matches"
        elif cls == "within":
            explanation = (
                f"within the record's bounds ({low}-{high})"
                if low != high
                else f"consistent with the figure's qualifier ({f.qualifier})"
            )
        else:
            explanation = "; ".join(_reasons(f, when, low, high))
        rows.append(
            {
                **base,
                "computed": computed,
                "computed_min": low,
                "computed_max": high,
                "difference": diff,
                "agreement": cls,
                "matches": cls == "exact",
                "explanation": explanation,
            }
        )
    df = pd.DataFrame(rows)
    for c in ("computed", "computed_min", "computed_max"):
        df[c] = df[c].astype("Int64")
    df["difference"] = df["difference"].astype("Float64")
    df = df.sort_values(["treaty", "compared_on", "indicator", "figure_id"], na_position="last").reset_index(drop=True)
    if not df["figure_id"].is_unique:
        raise AssertionError("reconcile: duplicate figure_id")
    return df


def _reasons(f, when, low: int, high: int) -> list[str]:
    """Why a figure differs: another counting rule or reading of the date, or the States responsible."""
    reasons = []
    for label, rules, variant in ALTERNATIVES:
        if (
            _want(f.indicator, variant) is not None
            and agreement(f.value, f.qualifier, *_range(f.indicator, when, rules, variant)) != "differs"
        ):
            reasons.append(f"counting rule: matches when {label}")
    if f.refers_to_precision in ("year", "month"):
        start = pd.Timestamp(f.refers_to)
        if agreement(f.value, f.qualifier, *_range(f.indicator, start, CountingRules())) != "differs":
            reasons.append(f"date: matches when '{f.refers_to_precision}' is read as its first day ({start.date()})")
    return reasons or [_responsible(f, pd.Timestamp(when), low, high)]


def _names(pairs) -> str:
    """'Kenya (2024-10-09), Malawi (2024-10-09)' in the order given; undated names alphabetically."""
    pairs = list(pairs)
    if all(d is None for _, d in pairs):
        pairs = sorted(pairs, key=lambda p: short_name(p[0]))
    return ", ".join(f"{short_name(i)} ({d.date()})" if d is not None else short_name(i) for i, d in pairs)


def _undated(treaty: str, want: frozenset, when: pd.Timestamp, counted) -> list[str]:
    """'no date for the invitation of: ...': States the record knows had (or will have) a
    counted status but cannot date it, so that they may have held it on `when`."""
    g = record_gaps()
    g = g[(g["treaty"] == treaty) & g["missing"].map(GAP_STATUS).isin(want) & ~g["iso3"].isin(counted)]
    g = g[g["known_date"].isna() | (g["known_date"] > when)]
    g = g.assign(kind=g["missing"].map(GAP_STATUS).map(GAP_EVENT)).drop_duplicates("iso3")
    return [
        f"no date in the record for the {kind} of: {_names((i, None) for i in sorted(grp['iso3']))}"
        for kind, grp in g.groupby("kind", sort=True)
    ]


def _responsible(f, when: pd.Timestamp, low: int, high: int) -> str:
    """The States behind a difference no other rule explains. The record holds fewer: the
    States it cannot date in that status (their event lies before a later one, or no source
    dates it), the next to reach it after the figure's date and, for Parties, the record's
    signatories (a deposit it lacks would count them). The record holds more: the latest to
    reach the status by then."""
    treaty, statuses = MEMBERSHIP[f.indicator]
    want = frozenset(statuses)
    label = " or ".join(LABELS[s] for s in statuses)
    certain, maybe = _states_in(f.indicator, when, CountingRules())
    iso3, start, end, possible = _spells(treaty, CountingRules())
    day = when.as_unit("ns").value
    holding = [n for n in range(0, 2 * int(max(high, f.value)) + 10) if _holds(f.value, f.qualifier, n)]
    if holding and min(holding) > high:
        k = min(holding) - high
        parts = [f"the record holds {k} fewer {label} than the figure, even at its upper bound {high}"]
        parts += _undated(treaty, want, when, maybe)
        first: dict[str, pd.Timestamp] = {}
        for i in np.flatnonzero(start > day):
            if possible[i] & want and iso3[i] not in maybe:
                first[iso3[i]] = min(first.get(iso3[i], pd.Timestamp.max), pd.Timestamp(start[i]))
        nxt = sorted(first.items(), key=lambda kv: (kv[1], kv[0]))[:k]
        if nxt:
            parts.append(f"the next to become {label} in the record: {_names(nxt)}")
        if want == {"party"}:
            signed = [iso3[i] for i in np.flatnonzero((start <= day) & (end > day)) if possible[i] == {"signatory"}]
            if signed:
                parts.append(
                    f"the record's signatories then (Parties if it lacks their deposit): {_names((i, None) for i in sorted(signed))}"
                )
        if len(parts) == 1 and certain:
            parts.append(f"the record's {len(certain)} {label} then: {_names((i, None) for i in sorted(certain))}")
        return "; ".join(parts)
    k = low - max(holding) if holding else low
    since = {iso3[i]: pd.Timestamp(start[i]) for i in np.flatnonzero((start <= day) & (end > day)) if iso3[i] in certain}
    latest = sorted(since.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)[:k]
    return (
        f"the record counts {k} more {label} than the figure, even at its lower bound {low}; "
        f"the latest to become {label} by {when.date()}: {_names(latest)}"
    )
