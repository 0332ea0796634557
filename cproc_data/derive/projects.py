"""C-PROC projects: every version a document gives, a documented default, and the
derived portfolio views.

Default rule (`projects`, "a newer official or project-database source wins over an older
page"): for each field, the value of the first version that gives it, versions ranked by
  1. authority: official documents (seed documents, Council of Europe pages and their copies
     on other hosts) and project-database entries before other third-party pages;
  2. then the newer first: a document's date is its publication date; an undated
     project-database entry is read as current up to the last month it names (a database
     is kept up to date: GLACY+ to February 2024 on Cybil Portal beats the 2017 page's
     February 2020); other undated documents come last;
  3. then the document id, so that the choice never depends on file order.
Versions that disagree are listed in `conflicts`; nothing is averaged.

Budget spread (`portfolio_by_year`): a project's budget is spread evenly over the months
from its start month to its end month, both included; a year's portfolio is the sum of
its months. Projects without a budget or without both months are left out and listed.
"""

from __future__ import annotations

import pandas as pd

from ..errors import DataError, DataProblem
from ..load import cached, table
from .impact import documents, unknown_documents
from .treaty_record import resolve_as_of

FIELDS = ("full_title", "start", "end", "budget", "funding_type", "donors", "geographic_scope", "project_region", "stage")
AUTHORITATIVE = ("seed_document", "web_page", "official_copy", "project_database")  # rank 1 of the default rule


@cached
def _versions() -> pd.DataFrame:
    df = table("project_versions")
    docs = documents().set_index("document_id")
    bad = unknown_documents(df["source_document"], docs.index, "datasets/curated/project_versions.csv")
    bad += [
        DataProblem("datasets/curated/project_versions.csv", i + 2, "end", e, f"end before start ({s})")
        for i, (s, e) in enumerate(zip(df["start"], df["end"]))
        if pd.notna(s) and pd.notna(e) and e < s
    ]
    if bad:
        raise DataError(bad)
    df["published"] = df["source_document"].map(docs["published"])
    kind = df["source_document"].map(docs["document_kind"])
    df["official"] = kind.isin(AUTHORITATIVE)
    df["ranked_on"] = _ranked_on(df, kind)
    return df


def _ranked_on(df: pd.DataFrame, kind: pd.Series) -> pd.Series:
    """The date a version is ranked on: its document's publication date; for an undated
    project-database entry, the first day of the last month it names (start or end)."""
    named = pd.concat([pd.to_datetime(df[c], format="%Y-%m", errors="coerce") for c in ("start", "end")], axis=1).max(axis=1)
    undated_db = df["published"].isna() & kind.eq("project_database")
    return df["published"].where(~undated_db, named)


def project_versions() -> pd.DataFrame:
    """Every project as each document describes it (with the document's date, whether it
    ranks first under the default rule's authority step, and the date it is ranked on)."""
    return _versions().copy()


def _month(s) -> pd.Period | None:
    return pd.Period(s, freq="M") if isinstance(s, str) and s else None


def projects(as_of=None) -> pd.DataFrame:
    """One row per project: default values (see module docstring), status at `as_of`."""
    v = _versions().sort_values(["official", "ranked_on", "source_document"], ascending=[False, False, True], na_position="last")
    as_of = pd.Timestamp(resolve_as_of(as_of, allow_future=True))
    rows = []
    for project, grp in v.groupby("project", sort=True):
        row = {"project": project}
        used, conflicts = set(), []
        for field in FIELDS:
            cols = ["budget_eur", "budget_qualifier"] if field == "budget" else [field]
            have = grp[grp[cols[0]].notna() & (grp[cols[0]] != "unknown")]
            if len(have):
                for c in cols:
                    row[c] = have.iloc[0][c]
                used.add(have.iloc[0]["source_document"])
                if have[cols[0]].nunique() > 1 and field in ("start", "end", "budget"):
                    conflicts.append(field)
            else:
                for c in cols:
                    row[c] = pd.NA
        row["versions"] = len(grp)
        row["conflicts"] = ", ".join(conflicts)
        row["source"] = "; ".join(sorted(used))
        start, end = _month(row["start"]), _month(row["end"])
        now = as_of.to_period("M")
        if row["stage"] in ("pipeline", "proposed"):
            status = row["stage"]
        elif start is None or end is None:
            status = "unknown"
        else:
            status = "completed" if end < now else "planned" if start > now else "current"
        row["project_status"] = status
        rows.append(row)
    df = pd.DataFrame(rows)
    for c in (
        "full_title",
        "start",
        "end",
        "budget_qualifier",
        "funding_type",
        "donors",
        "geographic_scope",
        "project_region",
        "stage",
    ):
        df[c] = df[c].astype("string")
    df["budget_eur"] = df["budget_eur"].astype("Float64")
    if not df["project"].is_unique:
        raise AssertionError("projects: duplicate project")
    return df


