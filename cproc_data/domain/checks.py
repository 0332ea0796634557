"""The record's domain rules, as checks on a text frame shaped like core/treaty_events.csv.

Rules, each named in its message:
  window            no event before the treaty opened (invitations aside) or after today
  order             ratification not before signature; entry into force not before deposit
  entry-into-force  = first day of the month after deposit + 3 months (not before the treaty's own)
  one-deposit       a ratification or an accession, not both; a signatory ratifies (deposits.py)
  invitation        an accession by a State that was not a Council of Europe member on that day
                    comes on or after its invitation (treaties with invitations)
  protocol-parent   a Party to a Protocol is (or becomes at once) a Party to its parent treaty
A date the sources do not give is a gap, not an error (`cproc-data gaps`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from ..errors import DataProblem
from .deposits import deposit_problems
from .membership import is_member
from .treaties import TREATIES, Treaty, expected_entry_into_force

EVENTS_FILE = "datasets/core/treaty_events.csv"


def date_rules(treaty: Treaty, signature: date | None, deposit: date | None, eif: date | None) -> list[tuple[str, str]]:
    """(event the problem sits on, message) for the order and entry-into-force rules of one State."""
    out = []
    if signature and deposit and deposit < signature:
        out.append(("deposit", f"order: ratification before signature ({signature})"))
    if deposit and eif and eif < deposit:
        out.append(("entry_into_force", f"order: entry into force before deposit ({deposit})"))
    elif deposit and eif and treaty.in_force is not None:
        want = expected_entry_into_force(treaty, deposit)
        if want is not None and eif != want:
            out.append(
                (
                    "entry_into_force",
                    f"entry-into-force: expected {want} (first day of the month after deposit {deposit} + "
                    f"{treaty.eif_delay_months} months, not before {treaty.in_force})",
                )
            )
    return out


def check_events(events: pd.DataFrame, coe: pd.DataFrame, today: date | None = None) -> list[DataProblem]:
    """Every breach of the rules above (events and coe as text frames).

    The order and entry-into-force rules compare days the sources give (earliest ==
    latest); a bounded event is checked against the window at both ends (its bounds were
    checked against each other by the build, domain.bounds).
    """
    today = today or date.today()
    problems: list[DataProblem] = []
    ev = events.copy()
    ev["line"] = range(2, len(ev) + 2)
    if "date" not in ev:  # the bounded record: a day only where earliest == latest
        ev["date"] = ev["earliest"].where(ev["earliest"] == ev["latest"], "")
    ev["when"] = pd.to_datetime(ev["date"], format="%Y-%m-%d", errors="coerce")
    for r in ev[ev["date"] == ""].itertuples():
        t = TREATIES.get(r.treaty)
        low = pd.to_datetime(r.earliest, errors="coerce") if r.earliest else pd.NaT
        high = pd.to_datetime(r.latest, errors="coerce") if r.latest else pd.NaT
        if t is not None and pd.notna(low) and low.date() < t.opened and r.event not in ("invitation", "invitation_extension"):
            problems.append(
                DataProblem(
                    EVENTS_FILE,
                    int(r.line),
                    "earliest",
                    r.earliest,
                    f"window: {r.event} bound before {t.code} opened for signature on {t.opened}",
                )
            )
        if pd.notna(high) and high.date() > today and pd.notna(low) and low.date() > today:
            problems.append(
                DataProblem(
                    EVENTS_FILE, int(r.line), "earliest", r.earliest, f"window: bound is in the future (today is {today})"
                )
            )
    members = pd.DataFrame(
        {
            "iso3": coe.get("iso3", pd.Series(dtype=str)),
            "joined": pd.to_datetime(coe.get("joined", pd.Series(dtype=str)), errors="coerce"),
            "left": pd.to_datetime(coe.get("left", pd.Series(dtype=str)).replace("", None), errors="coerce"),
        }
    )

    def p(row, column, value, rule):
        problems.append(DataProblem(EVENTS_FILE, int(row), column, str(value), rule))

    for r in ev.itertuples():
        t = TREATIES.get(r.treaty)
        if t is None or pd.isna(r.when):
            continue
        if r.when.date() < t.opened and r.event not in ("invitation", "invitation_extension"):
            p(r.line, "earliest", r.date, f"window: {r.event} before {t.code} opened for signature on {t.opened}")
        if r.when.date() > today:
            p(r.line, "earliest", r.date, f"window: date is in the future (today is {today})")

    first: dict[tuple[str, str, str], Any] = {}
    for r in ev[ev["when"].notna()].sort_values("when", kind="stable").itertuples():
        first.setdefault((r.treaty, r.iso3, r.event), r)
    deposits: dict[tuple[str, str], Any] = {}
    for treaty, iso3 in sorted({(r.treaty, r.iso3) for r in ev.itertuples()}):
        t = TREATIES.get(treaty)
        if t is None:
            continue
        sig, rat, acc, eif, inv = (
            first.get((treaty, iso3, e)) for e in ("signature", "ratification", "accession", "entry_into_force", "invitation")
        )
        for event, message in deposit_problems(sig and sig.date, rat and rat.date, acc and acc.date):
            row = acc if event == "accession" else rat
            assert row is not None  # deposit_problems names an event the State has
            p(row.line, "event", event, f"{message} ({iso3}, {treaty})")
        dep = rat or acc
        if dep is not None:
            deposits[(treaty, iso3)] = dep
        days = [r.when.date() if r is not None else None for r in (sig, dep, eif)]
        for event, message in date_rules(t, *days):
            row = dep if event == "deposit" else eif
            assert row is not None  # date_rules names an event the State has
            p(row.line, "earliest", row.date, message)
        if (
            t.has_invitations
            and acc is not None
            and inv is not None
            and acc.when < inv.when
            and not is_member(iso3, members, acc.when)
        ):
            p(acc.line, "earliest", acc.date, f"invitation: {iso3} acceded before its invitation ({inv.date})")
    for (treaty, iso3), dep in deposits.items():
        parent_code = TREATIES[treaty].parent
        if parent_code is None:
            continue
        parent = deposits.get((parent_code, iso3))
        if parent is not None and parent.when > dep.when:  # a missing date is a gap, not an error
            p(
                dep.line,
                "earliest",
                dep.date,
                f"protocol-parent: {iso3} deposited for {treaty} before becoming a Party to {parent_code} ({parent.date})",
            )
    return problems
