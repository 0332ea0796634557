"""The inference rules of domain/bounds.py and the build's statements (store/record_bounds.py),
each on tiny intervals built to break it.

Expected values are worked out by hand from the treaties' texts cited in each rule's
docstring: entry into force is the first day of the month following three months after
the deposit (ETS 185 arts 36(4), 37(2)), never before the treaty's own (1 July 2004 for
ETS 185, 1 March 2006 for ETS 189); the Second Protocol is open to Parties to the
Convention only (CETS 224); a Protocol Party is a Convention Party (ETS 189 art. 9(2)).
"""

from datetime import date

import pandas as pd
import pytest

from cproc_data.domain.bounds import (
    DEPOSIT,
    Bound,
    accession_after_invitation,
    apply_rules,
    deposit_after_domestic_approval,
    deposit_after_opening,
    deposit_before_eif,
    deposit_to_eif,
    eif_to_deposit_month,
    first_protocol_signatory_signed_convention,
    invitation_after_entry_into_force,
    invitation_before_accession,
    invited_not_yet_party,
    listed_as_not_yet_party,
    parent_bounds,
    protocol_party_is_convention_party,
    ratification_after_signature,
    second_protocol_signatory_is_party,
    signature_after_opening,
    signature_before_ratification,
    tighten,
)
from cproc_data.domain.treaties import TREATIES
from cproc_data.store.record_bounds import _merge, bounded_events

ETS185, ETS189, CETS224 = TREATIES["ETS185"], TREATIES["ETS189"], TREATIES["CETS224"]
D = date
OPEN = Bound(None, None)


def day(d: date, source: str = "s") -> Bound:
    """A day a source states."""
    return Bound(d, d, "stated", "stated", frozenset([source]), frozenset([source]), frozenset([source]))


def ends(b: Bound) -> tuple:
    return b.earliest, b.latest, b.low_by, b.high_by


# --- opening for signature (ETS 185 art. 36(1): 23 November 2001; ETS 189: 28 January 2003) ---


def test_deposit_after_opening():
    assert ends(deposit_after_opening(ETS185, OPEN)) == (D(2001, 11, 23), None, "deposit_after_opening", "")
    later = Bound(D(2005, 1, 1), None, "x", "")
    assert deposit_after_opening(ETS185, later) == later  # a later lower bound is tighter: kept


def test_signature_after_opening():
    assert ends(signature_after_opening(ETS189, OPEN)) == (D(2003, 1, 28), None, "signature_after_opening", "")
    assert signature_after_opening(ETS185, OPEN).earliest == D(2001, 11, 23)


# --- entry into force -> deposit month (three months, then the first day of the next month) ---


@pytest.mark.parametrize(
    "eif, first, last",
    [
        (D(2008, 10, 1), D(2008, 6, 1), D(2008, 6, 30)),  # Italy: in force 1 October 2008, deposit in June 2008
        (D(2013, 2, 1), D(2012, 10, 1), D(2012, 10, 31)),  # over a year end
        (D(2020, 3, 1), D(2019, 11, 1), D(2019, 11, 30)),  # a 30-day month
        (D(2018, 7, 1), D(2018, 3, 1), D(2018, 3, 31)),  # the Philippines: deposit on 28 March 2018
    ],
)
def test_eif_to_deposit_month(eif, first, last):
    out = eif_to_deposit_month(ETS185, day(eif, "eif-src"), OPEN)
    assert ends(out) == (first, last, "eif_to_deposit_month", "eif_to_deposit_month")
    assert out.sources == out.low_sources == out.high_sources == frozenset(["eif-src"])


def test_the_treatys_own_entry_into_force_bounds_the_deposit_from_above_only():
    """ETS 185 entered into force on 1 July 2004 (art. 36(3)); the States that had deposited
    by March 2004 all entered into force that day, whenever they deposited."""
    out = eif_to_deposit_month(ETS185, day(D(2004, 7, 1)), OPEN)
    assert ends(out) == (None, D(2004, 3, 31), "", "eif_to_deposit_month")
    albania = day(D(2002, 6, 20))  # Albania deposited in June 2002 and entered into force on 1 July 2004
    assert eif_to_deposit_month(ETS185, day(D(2004, 7, 1)), albania) == albania
    # the First Protocol's own entry into force, 1 March 2006: deposit by 30 November 2005
    assert ends(eif_to_deposit_month(ETS189, day(D(2006, 3, 1)), OPEN)) == (None, D(2005, 11, 30), "", "eif_to_deposit_month")
    # one month after the treaty's own, the rule gives the month again
    assert eif_to_deposit_month(ETS185, day(D(2004, 8, 1)), OPEN).earliest == D(2004, 4, 1)


