"""C-PROC's funded projects on a timeline with their budgets, and the pipeline."""

from __future__ import annotations

import pandas as pd

from ...derive import projects as portfolio_
from .. import sources, style
from ..chart import Chart
from ..finish import finish


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


def note(as_of) -> str | None:
    p = portfolio_.projects(as_of)
    conflicted = p[p["conflicts"].fillna("") != ""]["project"].tolist()
    return (
        f"Where documents disagree the newer official or project-database source is shown ({', '.join(conflicted)}); "
        "all versions are in datasets/curated/project_versions.csv."
        if conflicted
        else None
    )


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Timeline of funded projects 2013-2030 with budgets; pipeline (2026-2030) listed apart."""
    fig, (ax, axp) = style.new_figure("full_tall", ncols=2, gridspec_kw={"width_ratios": [3.2, 1]})
    funded = data[(data["stage"] == "funded") & data["start"].notna() & data["end"].notna()].copy()
    funded["s"] = pd.to_datetime(funded["start"] + "-01")
    funded["e"] = pd.to_datetime(funded["end"] + "-01") + pd.offsets.MonthEnd(0)
    funded = funded.sort_values(["s", "project"], ascending=[False, True]).reset_index(drop=True)
    colors = {
        "eu_coe_joint": style.PALETTE["party"],
        "voluntary_contributions": style.PALETTE["signatory"],
        "unknown": style.PALETTE["neutral"],
    }
    for i, r in funded.iterrows():
        ax.barh(i, (r["e"] - r["s"]).days, left=r["s"], height=0.6, color=colors[r["funding_type"]])
        label = f"EUR {r['budget_eur'] / 1e6:.2f} m" if pd.notna(r["budget_eur"]) else "budget not found"
        if str(r["budget_qualifier"]) == "upper_bound":
            label = "up to " + label
        ax.annotate(label, (r["e"], i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=6)
    ax.set_yticks(funded.index, funded["project"], fontsize=7)
    ax.set_xlim(pd.Timestamp("2013-01-01"), pd.Timestamp("2031-01-01"))
    ax.grid(axis="x", color="#DDDDDD")
    ax.grid(axis="y", visible=False)
    ax.axvline(pd.Timestamp(as_of), color=style.PALETTE["accent"], linestyle="--", linewidth=0.8)
    from matplotlib.patches import Patch

    ax.legend(
        handles=[
            Patch(color=colors["eu_coe_joint"], label="EU/Council of Europe joint project"),
            Patch(color=colors["voluntary_contributions"], label="Voluntary contributions"),
        ],
        loc="lower left",
        fontsize=6.5,
    )
    pipe = data[data["stage"] == "pipeline"]["project"].tolist()
    axp.axis("off")
    axp.set_title(f"Pipeline 2026-2030 ({len(pipe)})", fontsize=8, loc="left", fontweight="normal")
    axp.text(0, 1, "\n".join(pipe), va="top", fontsize=6.5, color=style.PALETTE["neutral"], transform=axp.transAxes)
    current = data[data["project_status"] == "current"]
    total = current["budget_eur"].sum()
    title = (
        f"{len(current)} C-PROC projects under way in {pd.Timestamp(as_of):%B %Y} "
        f"(EUR {total / 1e6:.1f} million); {len(pipe)} more in the pipeline"
    )
    alt = (
        f"Timeline of {len(funded)} funded C-PROC projects from 2013 to 2030 with their budgets, and a list of "
        f"{len(pipe)} pipeline projects proposed for 2026-2030."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


CHART = Chart("projects", projects, draw, sources.project_sources, note)
