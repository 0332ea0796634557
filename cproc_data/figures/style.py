"""House style as data: palette, sizes and the footer every chart carries.

Colours are the Okabe-Ito colour-blind-safe set; each status has one colour in every
chart. Sizes are for an A4 report (text width 160 mm; a column half of it).
"""

from __future__ import annotations

import pandas as pd

from ..domain.cproc import CPROC_START as _CPROC_START
from .mplstyle import STYLE_FILE as STYLE_FILE  # re-exported: charts reach the style through this module
from .mplstyle import context as context
from .mplstyle import use as use

# one fixed colour per status, in legend order
STATUS_ORDER = ("party", "signatory", "invited", "none")
STATUS_LABELS = {"party": "Parties", "signatory": "Signatories", "invited": "Invited to accede", "none": "Other States"}
PALETTE = {
    "party": "#0072B2",  # blue
    "signatory": "#E69F00",  # orange
    "invited": "#009E73",  # bluish green
    "none": "#D9D9D9",  # light grey
    # other series
    "accent": "#D55E00",  # vermillion: C-PROC marker, reported figures
    "secondary": "#56B4E9",  # sky blue
    "tertiary": "#CC79A7",  # reddish purple
    "neutral": "#666666",
    "pipeline": "#BBBBBB",
}
# inches (width, height)
SIZES = {
    "column": (3.35, 2.6),
    "full": (6.3, 3.4),
    "full_tall": (6.3, 5.2),
    "map": (6.3, 3.9),
    "map_tall": (6.3, 6.6),
}
FOOTER_FONT_SIZE = 6.5
FOOTER_COLOR = "#555555"
CPROC_START = pd.Timestamp(_CPROC_START)  # drawn as a marker on time charts


def new_figure(size: str = "full", **subplots):
    """(Figure, axes) of a house size, outside pyplot: a notebook shows it once, where the
    cell returns it, and no global figure is left open. `subplots` go to `Figure.subplots`."""
    from .chart_figure import ChartFigure

    fig = ChartFigure(figsize=SIZES[size], layout="constrained")
    return fig, fig.subplots(**subplots)


def text_width(text: str, font_size: float, bold: bool = False) -> float:
    """Width in points of one line of text in the house font, measured by the renderer
    that draws the PNG (hinting included), so wrapped lines never run off the figure."""
    import matplotlib
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(family=matplotlib.rcParams["font.family"], size=font_size, weight="bold" if bold else "normal")
    return RendererAgg(1, 1, 100).get_text_width_height_descent(text, prop, ismath=False)[0] * 72 / 100


def wrap(text: str, fig, font_size: float, share: float = 1.0, bold: bool = False) -> str:
    """Wrap text to `share` of the figure's width, measuring each line in the house font."""
    width = fig.get_figwidth() * 72 * share
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", font_size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def _footer_text(fig, source: str, as_of, note: str | None = None) -> str:
    parts = [wrap(f"Source: {source}", fig, FOOTER_FONT_SIZE, 0.97)]
    if note:
        parts.append(wrap(f"Note: {note}", fig, FOOTER_FONT_SIZE, 0.97))
    parts.append(f"Data as of {pd.Timestamp(as_of):%-d %B %Y}. Chart: cproc-data.")
    return "\n".join(parts)


def footer_lines(fig, source: str, note: str | None = None) -> int:
    """Lines the footer will take (for a chart that sizes its height to its content)."""
    return _footer_text(fig, source, "2000-01-01", note).count("\n") + 1


def add_footer(fig, source: str, as_of, note: str | None = None) -> None:
    """Source line, optional note and 'data as of' line under the chart."""
    text = _footer_text(fig, source, as_of, note)
    lines = text.count("\n") + 1
    engine = fig.get_layout_engine()
    if engine is not None:  # keep the axes clear of the footer lines
        bottom = (lines * FOOTER_FONT_SIZE * 1.35 + 6) / 72 / fig.get_figheight()
        engine.set(rect=(0, bottom, 1, 1 - bottom))
    fig.text(
        0.01, 0.01, text, fontsize=FOOTER_FONT_SIZE, color=FOOTER_COLOR, ha="left", va="bottom", gid="footer", linespacing=1.25
    )


def set_title(ax, title: str) -> None:
    """Left-aligned title, wrapped to the figure's width."""
    import matplotlib

    fig = ax.get_figure()
    size = matplotlib.rcParams["axes.titlesize"]
    ax.set_title(wrap(title, fig, float(size), 0.86, bold=True), loc="left")  # the axes start right of the y labels


# how a reported figure's qualifier is drawn: exact = filled dot, approx = hollow dot,
# lower bound = upward triangle ("at least"), upper bound = downward triangle ("at most")
QUALIFIER_MARKERS = {"exact": "o", "approx": "o", "lower_bound": "^", "upper_bound": "v"}
QUALIFIER_FILLED = {"exact": True, "approx": False, "lower_bound": True, "upper_bound": True}
QUALIFIER_LABELS = {
    "exact": "exact",
    "approx": "approximate (some, about)",
    "lower_bound": "lower bound (+, more than)",
    "upper_bound": "upper bound (up to)",
}
REGION_COLORS = {  # UN M49 regions
    "Europe": "#0072B2",
    "Americas": "#E69F00",
    "Africa": "#009E73",
    "Asia": "#CC79A7",
    "Oceania": "#56B4E9",
    "Unknown": "#999999",
}
MEMBERSHIP_COLORS = {"Council of Europe members": "#0072B2", "Non-member States": "#D55E00"}
MEASURE_COLORS = {"substantive": "#0072B2", "procedural": "#E69F00"}
# C-PROC's activity register: the regions it records (UN M49 regions and C-PROC's programme regions)
REGISTER_REGION_COLORS = {
    "Global": "#000000",
    "Africa": "#009E73",
    "Americas": "#E69F00",
    "Asia": "#CC79A7",
    "Europe": "#0072B2",
    "Oceania": "#56B4E9",
    "Eastern Partnership": "#D55E00",
    "South-East Europe": "#F0E442",
    "Southern Neighbourhood": "#999999",
}
EXTRA_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999")
SERIES_COLORS = {"in_year": "#0072B2", "training_in_year": "#56B4E9", "cumulative": "#E69F00"}


def qualifier_marker(ax, x, y, qualifier, color, size=36, **kw):
    """Scatter one reported figure with its qualifier's marker."""
    ax.scatter(
        [x],
        [y],
        marker=QUALIFIER_MARKERS[qualifier],
        s=size,
        zorder=5,
        facecolors=color if QUALIFIER_FILLED[qualifier] else "white",
        edgecolors=color,
        linewidths=1.2,
        **kw,
    )


def qualifier_legend_handles(qualifiers, color="#444444"):
    from matplotlib.lines import Line2D

    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=QUALIFIER_MARKERS[q],
            markersize=6,
            markerfacecolor=color if QUALIFIER_FILLED[q] else "white",
            markeredgecolor=color,
            label=QUALIFIER_LABELS[q],
        )
        for q in ("exact", "approx", "lower_bound", "upper_bound")
        if q in set(qualifiers)
    ]
