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


def test_every_differing_row_names_the_states_responsible_or_the_rule():
    """No `differs` row without a State's name (any State the reviewed spellings know) or a named rule."""
    from cproc_data.domain.countries import short_name
    from cproc_data.load import table

    names = {short_name(i) for i in set(table("country_names")["iso3"])}
    r = reconcile()
    differing = r[r["agreement"] == "differs"]
    assert len(differing) > 0
    for row in differing.itertuples():
        said = row.explanation
        assert said.startswith(("counting rule: ", "date: ")) or any(n in said for n in names), (row.figure_id, said)


def test_bounds_of_a_sum_count_each_state_once():
    """Parties + signatories + invited: a State that is a Party or a signatory (the record
    cannot tell which) is certainly counted; the bounds are the States whose possible
    statuses all lie in the sum (min) or some do (max), from the per-State status."""
    from cproc_data.derive.status import status

    r = reconcile()
    rows = r[r["indicator"].isin(["parties_signatories_invited_total", "protocol2_signed_total"]) & r["compared_on"].notna()]
    assert len(rows) > 10
    for row in rows.itertuples():
        want = {"party", "signatory", "invited"} if row.indicator.startswith("parties") else {"party", "signatory"}
        s = status(row.compared_on, row.treaty, allow_future=True)
        sets = s["possible"].astype(str).str.split("|").map(set)
        assert row.computed_min == sum(p <= want for p in sets), row.figure_id
        assert row.computed_max == sum(bool(p & want) for p in sets), row.figure_id
        assert row.computed == row.computed_min


def test_a_year_figure_is_compared_and_plotted_at_that_years_end():
    """'by 2013' is compared on 31 December 2013, and the reconciliation chart draws it in 2013."""
    from cproc_data.derive.treaty_record import data_as_of
    from cproc_data.figures.charts.reconciliation import reconciliation

    r = reconcile()
    years = r[r["refers_to_precision"] == "year"]
    assert len(years) > 5
    assert (years["compared_on"].dt.year == years["refers_to"].dt.year).all()
    assert ((years["compared_on"].dt.month == 12) & (years["compared_on"].dt.day == 31)).all()
    drawn = reconciliation(data_as_of()).merge(years[["figure_id", "refers_to"]], on="figure_id")
    assert len(drawn) > 3
    assert (drawn["compared_on"].dt.year == drawn["refers_to"].dt.year).all()


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


def test_cli_reconcile_summary():
    """The measures the README quotes, from the command anyone can run."""
    from cproc_data.derive.treaty_record import treaty_events

    res = run_cli("reconcile", "--summary", "--format", "json")
    assert res.returncode == 0, res.stderr
    m = {row["measure"]: row for row in json.loads(res.stdout)}
    r = reconcile()
    dated = r[r["agreement"] != "undated"]
    overall = m["membership figures exact or within"]
    assert (overall["figures"], overall["meeting"]) == (len(dated), int(dated["agreement"].isin(["exact", "within"]).sum()))
    assert m["differing figures naming no State and no rule"]["meeting"] == 0
    ev = treaty_events()
    assert m["events known only within bounds"]["meeting"] == int((ev["precision"] != "day").sum())
    assert "ETS 185 Parties within [min, max]" in run_cli("reconcile", "--summary").stdout
