"""The status engine: rules on hand-made histories, and facts of the treaties."""

import csv
import io
import json

import pandas as pd
import pytest
from conftest import run_cli

from cproc_data.derive.status import counts, status
from cproc_data.derive.treaty_record import data_as_of
from cproc_data.domain.counting import CountingRules
from cproc_data.domain.counting import state_spells as _state_spells

T = pd.Timestamp


def ev(*rows):
    return pd.DataFrame(rows, columns=["event", "date"]).assign(date=lambda d: pd.to_datetime(d["date"]))


def spells(events, **rules):
    return [
        (s, str(a.date()), None if b.year == 2262 else str(b.date())) for s, a, b in _state_spells(events, CountingRules(**rules))
    ]


def test_signatory_then_party_from_deposit():
    e = ev(("signature", "2001-11-23"), ("ratification", "2006-09-29"), ("entry_into_force", "2007-01-01"))
    assert spells(e) == [("signatory", "2001-11-23", "2006-09-29"), ("party", "2006-09-29", None)]


def test_entry_into_force_basis_keeps_the_signatory_until_in_force():
    e = ev(("signature", "2001-11-23"), ("ratification", "2006-09-29"), ("entry_into_force", "2007-01-01"))
    assert spells(e, basis="entry-into-force") == [("signatory", "2001-11-23", "2007-01-01"), ("party", "2007-01-01", None)]


def test_invitation_lapses_after_validity_period():
    e = ev(("invitation", "2014-03-01"))
    assert spells(e) == [("invited", "2014-03-01", "2019-03-01")]
    assert spells(e, invitation_validity_years=None) == [("invited", "2014-03-01", None)]


def test_invitation_before_the_2013_rule_does_not_lapse():
    e = ev(("invitation", "2007-02-01"))
    assert spells(e) == [("invited", "2007-02-01", None)]
    assert spells(e, invitation_rule_since="2001-01-01") == [("invited", "2007-02-01", "2012-02-01")]


def test_invitation_ends_on_accession():
    e = ev(("invitation", "2014-03-01"), ("accession", "2016-11-30"), ("entry_into_force", "2017-03-01"))
    assert spells(e) == [("invited", "2014-03-01", "2016-11-30"), ("party", "2016-11-30", None)]


def test_extension_renews_a_valid_invitation():
    """Tunisia: invited 7 Feb 2018, extended 8 Feb 2023 (GR-J(2024)6)."""
    e = ev(("invitation", "2018-02-07"), ("invitation_extension", "2023-02-06"))
    assert spells(e) == [("invited", "2018-02-07", "2028-02-06")]


def test_extension_after_lapse_invites_again_from_its_day():
    e = ev(("invitation", "2014-03-01"), ("invitation_extension", "2020-06-01"))
    assert spells(e) == [("invited", "2014-03-01", "2019-03-01"), ("invited", "2020-06-01", "2025-06-01")]


def test_new_invitation_after_lapse():
    e = ev(("invitation", "2014-02-01"), ("invitation", "2021-01-15"))
    assert spells(e) == [("invited", "2014-02-01", "2019-02-01"), ("invited", "2021-01-15", "2026-01-15")]


def test_denunciation_ends_party():
    e = ev(("signature", "2001-11-23"), ("ratification", "2004-01-01"), ("denunciation_effect", "2010-01-01"))
    assert spells(e) == [("signatory", "2001-11-23", "2004-01-01"), ("party", "2004-01-01", "2010-01-01")]


def test_rules_are_checked():
    with pytest.raises(ValueError):
        CountingRules(basis="signature")
    with pytest.raises(ValueError):
        CountingRules(invitation_validity_years=0)


# --- facts of the treaties ------------------------------------------------


def test_convention_entered_into_force_with_five_ratifications():
    """ETS 185 art. 36(3): in force 1 July 2004 after five ratifications."""
    c = counts(["2004-06-30", "2004-07-01"], "ETS185", CountingRules(basis="entry-into-force"))
    assert c["parties"].tolist() == [0, 5]


def test_second_protocol_not_in_force_so_no_party_on_entry_into_force_basis():
    c = counts(["2026-01-01"], "CETS224", CountingRules(basis="entry-into-force"))
    assert c["parties"].iloc[0] == 0


def test_22_states_signed_the_second_protocol_on_opening_day():
    """Council of Europe, 12 May 2022: 22 States signed at the opening for signature."""
    assert counts(["2022-05-12"], "CETS224")["signatories"].iloc[0] == 22


