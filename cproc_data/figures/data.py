"""The frames behind each chart: one function per chart, named after it, and its note.

Every function takes the as-of date and returns a tidy frame that is written, as is,
to the chart's sheet of the Excel workbook.
"""

from __future__ import annotations

import pandas as pd

from ..derive import impact
from ..derive import projects as portfolio_
from ..derive.reconciliation import reconcile
from ..derive.record_gaps import record_gaps
from ..derive.status import counts, status_on
from ..derive.treaty_record import treaty_record
from ..domain.countries import short_name
from ..domain.cproc import CPROC_START
from ..domain.treaties import MAIN_TREATY, TREATIES, get_treaty
from .finish import gaps_note
from .tilemap import layout


def month_ends(start, as_of) -> pd.DatetimeIndex:
    """Month ends from `start` to `as_of`, with `as_of` itself as the last point."""
    as_of = pd.Timestamp(as_of)
    idx = pd.date_range(pd.Timestamp(start), as_of, freq="ME")
    return idx.append(pd.DatetimeIndex([as_of])).unique().sort_values()


def membership(as_of) -> pd.DataFrame:
    """ETS 185 Parties, signatories and invited States at each month end (deposit basis),
    and on the day C-PROC became operational (7 April 2014), which the chart marks."""
    t = get_treaty(MAIN_TREATY)
    dates = month_ends(t.opened, as_of)
    if pd.Timestamp(CPROC_START) <= pd.Timestamp(as_of):
        dates = dates.append(pd.DatetimeIndex([pd.Timestamp(CPROC_START)])).unique().sort_values()
    df = counts(dates, MAIN_TREATY)
    return df[
        [
            "date",
            "parties",
            "signatories",
            "invited",
            "parties_min",
            "parties_max",
            "signatories_min",
            "signatories_max",
            "invited_min",
            "invited_max",
        ]
    ]


def membership_note(as_of) -> str | None:
    """Qualifier for ETS 185 charts: how many deposits are only bounded, how many invitations lack a date."""
    g = record_gaps()
    g = g[(g["treaty"] == MAIN_TREATY) & (g["known_date"].isna() | (g["known_date"] <= pd.Timestamp(as_of)))]
    deposits = g.loc[g["missing"].isin(["deposit", "accession"]), "iso3"].nunique()
    invitations = g.loc[g["missing"] == "invitation", "iso3"].nunique()
    return gaps_note(deposits, invitations)


def year_ends(start_year: int, as_of) -> pd.DatetimeIndex:
    as_of = pd.Timestamp(as_of)
    idx = pd.date_range(f"{start_year}-12-31", as_of, freq="YE")
    return idx.append(pd.DatetimeIndex([as_of])).unique().sort_values()


def regions(as_of) -> pd.DataFrame:
    """ETS 185 Parties at each year end by UN M49 region, and by Council of Europe membership."""
    rows = []
    for d in year_ends(2002, as_of):
        s = status_on(d, MAIN_TREATY, all_states=False)
        p = s[s["status"].astype(str) == "party"]
        for region, n in p["region"].fillna("Unknown").value_counts().sort_index().items():
            rows.append({"date": d, "grouping": "region", "group": region, "parties": int(n)})
        for member, n in ((True, int(p["coe_member"].sum())), (False, int((~p["coe_member"]).sum()))):
            rows.append(
                {
                    "date": d,
                    "grouping": "coe_membership",
                    "group": "Council of Europe members" if member else "Non-member States",
                    "parties": n,
                }
            )
    return pd.DataFrame(rows)


def invitation_to_accession(as_of) -> pd.DataFrame:
    """States invited to accede to ETS 185, with the accession where it followed.

    An accession the record only bounds (Argentina, Colombia, Grenada: a month from their
    entry into force) is drawn at its latest possible day and flagged `accession_bounded`;
    `years` is then an upper bound."""
    r = treaty_record(MAIN_TREATY)
    r = r[r["first_invitation"].notna() & (r["first_invitation"] <= pd.Timestamp(as_of))].copy()
    bounded = r["accession"].isna() & (r["deposit_type"] == "accession") & r["deposit_latest"].notna()
    r["accession"] = r["accession"].where(~bounded, r["deposit_latest"])
    r["accession"] = r["accession"].where(r["accession"] <= pd.Timestamp(as_of))
    r["accession_bounded"] = bounded & r["accession"].notna()
    r["years"] = ((r["accession"] - r["first_invitation"]).dt.days / 365.25).round(2)
    out = r[["iso3", "name", "first_invitation", "accession", "accession_bounded", "years"]].rename(
        columns={"first_invitation": "invited"}
    )
    return out.sort_values(["invited", "name"]).reset_index(drop=True)


