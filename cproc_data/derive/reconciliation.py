"""Reported membership figures beside the counts computed from the treaty record.

For each register row about membership (Convention, First and Second Protocol), the
figure's date is read by its precision: a year ("by 2013", "in 2024") as that year's
last day, a month ("by March 2024") as the month's last day, a day as itself. The
count under the default rules is set beside it, with the difference and an
explanation, found by trying the alternative readings in turn:

* another counting rule matches (Parties from entry into force; invitations that never
  lapse; signatories counted with the Parties that also ratified; only non-member States);
* another reading of the date matches (the first day of the year or month);
* the record has known gaps before that date (Parties without a dated deposit,
  invitations without a date) that can account for a shortfall;
* otherwise the States behind the difference are named where the record has more.

No row is hidden; `matches` is True only for an exact reported figure equal to the count.
"""

from __future__ import annotations

import pandas as pd

from ..domain.counting import CountingRules
from ..domain.treaties import MAIN_TREATY
from ..load import cached
from .impact import reported_figures
from .status import counts, status_on
from .treaty_record import resolve_as_of

APPROX_TOLERANCE = 0.05  # 'about N' holds within 5% of N (at least one State)
MEMBERSHIP = {
    # indicator: (treaty, function of a counts row)
    "parties": (MAIN_TREATY, lambda c: c.parties),
    "signatories": (MAIN_TREATY, lambda c: c.signatories),
    "invited": (MAIN_TREATY, lambda c: c.invited),
    "parties_signatories_invited_total": (MAIN_TREATY, lambda c: c.parties + c.signatories + c.invited),
    "signatories_and_invited": (MAIN_TREATY, lambda c: c.signatories + c.invited),
    "protocol1_parties": ("ETS189", lambda c: c.parties),
    "protocol1_signatories": ("ETS189", lambda c: c.signatories),
    "protocol2_parties": ("CETS224", lambda c: c.parties),
    "protocol2_signatories": ("CETS224", lambda c: c.signatories),
    "protocol2_signed_total": ("CETS224", lambda c: c.signatories + c.parties),
}
ALTERNATIVES = [
    ("Parties counted from entry into force", CountingRules(basis="entry-into-force"), None),
    ("invitations never lapse", CountingRules(invitation_validity_years=None), None),
    ("signatories counted with the signatories that also ratified", CountingRules(), "with_parties"),
    ("only States that are not members of the Council of Europe are counted", CountingRules(), "non_members"),
]


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


def _count(indicator, when, rules, variant=None, bound: str = "") -> int:
    """The record's count for a register indicator on `when` (`bound`: '', '_min' or '_max')."""
    treaty, fn = MEMBERSHIP[indicator]
    if variant == "non_members":
        want = {"signatories": "signatory", "invited": "invited", "parties": "party"}.get(indicator)
        if want is None:
            return -1  # not applicable
        s = status_on(pd.Timestamp(when), treaty, rules, all_states=False)
        return int(((s["status"].astype(str) == want) & s["certain"] & ~s["coe_member"]).sum())
    c = counts([when], treaty, rules).iloc[0]
    row = pd.Series({k: c[f"{k}{bound}"] for k in ("parties", "signatories", "invited")})
    value = int(fn(row))
    if variant == "with_parties" and indicator in ("signatories", "protocol2_signatories", "protocol1_signatories"):
        value += int(row["parties"])
    return value


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
        computed = _count(f.indicator, when, CountingRules())
        low = _count(f.indicator, when, CountingRules(), bound="_min")
        high = _count(f.indicator, when, CountingRules(), bound="_max")
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
            explanation = "; ".join(_reasons(f, when, treaty, low, high)) or "the record and the figure differ"
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


WANT = {
    "signatories": ["signatory"],
    "invited": ["invited"],
    "parties": ["party"],
    "protocol1_parties": ["party"],
    "protocol1_signatories": ["signatory"],
    "protocol2_signatories": ["signatory"],
    "protocol2_parties": ["party"],
    "signatories_and_invited": ["signatory", "invited"],
}


def _reasons(f, when, treaty: str, low: int, high: int) -> list[str]:
    """Why a figure differs: another counting rule or reading of the date, or the States responsible."""
    reasons = []
    for label, rules, variant in ALTERNATIVES:
        if _holds(f.value, f.qualifier, _count(f.indicator, when, rules, variant)):
            reasons.append(f"counting rule: matches when {label}")
    if f.refers_to_precision in ("year", "month"):
        start = pd.Timestamp(f.refers_to)
        if _holds(f.value, f.qualifier, _count(f.indicator, start, CountingRules())):
            reasons.append(f"date: matches when '{f.refers_to_precision}' is read as its first day ({start.date()})")
    if reasons:
        return reasons
    want = WANT.get(f.indicator)
    s = status_on(pd.Timestamp(when), treaty, all_states=False)
    if want:
        listed = s[s["status"].astype(str).isin(want) & s["certain"]]
        names = ", ".join(sorted(listed["name"]))
        if high < f.value:
            reasons.append(
                f"record incomplete: {int(f.value) - high} more such States than the record holds, even at its "
                f"upper bound {high}; the record has {len(listed)} on {when.date()}" + (f": {names}" if len(listed) <= 12 else "")
            )
        else:
            reasons.append(
                f"definition differs: the record has {len(listed)} such States on {when.date()}"
                + (f": {names}" if len(listed) <= 12 else "")
            )
    else:
        reasons.append(
            f"the record gives {low}-{high} where the figure says {f.value:g}"
            if low != high
            else f"the record gives {low} where the figure says {f.value:g}"
        )
    return reasons
