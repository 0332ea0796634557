"""The treaty record: curated events built from raw snapshots, and the per-State view.

`build_treaty_events` is the one function that makes `datasets/curated/treaty_events.csv`.
Transformations, in order:
  1. read every raw snapshot (sources.check_raw: schema, origin record, date format);
  2. map each `state_as_written` to ISO alpha-3 through the reviewed country mapping
     (successor and renamed States share one code: Serbia and Montenegro -> SRB,
     Czech Republic -> CZE, Turkey -> TUR, "the former Yugoslav Republic of Macedonia" -> MKD);
  3. set aside facts with no full date (kept in raw, listed by `undated_facts`);
  4. apply datasets/corrections.csv (known source errors, each with its reason);
  5. merge identical facts from several sources into one row citing all of them;
  6. require one date per State for single-valued events (signature, ratification,
     accession, entry into force, denunciation): two sources that disagree are an error
     until a correction says which is right. Invitations and extensions may repeat.
  7. check the key (treaty, iso3, event, date) is unique.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import countries
from .errors import DataError, DataProblem
from .metadata import TABLES
from .paths import curated_dir, datasets_dir
from .schema import check_frame, read_csv_text, read_table, typed
from .sources import check_raw

SINGLE_VALUED = ("signature", "ratification", "accession", "entry_into_force", "denunciation", "denunciation_effect")
EVENTS_FILE = "datasets/curated/treaty_events.csv"
CORRECTIONS_FILE = "datasets/corrections.csv"


def _corrections(problems: list[DataProblem]) -> pd.DataFrame:
    df = read_csv_text(datasets_dir() / "corrections.csv")
    problems += check_frame(df, TABLES["corrections"], CORRECTIONS_FILE)
    return df


def map_names(facts: pd.DataFrame, problems: list[DataProblem]) -> pd.Series:
    """iso3 for each fact; unknown names become problems (with a 'did you mean')."""
    out = []
    for file, row, name in zip(facts["_file"], facts["_row"], facts["state_as_written"]):
        code = countries.lookup(name)
        if code is None:
            hint = countries.suggest(name)
            problems.append(DataProblem(
                file, int(row), "state_as_written", name,
                "State name not in the reviewed mapping datasets/reference/country_names.csv",
                hint=f"did you mean {' or '.join(repr(h) for h in hint)}?" if hint else None,
            ))
        out.append(code or "")
    return pd.Series(out, index=facts.index, dtype="string")


def build_treaty_events() -> tuple[pd.DataFrame, list[DataProblem]]:
    """Curated treaty events (text frame in file order) and every problem met building it."""
    _sources, facts, problems = check_raw()
    facts = facts.copy()
    facts["iso3"] = map_names(facts, problems)
    dated = facts[(facts["date"] != "") & (facts["iso3"] != "")].copy()

    corr = _corrections(problems)
    dated["note_fix"] = ""
    if len(corr):
        for _, c in corr.iterrows():
            hit = (
                (dated["source_id"] == c["source_id"]) & (dated["treaty"] == c["treaty"])
                & (dated["iso3"] == c["iso3"]) & (dated["event"] == c["event"])
                & (dated["date"] == c["wrong_date"])
            )
            if not hit.any():
                problems.append(DataProblem(
                    CORRECTIONS_FILE, None, "wrong_date", c["wrong_date"],
                    f"correction matches no raw fact ({c['source_id']}, {c['treaty']}, {c['iso3']}, {c['event']})",
                ))
                continue
            if c["correct_date"]:
                dated.loc[hit, "date"] = c["correct_date"]
                dated.loc[hit, "note_fix"] = f"{c['source_id']} gives {c['wrong_date']}, corrected: {c['reason']}"
            else:
                dated = dated[~hit]

    # a single-valued event must have one date across sources
    for (treaty, iso3, event), grp in dated[dated["event"].isin(SINGLE_VALUED)].groupby(["treaty", "iso3", "event"], sort=True):
        if grp["date"].nunique() > 1:
            first = grp.iloc[0]
            detail = "; ".join(f"{s} says {d}" for s, d in zip(grp["source_id"], grp["date"]))
            problems.append(DataProblem(
                first["_file"], int(first["_row"]), "date", first["date"],
                f"sources disagree on {treaty} {event} of {iso3} ({detail}); record a correction in {CORRECTIONS_FILE}",
            ))

    rows = []
    for (treaty, iso3, event, day), grp in dated.groupby(["treaty", "iso3", "event", "date"], sort=True):
        notes = sorted({n for n in grp["note_fix"] if n})
        rows.append({
            "treaty": treaty, "iso3": iso3, "event": event, "date": day,
            "source": "; ".join(sorted(set(grp["source_id"]))),
            "note": " | ".join(notes),
        })
    events = pd.DataFrame(rows, columns=TABLES["treaty_events"].columns)
    order = {t: i for i, t in enumerate(TABLES["treaty_events"].field("treaty").enum)}
    events = events.sort_values(["treaty", "iso3", "date", "event"], key=lambda s: s.map(order) if s.name == "treaty" else s, kind="stable").reset_index(drop=True)
    problems += check_frame(events, TABLES["treaty_events"], EVENTS_FILE + " (as built)")
    return events, problems


def undated_facts() -> pd.DataFrame:
    """Raw facts that give no full date: what the record is still missing."""
    from .sources import raw_treaty_facts

    facts = raw_treaty_facts()
    return facts.loc[facts["date"].isna()].reset_index(drop=True)


def write_treaty_events() -> int:
    """Rebuild curated/treaty_events.csv atomically; raise DataError if any problem."""
    events, problems = build_treaty_events()
    if problems:
        raise DataError(problems)
    from .io import atomic_write_text

    atomic_write_text(curated_dir() / "treaty_events.csv", events.to_csv(index=False, lineterminator="\n"))
    _events.cache_clear()
    return len(events)


@lru_cache(maxsize=1)
def _events() -> pd.DataFrame:
    return read_table("treaty_events", curated_dir() / "treaty_events.csv", EVENTS_FILE)


def treaty_events(treaty: str | None = None) -> pd.DataFrame:
    """The curated event record (treaty, iso3, event, date, source, note), typed."""
    df = _events().copy()
    if treaty is not None:
        from .treaties import get_treaty

        df = df[df["treaty"] == get_treaty(treaty).code].reset_index(drop=True)
    return df




def treaty_record(treaty: str | None = None) -> pd.DataFrame:
    """One row per treaty and State: signature, deposit (and its kind), entry into force,
    denunciation, first and latest invitation, latest extension, and their sources.

    `deposit` is the ratification (or acceptance/approval) or accession date;
    `deposit_type` says which. Dates the sources do not give stay empty (NaT).
    """
    ev = treaty_events(treaty)
    keys = ["treaty", "iso3"]
    base = ev[keys].drop_duplicates().reset_index(drop=True)

    def pick(event, how="first", name=None):
        sub = ev[ev["event"] == event].sort_values("date")
        sub = sub.groupby(keys, as_index=False).agg(**{name or event: ("date", how)})
        return sub

    out = base
    for event in ("signature", "ratification", "accession", "entry_into_force", "denunciation", "denunciation_effect"):
        out = out.merge(pick(event), on=keys, how="left")
    out = out.merge(pick("invitation", "first", "first_invitation"), on=keys, how="left")
    out = out.merge(pick("invitation", "last", "latest_invitation"), on=keys, how="left")
    out = out.merge(pick("invitation_extension", "last", "latest_extension"), on=keys, how="left")
    out["deposit"] = out["ratification"].fillna(out["accession"])
    out["deposit_type"] = pd.Series(
        [("ratification" if pd.notna(r) else "accession" if pd.notna(a) else None)
         for r, a in zip(out["ratification"], out["accession"])],
        index=out.index, dtype="string",
    )
    out.insert(2, "name", out["iso3"].map(countries.short_name).astype("string"))
    if out.duplicated(keys).any():
        raise AssertionError("treaty_record: duplicate (treaty, iso3)")
    return out.sort_values(keys).reset_index(drop=True)


def data_as_of():
    """The date the record speaks of: the newest 'status as of' or event date in it.

    Charts and tables default to this date, not to today, so that they never claim to
    show a status the sources have not yet reported.
    """
    from .sources import raw_sources

    newest = [treaty_events()["date"].max(), raw_sources()["status_as_of"].max()]
    return max(d for d in newest if pd.notna(d)).date()


ELABORATION_PARTICIPANTS = ("CAN", "JPN", "USA", "ZAF")  # non-members that could sign ETS 185 (art. 36)


def record_gaps() -> pd.DataFrame:
    """What the record still lacks (see `_record_gaps`)."""
    return _record_gaps().copy()


@lru_cache(maxsize=1)
def _record_gaps() -> pd.DataFrame:
    """What the record still lacks: one row per State, treaty and missing date.

    Columns: treaty, iso3, name, missing, known (what the record has that implies the
    missing date exists, or the partial dates raw sources give), known_date (the date of
    that known event: the missing one lies on or before it; empty for partial dates).
    Nothing here is filled in anywhere: a gap stays a gap until a source gives the date.
    """
    from .reference import coe_membership
    from .treaties import TREATIES

    rec = treaty_record()
    members = set(coe_membership()["iso3"])
    rows = []

    def add(treaty, iso3, missing, known, known_date=None):
        rows.append({"treaty": treaty, "iso3": iso3, "missing": missing, "known": known, "known_date": known_date})

    for r in rec.itertuples():
        t = TREATIES[r.treaty]
        if pd.notna(r.ratification) and pd.isna(r.signature):
            add(r.treaty, r.iso3, "signature", f"ratification {r.ratification.date()}", r.ratification)
        if pd.notna(r.entry_into_force) and pd.isna(r.deposit):
            add(r.treaty, r.iso3, "deposit", f"entry into force {r.entry_into_force.date()}", r.entry_into_force)
        if pd.notna(r.deposit) and pd.isna(r.entry_into_force) and t.in_force is not None:
            add(r.treaty, r.iso3, "entry_into_force", f"{r.deposit_type} {r.deposit.date()}", r.deposit)
        if (r.treaty == "ETS185" and pd.notna(r.accession) and pd.isna(r.first_invitation)
                and r.iso3 not in members and r.iso3 not in ELABORATION_PARTICIPANTS):
            add(r.treaty, r.iso3, "invitation", f"accession {r.accession.date()}", r.accession)
    ets185 = rec[rec["treaty"] == "ETS185"].set_index("iso3")
    for r in rec[rec["treaty"] != "ETS185"].itertuples():
        if pd.notna(r.deposit) and (r.iso3 not in ets185.index or pd.isna(ets185.loc[r.iso3, "deposit"])):
            add("ETS185", r.iso3, "deposit", f"{r.treaty} {r.deposit_type} {r.deposit.date()} (a Protocol Party is a Convention Party)", r.deposit)
    undated = undated_facts()
    undated["iso3"] = undated["state_as_written"].map(countries.lookup)
    for (treaty, iso3, event), grp in undated.groupby(["treaty", "iso3", "event"]):
        if not len(treaty_events(treaty)[lambda d: (d["iso3"] == iso3) & (d["event"] == event)]):
            said = "; ".join(sorted({f"{s}: {w}" for s, w in zip(grp["source_id"], grp["date_as_written"]) if pd.notna(w) and w}))
            add(treaty, iso3, event if event != "ratification" else "deposit", f"only partial dates: {said}" if said else "named without a date")
    df = pd.DataFrame(rows, columns=["treaty", "iso3", "missing", "known", "known_date"]).drop_duplicates(["treaty", "iso3", "missing"])
    df["known_date"] = pd.to_datetime(df["known_date"]).astype("datetime64[ns]")
    df.insert(2, "name", df["iso3"].map(countries.short_name))
    return df.sort_values(["treaty", "missing", "name"]).reset_index(drop=True)
