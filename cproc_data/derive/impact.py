"""What C-PROC reports about itself: the register of reported figures, the legislation
series and the activity series.

`reported_figures` is the one register; `legislation` and `activities` are views of it.
A figure keeps its qualifier everywhere: "well over 2100" stays a lower bound of 2100,
never an exact 2100.
"""

from __future__ import annotations

import pandas as pd

from ..errors import DataError, DataProblem
from ..load import cached, table
from ..metadata.vocab import INDICATOR_SERIES, SERIES

UN_MEMBER_STATES = 193  # denominator of every share published with the legislation surveys
LEGISLATION_INDICATORS = {
    "states_legislation_substantive": ("substantive", "share_un_members_substantive"),
    "states_legislation_procedural": ("procedural", "share_un_members_procedural"),
}


def unknown_documents(cited, known, label: str, column: str = "source_document") -> list[DataProblem]:
    """A problem for every cited document (in `column`) not in reference/documents.csv."""
    known = set(known)
    return [
        DataProblem(label, i + 2, column, d, "documents: document not in datasets/reference/documents.csv")
        for i, d in enumerate(cited)
        if d and d not in known
    ]


def _documents() -> pd.DataFrame:
    return table("documents")


def documents() -> pd.DataFrame:
    """Source documents: id, title, producer, publication date and its precision, URL, kind."""
    return _documents().copy()


@cached
def _figures() -> pd.DataFrame:
    df = table("reported_figures")
    bad = unknown_documents(df["source_document"], _documents()["document_id"], "datasets/curated/reported_figures.csv")
    if bad:
        raise DataError(bad)
    return df


def reported_figures(indicator: str | list[str] | None = None) -> pd.DataFrame:
    """The register, one row per reported figure, with its document's title.

    Columns: figure_id, indicator, value, qualifier, unit, refers_to (+ precision),
    published (+ precision), scope, source_document, document_title, locator, note.
    """
    df = _figures().merge(
        _documents()[["document_id", "title"]].rename(columns={"document_id": "source_document", "title": "document_title"}),
        on="source_document",
        how="left",
    )
    if indicator is not None:
        wanted = [indicator] if isinstance(indicator, str) else list(indicator)
        df = df[df["indicator"].isin(wanted)]
    return df.reset_index(drop=True)


def shown_value(value, qualifier) -> str:
    """How a figure is written for people: 2100+ , ~130, <=1.8 million, 62."""
    v = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return {"lower_bound": f"{v}+", "approx": f"~{v}", "upper_bound": f"≤{v}"}.get(qualifier, v)


def legislation() -> pd.DataFrame:
    """States whose law is in line with the Convention, per survey date and measure.

    Transformations: the register's `states_legislation_*` rows, each paired with the
    share of UN Member States published beside it in the same document (if any);
    `share_computed` = states / 193 UN Member States (the denominator every published
    share implies), so a reader can check the rounding. A share published without a count
    (the 2024 edition gives only shares) is a row of its own with `states` empty. `survey`
    names the survey a document is an edition of (reference/legislation_surveys.csv);
    empty where a document only cites a figure (speeches, brochures). Qualifiers are kept.
    Quirk: speeches say "more than 130 countries aligned"; they are kept as lower bounds.
    """
    f = reported_figures()
    surveys = table("legislation_surveys").set_index("document_id")["survey"]
    rows = []
    for ind, (measure, share_ind) in LEGISLATION_INDICATORS.items():
        counted = f[f["indicator"] == ind]
        for r in counted.itertuples():
            share = f[
                (f["indicator"] == share_ind) & (f["source_document"] == r.source_document) & (f["refers_to"] == r.refers_to)
            ]
            rows.append(
                {
                    "refers_to": r.refers_to,
                    "refers_to_precision": r.refers_to_precision,
                    "measure": measure,
                    "states": r.value,
                    "qualifier": r.qualifier,
                    "share_published": share["value"].iloc[0] if len(share) else pd.NA,
                    "share_computed": round(100 * float(r.value) / UN_MEMBER_STATES, 1),
                    "denominator": UN_MEMBER_STATES,
                    "source_document": r.source_document,
                    "figure_id": r.figure_id,
                }
            )
        pairs = set(zip(counted["source_document"], counted["refers_to"]))
        for r in f[(f["indicator"] == share_ind) & f["refers_to"].notna()].itertuples():
            if (r.source_document, r.refers_to) in pairs:
                continue
            rows.append(
                {
                    "refers_to": r.refers_to,
                    "refers_to_precision": r.refers_to_precision,
                    "measure": measure,
                    "states": pd.NA,
                    "qualifier": r.qualifier,
                    "share_published": r.value,
                    "share_computed": pd.NA,
                    "denominator": UN_MEMBER_STATES,
                    "source_document": r.source_document,
                    "figure_id": r.figure_id,
                }
            )
    df = pd.DataFrame(rows).sort_values(["measure", "refers_to", "figure_id"]).reset_index(drop=True)
    df["states"] = df["states"].astype("Float64")
    df["share_published"] = df["share_published"].astype("Float64")
    df["share_computed"] = df["share_computed"].astype("Float64")
    df["survey"] = df["source_document"].map(surveys).fillna("").astype(str)
    if df["figure_id"].duplicated().any():
        raise AssertionError("duplicate figure_id")
    return df


