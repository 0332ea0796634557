"""Labels beside bars on a time axis, placed where they overlap nothing.

Each row's label goes right of its bar, else left of it, else in a shorter form (right, then
left); a side is taken only if the label stays inside the axes and clear of the as-of line.
Where every side crosses that line, the shortest label is drawn over it, on white. Widths
are measured in the house font as Agg draws them (`style.text_width`).
"""

from __future__ import annotations

import pandas as pd

from . import style

PAD = 3.0  # points between a bar and its label
SIZE = {True: 6.5, False: 6.0}  # a project's row, a version's row


def _x(ax, value) -> float:
    return float(ax.convert_xunits(pd.Timestamp(value)))  # through the axis' own date converter


def place_row_labels(fig, ax, items, as_of) -> list:
    """Annotate each (y, x0, x1, labels longest first, main) of `items`; returns the texts."""
    fig.draw_without_rendering()  # settle the layout: the axes' width in pixels is then final
    lo, hi = ax.get_xlim()
    per_day = ax.bbox.width / (hi - lo)  # pixels per day
    line = _x(ax, as_of)
    texts = []
    for y, x0, x1, labels, main in items:
        size = SIZE[main]
        a, b = _x(ax, x0), _x(ax, x1)
        options = []  # (crosses the as-of line, label, ha), in order of preference
        for text in labels:
            width = (style.text_width(text, size) + PAD) * fig.dpi / 72 / per_day  # in days
            for ha, start, end in (("left", b, b + width), ("right", a - width, a)):  # right of the bar, left of it
                if start >= lo and end <= hi:
                    options.append((start < line < end, text, ha))
        clear = [o for o in options if not o[0]]
        crosses, text, ha = (clear or sorted(options, key=lambda o: len(o[1])) or [(False, labels[-1], "left")])[0]
        t = ax.annotate(
            text,
            (b if ha == "left" else a, y),
            xytext=(PAD if ha == "left" else -PAD, 0),
            textcoords="offset points",
            ha=ha,
            va="center",
            fontsize=size,
            color="#222222" if main else style.PALETTE["neutral"],
            annotation_clip=False,
        )
        if crosses:  # no side is clear of the as-of line: the label is drawn over it, on white
            t.set_bbox({"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        t.set_in_layout(False)
        texts.append(t)
    return texts