def test_status_lists_every_state_once():
    s = status("2024-03-31")
    assert s["iso3"].is_unique
    assert set(s["status"].astype(str)) <= {"party", "signatory", "invited", "none"}
    c = counts(["2024-03-31"]).iloc[0]
    vc = s.loc[s["certain"], "status"].value_counts()
    assert (vc["party"], vc["signatory"], vc["invited"]) == (c["parties"], c["signatories"], c["invited"])


PROVES_PARTY = {  # (treaty of the event, event) -> the treaties it proves the State a Party to
    **{(t, e): (t,) for t in ("ETS185", "ETS189", "CETS224") for e in ("ratification", "accession", "entry_into_force")},
    **{(t, e): (t,) for t in ("ETS185", "ETS189", "CETS224") for e in ("party_at", "nth_party", "deposit_between")},
}
for _e in ("ratification", "accession", "entry_into_force", "party_at", "nth_party", "deposit_between"):
    # ETS 189 art. 9(2), CETS 224 arts 15-16: a Party to a Protocol is a Party to the Convention
    PROVES_PARTY[("ETS189", _e)] = ("ETS189", "ETS185")
    PROVES_PARTY[("CETS224", _e)] = ("CETS224", "ETS185")
PROVES_PARTY[("CETS224", "signature")] = ("ETS185",)  # CETS 224 art. 15(1): open to Parties only


def _proofs() -> dict[tuple[str, str], pd.Timestamp]:
    """(treaty, iso3) -> the first day by which some event proves the State a Party: the
    record's events with a date the sources give (not a derived bound), and the raw
    statements (named as a Party in a dated list, 'the Nth Party', a deposit between two
    plenaries), each taken at the last day it allows, as datasets/corrections.csv leaves it
    (a statement a correction sets aside proves nothing)."""
    from cproc_data.derive.treaty_record import treaty_events
    from cproc_data.domain.dates import parse_stated
    from cproc_data.ingest.snapshots import raw_treaty_facts
    from cproc_data.load import country_names

    found: dict[tuple[str, str], pd.Timestamp] = {}

    def prove(treaty, iso3, event, day):
        for t in PROVES_PARTY.get((treaty, event), ()):
            if (t, iso3) not in found or day < found[(t, iso3)]:
                found[(t, iso3)] = day

    ev = treaty_events()
    for r in ev[ev["precision"] != "bound"].itertuples():
        prove(r.treaty, r.iso3, r.event, r.latest)
    from cproc_data.load import table_text
    from cproc_data.store.treaty_events import apply_corrections

    facts = raw_treaty_facts()
    names = country_names()
    facts = facts.assign(iso3=[names.lookup(n) for n in facts["state_as_written"]])
    facts = apply_corrections(facts, table_text("corrections"), [])  # a statement corrections.csv drops proves nothing
    statements = facts[facts["event"].isin(["party_at", "nth_party", "deposit_between"]) & facts["date"].notna()]
    for r in statements.itertuples():
        prove(r.treaty, r.iso3, r.event, pd.Timestamp(parse_stated(r.date)[1]))
    return found


def test_no_state_is_a_signatory_or_none_after_an_event_that_proves_it_a_party():
    """For every State and treaty: from the first day an event in the record or a raw
    statement proves it a Party (its own deposit or entry into force, a Protocol's, a
    Second Protocol signature, a dated list or 'the Nth Party'), its status is Party,
    certainly, every day on (until a denunciation takes effect)."""
    from cproc_data.derive.status import status_spells
    from cproc_data.derive.treaty_record import treaty_events

    proofs = _proofs()
    ev = treaty_events()
    parties = ev[ev["event"].isin(["ratification", "accession"])]
    assert set(zip(parties["treaty"], parties["iso3"])) <= set(proofs)  # every Party has its proof
    assert len(proofs) > 100
    spells = status_spells()
    for (treaty, iso3), proof in sorted(proofs.items()):
        assert iso3 is not None, (treaty, "a raw statement names a State with no reviewed spelling")
        own = spells[(spells["treaty"] == treaty) & (spells["iso3"] == iso3)]
        effect = ev[(ev["treaty"] == treaty) & (ev["iso3"] == iso3) & (ev["event"] == "denunciation_effect")]["earliest"]
        until = effect.min() if len(effect) else pd.Timestamp.max
        after = own[(own["end"].isna() | (own["end"] > proof)) & (own["start"] < until)]
        assert len(after) > 0 and set(after["status"]) == {"party"} and after["certain"].all(), (treaty, iso3, proof)
        assert after["start"].min() <= proof, (treaty, iso3, proof)  # no gap: Party from the proof on
        contiguous = after.sort_values("start")
        assert (contiguous["start"].iloc[1:].to_numpy() == contiguous["end"].iloc[:-1].to_numpy()).all(), (treaty, iso3)