def activities() -> pd.DataFrame:
    """C-PROC activity counts, annual and cumulative, qualifiers kept.

    Columns: refers_to, refers_to_precision, series (cumulative / in_year / training_in_year /
    per_year_typical), value, qualifier, is_lower_bound, shown (e.g. "2,100+"),
    source_document, figure_id. `value` alone is never the whole fact: read it with
    `qualifier` (a lower bound is "at least").
    """
    series = {
        "activities_cumulative": "cumulative",
        "activities_in_year": "in_year",
        "training_activities_in_year": "training_in_year",
        "activities_per_year_typical": "per_year_typical",
    }
    f = reported_figures(list(series))
    df = pd.DataFrame(
        {
            "refers_to": f["refers_to"],
            "refers_to_precision": f["refers_to_precision"],
            "series": f["indicator"].map(series),
            "value": f["value"],
            "qualifier": f["qualifier"],
            "is_lower_bound": f["qualifier"].eq("lower_bound"),
            "shown": [shown_value(v, q) for v, q in zip(f["value"], f["qualifier"])],
            "source_document": f["source_document"],
            "figure_id": f["figure_id"],
        }
    )
    df = df.sort_values(["series", "refers_to", "figure_id"], na_position="last").reset_index(drop=True)
    if df["figure_id"].duplicated().any():
        raise AssertionError("duplicate figure_id")
    return df


def register_series_summary(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """How far each series of the register reaches: one row per series of `metadata.vocab.SERIES`
    (the indicator -> series mapping is `metadata.vocab.INDICATOR_SERIES`, not this function's).

    Columns: series, dated_points (figures with a date they speak of), dates (distinct dates),
    first, last (the earliest and latest of those dates, as `refers_to` holds them: a month or
    year as its first day), undated (figures without such a date), meaning.
    `figures` defaults to the shipped register; any frame with `indicator` and `refers_to` will do.
    """
    f = reported_figures() if figures is None else figures
    series = f["indicator"].map({k: s for k, (s, _) in INDICATOR_SERIES.items()})
    unknown = sorted(set(f.loc[series.isna(), "indicator"]))
    if unknown:
        raise ValueError(f"indicators without a series in metadata.vocab.INDICATOR_SERIES: {', '.join(unknown)}")
    when = pd.to_datetime(f["refers_to"])
    rows = []
    for name, meaning in SERIES.items():
        d = when[series == name]
        dated = d.dropna()
        rows.append(
            {
                "series": name,
                "dated_points": len(dated),
                "dates": dated.nunique(),
                "first": dated.min() if len(dated) else pd.NaT,
                "last": dated.max() if len(dated) else pd.NaT,
                "undated": int(d.isna().sum()),
                "meaning": meaning,
            }
        )
    return pd.DataFrame(rows)
