"""States with criminal law in line with the Convention, as C-PROC's surveys report them."""

from __future__ import annotations

from functools import partial

import pandas as pd

from ...derive import impact
from ...derive.impact import shown_value
from .. import sources, style
from ..chart import Chart
from ..finish import finish


def _share(states, den):
    return 100 * states / den


def _count_of_share(share, den):
    return share * den / 100


def legislation(as_of) -> pd.DataFrame:
    """Reported counts (and shares) of States with law in line with the Convention up to
    `as_of`, each with the survey it comes from (empty where a document only cites one)."""
    df = impact.legislation()
    df = df[df["refers_to"] <= pd.Timestamp(as_of)]
    cols = ["refers_to", "refers_to_precision", "measure", "states", "qualifier", "share_published", "share_computed"]
    out = df[[*cols, "denominator", "survey", "source_document", "figure_id"]].reset_index(drop=True)
    assert out["figure_id"].is_unique
    return out


def _label(r) -> str:
    share = r.share_published if pd.notna(r.share_published) else r.share_computed
    approx = "" if pd.notna(r.share_published) else "≈"
    return f"{shown_value(r.states, r.qualifier)} ({approx}{share:.0f}%)"


def _survey_points(data: pd.DataFrame, measure: str) -> pd.DataFrame:
    d = data[(data["measure"] == measure) & (data["survey"] != "") & data["states"].notna()]
    return d.sort_values("refers_to")


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Survey editions joined by a line per survey and measure, labelled with count and share;
    figures that documents only cite are points on their own; shares published without a
    count sit on the share axis as diamonds."""
    from matplotlib.lines import Line2D

    fig, ax = style.new_figure("full")
    den = int(data["denominator"].iloc[0]) if len(data) else 193
    for measure, color in style.MEASURE_COLORS.items():
        for _survey, d in _survey_points(data, measure).groupby("survey", sort=True):
            ax.plot(d["refers_to"], d["states"].astype(float), color=color, linewidth=1.0)
            above = measure == "substantive"
            previous, lift = None, 0
            for r in d.itertuples():
                style.qualifier_marker(ax, r.refers_to, float(r.states), r.qualifier, color)
                close = previous is not None and (r.refers_to - previous).days < 400
                lift = lift + 9 if close else 0  # labels of editions less than 13 months apart are stacked
                previous = r.refers_to
                ax.annotate(
                    _label(r),
                    (r.refers_to, float(r.states)),
                    xytext=(0, (6 + lift) if above else -(6 + lift)),
                    textcoords="offset points",
                    ha="center",
                    va="bottom" if above else "top",
                    fontsize=6,
                    color=color,
                )
        cited = data[(data["measure"] == measure) & (data["survey"] == "") & data["states"].notna()]
        for r in cited.itertuples():
            style.qualifier_marker(ax, r.refers_to, float(r.states), r.qualifier, color, size=22, alpha=0.45)
        shares = data[(data["measure"] == measure) & data["states"].isna() & (data["survey"] != "")]
        for r in shares.itertuples():
            ax.scatter([r.refers_to], [_count_of_share(float(r.share_published), den)], marker="D", s=20, color=color, zorder=5)
            ax.annotate(
                f"{r.share_published:.0f}%\n(share only)",
                (r.refers_to, _count_of_share(float(r.share_published), den)),
                xytext=(0, -6),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=6,
                color=color,
            )
    handles = [
        Line2D([], [], color=c, marker="o", label=f"{m.capitalize()} law in line (survey)")
        for m, c in style.MEASURE_COLORS.items()
    ]
    handles.append(
        Line2D([], [], color="#444444", marker="o", alpha=0.45, linestyle="none", label="figure cited in a speech or brochure")
    )
    handles += style.qualifier_legend_handles(data["qualifier"])
    ax.legend(handles=handles, loc="upper left", fontsize=6.5)
    sec = ax.secondary_yaxis("right", functions=(partial(_share, den=den), partial(_count_of_share, den=den)))
    sec.set_ylabel("Share of UN Member States (%)")
    ax.set_ylim(0, den)
    start = pd.Timestamp(f"{data['refers_to'].min().year}-01-01")
    ax.set_xlim(start - pd.Timedelta(days=120), pd.Timestamp(as_of) + pd.Timedelta(days=200))
    ax.xaxis.set_major_locator(_years_locator())
    ax.xaxis.set_major_formatter(_years_formatter())
    sub = _survey_points(data, "substantive")
    if len(sub):
        first, last = sub.iloc[0], sub.iloc[-1]
        title = (
            (
                f"Criminal law in line with the Convention: {_label(last)} of UN Member States by "
                f"{last['refers_to']:%B %Y}, {_label(first)} in {first['refers_to']:%B %Y}"
            )
            if len(sub) > 1
            else f"Criminal law in line with the Convention: {_label(first)} of UN Member States in {first['refers_to']:%B %Y}"
        )
        key = [f"{_label(last)} of UN Member States with substantive law in line ({last['refers_to']:%B %Y})"]
    else:
        cited = data[data["states"].notna()].sort_values("refers_to").iloc[-1]
        title = f"Criminal law in line with the Convention: {shown_value(cited['states'], cited['qualifier'])} States by {cited['refers_to']:%Y}"
        key = [f"{shown_value(cited['states'], cited['qualifier'])} States by {cited['refers_to']:%Y} (cited figure)"]
    proc = _survey_points(data, "procedural")
    if len(proc):
        key.append(f"{_label(proc.iloc[-1])} with procedural powers in line ({proc.iloc[-1]['refers_to']:%B %Y})")
    alt = (
        f"Chart of the number and share of UN Member States whose substantive criminal law and procedural powers are "
        f"largely in line with the Budapest Convention, from {data['refers_to'].min():%Y} to {data['refers_to'].max():%Y}: "
        "editions of one survey are joined by a line; figures cited in speeches or brochures are separate points."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="States (number)", note=note, key_numbers=key)


def _years_locator():
    from matplotlib.dates import YearLocator

    return YearLocator(2)


def _years_formatter():
    from matplotlib.dates import DateFormatter

    return DateFormatter("%Y")


def note(as_of) -> str:
    """Names each survey and its editions up to `as_of`."""
    df = impact.legislation()
    df = df[(df["refers_to"] <= pd.Timestamp(as_of)) & (df["survey"] != "")]
    parts = []
    for survey, d in df.groupby("survey", sort=True):
        days = sorted(d["refers_to"].unique())
        parts.append(f"{survey}, editions of {', '.join(pd.Timestamp(x).strftime('%B %Y') for x in days)}")
    head = "Lines join editions of one survey: " + "; ".join(parts) + "." if parts else "No survey edition yet."
    return head + " Other points are figures cited in speeches, brochures or pages; shares are of the 193 UN Member States."


CHART = Chart("legislation", legislation, draw, sources.register_sources, note)
