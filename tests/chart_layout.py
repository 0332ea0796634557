"""Layout properties every chart must have, read from the renderer's extents (not pixels).

- tick labels on a time axis are whole years (never 2012.5, never "2015.0");
- no two pieces of text overlap (titles, tick labels, annotations, legend entries, footer);
- every piece of text is at least MIN_POINTS at print size;
- every piece of text lies inside the figure.
"""

from __future__ import annotations

import re
from itertools import combinations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DateConverter, _SwitchableDateConverter
from matplotlib.text import Text

MIN_POINTS = 6.0
YEAR = re.compile(r"^(19|20)\d\d$")
DECIMAL_YEAR = re.compile(r"^(19|20)\d\d[.,]\d+$")
SLACK = 1.0  # pixels: boxes that only touch do not overlap


def _renderer(fig):
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def _tick_labels(fig) -> tuple[set[int], list[Text]]:
    """(ids of every tick label, the tick labels actually drawn: axis on, tick in view)."""
    every, drawn = set(), []
    for ax in fig.axes:
        for axis in ax._axis_map.values():
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                for label in (tick.label1, tick.label2):
                    every.add(id(label))
                    shown = ax.axison and tick.get_visible() and label.get_visible() and label.get_text().strip()
                    if shown and lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                        drawn.append(label)
    return every, drawn


def visible_texts(fig) -> list[Text]:
    """Every piece of text the figure draws: titles, labels, annotations, legends, footer,
    and the tick labels inside the axes' view."""
    ticks, drawn_ticks = _tick_labels(fig)
    out = list(drawn_ticks)
    for t in fig.findobj(Text):
        if id(t) in ticks or not t.get_visible() or not t.get_text().strip() or t.get_alpha() == 0:
            continue
        if t.axes is not None and not t.axes.get_visible():
            continue
        out.append(t)
    return out


def _is_time_axis(axis) -> bool:
    conv = axis.get_converter() if hasattr(axis, "get_converter") else axis.converter
    return isinstance(conv, DateConverter | _SwitchableDateConverter) or axis.get_label_text().lower().startswith("year")


def tick_label_problems(fig) -> list[str]:
    _renderer(fig)
    _, drawn = _tick_labels(fig)
    problems = []
    for ax in fig.axes:
        for name, axis in ax._axis_map.items():
            labels = [t.get_text() for t in drawn if t in axis.get_ticklabels(which="both")]
            bad = [l for l in labels if DECIMAL_YEAR.match(l)]
            if _is_time_axis(axis):
                bad += [l for l in labels if not YEAR.match(l)]
            if bad:
                problems.append(f"{ax.get_title(loc='left')[:40]!r} {name}-axis: {sorted(set(bad))}")
    return problems


def overlap_problems(fig) -> list[str]:
    renderer = _renderer(fig)
    boxes = []
    for t in visible_texts(fig):
        bb = t.get_window_extent(renderer)
        if bb.width > 0 and bb.height > 0:
            boxes.append((t, bb))
    problems = []
    for (t1, b1), (t2, b2) in combinations(boxes, 2):
        w = min(b1.x1, b2.x1) - max(b1.x0, b2.x0)
        h = min(b1.y1, b2.y1) - max(b1.y0, b2.y0)
        if w > SLACK and h > SLACK:
            problems.append(f"{t1.get_text()[:30]!r} overlaps {t2.get_text()[:30]!r}")
    return problems


def size_problems(fig) -> list[str]:
    renderer = _renderer(fig)
    fw, fh = fig.bbox.width, fig.bbox.height
    problems = []
    for t in visible_texts(fig):
        if t.get_fontsize() < MIN_POINTS:
            problems.append(f"{t.get_text()[:30]!r} is {t.get_fontsize():.1f} pt (< {MIN_POINTS})")
        bb = t.get_window_extent(renderer)
        if bb.x0 < -SLACK or bb.y0 < -SLACK or bb.x1 > fw + SLACK or bb.y1 > fh + SLACK:
            problems.append(f"{t.get_text()[:30]!r} lies outside the figure")
    return problems
