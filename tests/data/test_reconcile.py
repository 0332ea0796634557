import json

import pandas as pd
from conftest import run_cli

from cproc_data.derive.impact import reported_figures
from cproc_data.derive.reconciliation import MEMBERSHIP, read_date, reconcile

MEMBERSHIP_INDICATORS = {  # every register indicator that counts States under a treaty
    "parties",
    "signatories",
    "invited",
    "parties_signatories_invited_total",
    "signatories_and_invited",
    "protocol1_parties",
    "protocol1_signatories",
    "protocol2_signatories",
    "protocol2_signed_total",
    "protocol2_parties",
}


def test_every_membership_figure_has_a_row():
    r = reconcile()
    figures = reported_figures()
    expected = set(figures.loc[figures["indicator"].isin(MEMBERSHIP_INDICATORS), "figure_id"])
    assert set(r["figure_id"]) == expected and len(r) == len(expected)
    assert set(MEMBERSHIP) == MEMBERSHIP_INDICATORS


def test_dates_read_by_precision():
    assert read_date(pd.Timestamp("2013-01-01"), "year") == pd.Timestamp("2013-12-31")
    assert read_date(pd.Timestamp("2024-03-01"), "month") == pd.Timestamp("2024-03-31")
    assert read_date(pd.Timestamp("2024-06-20"), "day") == pd.Timestamp("2024-06-20")
    assert read_date(pd.NaT, "none") is None


def _row(fid):
    r = reconcile()
    return r[r["figure_id"] == fid].iloc[0]


def test_second_protocol_march_2024_matches():
    row = _row("s2024-14")  # 43 had signed (of which 2 ratified)
    assert (row["computed"], row["matches"]) == (43, True)


def test_2013_signatories_flagged_with_its_counting_rule():
    row = _row("s2024-08")  # "By 2013 ... signed it (2)"
    assert not row["matches"] and row["difference"] != 0
    assert "not members of the Council of Europe" in row["explanation"]


def test_speech_counting_parties_as_signatories_is_explained():
    r = reconcile()
    row = r[(r["indicator"] == "protocol2_signatories") & (r["reported"] == 46)].iloc[0]
    assert row["difference"] == -2
    assert "signatories counted with the signatories that also ratified" in row["explanation"]


def test_differences_are_never_hidden_and_always_explained():
    r = reconcile()
    differing = r[r["difference"].fillna(1) != 0]
    assert len(differing) > 0
    assert (differing["explanation"].str.len() > 0).all()


def test_cli_reconcile_formats():
    res = run_cli("reconcile", "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert len(rows) == len(reconcile())
    res = run_cli("reconcile", "--format", "csv")
    assert res.stdout.splitlines()[0].startswith("figure_id,source_document,indicator,treaty")
    res = run_cli("reconcile")
    assert "reported membership figures:" in res.stdout