def _funded(as_of=None) -> pd.DataFrame:
    p = projects(as_of)
    return p[p["stage"] == "funded"]


def project_months(as_of=None) -> pd.DataFrame:
    """One row per funded project and month of its duration, with the month's budget share."""
    rows = []
    for r in _funded(as_of).itertuples():
        start, end = _month(r.start), _month(r.end)
        if start is None or end is None:
            continue
        months = pd.period_range(start, end, freq="M")
        share = float(r.budget_eur) / len(months) if pd.notna(r.budget_eur) else float("nan")
        for m in months:
            rows.append({"project": r.project, "month": m, "year": m.year, "budget_eur": share})
    return pd.DataFrame(rows, columns=["project", "month", "year", "budget_eur"])


def active_projects_by_year(first: int = 2013, last: int = 2030, as_of=None) -> pd.DataFrame:
    """Funded projects active in some month of each year (pipeline kept apart: see `pipeline`)."""
    pm = project_months(as_of)
    out = []
    for year in range(first, last + 1):
        names = sorted(pm.loc[pm["year"] == year, "project"].unique())
        out.append({"year": year, "projects": len(names), "names": ", ".join(names)})
    return pd.DataFrame(out)


def portfolio_by_year(first: int = 2013, last: int = 2030, as_of=None) -> pd.DataFrame:
    """Budget of the funded portfolio per year, spread evenly over each project's months.

    Columns: year, budget_eur (sum of monthly shares), projects (with a budget),
    without_budget (active that year but no budget known; not in the sum).
    """
    pm = project_months(as_of)
    out = []
    for year in range(first, last + 1):
        y = pm[pm["year"] == year]
        with_b = y[y["budget_eur"].notna()]
        out.append(
            {
                "year": year,
                "budget_eur": round(float(with_b["budget_eur"].sum()), 2),
                "projects": with_b["project"].nunique(),
                "without_budget": ", ".join(sorted(y.loc[y["budget_eur"].isna(), "project"].unique())),
            }
        )
    return pd.DataFrame(out)


def pipeline() -> pd.DataFrame:
    """Proposed and pipeline projects (2026-2030), kept apart from funded ones."""
    p = projects()
    return p[p["stage"].isin(["pipeline", "proposed"])].reset_index(drop=True)


def contributions() -> pd.DataFrame:
    """Donor contributions, one row per contribution a source gives: donor, donor_code (ISO3
    or organisation), period (a year, or the period the source gives: never split into
    years), amount, currency, project, qualifier, source_document (+ its title), locator.
    Ends with one row per contribution_id."""
    df = table("contributions")
    bad = unknown_documents(df["source_document"], documents()["document_id"], "datasets/curated/contributions.csv")
    if bad:
        raise DataError(bad)
    titles = documents().set_index("document_id")["title"]
    df["document_title"] = df["source_document"].map(titles).astype("string")
    if not df["contribution_id"].is_unique:
        raise AssertionError("contributions: duplicate contribution_id")
    return df.sort_values(["donor", "period", "contribution_id"], na_position="last").reset_index(drop=True)


def funders() -> pd.DataFrame:
    """One row per project, funder and document: the '; '-separated funder lists of the
    project versions, as each document names them. Ends with one row per key."""
    v = _versions()
    rows = [
        {"project": p, "funder": f.strip(), "source_document": d}
        for p, donors, d in zip(v["project"], v["donors"], v["source_document"])
        if isinstance(donors, str)
        for f in donors.split(";")
        if f.strip()
    ]
    df = pd.DataFrame(rows, columns=["project", "funder", "source_document"]).drop_duplicates()
    return df.sort_values(["project", "funder", "source_document"]).reset_index(drop=True)
