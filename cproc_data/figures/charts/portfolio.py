"""The budget of the funded cybercrime projects under way each year, split at the as-of date."""

from __future__ import annotations

import pandas as pd

from ...derive import project_timeline as tl
from .. import sources, style
from ..chart import Chart
from ..finish import finish

PAST, AFTER = style.PALETTE["party"], style.PALETTE["secondary"]


def portfolio(as_of) -> pd.DataFrame:
    """Per year: the budget of the funded projects started by `as_of`, spread evenly over their
    months, split into months up to the as-of month and months after it; projects active."""
    return tl.portfolio_split(as_of)


def note(as_of) -> str:
    """How the sums are made, and every project they leave out."""
    day = pd.Timestamp(as_of)
    text = (
        "Each budget is spread evenly over its project's months (derive/projects.py). "
        f"Hatched: months after {day:%-d %B %Y}, the rest of projects under way then. Numbers above bars: projects active in the year."
    )
    frame = tl.portfolio_split(as_of)
    without = sorted({n for names in frame.get("without_budget", []) for n in names.split(", ") if n})
    months = tl.project_months(as_of)
    undated = sorted(set(tl.shown_projects(as_of)["project"]) - set(months["project"]))
    first = int(frame["year"].min()) if len(frame) else None
    early = sorted(set(months.loc[months["year"] < (first or 0), "project"]) - set(without))
    parts = [
        f"without a budget in the record: {', '.join(without)}" * bool(without),
        f"without a start or end month: {', '.join(undated)}" * bool(undated),
        f"before {first}, with no budget in the record: {', '.join(early)}" * bool(early),
    ]
    parts = [p for p in parts if p]
    return text + (" Not in the sums: " + "; ".join(parts) + "." if parts else "")


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Bars per year: months up to the as-of date solid, months after it hatched; active projects above."""
    fig, ax = style.new_figure("full_tall")
    day = pd.Timestamp(as_of)
    d = data.sort_values("year")
    to, after = d["budget_eur_to_as_of"] / 1e6, d["budget_eur_after_as_of"] / 1e6
    ax.bar(d["year"], to, color=PAST, width=0.8, label=f"months up to {day:%-d %B %Y}")
    ax.bar(
        d["year"], after, bottom=to, color=AFTER, width=0.8, hatch="////", edgecolor="white", linewidth=0,
        label=f"months after {day:%-d %B %Y} (projects under way then)",
    )  # fmt: skip
    for r in d.itertuples():
        if r.active_projects:
            text = f"{r.active_projects}\nin progress" if r.year == day.year else str(r.active_projects)
            ax.annotate(text, (r.year, r.budget_eur / 1e6), xytext=(0, 3), textcoords="offset points", ha="center",
                        va="bottom", fontsize=6.5, color=style.PALETTE["neutral"], linespacing=1.0)  # fmt: skip
    years = d["year"].tolist()
    step = 1 if len(years) <= 16 else 2
    ax.set_xticks(years[::step], [str(y) for y in years[::step]])
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.set_ylim(0, max(float(d["budget_eur"].max()) / 1e6 * 1.3, 1))
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), fontsize=7, ncols=2)  # above the bars, under the title
    return finish(
        fig,
        ax,
        title=_title(d, day),
        alt=_alt(d, day),
        source=source,
        as_of=as_of,
        ylabel="Budget (EUR million per year)",
        xlabel="Year",
        note=note,
        suptitle=True,
        key_numbers=_key_numbers(d, day),
    )


def _largest(d: pd.DataFrame, day):
    past = d[d["year"] < day.year]
    return past.loc[past["budget_eur"].idxmax()] if len(past) and past["budget_eur"].max() > 0 else None


def _title(d: pd.DataFrame, day) -> str:
    top = _largest(d, day)
    now = d[d["year"] == day.year]
    this = f"EUR {now['budget_eur'].iloc[0] / 1e6:.1f} million for {day.year}, in progress" if len(now) else ""
    if top is None:
        return f"Budgets of funded cybercrime projects: {this}"
    best = f"EUR {top['budget_eur'] / 1e6:.1f} million in {int(top['year'])}, the largest year so far"
    return f"Budgets of funded cybercrime projects: {best}" + (f"; {this}" if this else "")


def _alt(d: pd.DataFrame, day) -> str:
    return (
        f"Bar chart of the budget of funded Council of Europe cybercrime projects per year from {int(d['year'].min())} to "
        f"{int(d['year'].max())}, each budget spread evenly over its project's months; months after {day:%-d %B %Y} are "
        "hatched; labels give the number of projects active each year."
    )


def _key_numbers(d: pd.DataFrame, day) -> list[str]:
    out = []
    top = _largest(d, day)
    if top is not None:
        out.append(f"Largest year before {day.year}: {int(top['year'])}, EUR {top['budget_eur'] / 1e6:.1f} million.")
    now = d[d["year"] == day.year]
    if len(now):
        r = now.iloc[0]
        out.append(
            f"{day.year}: EUR {r['budget_eur'] / 1e6:.1f} million across {int(r['active_projects'])} projects, "
            f"EUR {r['budget_eur_to_as_of'] / 1e6:.1f} million of it in the months to {day:%-d %B %Y}."
        )
    later = d[d["year"] > day.year]
    if len(later):
        out.append(f"Projects under way on {day:%-d %B %Y} run to {int(later['year'].max())}.")
    return out


CHART = Chart("portfolio", portfolio, draw, sources.project_sources, note)