def test_eif_to_deposit_month_needs_a_day_and_a_treaty_in_force():
    month = Bound(D(2008, 10, 1), D(2008, 10, 31), "stated_month", "stated_month")
    assert eif_to_deposit_month(ETS185, month, OPEN) == OPEN  # an entry into force known by month only
    assert eif_to_deposit_month(CETS224, day(D(2025, 10, 1)), OPEN) == OPEN  # CETS 224 is not in force


def test_deposit_to_eif():
    june = Bound(D(2008, 6, 1), D(2008, 6, 30), "stated_month", "stated_month")
    assert ends(deposit_to_eif(ETS185, june, OPEN)) == (D(2008, 10, 1), D(2008, 10, 1), "deposit_to_eif", "deposit_to_eif")
    early = Bound(D(2002, 1, 1), D(2004, 2, 15))  # any deposit before March 2004: in force 1 July 2004
    assert (deposit_to_eif(ETS185, early, OPEN).earliest, deposit_to_eif(ETS185, early, OPEN).latest) == (
        D(2004, 7, 1),
        D(2004, 7, 1),
    )
    only_latest = Bound(None, D(2019, 11, 14))
    assert ends(deposit_to_eif(ETS185, only_latest, OPEN)) == (None, D(2020, 3, 1), "", "deposit_to_eif")
    assert deposit_to_eif(CETS224, june, OPEN) == OPEN


def test_deposit_before_eif():
    assert ends(deposit_before_eif(OPEN, day(D(2008, 10, 1)))) == (None, D(2008, 10, 1), "", "deposit_before_eif")


# --- order of a State's own events ---


@pytest.mark.parametrize(
    "rule, known, expected",
    [
        # a signatory ratifies on or after its signature (ETS 185 art. 36(2)), and signed on or before
        (lambda k: ratification_after_signature(k, OPEN), D(2001, 11, 23), "low"),
        (lambda k: signature_before_ratification(OPEN, k), D(2008, 6, 5), "high"),
        # a non-member accedes on or after its invitation (art. 37(1)), and was invited on or before
        (lambda k: accession_after_invitation(k, OPEN), D(2013, 9, 12), "low"),
        (lambda k: invitation_before_accession(OPEN, k), D(2020, 3, 16), "high"),
    ],
    ids=[
        "ratification_after_signature",
        "signature_before_ratification",
        "accession_after_invitation",
        "invitation_before_accession",
    ],
)
def test_order_of_a_states_own_events(rule, known, expected, request):
    name = request.node.callspec.id
    out = rule(day(known))
    assert ends(out) == ((known, None, name, "") if expected == "low" else (None, known, "", name))


def test_invitation_after_entry_into_force():
    """ETS 185 art. 37(1): invitations come after the Convention entered into force (1 July 2004)."""
    out = invitation_after_entry_into_force(ETS185, OPEN)
    assert ends(out) == (D(2004, 7, 1), None, "invitation_after_entry_into_force", "")


# --- a Protocol's events bound the Convention's ---


def test_protocol_party_is_convention_party():
    """ETS 189 art. 9(2): no ratification of the Protocol before, or without, the Convention's."""
    out = protocol_party_is_convention_party(ETS189, day(D(2014, 10, 16), "p1"), OPEN)
    assert ends(out) == (None, D(2014, 10, 16), "", "ets189_party_is_convention_party")
    assert out.high_sources == frozenset(["p1"])
    out = protocol_party_is_convention_party(CETS224, day(D(2024, 5, 2)), OPEN)
    assert out.high_by == "cets224_party_is_convention_party"


