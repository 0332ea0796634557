"""A chart as a notebook shows it: one small PNG, so that a committed notebook stays light.

The export (`cproc-data figures`) writes the full-resolution files; a notebook only needs to
show the chart once, readably. `preview` draws it at screen resolution and stores it with a
palette of 64 colours (the house palette and its anti-aliasing fit in it), about a third of
the bytes of a full-colour PNG. The same chart gives the same bytes on every run.
"""

from __future__ import annotations

import io

from . import style
from .registry import draw_chart

DPI = 100
COLOURS = 64


class Preview:
    """A drawn chart for Jupyter: shows as a PNG; its text form is the chart's title."""

    def __init__(self, fig, dpi: int = DPI, colours: int = COLOURS):
        self.figure = fig
        self.meta = getattr(fig, "cproc_meta", {})
        self._png = _small_png(fig, dpi, colours)

    def _repr_png_(self) -> bytes:
        return self._png

    def __repr__(self) -> str:
        return str(self.meta.get("title", "chart"))


def _small_png(fig, dpi: int, colours: int) -> bytes:
    from PIL import Image  # noqa: PLC0415 (heavy: only when a preview is drawn)

    buf = io.BytesIO()
    with style.context():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def preview(name: str, as_of=None) -> Preview:
    """Chart `name` at `as_of` (default: the data's as-of date), ready to show in a notebook."""
    return Preview(draw_chart(name, as_of))
