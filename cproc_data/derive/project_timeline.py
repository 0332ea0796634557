"""Views of the projects, the portfolio and the contributions at an as-of date, for the charts.

Rules (each has a test):

- A funded project is *under way or done* at an as-of date when the first date the record
  gives for it (its start month, else its end month) is on or before the as-of month;
  later projects, projects with no date, and proposals whose documents are all dated after
  the as-of date are not shown, and `not_shown` names them with the reason.
- A *version* of a project is a document's start, end or budget that differs from the
  default (`projects()`). Versions that give the same values are one version, listed with
  every document; a version that gives only some of the values is folded into the first
  fuller version (or the default) that agrees on all it gives.
- Portfolio: budgets spread evenly over the months of each shown project (the rule of
  `derive.projects.project_months`), split at the as-of month: months up to and including
  it are "to the as-of date", the rest "after" it.
- Contributions: a period ("2018-2019") stays one contribution over its years, never split;
  a contribution without a year is kept, with no year.
"""

from __future__ import annotations

import re

import pandas as pd

from ..load import country_names
from .impact import documents
from .projects import contributions, funders, project_months, project_versions, projects

VALUES = ("start", "end", "budget_eur", "budget_qualifier")
NOT_FUNDED = ("pipeline", "proposed")


def _month(as_of) -> str:
    return f"{pd.Timestamp(as_of):%Y-%m}"


def _first_date(start, end):
    for d in (start, end):
        if isinstance(d, str) and d:
            return d
    return None


def _doc_dates() -> pd.Series:
    """Each document's publication date, or NaT where the document is undated."""
    d = documents().set_index("document_id")
    return d["published"].where(d["published_precision"] != "unknown")


def shown_projects(as_of) -> pd.DataFrame:
    """Funded projects that had started (or ended) by `as_of`, with `first_date`, sorted by it."""
    p = projects(as_of)
    p = p[p["stage"] == "funded"].copy()
    p["first_date"] = [_first_date(s, e) for s, e in zip(p["start"], p["end"])]
    p = p[p["first_date"].notna() & (p["first_date"] <= _month(as_of))]
    return p.sort_values(["first_date", "project"]).reset_index(drop=True)


def not_yet_funded(as_of) -> pd.DataFrame:
    """Pipeline and proposed projects named in a document dated on or before `as_of` (or undated)."""
    p = projects(as_of)
    p = p[p["stage"].isin(NOT_FUNDED)]
    v = project_versions()
    first_doc = v.assign(date=v["source_document"].map(_doc_dates())).groupby("project")["date"].min()
    known = p["project"].map(first_doc)
    return p[known.isna() | (known <= pd.Timestamp(as_of))].sort_values(["stage", "project"]).reset_index(drop=True)


def not_shown(as_of) -> pd.DataFrame:
    """Every project of `projects()` the charts leave out at `as_of`, with the reason."""
    p = projects(as_of)
    shown = set(shown_projects(as_of)["project"]) | set(not_yet_funded(as_of)["project"])
    rows = []
    for r in p[~p["project"].isin(shown)].itertuples():
        if r.stage in NOT_FUNDED:
            reason = "proposed in documents dated after the as-of date"
        elif _first_date(r.start, r.end) is None:
            reason = "no start or end month in the record"
        else:
            reason = "start after the as-of date"
        rows.append({"project": r.project, "reason": reason})
    return pd.DataFrame(rows, columns=["project", "reason"])


def _years(docs: list[str], dates: pd.Series) -> str:
    """The years of the documents' publication: '2015', '2017, 2021', '2015, undated', 'undated'."""
    years = sorted({str(dates[d].year) for d in docs if pd.notna(dates.get(d))})
    return ", ".join(years + (["undated"] if any(pd.isna(dates.get(d)) for d in docs) else []))


def _given(row) -> dict:
    given = {k: row[k] for k in VALUES if pd.notna(row[k]) and row[k] != ""}
    if "budget_eur" not in given:  # a qualifier says nothing without its budget
        given.pop("budget_qualifier", None)
    return given


def _agrees(small: dict, big: dict) -> bool:
    return all(k in big and big[k] == v for k, v in small.items())


def project_version_rows(as_of) -> pd.DataFrame:
    """One row per version of a shown project that disagrees with its default (module rules):
    project, start, end, budget_eur, budget_qualifier, source (its documents), document_years."""
    dates = _doc_dates()
    default = shown_projects(as_of).set_index("project")
    v = project_versions()
    v = v[v["project"].isin(default.index)]
    v = v.assign(_date=v["source_document"].map(dates)).sort_values(["project", "_date", "source_document"], na_position="last")
    rows = []
    for project, grp in v.groupby("project", sort=True):
        base = _given(default.loc[project])
        groups: list[tuple[dict, list[str]]] = []
        for r in grp.to_dict("records"):
            given = _given(r)
            if given and not _agrees(given, base):
                same = next((g for g in groups if g[0] == given), None)
                if same:
                    same[1].append(r["source_document"])
                else:
                    groups.append((given, [r["source_document"]]))
        groups.sort(key=lambda g: -len(g[0]))  # fuller versions first: partial ones fold into them
        kept: list[tuple[dict, list[str]]] = []
        for given, docs in groups:
            home = next((k for k in kept if _agrees(given, k[0])), None)
            if home:
                home[1].extend(docs)
            else:
                kept.append((given, docs))
        for given, docs in kept:
            rows.append(
                {
                    "project": project,
                    **{k: given.get(k) for k in VALUES},
                    "source": "; ".join(sorted(docs)),
                    "document_years": _years(docs, dates),
                }
            )
    out = pd.DataFrame(rows, columns=["project", *VALUES, "source", "document_years"])
    return out.sort_values(["project", "start", "end", "source"], na_position="last").reset_index(drop=True)