def test_second_protocol_signatory_is_party():
    """A CETS 224 signature on D bounds the ETS 185 deposit to <= D (Paraguay: 24 September 2024)."""
    out = second_protocol_signatory_is_party(day(D(2024, 9, 24), "p2"), OPEN)
    assert ends(out) == (None, D(2024, 9, 24), "", "cets224_signatory_is_convention_party")
    earlier = Bound(None, D(2020, 1, 1), "", "x")
    assert second_protocol_signatory_is_party(day(D(2024, 9, 24)), earlier) == earlier  # the tighter end stays


def test_first_protocol_signatory_signed_convention():
    """ETS 189 art. 9(1): open for signature by the States that signed the Convention."""
    out = first_protocol_signatory_signed_convention(day(D(2003, 1, 28)), OPEN)
    assert ends(out) == (None, D(2003, 1, 28), "", "ets189_signatory_signed_convention")


def test_parent_bounds():
    p1 = {DEPOSIT: day(D(2014, 10, 16)), "signature": day(D(2003, 1, 28))}
    out = parent_bounds("ETS189", p1, {})
    assert ends(out[DEPOSIT]) == (None, D(2014, 10, 16), "", "ets189_party_is_convention_party")
    assert ends(out["signature"]) == (None, D(2003, 1, 28), "", "ets189_signatory_signed_convention")
    # a CETS 224 signature gives a State a bounded ETS 185 deposit it had no row for
    out = parent_bounds("CETS224", {"signature": day(D(2022, 5, 12))}, {})
    assert ends(out[DEPOSIT]) == (None, D(2022, 5, 12), "", "cets224_signatory_is_convention_party")
    # the tightest of a Protocol deposit and the parent's own bound wins
    out = parent_bounds("CETS224", {DEPOSIT: day(D(2024, 5, 2))}, {DEPOSIT: Bound(None, D(2010, 1, 1), "", "own")})
    assert out[DEPOSIT].latest == D(2010, 1, 1) and out[DEPOSIT].high_by == "own"
    assert parent_bounds("ETS185", p1, {}) == {}  # the Convention has no parent


# --- statements that bound a deposit from below ---


def test_invited_not_yet_party():
    """Named as invited on D: not yet a Party on D (ETS 185 art. 37(1)), so the deposit is after D."""
    out = invited_not_yet_party(Bound(D(2023, 10, 9), None, sources=frozenset(["inv"])), OPEN)
    assert ends(out) == (D(2023, 10, 10), None, "invited_not_yet_party", "")
    assert out.low_sources == frozenset(["inv"])
    assert invited_not_yet_party(OPEN, day(D(2024, 1, 1))) == day(D(2024, 1, 1))


def test_listed_as_not_yet_party():
    """Ecuador: not yet deposited on 17 June 2024, so its deposit is on 18 June 2024 or later."""
    out = listed_as_not_yet_party(Bound(D(2024, 6, 17), None), Bound(None, D(2026, 1, 14), "", "listed_as_party"))
    assert ends(out) == (D(2024, 6, 18), D(2026, 1, 14), "listed_as_not_yet_party", "listed_as_party")


def test_deposit_after_domestic_approval():
    """Paraguay: Law 5994 of 15 December 2017 approved the Convention; the deposit is that day or later."""
    out = deposit_after_domestic_approval(Bound(D(2017, 12, 15), None), Bound(None, D(2024, 9, 24)))
    assert ends(out) == (D(2017, 12, 15), D(2024, 9, 24), "deposit_after_domestic_approval", "")


# --- tighten: the tightest bound wins ---


def test_tighten_keeps_the_tightest_end():
    b = tighten(OPEN, D(2005, 1, 1), D(2010, 12, 31), "first", frozenset(["a"]))
    looser = tighten(b, D(2004, 1, 1), D(2011, 12, 31), "looser", frozenset(["b"]))
    assert ends(looser) == (D(2005, 1, 1), D(2010, 12, 31), "first", "first")
    assert looser.sources == frozenset(["a"])  # a rule that narrows nothing adds no source
    tighter = tighten(b, D(2006, 1, 1), D(2009, 12, 31), "tighter", frozenset(["c"]))
    assert ends(tighter) == (D(2006, 1, 1), D(2009, 12, 31), "tighter", "tighter")
    assert tighter.sources == frozenset(["a", "c"]) and tighter.low_sources == frozenset(["c"])
    one_end = tighten(b, None, D(2008, 1, 1), "upper")
    assert ends(one_end) == (D(2005, 1, 1), D(2008, 1, 1), "first", "upper")


