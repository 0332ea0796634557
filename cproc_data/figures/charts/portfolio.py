"""The budget of C-PROC's active funded projects, year by year."""

from __future__ import annotations

import pandas as pd

from ...derive import projects as portfolio_
from .. import sources, style
from ..chart import Chart
from ..finish import finish


def portfolio(as_of) -> pd.DataFrame:
    """Active funded portfolio budget per year (budget spread evenly over project months)."""
    a = portfolio_.active_projects_by_year(2013, 2030, as_of)[["year", "projects", "names"]].rename(
        columns={"projects": "active_projects"}
    )
    return portfolio_.portfolio_by_year(2013, 2030, as_of).merge(a, on="year")


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Active funded portfolio budget per year (bars), number of active projects (labels)."""
    fig, ax = style.new_figure("full")
    d = data.sort_values("year")
    past = d["year"] <= pd.Timestamp(as_of).year
    ax.bar(
        d.loc[past, "year"],
        d.loc[past, "budget_eur"] / 1e6,
        color=style.PALETTE["party"],
        label="budget spread over project months",
    )
    ax.bar(
        d.loc[~past, "year"],
        d.loc[~past, "budget_eur"] / 1e6,
        color=style.PALETTE["secondary"],
        label="funded projects, future months",
    )
    for r in d.itertuples():
        if r.active_projects:
            ax.annotate(
                str(r.active_projects),
                (r.year, r.budget_eur / 1e6),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=6.5,
                color=style.PALETTE["neutral"],
            )
    ax.legend(loc="upper left", fontsize=7)
    peak = d.loc[d["budget_eur"].idxmax()]
    title = f"C-PROC's funded portfolio peaked at EUR {peak['budget_eur'] / 1e6:.1f} million a year in {int(peak['year'])}"
    alt = (
        "Bar chart of the budget of active funded C-PROC projects per year from 2013 to 2030, each budget spread evenly "
        "over its months; labels give the number of active projects."
    )
    note = (
        note + " " if note else ""
    ) + "Numbers above bars: active projects. Projects without a known budget are not in the sums."
    return finish(
        fig,
        ax,
        title=title,
        alt=alt,
        source=source,
        as_of=as_of,
        ylabel="Budget (EUR million per year)",
        xlabel="Year",
        note=note,
    )


CHART = Chart("portfolio", portfolio, draw, sources.project_sources)
