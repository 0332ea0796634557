"""Charts of the report. Each function takes frames and returns a matplotlib Figure.

The figure carries `fig.cproc_meta` (title, alt text, source line, as-of date) for the
manifest and the tests. Notebooks and `cproc-data figures` call these same functions;
`chart_data.py` builds the frames they take.
"""
from __future__ import annotations

import pandas as pd

from . import style


def _finish(fig, ax, *, title: str, alt: str, source: str, as_of, ylabel: str | None = None,
            xlabel: str | None = None, note: str | None = None):
    style.set_title(ax, title)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    style.add_footer(fig, source, as_of, note)
    fig.cproc_meta = {"title": title, "alt": alt, "source": source, "note": note,
                      "as_of": pd.Timestamp(as_of).date().isoformat()}
    return fig


TREATY_SOURCE = ("Council of Europe Treaty Office; national treaty databases; Council of Europe news "
                 "(cproc-data, datasets/raw/sources.csv)")


def gaps_note(missing_deposits: int, missing_invitations: int | None = None) -> str | None:
    """The qualifier every membership chart carries while the record has gaps."""
    parts = []
    if missing_deposits:
        parts.append(f"{missing_deposits} Parties have no dated deposit in the record yet, so Party counts are lower bounds")
    if missing_invitations:
        parts.append(f"{missing_invitations} invitations have no date, so invited counts are lower bounds")
    return "; ".join(parts) + " (README, 'Known gaps')." if parts else None


def membership(counts: pd.DataFrame, as_of, cproc_start=style.CPROC_START, note: str | None = None):
    """Stacked areas: Parties, signatories, invited States of ETS 185 over time.

    `counts`: date, parties, signatories, invited (one treaty).
    """
    c = counts.sort_values("date")
    fig, ax = style.new_figure("full")
    series = [("party", "parties"), ("signatory", "signatories"), ("invited", "invited")]
    ax.stackplot(
        c["date"], *[c[col] for _, col in series],
        labels=[style.STATUS_LABELS[s] for s, _ in series],
        colors=[style.PALETTE[s] for s, _ in series], step="post", linewidth=0,
    )
    start = pd.Timestamp(cproc_start)
    ax.axvline(start, color=style.PALETTE["accent"], linewidth=1, linestyle="--")
    ax.set_xlim(c["date"].min(), c["date"].max())
    ax.set_ylim(0, max(1, int((c[["parties", "signatories", "invited"]].sum(axis=1)).max() * 1.25)))
    ax.annotate("C-PROC operational\n(April 2014)", xy=(start, ax.get_ylim()[1] * 0.97), xytext=(4, 0),
                textcoords="offset points", ha="left", va="top", fontsize=7, color=style.PALETTE["accent"])
    ax.legend(loc="upper left", ncols=1)
    last = c.iloc[-1]
    before = c[c["date"] <= start].iloc[-1] if (c["date"] <= start).any() else c.iloc[0]
    title = (f"Budapest Convention: {int(before['parties'])} Parties when C-PROC opened, "
             f"{'at least ' if note else ''}{int(last['parties'])} by {pd.Timestamp(as_of):%B %Y}")
    total = int(last["parties"] + last["signatories"] + last["invited"])
    alt = (f"Stacked area chart of States that are Parties to, signatories of, or invited to accede to the "
           f"Convention on Cybercrime from November 2001 to {pd.Timestamp(as_of):%B %Y}: {int(last['parties'])} Parties, "
           f"{int(last['signatories'])} signatories and {int(last['invited'])} invited States ({total} in all) at the end.")
    return _finish(fig, ax, title=title, alt=alt, source=TREATY_SOURCE, as_of=as_of, ylabel="States (number)", note=note)
