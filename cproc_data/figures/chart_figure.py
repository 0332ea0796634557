"""The Figure every chart is drawn on: a plain matplotlib Figure that shows itself in Jupyter.

Charts are built outside pyplot (no global figure, shown once where a cell returns it), so
IPython's pyplot hooks do not apply; `_repr_png_` is what a notebook displays instead.
Imported only when a chart is drawn (matplotlib is heavy).
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from . import style


class ChartFigure(Figure):
    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        with style.context():
            self.savefig(buf, format="png", dpi=100, metadata={"Software": None})
        return buf.getvalue()