def test_tighten_can_empty_a_bound():
    """A lower end after the upper one is kept as it is: the conflict is reported, never hidden."""
    out = tighten(day(D(2008, 7, 15)), None, D(2008, 6, 30), "eif_to_deposit_month")
    assert out.empty() and ends(out) == (D(2008, 7, 15), D(2008, 6, 30), "stated", "eif_to_deposit_month")


# --- apply_rules: every rule within one treaty, to a fixed point ---


def test_apply_rules_a_ratification_known_from_its_entry_into_force():
    slots = {"signature": day(D(2001, 11, 23)), DEPOSIT: OPEN, "entry_into_force": day(D(2008, 10, 1))}
    out = apply_rules(ETS185, slots, member_at_deposit=True, accession=False)
    assert ends(out[DEPOSIT]) == (D(2008, 6, 1), D(2008, 6, 30), "eif_to_deposit_month", "eif_to_deposit_month")
    assert out["signature"] == slots["signature"]  # a stated day is never widened or moved


def test_apply_rules_reaches_the_fixed_point_across_events():
    """The entry into force bounds the deposit, which then bounds the signature."""
    slots = {"signature": OPEN, DEPOSIT: OPEN, "entry_into_force": day(D(2008, 10, 1))}
    out = apply_rules(ETS185, slots, member_at_deposit=True, accession=False)
    assert ends(out["signature"]) == (D(2001, 11, 23), D(2008, 6, 30), "signature_after_opening", "signature_before_ratification")


def test_apply_rules_an_accession():
    slots = {"invitation": day(D(2013, 9, 12)), DEPOSIT: OPEN, "entry_into_force": day(D(2020, 7, 1))}
    out = apply_rules(ETS185, slots, member_at_deposit=False, accession=True)
    assert ends(out[DEPOSIT]) == (D(2020, 3, 1), D(2020, 3, 31), "eif_to_deposit_month", "eif_to_deposit_month")
    bounded = apply_rules(ETS185, {"invitation": OPEN, DEPOSIT: day(D(2020, 3, 16))}, member_at_deposit=False, accession=True)
    assert ends(bounded["invitation"]) == (
        D(2004, 7, 1),
        D(2020, 3, 16),
        "invitation_after_entry_into_force",
        "invitation_before_accession",
    )
    # a member's deposit is not an accession after an invitation: the invitation bounds nothing
    member = apply_rules(ETS185, {"invitation": day(D(2013, 9, 12)), DEPOSIT: OPEN}, member_at_deposit=True, accession=True)
    assert member[DEPOSIT].earliest == D(2001, 11, 23)


def test_apply_rules_a_stated_date_outside_a_derived_bound_empties_it():
    slots = {DEPOSIT: day(D(2008, 7, 15)), "entry_into_force": day(D(2008, 10, 1))}
    out = apply_rules(ETS185, slots, member_at_deposit=True, accession=False)
    assert out[DEPOSIT].empty()
    assert (out[DEPOSIT].low_by, out[DEPOSIT].high_by) == ("stated", "eif_to_deposit_month")


def test_apply_rules_statements_narrow_a_deposit_but_never_create_one():
    approval = Bound(D(2017, 12, 15), None, sources=frozenset(["law"]))
    assert DEPOSIT not in apply_rules(ETS189, {"domestic_approval": approval}, member_at_deposit=False, accession=True)
    for slot, rule in (
        ("invited_on", "invited_not_yet_party"),
        ("not_party_on", "listed_as_not_yet_party"),
        ("domestic_approval", "deposit_after_domestic_approval"),
    ):
        out = apply_rules(ETS185, {slot: approval, DEPOSIT: Bound(None, D(2024, 9, 24))}, member_at_deposit=False, accession=True)
        strict = slot != "domestic_approval"  # not a Party on D: after D; approved on D: on D or after
        assert ends(out[DEPOSIT]) == (D(2017, 12, 16 if strict else 15), D(2024, 9, 24), rule, "")


# --- the build's statements: raw facts -> bounded rows (store/record_bounds.py) ---

