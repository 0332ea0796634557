"""The three treaties and the facts of their texts that the engine and the checks use.

Entry into force for a State (ETS 185 arts 36(4) and 37(2); ETS 189 arts 10(2) and 11(2);
CETS 224 art. 16(2)-(3)): the first day of the month following the expiration of a period
of three months after the deposit of the State's instrument, but never before the
treaty's own entry into force.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Treaty:
    code: str  # ETS185 | ETS189 | CETS224
    number: int
    short_name: str
    title: str
    opened: date  # opened for signature
    in_force: date | None  # the treaty's own entry into force (None: not yet)
    eif_delay_months: int = 3
    has_invitations: bool = False  # Committee of Ministers invites non-members to accede

    @property
    def url(self) -> str:
        return (
            "https://www.coe.int/en/web/conventions/full-list"
            f"?module=signatures-by-treaty&treatynum={self.number}"
        )


TREATIES: dict[str, Treaty] = {
    t.code: t
    for t in (
        Treaty(
            "ETS185", 185, "Convention on Cybercrime",
            "Convention on Cybercrime (Budapest Convention)",
            date(2001, 11, 23), date(2004, 7, 1), has_invitations=True,
        ),
        Treaty(
            "ETS189", 189, "First Additional Protocol",
            "Additional Protocol to the Convention on Cybercrime, concerning the criminalisation "
            "of acts of a racist and xenophobic nature committed through computer systems",
            date(2003, 1, 28), date(2006, 3, 1),
        ),
        Treaty(
            "CETS224", 224, "Second Additional Protocol",
            "Second Additional Protocol to the Convention on Cybercrime on enhanced "
            "co-operation and disclosure of electronic evidence",
            date(2022, 5, 12), None,
        ),
    )
}


def get_treaty(code: str) -> Treaty:
    key = code.upper().replace(" ", "").replace("NO.", "")
    if key not in TREATIES:
        raise KeyError(f"unknown treaty {code!r}; expected one of {', '.join(TREATIES)}")
    return TREATIES[key]


def expected_entry_into_force(treaty: Treaty, deposit: date) -> date | None:
    """First day of the month after deposit + delay; not before the treaty's own EIF."""
    month = deposit.month - 1 + treaty.eif_delay_months
    year, month = deposit.year + month // 12, month % 12 + 1
    # day of (deposit + n months) is irrelevant: "the month following" that date
    month += 1
    if month == 13:
        year, month = year + 1, 1
    own = date(year, month, 1)
    if treaty.in_force is None:
        return None
    return max(own, treaty.in_force)
