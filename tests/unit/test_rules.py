"""Each rule in domain/ (and the build's record rules), against a tiny frame built to break it.

Every test here fails when its rule is changed: the expected values come from the
treaties' texts and the Council of Europe's decisions quoted in the docstrings, not from
the code's output.
"""

from datetime import date

import pandas as pd
import pytest

from cproc_data.derive.reconciliation import _holds, agreement
from cproc_data.domain.checks import check_events, date_rules
from cproc_data.domain.counting import CountingRules, invitation_end, state_spells
from cproc_data.domain.deposits import SINGLE_VALUED, deposit_kind, deposit_problems, marks_accession
from cproc_data.domain.membership import is_member
from cproc_data.domain.treaties import TREATIES, expected_entry_into_force
from cproc_data.store.treaty_events import apply_corrections, conflicts

T = pd.Timestamp
ETS185 = TREATIES["ETS185"]
COE = pd.DataFrame({"iso3": ["ALB", "RUS"], "joined": ["1995-07-13", "1996-02-28"], "left": ["", "2022-03-16"]})


def events(*rows):
    """A text frame shaped like core/treaty_events.csv."""
    return pd.DataFrame([{"treaty": t, "iso3": i, "event": e, "date": d, "source": "test", "note": ""} for t, i, e, d in rows])


def rules_broken(frame, today=date(2026, 2, 5)):
    return [p.rule for p in check_events(frame, COE, today)]


# --- entry into force (ETS 185 art. 36(4): first day of the month after three months) ---


@pytest.mark.parametrize(
    "deposit, expected",
    [
        (date(2008, 6, 1), date(2008, 10, 1)),  # Italy: in force 1 October 2008, deposit in June 2008
        (date(2008, 6, 30), date(2008, 10, 1)),
        (date(2012, 10, 31), date(2013, 2, 1)),  # over a year end
        (date(2002, 6, 20), date(2004, 7, 1)),  # before the Convention's own entry into force
    ],
)
def test_entry_into_force_rule(deposit, expected):
    assert expected_entry_into_force(ETS185, deposit) == expected


def test_entry_into_force_rule_in_the_checks():
    ok = events(("ETS185", "ALB", "ratification", "2012-06-13"), ("ETS185", "ALB", "entry_into_force", "2012-10-01"))
    late = events(("ETS185", "ALB", "ratification", "2012-06-13"), ("ETS185", "ALB", "entry_into_force", "2012-11-01"))
    assert not any(r.startswith("entry-into-force") for r in rules_broken(ok))
    assert any(r.startswith("entry-into-force: expected 2012-10-01") for r in rules_broken(late))


def test_order_rules():
    assert date_rules(ETS185, date(2005, 1, 1), date(2004, 1, 1), None)[0][1].startswith("order: ratification before signature")
    assert date_rules(ETS185, None, date(2006, 1, 1), date(2005, 1, 1))[0][1].startswith("order: entry into force before deposit")


# --- one deposit per State and treaty ---


def test_one_deposit_ratification_and_accession():
    assert deposit_problems(None, "2006-01-10", "2006-02-01")
    frame = events(("ETS185", "ALB", "ratification", "2006-01-10"), ("ETS185", "ALB", "accession", "2006-02-01"))
    assert any(r.startswith("one-deposit: both a ratification") for r in rules_broken(frame))


def test_one_deposit_a_signatory_does_not_accede():
    assert deposit_problems("2001-11-23", None, "2006-02-01")
    frame = events(("ETS185", "ALB", "signature", "2001-11-23"), ("ETS185", "ALB", "accession", "2006-02-01"))
    assert any(r.startswith("one-deposit: signed") for r in rules_broken(frame))


def test_one_deposit_allows_the_ordinary_cases():
    assert deposit_problems("2001-11-23", "2006-01-10", None) == []
    assert deposit_problems(None, None, "2006-02-01") == []


# --- the accession mark in a Treaty Office chart's Notes column ---


@pytest.mark.parametrize("notes", ["a", "a R D", "R, a", "(a)", "Accession"])
def test_notes_mark_an_accession(notes):
    assert marks_accession(notes)
    assert deposit_kind(signed=False, notes=notes, member_at_deposit=True) == "accession"


@pytest.mark.parametrize("notes", ["", "See a declaration", "A", "R D", "a declaration was made"])
def test_notes_that_do_not_mark_an_accession(notes):
    assert not marks_accession(notes)


def test_without_a_mark_a_member_ratifies_and_a_non_member_accedes():
    assert deposit_kind(signed=False, notes="", member_at_deposit=True) == "ratification"
    assert deposit_kind(signed=False, notes="", member_at_deposit=False) == "accession"
    assert deposit_kind(signed=True, notes="", member_at_deposit=False) == "ratification"


# --- Council of Europe membership at a date, never "ever a member" ---


def test_membership_at_a_date():
    coe = COE.assign(joined=pd.to_datetime(COE["joined"]), left=pd.to_datetime(COE["left"].replace("", None)))
    assert is_member("RUS", coe, "2020-01-01")
    assert not is_member("RUS", coe, "2022-03-16")  # ceased to be a member that day
    assert not is_member("ALB", coe, "1995-07-12")
    assert is_member("ALB", coe, "1995-07-13")


# --- invitations (CM/Del/Dec(2013)1168/10.2: valid five years; an extension renews a valid one) ---

