"""What the record still lacks: one row per State, treaty and missing date (`cproc-data gaps`)."""

from __future__ import annotations

import pandas as pd

from ..domain.countries import short_name
from ..domain.membership import is_member
from ..domain.treaties import TREATIES
from ..ingest.snapshots import undated_facts
from ..load import cached, country_names, table
from .treaty_record import treaty_record

COLUMNS = ["treaty", "iso3", "missing", "known", "known_date"]


def record_gaps() -> pd.DataFrame:
    """What the record still lacks, one row per State, treaty and missing date.

    Columns: treaty, iso3, name, missing, known (what the record has that implies the
    missing date exists, or the partial dates raw sources give), known_date (the date of
    that known event: the missing one lies on or before it; empty for partial dates).
    Transformations: every event the record only bounds (its interval and the rules that
    set it), a ratification without any signature, a deposit without an entry into force
    (treaty in force), an accession without an invitation (treaties with invitations, a
    State not a member on the accession day and not among the treaty's non-member
    signatories), and facts raw sources give without a day, month or year. Nothing here is
    filled in anywhere: a gap stays a gap until a source gives the day. Ends with one row
    per (treaty, iso3, missing).
    """
    return _record_gaps().copy()


@cached
def _record_gaps() -> pd.DataFrame:
    rec = treaty_record()
    coe = table("coe_membership")
    rows: list[dict] = []

    def add(treaty, iso3, missing, known, known_date=None):
        rows.append({"treaty": treaty, "iso3": iso3, "missing": missing, "known": known, "known_date": known_date})

    events = table("treaty_events")
    for e in events[events["precision"] != "day"].itertuples():
        missing = "deposit" if e.event in ("ratification", "accession") else e.event
        span = f"{e.earliest.date() if pd.notna(e.earliest) else '...'} to {e.latest.date() if pd.notna(e.latest) else '...'}"
        known = f"only {e.precision} given: {span}" if e.precision in ("month", "year") else f"bounded {span} ({e.basis})"
        add(e.treaty, e.iso3, missing, known, e.latest)
    signed = set(zip(events.loc[events["event"] == "signature", "treaty"], events.loc[events["event"] == "signature", "iso3"]))
    for r in rec.itertuples():
        t = TREATIES[r.treaty]
        if pd.notna(r.ratification) and (r.treaty, r.iso3) not in signed:
            add(r.treaty, r.iso3, "signature", f"ratification {r.ratification.date()}", r.ratification)
        if pd.notna(r.deposit) and pd.isna(r.entry_into_force) and t.in_force is not None:
            add(r.treaty, r.iso3, "entry_into_force", f"{r.deposit_type} {r.deposit.date()}", r.deposit)
        if (
            t.has_invitations
            and pd.notna(r.accession)
            and pd.isna(r.first_invitation)
            and not is_member(r.iso3, coe, r.accession)
            and r.iso3 not in t.non_member_signatories
        ):
            add(r.treaty, r.iso3, "invitation", f"accession {r.accession.date()}", r.accession)
    undated = undated_facts()
    names = country_names()
    undated["iso3"] = undated["state_as_written"].map(names.lookup)
    have = set(zip(table("treaty_events")["treaty"], table("treaty_events")["iso3"], table("treaty_events")["event"]))
    for (treaty, iso3, event), grp in undated.groupby(["treaty", "iso3", "event"]):
        if (treaty, iso3, event) not in have:
            said = "; ".join(sorted({f"{s}: {w}" for s, w in zip(grp["source_id"], grp["date_as_written"]) if pd.notna(w) and w}))
            add(
                treaty,
                iso3,
                event if event != "ratification" else "deposit",
                f"only partial dates: {said}" if said else "named without a date",
            )
    df = pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(["treaty", "iso3", "missing"])
    df["known_date"] = pd.to_datetime(df["known_date"]).astype("datetime64[ns]")
    df.insert(2, "name", df["iso3"].map(short_name))
    df = df.sort_values(["treaty", "missing", "name"]).reset_index(drop=True)
    if df.duplicated(["treaty", "iso3", "missing"]).any():
        raise AssertionError("record_gaps: duplicate (treaty, iso3, missing)")
    return df
