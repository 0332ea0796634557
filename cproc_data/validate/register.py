"""Rules on the register and its neighbours (reported figures, project versions, contributions,
documents) beyond the schema: each problem names its rule.

  citation    a locator names a place and never quotes: none of metadata.vocab.QUOTE_MARKS in it
  unit        the unit is one the indicator allows (metadata.vocab.INDICATOR_SERIES)
  percent     a share is at most 100
  precision   a date given to the month is the month's first day; to the year, 1 January
  as-of       no date after the data's as-of date (derive.treaty_record.data_as_of)
  published   a figure speaks of no period that starts after its document's period of publication
              (plans excepted: metadata.vocab.PLANNED_INDICATORS)
  donor-code  a three-letter donor code is an ISO 3166 alpha-3 code
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from ..domain.countries import is_iso3
from ..errors import DataProblem
from ..load import table_text
from ..metadata import TABLES
from ..metadata.vocab import INDICATOR_SERIES, PLANNED_INDICATORS, QUOTE_MARKS

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUOTES = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
CITED = ("reported_figures", "project_versions", "contributions")


def _day(text: str) -> date | None:
    """An ISO day, or None for an empty or malformed cell (the schema check reports those)."""
    if not _ISO.match(text or ""):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _period_end(day: date, precision: str) -> date:
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return (pd.Timestamp(day) + pd.offsets.MonthEnd(0)).date()
    return day


def check_citations(name: str, df: pd.DataFrame) -> list[DataProblem]:
    """citation: no quotation mark of any kind in a locator."""
    label = TABLES[name].label
    return [
        DataProblem(label, i + 2, "locator", loc, "citation: a locator names a place and never quotes (no quotation marks)")
        for i, loc in enumerate(df.get("locator", []))
        if _QUOTES.search(loc)
    ]


def _dated(label: str, row: int, column: str, text: str, precision: str, as_of: date | None) -> list[DataProblem]:
    day = _day(text)
    if day is None:
        return []
    out = []
    if (precision == "month" and day.day != 1) or (precision == "year" and (day.month, day.day) != (1, 1)):
        out.append(DataProblem(label, row, column, text, f"precision: a date given to the {precision} is its first day"))
    if as_of is not None and day > as_of:
        out.append(DataProblem(label, row, column, text, f"as-of: after the data's as-of date ({as_of})"))
    return out


def check_figures(df: pd.DataFrame, published_of: dict[str, tuple[str, str]], as_of: date | None) -> list[DataProblem]:
    """unit, percent, precision, as-of and published on the register's rows."""
    label = TABLES["reported_figures"].label
    problems: list[DataProblem] = []
    for i, r in enumerate(df.to_dict("records")):
        row = i + 2
        ind, unit = r.get("indicator", ""), r.get("unit", "")
        allowed = INDICATOR_SERIES.get(ind, (None, ()))[1]
        if ind in INDICATOR_SERIES and unit and unit not in allowed:
            problems.append(DataProblem(label, row, "unit", unit, f"unit: {ind} is given in {' or '.join(allowed)}"))
        try:
            if unit == "percent" and float(r.get("value", "")) > 100:
                problems.append(DataProblem(label, row, "value", r["value"], "percent: a share above 100"))
        except ValueError:
            pass  # the schema check reports a value that is not a number
        for col in ("refers_to", "published"):
            problems += _dated(label, row, col, r.get(col, ""), r.get(f"{col}_precision", ""), as_of)
        refers, published = _day(r.get("refers_to", "")), _day(r.get("published", ""))
        pub_prec = r.get("published_precision", "")
        if published is None and r.get("source_document") in published_of:  # the document's date stands in
            text, pub_prec = published_of[r["source_document"]]
            published = _day(text)
        if refers and published and ind not in PLANNED_INDICATORS and refers > _period_end(published, pub_prec):
            problems.append(
                DataProblem(
                    label,
                    row,
                    "refers_to",
                    r["refers_to"],
                    f"published: the figure speaks of a date after its publication ({published})",
                )
            )
    return problems


def check_register(as_of: date | None) -> list[DataProblem]:
    """Every rule of the module docstring on the shipped (or copied) files."""
    docs = table_text("documents")
    dlabel = TABLES["documents"].label
    problems: list[DataProblem] = []
    published_of = {}
    for i, r in enumerate(docs.to_dict("records")):
        problems += _dated(dlabel, i + 2, "published", r.get("published", ""), r.get("published_precision", ""), as_of)
        if r.get("published"):
            published_of[r.get("document_id", "")] = (r["published"], r.get("published_precision", ""))
    for name in CITED:
        problems += check_citations(name, table_text(name))
    problems += check_figures(table_text("reported_figures"), published_of, as_of)
    contributions = table_text("contributions")
    clabel = TABLES["contributions"].label
    problems += [
        DataProblem(clabel, i + 2, "donor_code", code, "donor-code: three capitals must be an ISO 3166 alpha-3 code")
        for i, code in enumerate(contributions.get("donor_code", []))
        if re.fullmatch(r"[A-Z]{3}", code) and not is_iso3(code)
    ]
    return problems