COE = pd.DataFrame(
    {
        "iso3": ["ITA", "SRB"],
        "joined": pd.to_datetime(["1949-05-05", "2003-04-03"]),
        "left": pd.to_datetime([None, None]),
    }
)


def facts(*rows) -> pd.DataFrame:
    """Raw facts as the build hands them over: (source_id, treaty, iso3, event, date)."""
    return pd.DataFrame(
        [{"source_id": s, "treaty": t, "iso3": i, "event": e, "date": d, "note_fix": ""} for s, t, i, e, d in rows]
    )


def build(*rows):
    out, problems = bounded_events(facts(*rows), COE)
    return {(r["treaty"], r["iso3"], r["event"]): r for r in out}, problems


def test_party_at_bounds_the_deposit_from_above():
    rows, problems = build(("list", "ETS185", "ECU", "party_at", "2026-01-14"))
    assert problems == []
    r = rows[("ETS185", "ECU", "accession")]  # a non-member that did not sign accedes
    assert (r["earliest"], r["latest"], r["precision"]) == ("2001-11-23", "2026-01-14", "bound")
    assert r["basis"] == "deposit_after_opening / listed_as_party" and r["source"] == "list"


def test_party_at_for_a_member_is_a_ratification():
    rows, _ = build(("list", "ETS185", "ITA", "party_at", "2009-01-01"))
    assert ("ETS185", "ITA", "ratification") in rows


@pytest.mark.parametrize(
    "event, date, slot, expected",
    [
        ("nth_party", "2018-03-31", "accession", ("2001-11-23", "2018-03-31", "deposit_after_opening / nth_party")),
        (
            "deposit_between",
            "2025-06-02/2025-06-15",
            "accession",
            ("2025-06-02", "2025-06-15", "between_plenaries / between_plenaries"),
        ),
        (
            "signatory_at",
            "2010-03-01",
            "signature",
            ("2001-11-23", "2010-03-01", "signature_after_opening / listed_as_signatory"),
        ),
        (
            "invited_at",
            "2017-07-11",
            "invitation",
            ("2004-07-01", "2017-07-11", "invitation_after_entry_into_force / listed_as_invited"),
        ),
        (
            "invitation_between",
            "2016-05-25/2017-06-07",
            "invitation",
            ("2016-05-25", "2017-06-07", "between_plenaries / between_plenaries"),
        ),
    ],
)
def test_each_statement_kind_becomes_its_bound(event, date, slot, expected):
    rows, problems = build(("st", "ETS185", "NGA", event, date))
    assert problems == []
    r = rows[("ETS185", "NGA", slot)]
    assert (r["earliest"], r["latest"], r["basis"]) == expected
    assert r["precision"] == "bound"


def test_a_stated_invitation_makes_a_later_listing_add_nothing():
    rows, _ = build(("inv", "ETS185", "NGA", "invitation", "2017-07-01"), ("list", "ETS185", "NGA", "invited_at", "2018-01-01"))
    r = rows[("ETS185", "NGA", "invitation")]
    assert (r["earliest"], r["latest"], r["precision"], r["source"]) == ("2017-07-01", "2017-07-01", "day", "inv")


def test_two_sources_for_one_day_make_one_row_citing_both():
    rows, problems = build(
        ("a", "ETS185", "ITA", "ratification", "2008-06-05"), ("b", "ETS185", "ITA", "ratification", "2008-06-05")
    )
    assert problems == []
    r = rows[("ETS185", "ITA", "ratification")]
    assert (r["earliest"], r["latest"], r["precision"], r["basis"], r["source"]) == (
        "2008-06-05",
        "2008-06-05",
        "day",
        "stated",
        "a; b",
    )


def test_a_month_and_a_dated_list_merge_to_the_tightest_interval():
    rows, _ = build(("m", "ETS185", "ITA", "ratification", "2008-06"), ("l", "ETS185", "ITA", "party_at", "2008-06-20"))
    r = rows[("ETS185", "ITA", "ratification")]
    assert (r["earliest"], r["latest"], r["precision"], r["basis"], r["source"]) == (
        "2008-06-01",
        "2008-06-20",
        "bound",
        "stated_month / listed_as_party",
        "l; m",
    )


