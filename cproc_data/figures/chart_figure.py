"""The Figure every chart is drawn on: a plain matplotlib Figure that shows itself in Jupyter.

Charts are built outside pyplot (no global figure, shown once where a cell returns it), so
IPython's pyplot hooks do not apply; `_repr_png_` is what a notebook displays instead.
Imported only when a chart is drawn (matplotlib is heavy).
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure
from PIL import Image

from .mplstyle import context


class ChartFigure(Figure):
    def _repr_png_(self) -> bytes:
        """A preview for notebooks: 100 dpi, reduced to 128 colours so that committed notebooks
        stay small (the files `cproc-data figures` writes are full quality)."""
        buf = io.BytesIO()
        with context():
            self.savefig(buf, format="png", dpi=100, metadata={"Software": None})
        image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
        out = io.BytesIO()
        image.save(out, format="png", optimize=True)
        return out.getvalue()
