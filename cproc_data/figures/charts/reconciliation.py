"""Published membership figures beside the counts from the record."""

from __future__ import annotations

import pandas as pd

from ...derive.reconciliation import reconcile
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import finish
from ..timeaxis import year_ticks
from .membership import note as membership_note

PANELS = [
    ("parties", "Parties", "party"),
    ("signatories", "Signatories", "signatory"),
    ("invited", "Invited to accede", "invited"),
    ("parties_signatories_invited_total", "All three together", "tertiary"),
]
DIFFERS_COLOR = "#000000"  # apart from every panel's colour


def reconciliation(as_of) -> pd.DataFrame:
    """Reported ETS 185 membership figures (compared on or before `as_of`) beside the range
    of counts the record allows on the day compared (a year read as 31 December)."""
    r = reconcile()
    r = r[(r["treaty"] == MAIN_TREATY) & r["compared_on"].notna() & (r["compared_on"] <= pd.Timestamp(as_of))]
    r = r[r["indicator"].isin([p[0] for p in PANELS])]
    return r[
        [
            "compared_on",
            "refers_to_precision",
            "indicator",
            "reported",
            "qualifier",
            "computed_min",
            "computed_max",
            "agreement",
            "source_document",
            "figure_id",
            "explanation",
        ]
    ].reset_index(drop=True)


def drawn_on(compared_on: pd.Timestamp, precision: str) -> pd.Timestamp:
    """Where a figure is drawn: a figure for a whole year ('by 2013') in the middle of that
    year, not at its last day, where the time axis would place it at the next year's tick."""
    return pd.Timestamp(compared_on.year, 7, 1) if precision == "year" else compared_on


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """One panel per indicator: the range the record allows (bar) and each published figure
    (marker; black where it lies outside the range)."""
    from matplotlib.lines import Line2D

    fig, axes = style.new_figure("full_tall", nrows=2, ncols=2, sharex=True)
    day = pd.Timestamp(as_of)
    for ax, (ind, label, key) in zip(axes.flat, PANELS):
        d = data[data["indicator"] == ind].sort_values("compared_on")
        color = style.PALETTE[key]
        x = [drawn_on(c, p) for c, p in zip(d["compared_on"], d["refers_to_precision"])]
        ax.vlines(
            x,
            d["computed_min"].astype(float) - 0.4,
            d["computed_max"].astype(float) + 0.4,
            color=color,
            alpha=0.35,
            linewidth=4,
            gid=f"record-range-{ind}",
        )
        for at, r in zip(x, d.itertuples()):
            mark = color if r.agreement != "differs" else DIFFERS_COLOR
            style.qualifier_marker(ax, at, r.reported, r.qualifier, mark, size=16, gid=f"reported-{r.figure_id}")
        ax.set_title(label, fontsize=8.5, loc="left", fontweight="normal")
        ax.margins(y=0.15)
    axes[0, 0].set_ylabel("States (number)")
    axes[1, 0].set_ylabel("States (number)")
    first = min(drawn_on(c, p) for c, p in zip(data["compared_on"], data["refers_to_precision"]))
    lo = pd.Timestamp(first.year, 1, 1)
    for ax in axes.flat:
        ax.set_xlim(lo, max(day, lo + pd.Timedelta(days=31)))
    for ax in axes[1]:
        year_ticks(ax, lo, day, max_labels=5)
    handles = [
        Line2D([], [], color="#999999", linewidth=4, alpha=0.6, label="range the record allows"),
        Line2D([], [], color="#444444", marker="o", linestyle="none", markersize=5, label="published, confirmed"),
        Line2D([], [], color=DIFFERS_COLOR, marker="o", linestyle="none", markersize=5, label="published, differs"),
    ]
    if set(data["qualifier"]) - {"exact"}:
        handles += style.qualifier_legend_handles(data["qualifier"])
    axes[1, 0].legend(handles=handles, loc="upper left", fontsize=6.5)  # the invited panel starts low
    n = len(data)
    exact = int((data["agreement"] == "exact").sum())
    within = int((data["agreement"] == "within").sum())
    differs = data[data["agreement"] == "differs"]
    above = int((differs["reported"] > differs["computed_max"].astype(float)).sum())
    confirmed = exact + within
    title = f"The record confirms {confirmed} of {n} published membership figures" + (
        f"; the other {len(differs)} differ where the record has gaps or counts differently" if len(differs) else ""
    )
    alt = (
        f"Four panels setting {n} membership figures published by C-PROC and the Council of Europe beside the range of "
        f"counts the treaty record allows on the same dates: {exact} equal the record's count, {within} lie within its "
        f"range, {len(differs)} lie outside it."
    )
    keys = [
        f"{confirmed} of {n} published figures confirmed: {exact} exactly, {within} within the range the record allows.",
    ]
    if len(differs):
        keys.append(
            f"{above} figures are higher than the record allows (invitations or deposits missing from the record, or "
            f"a wider definition); {len(differs) - above} are lower (counted under another rule, such as Parties "
            "from entry into force)."
        )
    return finish(fig, axes[0, 0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True, key_numbers=keys)


CHART = Chart("reconciliation", reconciliation, draw, sources.reconciliation_sources, membership_note)