FIVE = CountingRules()


def test_invitation_lapses_after_five_years():
    assert invitation_end(T("2014-03-01"), [], FIVE) == T("2019-03-01")


def test_extension_on_the_lapse_day_does_not_revive():
    assert invitation_end(T("2014-03-01"), [T("2019-03-01")], FIVE) == T("2019-03-01")


def test_an_extension_after_the_lapse_invites_again_from_its_day():
    """Tunisia: invited 7 February 2018, lapsed 7 February 2023, extended 8 February 2023."""
    ev = pd.DataFrame({"event": ["invitation", "invitation_extension"], "date": [T("2018-02-07"), T("2023-02-08")]})
    assert state_spells(ev) == [
        ("invited", T("2018-02-07"), T("2023-02-07")),
        ("invited", T("2023-02-08"), T("2028-02-08")),
    ]


def test_extension_the_day_before_the_lapse_renews():
    assert invitation_end(T("2014-03-01"), [T("2019-02-28")], FIVE) == T("2024-02-28")


def test_invitations_before_the_2013_decision_run_until_accession():
    assert invitation_end(T("2007-02-01"), [], FIVE).year == 2262


def test_party_takes_precedence_over_signatory():
    ev = pd.DataFrame({"event": ["signature", "ratification"], "date": [T("2001-11-23"), T("2006-09-29")]})
    assert [s for s, _, _ in state_spells(ev)] == ["signatory", "party"]


# --- the build's record rules ---


def dated(*rows):
    return pd.DataFrame(
        [
            {"source_id": s, "treaty": "ETS185", "iso3": "ALB", "event": e, "date": d, "_file": f"{s}.csv", "_row": 2}
            for s, e, d in rows
        ]
    )


def test_entry_into_force_is_single_valued():
    assert "entry_into_force" in SINGLE_VALUED
    two = dated(("a", "entry_into_force", "2004-07-01"), ("b", "entry_into_force", "2004-08-01"))
    assert [p.rule.split(":")[0] for p in conflicts(two)] == ["conflict"]


def test_invitations_may_repeat():
    two = dated(("a", "invitation", "2007-02-01"), ("b", "invitation", "2021-01-15"))
    assert conflicts(two) == []


ALBANIA_CORRECTION = pd.DataFrame(
    [
        {
            "source_id": "a",
            "treaty": "ETS185",
            "iso3": "ALB",
            "event": "ratification",
            "wrong_date": "2002-06-21",
            "correct_date": "2002-06-20",
            "reason": "r",
            "source": "s",
        }
    ]
)


def test_a_correction_that_matches_nothing_is_an_error():
    facts = dated(("a", "ratification", "2002-06-20"))
    corr = ALBANIA_CORRECTION
    problems = []
    apply_corrections(facts, corr, problems)
    assert [p.rule.split(":")[0] for p in problems] == ["correction"]


def test_a_correction_replaces_the_wrong_date():
    facts = dated(("a", "ratification", "2002-06-21"))
    corr = ALBANIA_CORRECTION
    problems = []
    out = apply_corrections(facts, corr, problems)
    assert problems == [] and list(out["date"]) == ["2002-06-20"]


# --- the window: nothing before the treaty opened, nothing after today ---


def test_future_date_is_refused():
    frame = events(("ETS185", "ALB", "signature", "2026-02-06"))
    assert any(r.startswith("window: date is in the future") for r in rules_broken(frame, today=date(2026, 2, 5)))
    assert not any(r.startswith("window") for r in rules_broken(frame, today=date(2026, 2, 6)))


def test_before_opening_is_refused_but_not_for_invitations():
    frame = events(("ETS185", "ALB", "signature", "2001-11-22"), ("ETS185", "ALB", "invitation", "2001-01-01"))
    assert [r for r in rules_broken(frame) if r.startswith("window")] == [
        "window: signature before ETS185 opened for signature on 2001-11-23"
    ]


def test_a_non_member_accedes_only_after_its_invitation():
    frame = events(("ETS185", "TON", "invitation", "2017-05-10"), ("ETS185", "TON", "accession", "2017-05-09"))
    assert any(r.startswith("invitation:") for r in rules_broken(frame))


def test_a_protocol_party_is_a_party_to_the_convention():
    frame = events(("ETS185", "ALB", "ratification", "2005-01-01"), ("ETS189", "ALB", "ratification", "2004-11-26"))
    assert any(r.startswith("protocol-parent") for r in rules_broken(frame))


# --- the 'approximate' tolerance of the reconciliation (5%) ---


def test_approx_means_within_five_percent():
    assert _holds(100, "approx", 95) and _holds(100, "approx", 105)
    assert not _holds(100, "approx", 94) and not _holds(100, "approx", 106)
    assert _holds(10, "approx", 9)  # at least one State either side


def test_agreement_classes():
    """exact: an exact figure equal to a certain count; within: between min and max; else differs."""
    assert agreement(76, "exact", 76, 76) == "exact"
    assert agreement(76, "exact", 75, 77) == "within"  # equal to a possible count, not a certain one
    assert agreement(78, "exact", 75, 77) == "differs"
    assert agreement(70, "lower_bound", 75, 75) == "within"  # 'more than 70'
    assert agreement(80, "lower_bound", 75, 77) == "differs"
    assert agreement(80, "approx", 76, 76) == "within"  # within 5% of 80
