"""What every chart carries: title, footer (source, note, as-of date) and its metadata.

`fig.cproc_meta` (title, alt text, source line, note, as-of date, key numbers) feeds the manifest,
the workbook and the tests.
"""

from __future__ import annotations

import pandas as pd

from . import style


def finish(
    fig,
    ax,
    *,
    title: str,
    alt: str,
    source: str,
    as_of,
    ylabel: str | None = None,
    xlabel: str | None = None,
    note: str | None = None,
    suptitle: bool = False,
    key_numbers: list[str] | None = None,
):
    """Title, axis labels, footer and metadata; `suptitle` for multi-panel figures.

    `key_numbers`: the few numbers a reader should take away, one short sentence each
    ("81 Parties on 5 February 2026"); the annex prints them under the caption."""
    if suptitle:
        fig.suptitle(style.wrap(title, fig, 10, 0.97, bold=True), x=0.01, ha="left", fontsize=10, fontweight="bold")
    else:
        style.set_title(ax, title)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    style.add_footer(fig, source, as_of, note)
    fig.cproc_meta = {
        "title": title,
        "alt": alt,
        "source": source,
        "note": note,
        "as_of": pd.Timestamp(as_of).date().isoformat(),
        "key_numbers": list(key_numbers or []),
    }
    return fig


def count_label(low: int, high: int, noun: str) -> str:
    """'80 Parties', or '78–80 Parties' where the record allows a range ('78–80' without a noun)."""
    return (f"{low} {noun}" if low == high else f"{low}–{high} {noun}").strip()


def empty_chart(name: str, as_of, source: str, note: str | None = None):
    """What a chart shows when the record holds nothing for it on or before `as_of`."""
    fig, ax = style.new_figure("full")
    ax.axis("off")
    day = pd.Timestamp(as_of)
    ax.text(
        0.5,
        0.5,
        f"The record holds no data for this chart on or before {day:%-d %B %Y}.",
        ha="center",
        va="center",
        fontsize=9,
        color=style.FOOTER_COLOR,
        transform=ax.transAxes,
    )
    title = f"{name.replace('_', ' ').capitalize()}: no data by {day:%B %Y}"
    return finish(
        fig,
        ax,
        title=title,
        alt=f"Empty chart: the record holds no data for {name.replace('_', ' ')} by {day:%B %Y}.",
        source=source,
        as_of=as_of,
        note=note,
    )
