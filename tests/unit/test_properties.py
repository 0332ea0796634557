"""Invariants of the engine (hypothesis): partition, monotone Parties, range == single date."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cproc_data.derive.status import counts, status
from cproc_data.domain.counting import CountingRules
from cproc_data.domain.counting import state_spells as _state_spells

DAY0 = pd.Timestamp("2001-11-23")
days = st.integers(min_value=0, max_value=9000)
treaties = st.sampled_from(["ETS185", "ETS189", "CETS224"])
rules = st.builds(
    CountingRules, basis=st.sampled_from(["deposit", "entry-into-force"]), invitation_validity_years=st.sampled_from([None, 3, 5])
)

event_names = st.sampled_from(
    ["signature", "ratification", "accession", "entry_into_force", "invitation", "invitation_extension", "denunciation_effect"]
)
histories = st.lists(st.tuples(event_names, days), min_size=0, max_size=7)


@given(histories, rules)
def test_spells_are_disjoint_and_ordered(history, r):
    df = pd.DataFrame([(e, DAY0 + pd.Timedelta(days=d)) for e, d in history], columns=["event", "date"])
    sp = _state_spells(df, r)
    for _, a, b in sp:
        assert a < b
    for (_, _, b), (_, c, _) in zip(sp, sp[1:]):
        assert b <= c


@given(histories)
def test_a_party_stays_a_party_without_denunciation(history):
    history = [(e, d) for e, d in history if e != "denunciation_effect"]
    df = pd.DataFrame([(e, DAY0 + pd.Timedelta(days=d)) for e, d in history], columns=["event", "date"])
    sp = _state_spells(df, CountingRules())
    party = [s for s in sp if s[0] == "party"]
    assert len(party) <= 1
    if party:
        assert party[0][2].year == 2262  # open-ended


@settings(max_examples=25, deadline=None)
@given(days, treaties, rules)
def test_statuses_partition_all_states(d, treaty, r):
    opened = {"ETS185": "2001-11-23", "ETS189": "2003-01-28", "CETS224": "2022-05-12"}[treaty]
    when = max(pd.Timestamp(opened), DAY0 + pd.Timedelta(days=d))
    s = status(when, treaty, r, allow_future=True)  # forecasting past the data is explicit
    from cproc_data.derive.states import states

    assert sorted(s["iso3"]) == sorted(states()["iso3"])  # every State exactly once
    c = counts([when], treaty, r).iloc[0]
    vc = s.loc[s["certain"], "status"].astype(str).value_counts()
    assert vc.get("party", 0) == c["parties"] == c["parties_min"]
    assert vc.get("signatory", 0) == c["signatories"]
    assert vc.get("invited", 0) == c["invited"]
    possible = s["possible"].astype(str).str.split("|")
    for status_, col in (("party", "parties"), ("signatory", "signatories"), ("invited", "invited")):
        assert int(possible.map(lambda p, s_=status_: s_ in p).sum()) == c[f"{col}_max"]
        assert c[f"{col}_min"] <= c[f"{col}_max"]
    assert len(s) == len(states())


@settings(max_examples=30, deadline=None)
@given(st.lists(days, min_size=1, max_size=30), treaties)
def test_entry_into_force_basis_never_gives_more_parties_than_deposit(ds, treaty):
    """No State enters into force before it deposits: at every date, for both bounds."""
    dates = sorted({DAY0 + pd.Timedelta(days=d) for d in ds})
    dep = counts(dates, treaty, CountingRules(basis="deposit"))
    eif = counts(dates, treaty, CountingRules(basis="entry-into-force"))
    assert (eif["parties_min"].to_numpy() <= dep["parties_min"].to_numpy()).all()
    assert (eif["parties_max"].to_numpy() <= dep["parties_max"].to_numpy()).all()


@settings(max_examples=10, deadline=None)
@given(st.lists(days, min_size=1, max_size=20), treaties, rules)
def test_range_query_equals_single_date_queries(ds, treaty, r):
    opened = {"ETS185": "2001-11-23", "ETS189": "2003-01-28", "CETS224": "2022-05-12"}[treaty]
    dates = sorted({max(pd.Timestamp(opened), DAY0 + pd.Timedelta(days=d)) for d in ds})
    together = counts(dates, treaty, r).drop(columns="date").reset_index(drop=True)
    apart = pd.concat([counts([d], treaty, r) for d in dates], ignore_index=True).drop(columns="date")
    pd.testing.assert_frame_equal(together, apart)


ALL_DAYS = pd.date_range(DAY0, DAY0 + pd.Timedelta(days=9000), freq="D")
BOUNDS = {"parties": "party", "signatories": "signatory", "invited": "invited"}


def _tally(spells: pd.DataFrame, when: pd.Timestamp) -> dict[str, int]:
    """Counts on `when` straight from the status spells, by boolean masks (no step table)."""
    live = spells[(spells["start"] <= when) & (spells["end"].isna() | (spells["end"] > when))]
    options = live["possible"].astype(str).str.split("|")
    out = {}
    for col, status_ in BOUNDS.items():
        out[f"{col}_min"] = int((live["possible"] == status_).sum())
        out[f"{col}_max"] = int(options.map(lambda p, s_=status_: s_ in p).sum())
        out[col] = out[f"{col}_min"]
    return out


@settings(max_examples=40, deadline=None)
@given(st.lists(days, min_size=1, max_size=60), st.sampled_from(["deposit", "entry-into-force"]), st.sampled_from([None, 5]))
def test_every_day_in_one_call_equals_single_date_queries_and_the_spells(ds, basis, validity):
    """The all-days call (all treaties, min and max) gives on each day what a query for that
    day alone gives, what a list of the days in any order gives, and what the spells say."""
    from cproc_data.derive.status import status_spells

    r = CountingRules(basis=basis, invitation_validity_years=validity)
    every = counts(ALL_DAYS, None, r)
    assert len(every) == 3 * len(ALL_DAYS)
    every = every.set_index(["treaty", "date"])
    picked = [DAY0 + pd.Timedelta(days=d) for d in ds]  # any order, repeats allowed
    listed = counts(picked, None, r)
    assert list(listed["date"]) == picked * 3
    for treaty in ("ETS185", "ETS189", "CETS224"):
        spells = status_spells(treaty, r)
        for when, row in zip(picked, listed[listed["treaty"] == treaty].itertuples(index=False)):
            alone = counts([when], treaty, r).iloc[0]
            expected = _tally(spells, when)
            assert every.loc[(treaty, when)].to_dict() == expected, (treaty, when)
            assert {k: int(alone[k]) for k in expected} == expected, (treaty, when)
            assert {k: int(getattr(row, k)) for k in expected} == expected, (treaty, when)


def test_parties_fall_only_when_a_denunciation_takes_effect():
    from cproc_data.derive.treaty_record import treaty_events

    ev = treaty_events()
    for treaty, opened in {"ETS185": "2001-11-23", "ETS189": "2003-01-28", "CETS224": "2022-05-12"}.items():
        dates = pd.date_range(opened, "2026-11-22", freq="D")
        c = counts(dates, treaty).set_index("date")["parties"]
        falls = set(c.index[c.diff() < 0])
        effects = set(ev.loc[(ev["treaty"] == treaty) & (ev["event"] == "denunciation_effect"), "date"])
        assert falls <= effects
