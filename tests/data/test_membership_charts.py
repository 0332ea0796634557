"""The membership charts say what the record says: titles agree with the panels, groups are
honest, bounded dates are drawn as bounded, and every count carries its certainty.

Expected values come from the engine's own independent views (status, counts,
treaty_record, reconcile) or from the treaty record's facts, never from the chart frame.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import cproc_data as cd  # noqa: E402
from cproc_data.derive.status import counts, status  # noqa: E402
from cproc_data.derive.treaty_record import treaty_record  # noqa: E402
from cproc_data.figures.registry import charts  # noqa: E402
from cproc_data.metadata import FIELDS  # noqa: E402

AS_OF = cd.data_as_of()
MINE = ["membership", "new_parties", "regions", "regions_over_time", "invitation_to_accession", "protocols", "reconciliation"]
CPROC = pd.Timestamp("2014-04-07")  # C-PROC operational (About C-PROC, 30 October 2017)


def _gid(fig, gid):
    found = [a for ax in fig.axes for a in ax.get_children() if a.get_gid() == gid]
    assert found, gid
    return found[0]


@pytest.fixture(scope="module")
def drawn():
    return {name: charts()[name].figure(AS_OF) for name in MINE}


@pytest.mark.parametrize("name", MINE)
def test_every_frame_column_is_in_the_field_dictionary(drawn, name):
    data, _ = drawn[name]
    assert set(data.columns) <= set(FIELDS), set(data.columns) - set(FIELDS)


@pytest.mark.parametrize("name", MINE)
def test_caveat_is_on_by_default_and_key_numbers_given(name):
    fig = cd.draw_chart(name, AS_OF)
    assert fig.cproc_meta["note"], "the note must be drawn without asking for it"
    assert fig.cproc_meta["key_numbers"] and all(k.endswith(".") for k in fig.cproc_meta["key_numbers"])


# --- protocols ---------------------------------------------------------------------------


def test_protocol_panel_and_title_agree_on_ratifications(drawn):
    """Hungary deposited on the as-of day: the panel must show the same count as the title."""
    data, fig = drawn["protocols"]
    rec = treaty_record("CETS224")
    deposited = int((rec["deposit"] <= pd.Timestamp(AS_OF)).sum())
    assert f"{deposited} ratified" in fig.cproc_meta["title"]
    point = _gid(fig, "as-of-CETS224")
    x, y = point.get_offsets()[0]
    assert y == deposited
    assert mdates.num2date(x).date() == AS_OF


def test_protocols_before_the_second_opened_show_the_first_alone():
    data, fig = charts()["protocols"].figure(pd.Timestamp("2019-12-31").date())
    assert set(data["treaty"]) == {"ETS189"}
    assert fig.cproc_meta["title"].startswith("First Protocol")


# --- membership --------------------------------------------------------------------------


@pytest.mark.parametrize("day, opened", [("2014-01-01", False), ("2014-04-07", True), ("2019-12-31", True)])
def test_membership_title_mentions_cproc_only_once_it_opened(day, opened):
    fig = cd.draw_chart("membership", day)
    assert ("when C-PROC opened" in fig.cproc_meta["title"]) is opened


@pytest.mark.parametrize("day", ["2012-12-31", "2019-12-31"])
def test_membership_title_count_has_its_certainty_and_the_note_speaks_of_the_as_of_date(day):
    fig = cd.draw_chart("membership", day)
    c = counts([day]).iloc[0]
    low, high = int(c["parties_min"]), int(c["parties_max"])
    assert (f"{low} Parties" if low == high else f"{low}–{high} Parties") in fig.cproc_meta["title"]
    assert f"{pd.Timestamp(day):%-d %B %Y}" in fig.cproc_meta["note"]
    assert "invited counts are lower bounds" in fig.cproc_meta["note"]


def test_membership_band_covers_every_date_where_the_record_allows_a_range(drawn):
    data, fig = drawn["membership"]
    band = _gid(fig, "uncertainty-band")
    v = pd.DataFrame(band.get_paths()[0].vertices, columns=["x", "y"])
    v["date"] = [pd.Timestamp(mdates.num2date(x).replace(tzinfo=None)).normalize() for x in v["x"]]
    open_ = data[data["parties_min"] != data["parties_max"]]
    assert len(open_) > 0
    for r in open_.itertuples():
        ys = set(v.loc[v["date"] == r.date, "y"])
        assert {r.parties_min, r.parties_max} <= ys, r.date


# --- regions -----------------------------------------------------------------------------


def _groups_from_status(day):
    s = status(day, all_states=False)
    party = s["status"].astype(str) == "party"
    s = s[party & s["certain"]]
    group = (
        s["region"]
        .fillna("region unknown")
        .map(lambda r: f"Non-members: {r}")
        .where(~s["coe_member"], "Council of Europe members")
    )
    return group.value_counts().to_dict()


@pytest.mark.parametrize("day", [None, "2014-04-07"])
def test_regions_count_council_of_europe_members_apart_from_their_un_region(day):
    """UN M49 puts Türkiye, Azerbaijan, Armenia, Georgia and Cyprus in Asia: they are counted
    with the Council of Europe members, never under Asia."""
    when = AS_OF if day is None else pd.Timestamp(day).date()
    data = charts()["regions"].frame(when)
    last = data[data["date"] == data["date"].max()].set_index("region_group")
    got = {g: int(n) for g, n in last["parties_min"].items() if n}
    assert got == _groups_from_status(when)
    asia = last.loc["Non-members: Asia", "parties_min"]
    members_in_asia = {"TUR", "AZE", "ARM", "GEO", "CYP"}
    s = status(when, all_states=False)
    assert not (set(s.loc[(s["region"] == "Asia") & ~s["coe_member"], "iso3"]) & members_in_asia)
    assert asia == int(((s["region"] == "Asia") & ~s["coe_member"] & (s["status"].astype(str) == "party") & s["certain"]).sum())


def test_regions_note_names_the_members_un_m49_places_in_asia(drawn):
    _, fig = drawn["regions"]
    for name in ("Türkiye", "Azerbaijan", "Armenia", "Georgia", "Cyprus"):
        assert name in fig.cproc_meta["note"]


def test_regions_draws_one_full_bar_per_year_up_to_the_as_of_date(drawn):
    """No sliver: the as-of date is a bar of its own year, as wide as every other."""
    data, fig = drawn["regions"]
    bars = [p for p in fig.axes[0].patches if p.get_gid() != "possible-parties" and p.get_height() > 0]
    assert len({round(p.get_width(), 6) for p in bars}) == 1
    years = sorted(data["year"].unique())
    assert years == list(range(2002, AS_OF.year + 1))
    assert data.loc[data["year"] == AS_OF.year, "date"].unique().tolist() == [pd.Timestamp(AS_OF)]


@pytest.mark.parametrize("day", ["2014-04-07", "2019-12-31"])
def test_regions_over_time_agrees_with_status(day):
    data = charts()["regions_over_time"].frame(pd.Timestamp(day).date())
    at = data[data["date"] == pd.Timestamp(day)].set_index("region_group")
    got = {g: int(n) for g, n in at["parties_min"].items() if n}
    assert got == _groups_from_status(pd.Timestamp(day).date())
    s = status(pd.Timestamp(day).date(), all_states=False)
    invited_max = int(s["possible"].astype(str).str.split("|").map(lambda p: "invited" in p).sum())
    assert int(at["invited_max"].sum()) == invited_max


# --- invitation to accession -------------------------------------------------------------


def test_bounded_accessions_are_drawn_hollow_and_named_in_the_legend(drawn):
    """Argentina, Colombia and Grenada acceded; the record bounds the day (a month from
    their entry into force), so each is drawn at its latest day as a hollow marker."""
    data, fig = drawn["invitation_to_accession"]
    d = data.set_index("iso3")
    for iso3 in ("ARG", "COL", "GRD"):
        assert pd.notna(d.loc[iso3, "accession"]) and d.loc[iso3, "accession_bounded"]
        assert d.loc[iso3, "years_min"] < d.loc[iso3, "years"]
    hollow = _gid(fig, "accession-bounded")
    assert len(hollow.get_offsets()) == int(data["accession_bounded"].sum()) == 3
    assert mcolors.to_hex(hollow.get_facecolors()[0]) == "#ffffff"
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any("within bounds" in t for t in labels)


# --- reconciliation ----------------------------------------------------------------------


def test_reconciliation_headline_counts_the_figures_the_record_confirms(drawn):
    data, fig = drawn["reconciliation"]
    r = cd.reconcile()
    r = r[(r["treaty"] == "ETS185") & r["compared_on"].notna() & (r["compared_on"] <= pd.Timestamp(AS_OF))]
    r = r[r["indicator"].isin(["parties", "signatories", "invited", "parties_signatories_invited_total"])]
    exact = r["qualifier"] == "exact"  # an exact figure is confirmed when it lies in [min, max]
    inside = (r["computed_min"] <= r["reported"]) & (r["reported"] <= r["computed_max"])
    confirmed = int((exact & inside).sum()) + int((~exact & (r["agreement"] != "differs")).sum())
    title = fig.cproc_meta["title"]
    assert title.startswith(f"The record confirms {confirmed} of {len(r)} published")
    assert "agree exactly" not in title


def test_reconciliation_draws_year_figures_in_their_year_and_the_record_as_a_range(drawn):
    data, fig = drawn["reconciliation"]
    years = data[data["refers_to_precision"] == "year"]
    assert len(years) > 0
    for r in years.itertuples():
        assert r.compared_on == pd.Timestamp(r.compared_on.year, 12, 31)  # compared on 31 December
        x = _gid(fig, f"reported-{r.figure_id}").get_offsets()[0][0]
        assert mdates.num2date(x).year == r.compared_on.year  # drawn in that year, not at the next
    ranges = _gid(fig, "record-range-parties")
    parties = data[data["indicator"] == "parties"].sort_values("compared_on")
    spans = sorted((round(s[0][1] + 0.4), round(s[1][1] - 0.4)) for s in ranges.get_segments())
    assert spans == sorted(zip(parties["computed_min"].astype(int), parties["computed_max"].astype(int)))


# --- new Parties per year ----------------------------------------------------------------


@pytest.mark.parametrize("day", [None, "2019-12-31"])
def test_new_parties_add_up_to_the_parties_and_keep_uncertain_years_apart(day):
    when = AS_OF if day is None else pd.Timestamp(day).date()
    data = charts()["new_parties"].frame(when)
    c = counts([when]).iloc[0]
    assert int((data["new_coe_members"] + data["new_non_members"] + data["new_year_uncertain"]).sum()) == c["parties_max"]
    assert (data["new_parties_min"] <= data["new_parties_max"]).all()
    rec = treaty_record("ETS185").set_index("iso3")
    # Ecuador's deposit lies somewhere between 18 June 2024 and 14 January 2026: never a certain year
    assert rec.loc["ECU", "deposit_earliest"].year != rec.loc["ECU", "deposit_latest"].year
    if day is None:
        assert data.loc[data["year"] == rec.loc["ECU", "deposit_latest"].year, "new_year_uncertain"].sum() >= 1
    # Brazil deposited on 30 November 2022, not a Council of Europe member (counted on the day)
    if pd.Timestamp(when).year >= 2022:
        assert data.loc[data["year"] == 2022, "new_non_members"].iloc[0] >= 1


def test_new_parties_since_cproc_agree_with_the_counts(drawn):
    """Deposits possibly on or after 7 April 2014 = Parties possible on the as-of date minus
    Parties certain the day before; certainly after >= Parties certain then minus possible before."""
    data, fig = drawn["new_parties"]
    now = counts([AS_OF]).iloc[0]
    before = counts([CPROC - pd.Timedelta(days=1)]).iloc[0]
    most = int(now["parties_max"] - before["parties_min"])
    title = fig.cproc_meta["title"]
    assert f"{most} new Parties since C-PROC opened" in title
    fewest = int(title.split("–")[0]) if "–" in title.split(" new Parties")[0] else most
    assert fewest >= int(now["parties_min"] - before["parties_max"])
    assert _gid(fig, "cproc-start") is not None


def test_new_parties_before_cproc_have_no_cproc_marker():
    fig = cd.draw_chart("new_parties", "2012-12-31")
    assert "C-PROC" not in fig.cproc_meta["title"]
    assert not [a for ax in fig.axes for a in ax.get_children() if a.get_gid() == "cproc-start"]
