"""`cproc-data build`: datasets/core/treaty_events.csv from the raw snapshots.

`build_treaty_events` is the one function that makes the table. Transformations, in order:
  1. read every raw snapshot (ingest.snapshots.check_raw: schema, origin record, checksum,
     date format);
  2. map each `state_as_written` to ISO alpha-3 through the reviewed country mapping
     (successor and renamed States share one code: Serbia and Montenegro -> SRB,
     Czech Republic -> CZE, Turkey -> TUR, "the former Yugoslav Republic of Macedonia" -> MKD);
  3. set aside facts with no full date (kept in raw, listed by `cproc-data gaps`);
  4. apply datasets/corrections.csv (known source errors, each with its reason); a
     correction that matches no raw fact is an error;
  5. merge identical facts from several sources into one row citing all of them;
  6. require one date per State for single-valued events (domain.deposits.SINGLE_VALUED):
     two sources that disagree are an error until a correction says which is right.
     Invitations and extensions may repeat;
  7. check the key (treaty, iso3, event, date) is unique.
"""

from __future__ import annotations

import pandas as pd

from ..domain.dates import parse_partial
from ..domain.deposits import SINGLE_VALUED
from ..errors import DataError, DataProblem
from ..ingest.snapshots import check_raw
from ..load import country_names, invalidate, read_csv_text, table, table_path
from ..metadata import TABLES
from ..metadata.schema import check_frame
from .atomic import atomic_write_text, datasets_lock
from .journal import recover
from .record_bounds import bounded_events

EVENTS = TABLES["treaty_events"]
CORRECTIONS = TABLES["corrections"]


def map_names(facts: pd.DataFrame, problems: list[DataProblem]) -> pd.Series:
    """iso3 for each fact; unknown names become problems (with a 'did you mean')."""
    names = country_names()
    out = []
    for file, row, name in zip(facts["_file"], facts["_row"], facts["state_as_written"]):
        code = names.lookup(name)
        if code is None:
            problems.append(
                DataProblem(
                    file,
                    int(row),
                    "state_as_written",
                    name,
                    "country-name: State name not in the reviewed mapping datasets/reference/country_names.csv",
                    hint=names.hint(name),
                )
            )
        out.append(code or "")
    return pd.Series(out, index=facts.index, dtype="string")


def apply_corrections(dated: pd.DataFrame, corr: pd.DataFrame, problems: list[DataProblem]) -> pd.DataFrame:
    """Each correction replaces (or, with no correct date, drops) the raw facts it matches."""
    dated = dated.assign(note_fix="")
    for line, c in enumerate(corr.to_dict("records"), start=2):
        hit = (
            (dated["source_id"] == c["source_id"])
            & (dated["treaty"] == c["treaty"])
            & (dated["iso3"] == c["iso3"])
            & (dated["event"] == c["event"])
            & (dated["date"] == c["wrong_date"])
        )
        if not hit.any():
            problems.append(
                DataProblem(
                    CORRECTIONS.label,
                    line,
                    "wrong_date",
                    c["wrong_date"],
                    f"correction: matches no raw fact ({c['source_id']}, {c['treaty']}, {c['iso3']}, {c['event']})",
                )
            )
            continue
        if c["correct_date"]:
            dated.loc[hit, "date"] = c["correct_date"]
            dated.loc[hit, "note_fix"] = f"{c['source_id']} gives {c['wrong_date']}, corrected: {c['reason']}"
        else:
            dated = dated[~hit]
    return dated


def conflicts(dated: pd.DataFrame) -> list[DataProblem]:
    """A single-valued event with two dates across sources."""
    problems = []
    single = dated[dated["event"].isin(SINGLE_VALUED)]
    for (treaty, iso3, event), grp in single.groupby(["treaty", "iso3", "event"], sort=True):
        if grp["date"].nunique() > 1:
            first = grp.iloc[0]
            detail = "; ".join(f"{s} says {d}" for s, d in zip(grp["source_id"], grp["date"]))
            problems.append(
                DataProblem(
                    first["_file"],
                    int(first["_row"]),
                    "date",
                    first["date"],
                    f"conflict: sources disagree on {treaty} {event} of {iso3} ({detail}); "
                    f"record a correction in {CORRECTIONS.label}",
                    subject=(treaty, iso3, event),
                )
            )
    return problems


def build_treaty_events(staged: dict[str, bytes] | None = None) -> tuple[pd.DataFrame, list[DataProblem]]:
    """The bounded event record (text frame in file order) and every problem met building it;
    with `staged` files (see `check_raw`), the record as it would be after writing them."""
    sources, facts, problems = check_raw(staged)
    facts = facts.copy()
    facts["iso3"] = map_names(facts, problems)
    facts["date"] = [
        iso or _partial(written, fmt)
        for iso, written, fmt in zip(facts["date"], facts["date_as_written"], _formats(facts, sources))
    ]
    dated = facts[(facts["date"] != "") & (facts["iso3"] != "")].copy()
    corr = read_csv_text(table_path("corrections"))
    problems += check_frame(corr, CORRECTIONS, CORRECTIONS.label)
    if len(corr) and set(CORRECTIONS.columns) <= set(corr.columns):
        dated = apply_corrections(dated, corr, problems)
    else:
        dated = dated.assign(note_fix="")
    problems += conflicts(dated[dated["date"].str.len() == 10])
    coe = table("coe_membership")
    rows, bound_problems = bounded_events(dated, coe)
    problems += bound_problems
    events = pd.DataFrame(rows, columns=EVENTS.columns)
    order = {t: i for i, t in enumerate(EVENTS.field("treaty").enum or ())}
    events = events.sort_values(
        ["treaty", "iso3", "latest", "earliest", "event"], kind="stable", key=lambda s: s.map(order) if s.name == "treaty" else s
    ).reset_index(drop=True)
    problems += check_frame(events, EVENTS, EVENTS.label + " (as built)")
    return events, problems


def _formats(facts: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """Each fact's date format, from the origin records check_raw already read."""
    fmt = dict(zip(sources.get("source_id", []), sources.get("date_format", [])))
    return [fmt.get(s, "") for s in facts["source_id"]]


def _partial(written: str, fmt: str) -> str:
    """A month or year the source prints without its day, as yyyy-mm / yyyy ('' if it is not one)."""
    if not written or not fmt:
        return ""
    try:
        first, _last, precision = parse_partial(written, fmt)
    except ValueError:
        return ""
    return {"month": first.isoformat()[:7], "year": first.isoformat()[:4]}.get(precision, "")


def events_csv(events: pd.DataFrame) -> str:
    return events.to_csv(index=False, lineterminator="\n")


def write_treaty_events() -> int:
    """Rebuild core/treaty_events.csv atomically, under the datasets lock; DataError if any problem."""
    path = table_path("treaty_events")
    root = path.parents[1]
    with datasets_lock(root):
        recover(root)  # an import cut short is rolled back first
        events, problems = build_treaty_events()
        if problems:
            raise DataError(problems)
        atomic_write_text(path, events_csv(events))
    invalidate()
    return len(events)
