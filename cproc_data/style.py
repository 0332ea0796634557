"""House style as data: palette, sizes and the footer every chart carries.

Colours are the Okabe-Ito colour-blind-safe set; each status has one colour in every
chart. Sizes are for an A4 report (text width 160 mm; a column half of it).
"""
from __future__ import annotations

from pathlib import Path

STYLE_FILE = Path(__file__).with_name("cproc.mplstyle")

# one fixed colour per status, in legend order
STATUS_ORDER = ("party", "signatory", "invited", "none")
STATUS_LABELS = {"party": "Parties", "signatory": "Signatories", "invited": "Invited to accede", "none": "Other States"}
PALETTE = {
    "party": "#0072B2",      # blue
    "signatory": "#E69F00",  # orange
    "invited": "#009E73",    # bluish green
    "none": "#D9D9D9",       # light grey
    # other series
    "accent": "#D55E00",     # vermillion: C-PROC marker, reported figures
    "secondary": "#56B4E9",  # sky blue
    "tertiary": "#CC79A7",   # reddish purple
    "neutral": "#666666",
    "pipeline": "#BBBBBB",
}
# inches (width, height)
SIZES = {
    "column": (3.35, 2.6),
    "full": (6.3, 3.4),
    "full_tall": (6.3, 5.2),
    "map": (6.3, 3.9),
}
FOOTER_FONT_SIZE = 6.5
FOOTER_COLOR = "#555555"
CPROC_START = "2014-04-07"  # MoU in force, office operational (About C-PROC, 30 Oct 2017)


def use() -> None:
    """Activate the house style (import matplotlib lazily)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.style.use(str(STYLE_FILE))


def new_figure(size: str = "full"):
    import matplotlib.pyplot as plt

    use()
    fig, ax = plt.subplots(figsize=SIZES[size], layout="constrained")
    return fig, ax


def add_footer(fig, source: str, as_of) -> None:
    """Source line and 'data as of' line under the chart (left-aligned)."""
    import pandas as pd

    text = f"Source: {source}\nData as of {pd.Timestamp(as_of):%-d %B %Y}. Chart: cproc-data."
    engine = fig.get_layout_engine()
    if engine is not None:  # keep the axes clear of the two footer lines
        height = fig.get_figheight()
        engine.set(rect=(0, 0.32 / height, 1, 1 - 0.32 / height))
    fig.text(0.01, 0.01, text, fontsize=FOOTER_FONT_SIZE, color=FOOTER_COLOR, ha="left", va="bottom", gid="footer")
    fig._cproc_source = source  # read by tests and the manifest
