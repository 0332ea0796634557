"""The treaties and the facts of their texts that every rule uses: one `Treaty(...)` each.

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
    has_invitations: bool = False  # the Committee of Ministers invites non-members to accede
    parent: str | None = None  # a Party to this treaty must be a Party to the parent
    # non-members that took part in drawing the treaty up and may sign it (ETS 185 art. 36)
    non_member_signatories: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"https://www.coe.int/en/web/conventions/full-list?module=signatures-by-treaty&treatynum={self.number}"

    @property
    def label(self) -> str:
        """'ETS 185', 'CETS 224': how the Treaty Office writes the number."""
        prefix = self.code.rstrip("0123456789")
        return f"{prefix} {self.number}"


TREATIES: dict[str, Treaty] = {
    t.code: t
    for t in (
        Treaty(
            "ETS185",
            185,
            "Convention on Cybercrime",
            "Convention on Cybercrime (Budapest Convention)",
            date(2001, 11, 23),
            date(2004, 7, 1),
            has_invitations=True,
            non_member_signatories=("CAN", "JPN", "USA", "ZAF"),
        ),
        Treaty(
            "ETS189",
            189,
            "First Additional Protocol",
            "Additional Protocol to the Convention on Cybercrime, concerning the criminalisation "
            "of acts of a racist and xenophobic nature committed through computer systems",
            date(2003, 1, 28),
            date(2006, 3, 1),
            parent="ETS185",
        ),
        Treaty(
            "CETS224",
            224,
            "Second Additional Protocol",
            "Second Additional Protocol to the Convention on Cybercrime on enhanced "
            "co-operation and disclosure of electronic evidence",
            date(2022, 5, 12),
            None,
            parent="ETS185",
        ),
    )
}
MAIN_TREATY = next(code for code, t in TREATIES.items() if t.parent is None)


def get_treaty(code: str) -> Treaty:
    key = code.upper().replace(" ", "").replace("NO.", "")
    if key not in TREATIES:
        raise KeyError(f"unknown treaty {code!r}; expected one of {', '.join(TREATIES)}")
    return TREATIES[key]


def first_opened() -> date:
    return min(t.opened for t in TREATIES.values())


def eif_month_after(treaty: Treaty, deposit: date) -> date:
    """First day of the month after deposit + the treaty's delay (the State's own date)."""
    month = deposit.month - 1 + treaty.eif_delay_months + 1  # "the month following" the period
    year, month = deposit.year + month // 12, month % 12 + 1
    return date(year, month, 1)


def expected_entry_into_force(treaty: Treaty, deposit: date) -> date | None:
    """Entry into force for a State that deposited on `deposit`; None while the treaty is not in force."""
    if treaty.in_force is None:
        return None
    return max(eif_month_after(treaty, deposit), treaty.in_force)
