"""Dates with bounds: every event date is an interval [earliest, latest], derived by named rules.

A source states a day, a month, a year, or only a bound ("X is a Party" in a list dated D:
its deposit is on or before D). The rules below turn what the sources say, and what the
treaties' texts imply, into the tightest interval for each event. Each rule is a named
function; its legal basis is in its docstring, and the build records its name on every
bound it sets. A derived bound is never written as a point date, and a stated date always
beats a derived bound: a stated date outside a derived bound is a conflict, which stops
the build until datasets/corrections.csv says which source is right.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .treaties import TREATIES, Treaty, expected_entry_into_force

PRECISIONS = ("day", "month", "year", "bound")
DEPOSIT = "deposit"  # the slot of a ratification or accession (which one is the event's kind)
# raw statements that bound an event without dating it, and the event they bound
STATEMENTS = {
    "party_at": DEPOSIT,
    "nth_party": DEPOSIT,
    "deposit_between": DEPOSIT,
    "signatory_at": "signature",
    "invited_at": "invitation",
    "invitation_between": "invitation",
}
# raw statements that bound a deposit from below only, and the slot that holds them. None of
# them proves that a deposit happened: each narrows a deposit the record has from other facts
# and never creates one. `invited_at` also bounds the invitation (STATEMENTS).
NOT_YET = {
    "invited_at": "invited_on",  # named as invited on D: not yet a Party on D
    "not_party_at": "not_party_on",  # an official statement that the State had not deposited by D
    "domestic_approval": "domestic_approval",  # the State's own law approving the treaty, adopted on D
}


@dataclass(frozen=True)
class Bound:
    """An interval for one event; `low_by` / `high_by` name the rule that set each end,
    `low_sources` / `high_sources` the sources it rests on (`sources`: all of them)."""

    earliest: date | None
    latest: date | None
    low_by: str = ""
    high_by: str = ""
    sources: frozenset[str] = field(default_factory=frozenset)
    low_sources: frozenset[str] = field(default_factory=frozenset)
    high_sources: frozenset[str] = field(default_factory=frozenset)

    @property
    def exact(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    def empty(self) -> bool:
        return self.earliest is not None and self.latest is not None and self.earliest > self.latest


def month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after (or before) `day`'s month."""
    m = day.year * 12 + day.month - 1 + months
    return date(m // 12, m % 12 + 1, 1)


def tighten(b: Bound, earliest: date | None, latest: date | None, by: str, sources=frozenset()) -> Bound:
    """The bound narrowed by a rule (the tightest end wins; the rule's name is kept on it)."""
    out = b
    if earliest is not None and (out.earliest is None or earliest > out.earliest):
        out = replace(out, earliest=earliest, low_by=by, sources=out.sources | sources, low_sources=frozenset(sources))
    if latest is not None and (out.latest is None or latest < out.latest):
        out = replace(out, latest=latest, high_by=by, sources=out.sources | sources, high_sources=frozenset(sources))
    return out


# --- the rules ------------------------------------------------------------------------


def deposit_after_opening(treaty: Treaty, deposit: Bound) -> Bound:
    """No instrument before the treaty was opened for signature (ETS 185 art. 36(1);
    ETS 189 art. 9(1); CETS 224 art. 15(1))."""
    return tighten(deposit, treaty.opened, None, "deposit_after_opening")


def signature_after_opening(treaty: Treaty, signature: Bound) -> Bound:
    """No signature before the treaty was opened for signature (ETS 185 art. 36(1))."""
    return tighten(signature, treaty.opened, None, "signature_after_opening")


def eif_to_deposit_month(treaty: Treaty, eif: Bound, deposit: Bound) -> Bound:
    """Entry into force is the first day of the month following three months after the
    deposit (ETS 185 arts 36(4), 37(2); ETS 189 arts 10(2), 11(2); CETS 224 art. 16(2)-(3)):
    an entry into force on 1 October 2008 means a deposit in June 2008. The treaty's own
    entry into force bounds the deposit from above only (art. 36(3): the first States
    deposited earlier)."""
    if not eif.exact or treaty.in_force is None or eif.earliest is None:
        return deposit
    month = add_months(eif.earliest, -(treaty.eif_delay_months + 1))
    first, last = month_span(month.year, month.month)
    if eif.earliest == treaty.in_force:
        return tighten(deposit, None, last, "eif_to_deposit_month", eif.sources)
    return tighten(deposit, first, last, "eif_to_deposit_month", eif.sources)


def deposit_to_eif(treaty: Treaty, deposit: Bound, eif: Bound) -> Bound:
    """The same rule read forwards: a deposit in [a, b] means an entry into force in
    [f(a), f(b)], f the treaty's entry-into-force rule."""
    if treaty.in_force is None or (deposit.earliest is None and deposit.latest is None):
        return eif
    low = expected_entry_into_force(treaty, deposit.earliest) if deposit.earliest else None
    high = expected_entry_into_force(treaty, deposit.latest) if deposit.latest else None
    return tighten(eif, low, high, "deposit_to_eif", deposit.sources)


def deposit_before_eif(deposit: Bound, eif: Bound) -> Bound:
    """A treaty enters into force for a State only after its deposit (ETS 185 art. 36(4))."""
    return tighten(deposit, None, eif.latest, "deposit_before_eif", eif.sources)


def ratification_after_signature(signature: Bound, deposit: Bound) -> Bound:
    """A signatory ratifies after it signs (ETS 185 art. 36(2))."""
    return tighten(deposit, signature.earliest, None, "ratification_after_signature", signature.sources)


def signature_before_ratification(signature: Bound, deposit: Bound) -> Bound:
    """The same order read backwards: the signature is on or before the ratification."""
    return tighten(signature, None, deposit.latest, "signature_before_ratification", deposit.sources)


def accession_after_invitation(invitation: Bound, deposit: Bound) -> Bound:
    """A State that is not a member accedes only once invited (ETS 185 art. 37(1))."""
    return tighten(deposit, invitation.earliest, None, "accession_after_invitation", invitation.sources)


def invitation_after_entry_into_force(treaty: Treaty, invitation: Bound) -> Bound:
    """The Committee of Ministers invites States to accede after the Convention entered into
    force (ETS 185 art. 37(1)); before that date no invitation can have been decided."""
    low = treaty.in_force if treaty.in_force else treaty.opened
    return tighten(invitation, low, None, "invitation_after_entry_into_force")


def invitation_before_accession(invitation: Bound, deposit: Bound) -> Bound:
    """The invitation comes on or before the accession it leads to (ETS 185 art. 37(1))."""
    return tighten(invitation, None, deposit.latest, "invitation_before_accession", deposit.sources)


def protocol_party_is_convention_party(protocol: Treaty, protocol_deposit: Bound, parent_deposit: Bound) -> Bound:
    """A Party to a Protocol is a Party to the Convention: ETS 189 art. 9(2) ("may not
    ratify ... unless it has previously, or simultaneously, ratified the Convention");
    CETS 224 arts 15(1) and 16(1) (open to, and in force for, Parties to the Convention)."""
    return tighten(
        parent_deposit,
        None,
        protocol_deposit.latest,
        f"{protocol.code.lower()}_party_is_convention_party",
        protocol_deposit.sources,
    )


def second_protocol_signatory_is_party(protocol_signature: Bound, parent_deposit: Bound) -> Bound:
    """The Second Protocol is open for signature by the Parties to the Convention only
    (CETS 224 art. 15(1)): a State that signed it had deposited for ETS 185 by then."""
    return tighten(
        parent_deposit, None, protocol_signature.latest, "cets224_signatory_is_convention_party", protocol_signature.sources
    )


def first_protocol_signatory_signed_convention(protocol_signature: Bound, parent_signature: Bound) -> Bound:
    """The First Protocol is open for signature by the States that signed the Convention
    (ETS 189 art. 9(1)): its signature bounds the Convention's signature from above."""
    return tighten(
        parent_signature, None, protocol_signature.latest, "ets189_signatory_signed_convention", protocol_signature.sources
    )


def invited_not_yet_party(invited_on: Bound, deposit: Bound) -> Bound:
    """A State the Council of Europe names as invited on day D was not yet a Party on D:
    invited status under ETS 185 art. 37(1) is that of a non-member State invited to accede
    that has not yet deposited its instrument of accession. Its deposit is after D (a list
    dated only by month speaks of some day of it: after the first)."""
    if invited_on.earliest is None:
        return deposit
    return tighten(deposit, invited_on.earliest + timedelta(days=1), None, "invited_not_yet_party", invited_on.sources)


def listed_as_not_yet_party(not_party_on: Bound, deposit: Bound) -> Bound:
    """A dated official statement that a State had not yet deposited its instrument on day D
    (its parliament still examining the treaty, say): a State consents to be bound by
    depositing its instrument with the Secretary General (ETS 185 arts 36(2) and 37(2); the
    Protocols' final clauses likewise), so its deposit is after D."""
    if not_party_on.earliest is None:
        return deposit
    return tighten(deposit, not_party_on.earliest + timedelta(days=1), None, "listed_as_not_yet_party", not_party_on.sources)


def deposit_after_domestic_approval(approval: Bound, deposit: Bound) -> Bound:
    """Where a State's constitution requires its parliament to approve a treaty before the
    instrument of ratification or accession is deposited (the article is cited in the raw
    snapshot's note), the deposit is on or after the day the approving law was adopted."""
    if approval.earliest is None:
        return deposit
    return tighten(deposit, approval.earliest, None, "deposit_after_domestic_approval", approval.sources)


PARENT_RULES = {  # how a Protocol event bounds an event of its parent treaty
    ("ETS189", DEPOSIT): (DEPOSIT, lambda t, own, parent: protocol_party_is_convention_party(t, own, parent)),
    ("CETS224", DEPOSIT): (DEPOSIT, lambda t, own, parent: protocol_party_is_convention_party(t, own, parent)),
    ("CETS224", "signature"): (DEPOSIT, lambda t, own, parent: second_protocol_signatory_is_party(own, parent)),
    ("ETS189", "signature"): ("signature", lambda t, own, parent: first_protocol_signatory_signed_convention(own, parent)),
}


def apply_rules(treaty: Treaty, slots: dict[str, Bound], member_at_deposit: bool, accession: bool) -> dict[str, Bound]:
    """The State's single-valued slots (signature, deposit, entry_into_force, first
    invitation) narrowed by every rule within one treaty, to a fixed point. The slots of
    NOT_YET (statements that bound a deposit from below) narrow a deposit, never create one."""
    out = dict(slots)
    for _ in range(4):  # each pass can only narrow; four passes reach the fixed point here
        before = dict(out)
        if DEPOSIT in out:
            out[DEPOSIT] = deposit_after_opening(treaty, out[DEPOSIT])
            if "entry_into_force" in out:
                out[DEPOSIT] = eif_to_deposit_month(treaty, out["entry_into_force"], out[DEPOSIT])
                out[DEPOSIT] = deposit_before_eif(out[DEPOSIT], out["entry_into_force"])
            if "signature" in out and not accession:
                out[DEPOSIT] = ratification_after_signature(out["signature"], out[DEPOSIT])
                out["signature"] = signature_before_ratification(out["signature"], out[DEPOSIT])
            if "invitation" in out and accession and not member_at_deposit:
                out[DEPOSIT] = accession_after_invitation(out["invitation"], out[DEPOSIT])
                out["invitation"] = invitation_before_accession(out["invitation"], out[DEPOSIT])
            if "invited_on" in out:
                out[DEPOSIT] = invited_not_yet_party(out["invited_on"], out[DEPOSIT])
            if "not_party_on" in out:
                out[DEPOSIT] = listed_as_not_yet_party(out["not_party_on"], out[DEPOSIT])
            if "domestic_approval" in out:
                out[DEPOSIT] = deposit_after_domestic_approval(out["domestic_approval"], out[DEPOSIT])
        if "signature" in out:
            out["signature"] = signature_after_opening(treaty, out["signature"])
        if "entry_into_force" in out and DEPOSIT in out:
            out["entry_into_force"] = deposit_to_eif(treaty, out[DEPOSIT], out["entry_into_force"])
        if "invitation" in out and treaty.has_invitations:
            out["invitation"] = invitation_after_entry_into_force(treaty, out["invitation"])
        if out == before:
            break
    return out


def parent_bounds(code: str, slots: dict[str, Bound], parent_slots: dict[str, Bound]) -> dict[str, Bound]:
    """The parent treaty's slots narrowed by what this Protocol's events imply."""
    out = dict(parent_slots)
    t = TREATIES[code]
    for (protocol, event), (target, rule) in PARENT_RULES.items():
        if protocol == code and event in slots:
            out[target] = rule(t, slots[event], out.get(target, Bound(None, None)))
    return out
