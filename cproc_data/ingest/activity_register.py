"""C-PROC activity registers: a documented XLSX template, a reader, and aggregations.

The template (datasets/templates/activity_log.xlsx, written by `write_template`) has a
header row on its `activities` sheet and a `README` sheet that explains every column.
`read_activity_log` turns a filled-in register into a tidy frame: every row is either kept
or rejected with a reason (rows in = kept + rejected), never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..domain.dates import parse_iso
from ..errors import DataError, DataProblem
from ..load import country_names, table

ACTIVITY_TYPES = ("training", "conference", "workshop", "legislative_advice", "assessment", "study_visit", "meeting", "other")
COLUMNS = [
    ("date", "Date of the activity (first day if it lasted several days): an Excel date or yyyy-mm-dd", True),
    (
        "country_or_region",
        "Country (any spelling in datasets/reference/country_names.csv) or a region: "
        "Global, Africa, Americas, Asia, Europe, Oceania, Eastern Partnership, South-East Europe, "
        "Southern Neighbourhood",
        True,
    ),
    ("project", "Project short name as in datasets/curated/project_versions.csv (e.g. GLACY-e, Octopus Project)", True),
    ("activity_type", "One of: " + ", ".join(ACTIVITY_TYPES), True),
    ("participants", "Number of participants (whole number, may be empty)", False),
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


@dataclass
class ActivityLog:
    rows_in: int = 0
    activities: pd.DataFrame | None = None
    rejected: list[DataProblem] = field(default_factory=list)


def read_activity_log(path, max_bytes: int = 10 * 1024 * 1024) -> ActivityLog:
    """Read a filled-in register; every bad row becomes a rejection with its reason."""
    from openpyxl import load_workbook

    names = country_names()
    path = Path(path)
    label = path.name
    log = ActivityLog()
    if path.stat().st_size > max_bytes:
        log.rejected.append(DataProblem(label, None, None, None, f"file larger than the {max_bytes // (1024 * 1024)} MB limit"))
        return log
    wb = load_workbook(path, read_only=path.stat().st_size > 2 * 1024 * 1024, data_only=False)
    if "activities" not in wb.sheetnames:
        log.rejected.append(DataProblem(label, None, None, None, "no sheet named 'activities' (use the template)"))
        return log
    ws = wb["activities"]
    rows = list(ws.iter_rows())
    header = [str(c.value).strip() if c.value is not None else "" for c in rows[0]] if rows else []
    want = [c for c, _, _ in COLUMNS]
    if header[: len(want)] != want:
        log.rejected.append(
            DataProblem(label, 1, None, ", ".join(header), f"header must be: {', '.join(want)}", sheet="activities")
        )
        return log
    m49 = table("regions").set_index("iso3")["region"]
    kept = []
    for r in rows[1:]:
        cells = {want[i]: r[i] for i in range(len(want)) if i < len(r)}
        if all(c.value in (None, "") for c in cells.values()):
            continue
        log.rows_in += 1
        line = r[0].row

        def reject(column, value, rule, line=line):
            log.rejected.append(DataProblem(label, line, column, None if value is None else str(value), rule, sheet="activities"))

        if any(getattr(c, "data_type", None) == "f" for c in cells.values()):
            reject(None, None, "a formula, not a value: paste the values")
            continue
        v = cells["date"].value
        if isinstance(v, datetime):
            day = v.date()
        elif isinstance(v, date):
            day = v
        else:
            try:
                day = parse_iso(str(v).strip())
            except ValueError:
                reject("date", v, "not a date (an Excel date or yyyy-mm-dd)")
                continue
        place = str(cells["country_or_region"].value or "").strip()
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
        kind = str(cells["activity_type"].value or "").strip().lower()
        if kind not in ACTIVITY_TYPES:
            reject("activity_type", kind, f"not one of: {', '.join(ACTIVITY_TYPES)}")
            continue
        project = str(cells["project"].value or "").strip()
        if not project:
            reject("project", project, "project is empty")
            continue
        p = cells.get("participants")
        participants = None
        if p is not None and p.value not in (None, ""):
            try:
                participants = int(str(p.value).strip())
                if participants < 0:
                    raise ValueError
            except ValueError:
                reject("participants", p.value, "not a whole number of participants")
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
                "title": str(cells["title"].value or "") if "title" in cells else "",
                "line": line,
            }
        )
    log.activities = pd.DataFrame(
        kept,
        columns=[
            "date",
            "year",
            "country_or_region",
            "iso3",
            "region",
            "project",
            "activity_type",
            "participants",
            "title",
            "line",
        ],
    )
    log.activities["participants"] = log.activities["participants"].astype("Int64")
    return log


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
