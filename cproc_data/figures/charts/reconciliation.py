"""Published membership figures beside the counts from the record."""

from __future__ import annotations

import pandas as pd

from ...derive.reconciliation import reconcile
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import finish
from .membership import note as membership_note


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


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Reported membership figures (markers) against the counts computed from the record."""
    fig, axes = style.new_figure("full_tall", nrows=2, ncols=2, sharex=True)
    panels = [
        ("parties", "Parties", "party"),
        ("signatories", "Signatories", "signatory"),
        ("invited", "Invited to accede", "invited"),
        ("parties_signatories_invited_total", "All three together", "neutral"),
    ]
    for ax, (ind, label, key) in zip(axes.flat, panels):
        d = data[data["indicator"] == ind].sort_values("compared_on")
        color = style.PALETTE[key]
        ax.plot(d["compared_on"], d["computed"].astype(float), color=color, linewidth=0, marker="_", markersize=10)
        for r in d.itertuples():
            style.qualifier_marker(ax, r.compared_on, r.reported, r.qualifier, color, size=22)
            ax.plot([r.compared_on, r.compared_on], [float(r.computed), r.reported], color=color, linewidth=0.6, alpha=0.6)
        ax.set_title(label, fontsize=8.5, loc="left", fontweight="normal")
    axes[0, 0].set_ylabel("States (number)")
    axes[1, 0].set_ylabel("States (number)")
    from matplotlib.lines import Line2D

    axes[0, 0].legend(
        handles=[
            Line2D([], [], color="#444444", marker="o", linestyle="none", label="reported"),
            Line2D([], [], color="#444444", marker="_", markersize=10, linestyle="none", label="computed from the record"),
        ],
        loc="upper left",
        fontsize=6.5,
    )
    n = len(data)
    match = int((data["difference"] == 0).sum())
    title = f"Reported membership figures and the record: {match} of {n} agree exactly"
    alt = (
        f"Four panels comparing {n} membership figures reported by C-PROC and the Council of Europe with the counts "
        f"computed from the per-State record on the same dates; {match} agree exactly."
    )
    return finish(fig, axes[0, 0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


CHART = Chart("reconciliation", reconciliation, draw, sources.reconciliation_sources, membership_note)