def test_a_month_alone_stays_a_month():
    rows, _ = build(("m", "ETS185", "ITA", "ratification", "2008-06"))
    r = rows[("ETS185", "ITA", "ratification")]
    assert (r["earliest"], r["latest"], r["precision"], r["basis"]) == (
        "2008-06-01",
        "2008-06-30",
        "month",
        "stated_month / stated_month",
    )


def test_merge_keeps_the_tightest_end_and_its_sources():
    a = Bound(
        D(2001, 11, 23),
        D(2026, 1, 14),
        "deposit_after_opening",
        "listed_as_party",
        frozenset(["x"]),
        frozenset(),
        frozenset(["x"]),
    )
    b = Bound(D(2024, 6, 18), D(2030, 1, 1), "r", "r", frozenset(["y"]), frozenset(["y"]), frozenset(["y"]))
    m = _merge(a, b)
    assert ends(m) == (D(2024, 6, 18), D(2026, 1, 14), "r", "listed_as_party")
    assert (m.low_sources, m.high_sources, m.sources) == (frozenset(["y"]), frozenset(["x"]), frozenset(["x", "y"]))
    assert ends(_merge(b, a)) == ends(m)  # the order of the sources does not matter


def test_entry_into_force_gives_the_deposit_month_in_the_build():
    rows, problems = build(
        ("a", "ETS185", "ITA", "signature", "2001-11-23"), ("b", "ETS185", "ITA", "entry_into_force", "2008-10-01")
    )
    assert problems == []
    r = rows[("ETS185", "ITA", "ratification")]
    assert (r["earliest"], r["latest"], r["precision"]) == ("2008-06-01", "2008-06-30", "bound")
    assert r["basis"] == "eif_to_deposit_month / eif_to_deposit_month" and r["source"] == "b"


def test_the_treatys_own_entry_into_force_in_the_build():
    rows, _ = build(("a", "ETS185", "ITA", "signature", "2002-02-15"), ("b", "ETS185", "ITA", "entry_into_force", "2004-07-01"))
    r = rows[("ETS185", "ITA", "ratification")]
    assert (r["earliest"], r["latest"], r["basis"]) == (
        "2002-02-15",
        "2004-03-31",
        "ratification_after_signature / eif_to_deposit_month",
    )


def test_a_derived_bound_is_never_written_as_a_point_date():
    """A signature on 30 June 2008 and an entry into force on 1 October 2008 leave one day for
    the deposit; no source states it, so the row is a bound, not a day."""
    rows, _ = build(("a", "ETS185", "ITA", "signature", "2008-06-30"), ("b", "ETS185", "ITA", "entry_into_force", "2008-10-01"))
    r = rows[("ETS185", "ITA", "ratification")]
    assert (r["earliest"], r["latest"]) == ("2008-06-30", "2008-06-30")
    assert r["precision"] == "bound" and r["basis"] == "ratification_after_signature / eif_to_deposit_month"


def test_a_second_protocol_signature_gives_the_convention_deposit_a_bound():
    rows, problems = build(("p2", "CETS224", "SRB", "signature", "2022-05-12"))
    assert problems == []
    r = rows[("ETS185", "SRB", "ratification")]  # Serbia was a member then: it ratified
    assert (r["earliest"], r["latest"], r["basis"], r["source"]) == (
        "2001-11-23",
        "2022-05-12",
        "deposit_after_opening / cets224_signatory_is_convention_party",
        "p2",
    )


def test_a_stated_date_outside_a_derived_bound_is_a_conflict_naming_both_sources():
    rows, problems = build(
        ("dep", "ETS185", "ITA", "ratification", "2008-07-15"), ("eif", "ETS185", "ITA", "entry_into_force", "2008-10-01")
    )
    assert ("ETS185", "ITA", "ratification") not in rows  # nothing half-written
    [p] = [p for p in problems if p.column == DEPOSIT]
    assert p.rule.startswith("conflict: the bounds of ETS185 deposit of ITA contradict each other")
    assert "earliest 2008-07-15 (stated: dep)" in p.rule and "latest 2008-06-30 (eif_to_deposit_month: eif)" in p.rule
    assert p.file == "datasets/core/treaty_events.csv" and p.subject == ("ETS185", "ITA", "deposit")


