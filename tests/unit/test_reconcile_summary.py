"""The agreement measures (`cproc-data reconcile --summary`) on a tiny hand-made register."""

import pandas as pd

from cproc_data.derive.reconcile_summary import summary_metrics

T = pd.Timestamp


def _rec():
    rows = [  # figure_id, document, indicator, treaty, compared_on, reported, computed, agreement, explanation
        ("a", "coe-a", "parties", "ETS185", T("2015-01-01"), 50, 50, "exact", "matches"),
        ("b", "coe-b", "parties", "ETS185", T("2016-01-01"), 52, 51, "within", "within the record's bounds (51-53)"),
        ("c", "coe-a", "parties", "ETS185", T("2017-01-01"), 60, 55, "differs", "the record holds 3 fewer: Serbia"),
        ("d", "coe-a", "parties", "ETS185", T("2013-06-01"), 40, 40, "exact", "matches"),  # before 2014
        ("e", "tp", "parties", "ETS185", T("2018-01-01"), 70, 60, "differs", "counting rule: matches when ..."),
        ("f", "coe-b", "protocol1_parties", "ETS189", T("2020-01-01"), 30, 29, "within", "within the record's bounds (29-30)"),
        ("g", "coe-a", "invited", "ETS185", pd.NaT, 9, pd.NA, "undated", "the figure gives no date"),
        ("h", "coe-a", "signatories", "ETS185", T("2019-01-01"), 5, 2, "differs", "the record and the figure differ"),
    ]
    cols = [
        "figure_id",
        "source_document",
        "indicator",
        "treaty",
        "compared_on",
        "reported",
        "computed",
        "agreement",
        "explanation",
    ]
    df = pd.DataFrame(rows, columns=cols)
    df["computed"] = df["computed"].astype("Int64")
    return df


PRODUCERS = pd.Series({"coe-a": "Council of Europe", "coe-b": "Cybercrime@CoE Update", "tp": "Loop Vanuatu"})
EVENTS = pd.DataFrame(
    [
        ("ETS185", "AAA", "day"),
        ("ETS185", "AAA", "month"),
        ("ETS185", "BBB", "bound"),
        ("ETS185", "BBB", "bound"),
        ("ETS189", "CCC", "year"),
    ],
    columns=["treaty", "iso3", "precision"],
)


def _measures():
    df = summary_metrics(_rec(), PRODUCERS, EVENTS, {"Serbia", "Kenya"})
    return df.set_index("measure")


def test_shares_of_the_council_of_europes_counts_since_2014():
    m = _measures()
    parties = m.loc["ETS 185 Parties within [min, max]"]
    assert (parties["figures"], parties["meeting"], parties["share"]) == (
        3,
        2,
        0.667,
    )  # a, b, c; not d (2013), not e (third party)
    assert not parties["met"]
    equal = m.loc["ETS 185 Parties equal to the certain count"]
    assert (equal["figures"], equal["meeting"]) == (3, 1)  # only a: b's certain count is 51
    sig = m.loc["ETS 185 signatories within [min, max]"]
    assert (sig["figures"], sig["meeting"], sig["share"]) == (1, 0, 0.0)
    invited = m.loc["ETS 185 invited within [min, max]"]
    assert invited["figures"] == 0 and pd.isna(invited["share"]) and not invited["met"]  # g is undated
    p1 = m.loc["ETS 189 Parties within [min, max]"]
    assert (p1["figures"], p1["meeting"], p1["share"], p1["met"]) == (1, 1, 1.0, True)


def test_overall_share_and_silent_differences():
    m = _measures()
    overall = m.loc["membership figures exact or within"]
    assert (overall["figures"], overall["meeting"]) == (7, 4)  # every dated row; a, b, d, f agree
    silent = m.loc["differing figures naming no State and no rule"]
    assert (silent["figures"], silent["meeting"], silent["met"]) == (3, 1, False)  # h names nothing


def test_what_the_record_knows_only_within_bounds():
    m = _measures()
    assert m.loc["events known only within bounds", "meeting"] == 4
    assert m.loc["ETS185 States with an event known only within bounds", "meeting"] == 2
    assert m.loc["ETS189 States with an event known only within bounds", "meeting"] == 1