def protocols(as_of) -> pd.DataFrame:
    """Parties and signatories of ETS 189 and CETS 224 at each month end."""
    frames = []
    for code in ("ETS189", "CETS224"):
        frames.append(counts(month_ends(TREATIES[code].opened, as_of), code)[["date", "treaty", "parties", "signatories"]])
    return pd.concat(frames, ignore_index=True)


def legislation(as_of) -> pd.DataFrame:
    """Reported counts of States with law in line with the Convention, by survey date."""
    df = impact.legislation()
    df = df[df["refers_to"] <= pd.Timestamp(as_of)]
    return df[
        [
            "refers_to",
            "refers_to_precision",
            "measure",
            "states",
            "qualifier",
            "share_published",
            "share_computed",
            "denominator",
            "source_document",
        ]
    ].reset_index(drop=True)


def activities(as_of) -> pd.DataFrame:
    """C-PROC activity counts (annual and cumulative), qualifiers kept."""
    df = impact.activities()
    df = df[df["refers_to"].notna() & (df["refers_to"] <= pd.Timestamp(as_of))]
    df = df[df["series"].isin(["in_year", "training_in_year", "cumulative"])]
    return df[["refers_to", "refers_to_precision", "series", "value", "qualifier", "shown", "source_document"]].reset_index(
        drop=True
    )


def projects(as_of) -> pd.DataFrame:
    """Funded projects (default version) with dates and budgets; pipeline projects listed apart."""
    p = portfolio_.projects(as_of)
    return (
        p[
            [
                "project",
                "start",
                "end",
                "budget_eur",
                "budget_qualifier",
                "funding_type",
                "project_region",
                "stage",
                "project_status",
                "conflicts",
                "source",
            ]
        ]
        .sort_values(["stage", "start", "project"], na_position="last")
        .reset_index(drop=True)
    )


def portfolio(as_of) -> pd.DataFrame:
    """Active funded portfolio budget per year (budget spread evenly over project months)."""
    a = portfolio_.active_projects_by_year(2013, 2030, as_of)[["year", "projects", "names"]].rename(
        columns={"projects": "active_projects"}
    )
    return portfolio_.portfolio_by_year(2013, 2030, as_of).merge(a, on="year")


def reconciliation(as_of) -> pd.DataFrame:
    """Reported ETS 185 membership figures beside the counts from the record."""
    r = reconcile()
    r = r[(r["treaty"] == MAIN_TREATY) & r["compared_on"].notna() & (r["compared_on"] <= pd.Timestamp(as_of))]
    r = r[r["indicator"].isin(["parties", "signatories", "invited", "parties_signatories_invited_total"])]
    return r[
        [
            "compared_on",
            "indicator",
            "reported",
            "qualifier",
            "computed",
            "difference",
            "source_document",
            "figure_id",
            "explanation",
        ]
    ].reset_index(drop=True)


def world_map(as_of) -> pd.DataFrame:
    """Every State's ETS 185 status at `as_of`, with its tile on the grid map."""
    s = status_on(pd.Timestamp(as_of), MAIN_TREATY, all_states=False)[["iso3", "status", "since"]]
    lay = layout()
    df = lay.merge(s, on="iso3", how="left")
    df["status"] = df["status"].astype("string").fillna("none")
    df.insert(1, "name", df["iso3"].map(short_name))
    return df.sort_values("iso3").reset_index(drop=True)


def invitation_note(as_of) -> str | None:
    g = record_gaps()
    n = g[(g["treaty"] == MAIN_TREATY) & (g["missing"] == "invitation")]["iso3"].nunique()
    return f"{n} States acceded without an invitation date in the record and are not shown (README, 'Known gaps')." if n else None


def protocols_note(as_of) -> str | None:
    g = record_gaps()
    g = g[g["treaty"].isin(["ETS189", "CETS224"]) & g["missing"].isin(["deposit", "signature"])]
    return (
        f"{len(g)} Protocol dates are missing from the record (README, 'Known gaps'); counts are lower bounds."
        if len(g)
        else None
    )


def projects_note(as_of) -> str | None:
    p = portfolio_.projects(as_of)
    conflicted = p[p["conflicts"].fillna("") != ""]["project"].tolist()
    return (
        f"Where documents disagree the newer official or project-database source is shown ({', '.join(conflicted)}); "
        "all versions are in datasets/curated/project_versions.csv."
        if conflicted
        else None
    )
