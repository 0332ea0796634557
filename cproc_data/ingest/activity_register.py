"""C-PROC activity registers: a documented XLSX template, a reader, and aggregations.

The template (datasets/templates/activity_log.xlsx, written by `write_template`) has a
header row on its `activities` sheet and a `README` sheet that explains every column.
`read_activity_log` turns a filled-in register into a tidy frame: every row is either kept
or rejected with a reason (rows in = kept + rejected), never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..domain.cproc import CPROC_START
from ..domain.dates import parse_iso, to_date
from ..errors import DataError, DataProblem
from ..load import country_names, table
from .grid import column_letter, column_number
from .sniff import LIMITS
from .tabular import read_grid

RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")

ACTIVITY_TYPES = ("training", "conference", "workshop", "legislative_advice", "assessment", "study_visit", "meeting", "other")
COLUMNS = [
    (
        "date",
        "Date of the activity (first day if it lasted several days): an Excel date or yyyy-mm-dd, "
        "from 7 April 2014 (C-PROC opened) to the day the register is checked",
        True,
    ),
    (
        "country_or_region",
        "Country (any spelling in datasets/reference/country_names.csv) or a region: "
        "Global, Africa, Americas, Asia, Europe, Oceania, Eastern Partnership, South-East Europe, "
        "Southern Neighbourhood",
        True,
    ),
    ("project", "Project short name as in datasets/curated/project_versions.csv (e.g. GLACY-e, Octopus Project)", True),
    ("activity_type", "One of: " + ", ".join(ACTIVITY_TYPES), True),
    ("participants", "Number of participants: a whole number from 1 to 5,000, or empty if unknown", False),
    ("title", "Short title", False),
    ("notes", "Anything else", False),
]
REGIONS = (
    "Global",
    "Africa",
    "Americas",
    "Asia",
    "Europe",
    "Oceania",
    "Eastern Partnership",
    "South-East Europe",
    "Southern Neighbourhood",
)
TEMPLATE = "datasets/templates/activity_log.xlsx"


PARTICIPANTS = (1, 5000)  # see read_activity_log


@dataclass
class ActivityLog:
    rows_in: int = 0
    activities: pd.DataFrame | None = None
    rejected: list[DataProblem] = field(default_factory=list)


def read_activity_log(path, as_of=None, max_bytes: int | None = None) -> ActivityLog:
    """Read a filled-in register (XLSX from the template, or CSV with the same header); every
    bad row becomes a rejection with its reason, and a file that cannot be read becomes one
    rejection naming the file (row None). Never raises for the file's content.

    Rules beyond the template's columns: the date lies between C-PROC's opening (7 April
    2014) and `as_of` (the one date contract; default: today, since a register records what
    has happened); participants, where given, are a whole number from 1 to 5,000: C-PROC's
    largest events, the Octopus Conferences, report some 300 to more than 500 participants
    (datasets/curated/reported_figures.csv), so 5,000 leaves ten times that for online events,
    while a larger number is a slip (an amount, a year, a phone number); zero is not a count
    of an activity that took place (leave the cell empty if unknown). Formulas and merged
    cells are rejected, naming the column: a register holds values, one row per activity.
    An `as_of` before C-PROC opened or after today is a ValueError.
    """
    names = country_names()
    path = Path(path)
    label = path.name
    log = ActivityLog()
    until = date.today() if as_of is None else to_date(as_of)
    if not CPROC_START <= until <= date.today():
        raise ValueError(f"as_of {until} is outside the register's span: from {CPROC_START} (C-PROC opened) to today")
    limits = LIMITS if max_bytes is None else replace(LIMITS, file_bytes=max_bytes)
    grid = read_grid(path, label, sheet="activities", limits=limits)
    want = [c for c, _, _ in COLUMNS]
    log.activities = pd.DataFrame(columns=[*OUT_COLUMNS])
    if grid.problems and (not grid.rows or any(p.row is None for p in grid.problems)):
        log.rejected += grid.problems
        return log
    log.rejected += grid.problems
    sheet = grid.sheet
    header_row, header = grid.rows[0] if grid.rows else (1, [])
    header = [_text(c) for c in header]
    if header_row != 1 or header[: len(want)] != want:
        log.rejected.append(
            DataProblem(label, header_row, None, ", ".join(header), f"header must be: {', '.join(want)}", sheet=sheet)
        )
        return log
    layout = _layout(grid, want)
    m49 = table("regions").set_index("iso3")["region"]
    kept = []
    for line, values in grid.rows[1:]:
        cells = {want[i]: (values[i] if i < len(values) else None) for i in range(len(want))}
        if all(_text(v) == "" for v in cells.values()):
            continue
        log.rows_in += 1

        def reject(column, value, rule, line=line):
            log.rejected.append(DataProblem(label, line, column, _shown(value), rule, sheet=sheet))

        if line in layout:
            reject(*layout[line])
            continue
        day, rule = _day(cells["date"], until)
        if rule:
            reject("date", cells["date"], rule)
            continue
        place = _text(cells["country_or_region"])
        iso3 = names.lookup(place) if place else None
        if place in REGIONS:
            region = place
        elif iso3 is not None:
            region = m49.get(iso3, "Unknown")
        else:
            hint = names.suggest(place) if place else []
            reject(
                "country_or_region", place, "unknown country or region" + (f"; did you mean {' or '.join(hint)}?" if hint else "")
            )
            continue
        kind = _text(cells["activity_type"]).lower()
        if kind not in ACTIVITY_TYPES:
            reject("activity_type", kind, f"not one of: {', '.join(ACTIVITY_TYPES)}")
            continue
        project = _text(cells["project"])
        if not project:
            reject("project", project, "project is empty")
            continue
        participants, rule = _participants(cells["participants"])
        if rule:
            reject("participants", cells["participants"], rule)
            continue
        kept.append(
            {
                "date": pd.Timestamp(day),
                "year": day.year,
                "country_or_region": place,
                "iso3": iso3,
                "region": region,
                "project": project,
                "activity_type": kind,
                "participants": participants,
                "title": _text(cells["title"]),
                "line": line,
            }
        )
    log.activities = pd.DataFrame(kept, columns=[*OUT_COLUMNS])
    log.activities["participants"] = log.activities["participants"].astype("Int64")
    return log


OUT_COLUMNS = ("date", "year", "country_or_region", "iso3", "region", "project", "activity_type", "participants", "title", "line")


def _text(v) -> str:
    return "" if v is None else str(v).strip()


def _shown(v) -> str | None:
    """A cell as a message shows it (an Excel date without its midnight time part)."""
    if isinstance(v, datetime) and v.time() == datetime.min.time():
        return v.date().isoformat()
    return None if v is None else str(v)


def _layout(grid, want) -> dict[int, tuple[str, str, str]]:
    """Rows with a formula or inside merged cells -> (column, value, rule) of the rejection."""
    out: dict[int, tuple[str, str, str]] = {}
    for ref in grid.merged:
        m = RANGE.match(ref)
        if not m:
            continue
        c1, r1, c2, r2 = column_number(m[1]), int(m[2]), column_number(m[3] or m[1]), int(m[4] or m[2])
        cols = ", ".join(want[c - 1] for c in range(c1, min(c2, len(want)) + 1)) or column_letter(c1)
        for row in range(r1, min(r2, grid.rows[-1][0] if grid.rows else r1) + 1):
            out.setdefault(row, (cols, ref, "merged cells: unmerge them, so that every row has its own values"))
    for row, col, text in grid.formulas:
        name = want[col - 1] if col <= len(want) else column_letter(col)
        out.setdefault(row, (name, text, "a formula, not a value: paste the values (Paste special > Values)"))
    return out


def _day(v, until: date) -> tuple[date | None, str | None]:
    if isinstance(v, datetime):
        day = v.date()
    elif isinstance(v, date):
        day = v
    else:
        try:
            day = parse_iso(_text(v)[:10] if _TIME.match(_text(v)) else _text(v))
        except ValueError:
            return None, "not a date (an Excel date or yyyy-mm-dd)"
    if day < CPROC_START:
        return None, f"before C-PROC opened ({CPROC_START.day} {CPROC_START:%B %Y}): the register records C-PROC's activities"
    if day > until:
        return None, f"after the as-of date ({until}): the register records activities that have taken place"
    return day, None


def _participants(v) -> tuple[int | None, str | None]:
    if v is None or _text(v) == "":
        return None, None
    low, high = PARTICIPANTS
    rule = f"not a whole number of participants from {low} to {high:,} (leave it empty if unknown)"
    if isinstance(v, bool):
        return None, rule
    try:
        n = float(_text(v)) if not isinstance(v, (int, float)) else float(v)
    except ValueError:
        return None, rule
    if not n.is_integer() or not low <= n <= high:
        return None, rule
    return int(n), None


def aggregate(activities: pd.DataFrame, by: str | list[str] = "year") -> pd.DataFrame:
    """Number of activities and participants by year, project, activity_type or region."""
    keys = [by] if isinstance(by, str) else list(by)
    g = activities.groupby(keys, sort=True)
    return pd.DataFrame({"activities": g.size(), "participants": g["participants"].sum(min_count=1)}).reset_index()


def read_register(path) -> pd.DataFrame:
    """The activities of a filled-in register, for charts: every row must be clean.

    A chart drawn from a register with rejected rows would undercount without a word, so
    any rejection stops here with every problem listed (`DataError`)."""
    log = read_activity_log(path)
    if log.rejected or log.activities is None:
        raise DataError(log.rejected or [DataProblem(Path(path).name, None, None, None, "no activities read")])
    return log.activities
