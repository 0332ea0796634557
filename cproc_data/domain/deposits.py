"""The deposit rules: which instrument a State deposits, and one deposit per State and treaty.

* A signatory deposits an instrument of ratification (acceptance, approval); a State
  that did not sign accedes (ETS 185 arts 36-37; ETS 189 arts 9-11; CETS 224 arts 15-16).
* A State has one deposit per treaty: a ratification or an accession, never both, and
  a signatory never accedes.
* The Treaty Office marks an accession with a lower-case "a" in its Notes column (its
  key: a = accession, s = signature without reservation as to ratification, su =
  succession, r = signature ad referendum, R = reservations, D = declarations,
  T = territorial application, A = authorities, O = objection). Notes mark an accession
  only when they consist of such marks and one of them is "a", or say "accession".
"""

from __future__ import annotations

import re

# events a State has at most one date for, per treaty
SINGLE_VALUED = ("signature", "ratification", "accession", "entry_into_force", "denunciation", "denunciation_effect")
TREATY_OFFICE_MARKS = frozenset({"a", "s", "su", "r", "R", "D", "T", "A", "O"})


def deposit_problems(signature, ratification, accession) -> list[tuple[str, str]]:
    """(event the problem sits on, message) for every breach of the one-deposit rule."""
    out = []
    if ratification is not None and accession is not None:
        out.append(("accession", f"one-deposit: both a ratification ({ratification}) and an accession ({accession})"))
    if accession is not None and signature is not None:
        out.append(("accession", f"one-deposit: signed ({signature}), so its instrument is a ratification, not an accession"))
    return out


def marks_accession(notes: str | None) -> bool:
    """True when a Treaty Office Notes cell marks an accession (see module docstring)."""
    text = (notes or "").strip()
    if not text:
        return False
    if re.search(r"\baccession\b", text, re.IGNORECASE):
        return True
    tokens = [t for t in re.split(r"[\s,;.()/]+", text) if t]
    return bool(tokens) and all(t in TREATY_OFFICE_MARKS for t in tokens) and "a" in tokens


def deposit_kind(signed: bool, notes: str | None, member_at_deposit: bool) -> str:
    """Ratification or accession for a deposit read from a chart row.

    The Notes mark decides; otherwise a signatory ratifies; otherwise a Council of Europe
    member (on the deposit date) ratifies, since members sign first and their missing
    signature date is a gap; any other State accedes.
    """
    if marks_accession(notes):
        return "accession"
    if signed or member_at_deposit:
        return "ratification"
    return "accession"
