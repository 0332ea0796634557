"""How the impact charts (legislation, activities, projects, portfolio) are drawn."""

from __future__ import annotations

from functools import partial

import pandas as pd

from ..derive.impact import shown_value
from . import style
from .finish import finish


def _share(states, den):
    return 100 * states / den


def _count_of_share(share, den):
    return share * den / 100


def legislation(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Reported counts of States with law in line with the Convention, qualifiers as markers."""
    fig, ax = style.new_figure("full")
    den = int(data["denominator"].iloc[0]) if len(data) else 193
    for measure, color in style.MEASURE_COLORS.items():
        d = data[data["measure"] == measure].sort_values("refers_to")
        if not len(d):
            continue
        ax.plot(d["refers_to"], d["states"], color=color, linewidth=0.8, alpha=0.6)
        for r in d.itertuples():
            style.qualifier_marker(ax, r.refers_to, r.states, r.qualifier, color)
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=c, marker="o", label=f"{m.capitalize()} law in line") for m, c in style.MEASURE_COLORS.items()
    ]
    handles += style.qualifier_legend_handles(data["qualifier"])
    ax.legend(handles=handles, loc="upper left", fontsize=7)
    sec = ax.secondary_yaxis("right", functions=(partial(_share, den=den), partial(_count_of_share, den=den)))
    sec.set_ylabel(f"Share of the {den} UN Member States (%)")
    ax.set_ylim(0, 160)
    sub = data[data["measure"] == "substantive"].sort_values("refers_to")
    first, last = sub.iloc[0], sub.iloc[-1]
    title = (
        f"States with criminal law in line with the Convention: {shown_value(first['states'], first['qualifier'])} "
        f"in {first['refers_to']:%Y}, {shown_value(last['states'], last['qualifier'])} in {last['refers_to']:%Y}"
    )
    alt = (
        f"Chart of the number of States whose substantive criminal law (and procedural powers) is largely in line with "
        f"the Budapest Convention, as reported from {first['refers_to']:%Y} to {last['refers_to']:%Y}, with approximate "
        f"and lower-bound figures marked."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="States (number)", note=note)


def activities(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Two panels: activities in a year and cumulative since 2014; lower bounds drawn as '^'."""
    import matplotlib.pyplot as plt

    style.use()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=style.SIZES["full"], layout="constrained")
    for ax, series in ((ax1, ("in_year", "training_in_year")), (ax2, ("cumulative",))):
        for s in series:
            d = data[data["series"] == s].sort_values("refers_to")
            for r in d.itertuples():
                x = (
                    r.refers_to.year
                    if r.refers_to_precision == "year"
                    else r.refers_to.year + (r.refers_to.day_of_year - 1) / 365.25
                )
                style.qualifier_marker(ax, x, r.value, r.qualifier, style.SERIES_COLORS[s], size=42)
                ax.annotate(
                    shown_value(r.value, r.qualifier), (x, r.value), xytext=(5, 3), textcoords="offset points", fontsize=7
                )
        ax.set_xlabel("Year")
        values = data.loc[data["series"].isin(series), "value"].dropna()
        ax.set_ylim(0, max(1.0, float(values.max()) * 1.3) if len(values) else 1)
    ax1.set_title("In one year", fontsize=8.5, loc="left", fontweight="normal")
    ax2.set_title("Since April 2014 (cumulative)", fontsize=8.5, loc="left", fontweight="normal")
    ax1.set_ylabel("Activities (number)")
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=style.SERIES_COLORS["in_year"], marker="o", linestyle="none", label="all activities"),
        Line2D([], [], color=style.SERIES_COLORS["training_in_year"], marker="o", linestyle="none", label="training activities"),
    ]
    ax1.legend(handles=handles + style.qualifier_legend_handles(data["qualifier"]), loc="upper left", fontsize=6.5)
    cum = data[data["series"] == "cumulative"].sort_values("refers_to")
    last = cum.iloc[-1] if len(cum) else None
    title = (
        f"C-PROC activities: at least {last['value']:,.0f} since 2014 by {last['refers_to']:%Y}"
        if last is not None
        else "C-PROC activities"
    )
    alt = (
        "Two charts of C-PROC activity counts as reported: activities in single years and cumulative activities since "
        "April 2014; most figures are lower bounds ('more than') and are drawn as upward triangles."
    )
    return finish(fig, ax1, title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


def projects(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Timeline of funded projects 2013-2030 with budgets; pipeline (2026-2030) listed apart."""
    import matplotlib.pyplot as plt

    style.use()
    fig, (ax, axp) = plt.subplots(
        1, 2, figsize=style.SIZES["full_tall"], layout="constrained", gridspec_kw={"width_ratios": [3.2, 1]}
    )
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


def portfolio(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
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
