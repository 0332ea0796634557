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
from ..load import cached
from .impact import reported_figures
from .record_gaps import record_gaps
from .status import counts, status_on

APPROX_TOLERANCE = 0.05  # 'about N' holds within 5% of N (at least one State)
MEMBERSHIP = {
    # indicator: (treaty, function of a counts row)
    "parties": ("ETS185", lambda c: c.parties),
    "signatories": ("ETS185", lambda c: c.signatories),
    "invited": ("ETS185", lambda c: c.invited),
    "parties_signatories_invited_total": ("ETS185", lambda c: c.parties + c.signatories + c.invited),
    "signatories_and_invited": ("ETS185", lambda c: c.signatories + c.invited),
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


def _count(indicator, when, rules, variant=None) -> int:
    treaty, fn = MEMBERSHIP[indicator]
    if variant == "non_members":
        want = {"signatories": "signatory", "invited": "invited", "parties": "party"}.get(indicator)
        if want is None:
            return -1  # not applicable
        s = status_on(pd.Timestamp(when), treaty, rules, all_states=False)
        return int(((s["status"].astype(str) == want) & ~s["coe_member"]).sum())
    c = counts([when], treaty, rules).iloc[0]
    value = int(fn(c))
    if variant == "with_parties" and indicator in ("signatories", "protocol2_signatories", "protocol1_signatories"):
        value += int(c.parties)
    return value


def _holds(reported: float, qualifier: str, computed: int) -> bool:
    if qualifier == "lower_bound":
        return computed >= reported
    if qualifier == "upper_bound":
        return computed <= reported
    if qualifier == "approx":
        return abs(computed - reported) <= max(1, APPROX_TOLERANCE * reported)
    return computed == reported


def reconcile() -> pd.DataFrame:
    """One row per reported membership figure: reported, computed, difference, explanation."""
    return _reconcile().copy()


@cached
def _reconcile() -> pd.DataFrame:
    figs = reported_figures(list(MEMBERSHIP))
    gaps = record_gaps()
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
                    "difference": pd.NA,
                    "matches": False,
                    "explanation": "the figure gives no date, so it cannot be compared",
                }
            )
            continue
        computed = _count(f.indicator, when, CountingRules())
        diff = computed - float(f.value)
        if _holds(f.value, f.qualifier, computed):
            explanation = "matches" if diff == 0 else f"consistent with the figure's qualifier ({f.qualifier})"
        else:
            reasons = []
            for label, rules, variant in ALTERNATIVES:
                if _holds(f.value, f.qualifier, _count(f.indicator, when, rules, variant)):
                    reasons.append(f"counting rule: matches when {label}")
            if f.refers_to_precision in ("year", "month"):
                start = pd.Timestamp(f.refers_to)
                if _holds(f.value, f.qualifier, _count(f.indicator, start, CountingRules())):
                    reasons.append(f"date: matches when '{f.refers_to_precision}' is read as its first day ({start.date()})")
            g = gaps[(gaps["known_date"].notna()) & (gaps["known_date"] <= when)]
            if not reasons:
                dep = g[(g["treaty"] == treaty) & g["missing"].isin(["deposit", "accession"])]
                if treaty != "ETS185":
                    dep = dep.iloc[0:0]
                inv = g[(g["treaty"] == "ETS185") & (g["missing"] == "invitation")]
                if diff < 0 and f.indicator in ("parties", "parties_signatories_invited_total", "protocol1_parties") and len(dep):
                    reasons.append(
                        f"record incomplete: {len(dep)} Parties in force by then have no dated deposit "
                        f"({', '.join(sorted(dep['iso3']))}); other Parties may be missing altogether"
                    )
                elif diff < 0:
                    reasons.append(
                        "record incomplete: States are missing from the record or lack a date "
                        "(see record_gaps() and the README's known gaps)"
                    )
                if diff > 0:
                    s = status_on(pd.Timestamp(when), treaty, all_states=False)
                    want = {
                        "signatories": ["signatory"],
                        "invited": ["invited"],
                        "parties": ["party"],
                        "protocol1_signatories": ["signatory"],
                        "protocol2_signatories": ["signatory"],
                        "signatories_and_invited": ["signatory", "invited"],
                    }.get(f.indicator)
                    if want:
                        listed = s[s["status"].astype(str).isin(want)]
                        stale = listed[listed["iso3"].isin(set(dep["iso3"]))] if "signatory" in want else listed.iloc[0:0]
                        rest = listed[~listed["iso3"].isin(set(stale["iso3"]))]
                        if len(stale):
                            reasons.append(
                                f"record incomplete: {', '.join(sorted(stale['name']))} were Parties by then but lack a dated "
                                f"deposit, so the record still counts them as signatories; without them it gives {len(rest)}"
                            )
                        if len(rest) != f.value:
                            reasons.append(
                                f"definition differs: the record has {len(rest)} such States on {when.date()}: "
                                f"{', '.join(sorted(rest['name']))}"
                            )
                    else:
                        reasons.append("the record counts more States than the figure")
                if f.indicator == "invited" and len(inv):
                    reasons.append(f"{len(inv)} accessions by then have no invitation date in the record")
            explanation = "; ".join(reasons)
        rows.append(
            {
                **base,
                "computed": computed,
                "difference": diff,
                "matches": bool(diff == 0 and f.qualifier == "exact"),
                "explanation": explanation,
            }
        )
    df = pd.DataFrame(rows)
    df["computed"] = df["computed"].astype("Int64")
    df["difference"] = df["difference"].astype("Float64")
    df = df.sort_values(["treaty", "compared_on", "indicator", "figure_id"], na_position="last").reset_index(drop=True)
    if not df["figure_id"].is_unique:
        raise AssertionError("reconcile: duplicate figure_id")
    return df