def test_status_before_opening_is_an_error():
    with pytest.raises(ValueError, match="before CETS224 was opened"):
        status("2020-01-01", "CETS224")


# --- CLI -----------------------------------------------------------------


def test_cli_status_json():
    """The JSON counts are the per-State statuses the same command lists, counted."""
    res = run_cli("status", "--as-of", "2024-03-31", "--format", "json")
    assert res.returncode == 0, res.stderr
    obj = json.loads(res.stdout)
    assert set(obj) >= {"as_of", "treaty", "basis", "parties", "signatories", "invited"}
    assert (obj["as_of"], obj["treaty"], obj["basis"]) == ("2024-03-31", "ETS185", "deposit")
    assert all(isinstance(obj[k], int) for k in ("parties", "signatories", "invited"))
    for k in ("parties", "signatories", "invited"):  # the bounds are added beside the integer counts
        assert isinstance(obj[f"{k}_min"], int) and isinstance(obj[f"{k}_max"], int)
        assert obj[f"{k}_min"] == obj[k] <= obj[f"{k}_max"]
    out = run_cli("status", "--as-of", "2024-03-31", "--states", "--format", "csv").stdout
    listed = [r["status"] for r in csv.DictReader(io.StringIO(out)) if r["certain"] in ("True", "true")]
    assert (obj["parties"], obj["signatories"], obj["invited"]) == tuple(
        listed.count(s) for s in ("party", "signatory", "invited")
    )


def test_cli_status_defaults_to_the_data_as_of_date():
    res = run_cli("status", "--format", "json")
    assert json.loads(res.stdout)["as_of"] == data_as_of().isoformat()
    assert status()["as_of"].iloc[0].date() == data_as_of()  # the library's default, too


def test_cli_status_states_says_certain_or_possible_with_the_bounds_of_the_event():
    """A certain status rests on an event that has happened by the date (its latest day on or
    before it); an uncertain one on an event the record cannot place before or after the
    date (its bounds straddle it), and the status shown is among the possible ones."""
    out = run_cli("status", "--as-of", "2024-06-20", "--states", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    uncertain = [r for r in rows if r["certain"] == "False"]
    assert {r["iso3"] for r in uncertain} >= {"ECU", "PRY"}  # deposits bounded only by later sources
    for r in rows:
        assert r["status"] in r["possible"].split("|")
        if r["certain"] == "True" and r["status"] != "none":
            assert r["possible"] == r["status"] and r["event_latest"] <= "2024-06-20", r
            assert r["event_earliest"] <= r["since"], r  # the event that began the status, not a later one
        elif r["certain"] == "False":
            assert len(r["possible"].split("|")) > 1 and r["rests_on"], r
            assert (r["event_earliest"] or "0000") <= "2024-06-20" < (r["event_latest"] or "9999"), r
    ecu = next(r for r in rows if r["iso3"] == "ECU")
    assert (ecu["possible"], ecu["rests_on"]) == ("party|none", "accession")


def test_cli_status_states_csv():
    res = run_cli("status", "--as-of", "2024-03-31", "--treaty", "CETS224", "--states", "--format", "csv")
    assert res.returncode == 0, res.stderr
    header = res.stdout.splitlines()[0]
    assert header == "as_of,treaty,iso3,name,status,certain,possible,since,rests_on,event_earliest,event_latest,coe_member,region"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--treaty", "ETS999"], "unknown treaty"),
        (["--as-of", "2024-13-01"], "impossible date"),
        (["--as-of", "31/03/2024"], "not a date"),
        (["--as-of", "2020-01-01", "--treaty", "CETS224"], "before CETS224 was opened"),
    ],
)
def test_cli_status_user_errors(args, message):
    res = run_cli("status", *args)
    assert res.returncode == 2
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_counts_all_treaties_in_one_call():
    dates = pd.date_range("2022-05-12", "2025-12-31", freq="D")
    c = counts(dates, None)
    assert len(c) == 3 * len(dates)
    assert set(c["treaty"]) == {"ETS185", "ETS189", "CETS224"}