def _short(name: str) -> str:
    base = re.split(r" \(|:", name)[0].strip()
    return base.replace("European Union", "EU").replace("Council of Europe", "CoE")


def funder_names(as_of=None) -> dict[str, list[str]]:
    """Funders of each project from `funders()`, as named by the document that gives the default
    funder list (in its order), without parentheses; EU and CoE abbreviated."""
    default = projects(as_of).set_index("project")["donors"]
    f = funders()
    v = project_versions()
    out = {}
    for project, donors in default.items():
        if pd.isna(donors):
            continue
        doc = v.loc[(v["project"] == project) & (v["donors"] == donors), "source_document"].iloc[0]
        names = f.loc[(f["project"] == project) & (f["source_document"] == doc), "funder"]
        order = [n.strip() for n in str(donors).split(";")]  # the document's own order
        ranked = sorted(names, key=lambda n: order.index(n) if n in order else len(order))
        out[project] = list(dict.fromkeys(_short(n) for n in ranked))
    return out


def portfolio_split(as_of) -> pd.DataFrame:
    """Budget of the shown funded projects per year, split at the as-of month; from the first
    year with a known budget to the later of the last project month and the as-of year.
    `source`: the documents the year's projects rest on."""
    shown_df = shown_projects(as_of)
    shown, docs = set(shown_df["project"]), shown_df.set_index("project")["source"]
    pm = project_months(as_of)
    pm = pm[pm["project"].isin(shown)]
    cut = pd.Timestamp(as_of).to_period("M")
    budgeted = pm[pm["budget_eur"].notna()]
    if budgeted.empty:
        return pd.DataFrame()
    first, last = int(budgeted["year"].min()), max(int(pm["year"].max()), pd.Timestamp(as_of).year)
    rows = []
    for year in range(first, last + 1):
        y = pm[pm["year"] == year]
        b = y[y["budget_eur"].notna()]
        names = sorted(y["project"].unique())
        rows.append(
            {
                "year": year,
                "year_status": "past" if year < cut.year else "in progress" if year == cut.year else "future",
                "budget_eur": round(float(b["budget_eur"].sum()), 2),
                "budget_eur_to_as_of": round(float(b.loc[b["month"] <= cut, "budget_eur"].sum()), 2),
                "budget_eur_after_as_of": round(float(b.loc[b["month"] > cut, "budget_eur"].sum()), 2),
                "projects": b["project"].nunique(),
                "active_projects": len(names),
                "without_budget": ", ".join(sorted(y.loc[y["budget_eur"].isna(), "project"].unique())),
                "active_project_names": ", ".join(names),
                "source": "; ".join(sorted({d for n in names for d in str(docs[n]).split("; ")})),
            }
        )
    return pd.DataFrame(rows)


def _period_years(period) -> tuple[int | None, int | None]:
    if not isinstance(period, str) or not period:
        return None, None
    a, _, b = period.partition("-")
    return int(a), int(b or a)


def contributions_by_period(as_of) -> pd.DataFrame:
    """Contributions whose period starts on or before the as-of year, and those with no year
    (which may be later: the chart says so), with `first_year` and `last_year` of the period."""
    c = contributions()
    years = [_period_years(p) for p in c["period"]]
    c["first_year"] = pd.array([y[0] for y in years], dtype="Int64")
    c["last_year"] = pd.array([y[1] for y in years], dtype="Int64")
    keep = c["first_year"].isna() | (c["first_year"] <= pd.Timestamp(as_of).year)
    cols = ["donor", "donor_code", "period", "first_year", "last_year", "amount", "currency", "qualifier", "project"]
    return c.loc[keep, [*cols, "source_document"]].reset_index(drop=True)


def funders_without_amount(as_of) -> list[str]:
    """States that documents name as funders of a shown project and for which the record has no
    contribution (names read through the reviewed country mapping; other names are left aside)."""
    names = country_names()
    f = funders()
    f = f[f["project"].isin(set(shown_projects(as_of)["project"]))]
    given = set(contributions_by_period(as_of)["donor_code"])
    out = {}
    for n in f["funder"]:
        iso3 = names.lookup(_short(n))
        if iso3 and iso3 not in given:
            out[iso3] = _short(n)
    return sorted(out.values())