def test_two_stated_days_from_two_sources_are_a_conflict():
    _, problems = build(
        ("a", "ETS185", "ITA", "ratification", "2008-06-05"), ("b", "ETS185", "ITA", "ratification", "2008-06-10")
    )
    assert [p.rule.split(":")[0] for p in problems] == ["conflict"]
    assert "(stated: b)" in problems[0].rule and "(stated: a)" in problems[0].rule


def test_named_as_invited_after_a_stated_accession_is_a_conflict_naming_both_sources():
    _, problems = build(("dep", "ETS185", "NGA", "accession", "2022-07-06"), ("list", "ETS185", "NGA", "invited_at", "2026-01"))
    [p] = [p for p in problems if p.column == DEPOSIT]
    assert "earliest 2026-01-02 (invited_not_yet_party: list)" in p.rule and "latest 2022-07-06 (stated: dep)" in p.rule


def test_named_as_invited_bounds_the_deposit_from_below():
    rows, problems = build(
        ("inv", "ETS185", "STP", "invited_at", "2023-10-09"),
        ("plen", "ETS185", "STP", "deposit_between", "2023-06-02/2025-06-15"),
    )
    assert problems == []
    r = rows[("ETS185", "STP", "accession")]
    assert (r["earliest"], r["latest"], r["basis"]) == ("2023-10-10", "2025-06-15", "invited_not_yet_party / between_plenaries")
    assert r["source"] == "inv; plen"
    inv = rows[("ETS185", "STP", "invitation")]  # the same statement still bounds the invitation
    assert (inv["earliest"], inv["latest"]) == ("2004-07-01", "2023-10-09")


def test_not_party_at_and_domestic_approval_narrow_a_deposit():
    rows, problems = build(
        ("list", "ETS185", "ECU", "party_at", "2026-01-14"),
        ("asm", "ETS185", "ECU", "not_party_at", "2024-06-17"),
        ("asm0", "ETS185", "ECU", "not_party_at", "2023-01-10"),  # an older statement: looser, so it sets nothing
        ("p2", "CETS224", "PRY", "signature", "2024-09-24"),
        ("law", "ETS185", "PRY", "domestic_approval", "2017-12-15"),
    )
    assert problems == []
    ecu, pry = rows[("ETS185", "ECU", "accession")], rows[("ETS185", "PRY", "accession")]
    assert (ecu["earliest"], ecu["latest"], ecu["basis"]) == (
        "2024-06-18",
        "2026-01-14",
        "listed_as_not_yet_party / listed_as_party",
    )
    assert (pry["earliest"], pry["latest"], pry["basis"]) == (
        "2017-12-15",
        "2024-09-24",
        "deposit_after_domestic_approval / cets224_signatory_is_convention_party",
    )
    assert ecu["precision"] == pry["precision"] == "bound"


def test_statements_that_bound_from_below_never_make_a_state_a_party():
    rows, problems = build(
        ("law", "ETS189", "PRY", "domestic_approval", "2017-12-15"),
        ("asm", "ETS185", "ECU", "not_party_at", "2024-06-17"),
        ("list", "ETS185", "MEX", "invited_at", "2014-03-26"),
    )
    assert problems == []
    assert set(rows) == {("ETS185", "MEX", "invitation")}


def test_a_not_yet_party_statement_after_a_stated_deposit_is_a_conflict():
    _, problems = build(
        ("dep", "ETS185", "ECU", "accession", "2024-03-01"), ("asm", "ETS185", "ECU", "not_party_at", "2024-06-17")
    )
    [p] = [p for p in problems if p.column == DEPOSIT]
    assert "(listed_as_not_yet_party: asm)" in p.rule and "(stated: dep)" in p.rule
    _, problems = build(
        ("dep", "ETS185", "PRY", "accession", "2017-12-14"), ("law", "ETS185", "PRY", "domestic_approval", "2017-12-15")
    )
    assert [p.rule.split(":")[0] for p in problems if p.column == DEPOSIT] == ["conflict"]
    _, problems = build(
        ("dep", "ETS185", "PRY", "accession", "2017-12-15"), ("law", "ETS185", "PRY", "domestic_approval", "2017-12-15")
    )
    assert problems == []  # deposited the day the law was adopted: on or after holds
