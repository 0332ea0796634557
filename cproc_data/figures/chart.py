"""What a chart is: its frame (the numbers), its drawing, its note and its source line.

Each chart lives in one module of `figures/charts/` that ends with `CHART = Chart(...)`;
`figures/registry.py` lists them. The export, the workbook, the manifest, the annex and
the notebooks all go through `Chart.figure`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..derive.treaty_record import resolve_as_of
from ..domain.treaties import get_treaty
from . import style
from .finish import empty_chart
from .sources import treaty_source_line


@dataclass(frozen=True)
class Chart:
    name: str
    data: Callable  # as_of -> DataFrame (the numbers behind the chart)
    draw: Callable  # (DataFrame, as_of, note=..., source=...) -> Figure
    sources: Callable  # DataFrame -> source line (from the origin records)
    note: Callable | None = None  # as_of -> qualifier printed under the chart (or None)
    treaty: str | None = None  # the treaty whose opening bounds the as-of date
    needs: str | None = None  # an input beyond datasets/: "activity_register" (C-PROC's own register)

    def frame(self, as_of) -> pd.DataFrame:
        return self.data(as_of)

    def figure(self, as_of=None):
        """(frame, Figure) for `as_of` (default: the data's as-of date), drawn in the house style."""
        day = resolve_as_of(as_of)
        with style.context():
            if self.treaty and day < get_treaty(self.treaty).opened:  # the treaty was not yet open: nothing to draw
                opened = get_treaty(self.treaty).opened
                note = f"{self.treaty} was opened for signature on {opened:%-d %B %Y}."
                return pd.DataFrame(), empty_chart(self.name, day, treaty_source_line(), note)
            frame = self.data(day)
            note = self.note(day) if self.note else None
            if frame.empty:  # nothing in the record yet at that date (legislation before 2013, say)
                return frame, empty_chart(self.name, day, self.sources(frame), note)
            return frame, self.draw(frame, day, note=note, source=self.sources(frame))
