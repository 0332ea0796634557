"""The chart registry: one entry defines a chart (its data, drawing, note and source line).

Adding a chart is one `Chart(...)` entry here (or a call to `register`) plus its
functions; export, the workbook, the manifest and the notebooks all read this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..derive.treaty_record import resolve_as_of
from ..domain.treaties import MAIN_TREATY, get_treaty
from . import data, sources
from . import draw_impact as impact
from . import draw_membership as membership
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

    def frame(self, as_of) -> pd.DataFrame:
        return self.data(as_of)

    def figure(self, as_of=None):
        """(frame, Figure) for `as_of` (default: the data's as-of date)."""
        day = resolve_as_of(as_of)
        if self.treaty and day < get_treaty(self.treaty).opened:  # the treaty was not yet open: nothing to draw
            return pd.DataFrame(), empty_chart(
                self.name,
                day,
                treaty_source_line(),
                f"{self.treaty} was opened for signature on {get_treaty(self.treaty).opened:%-d %B %Y}.",
            )
        frame = self.data(day)
        note = self.note(day) if self.note else None
        if frame.empty:  # nothing in the record yet at that date (legislation before 2013, say)
            return frame, empty_chart(self.name, day, self.sources(frame), note)
        return frame, self.draw(frame, day, note=note, source=self.sources(frame))


REGISTRY: dict[str, Chart] = {}


def register(chart: Chart) -> Chart:
    if chart.name in REGISTRY:
        raise ValueError(f"chart {chart.name!r} registered twice")
    REGISTRY[chart.name] = chart
    return chart


def unregister(name: str) -> None:
    REGISTRY.pop(name, None)


for _chart in (
    Chart("membership", data.membership, membership.membership, sources.treaty_source_line, data.membership_note, MAIN_TREATY),
    Chart("regions", data.regions, membership.regions, sources.treaty_source_line, data.membership_note, MAIN_TREATY),
    Chart(
        "invitation_to_accession",
        data.invitation_to_accession,
        membership.invitation_to_accession,
        sources.treaty_source_line,
        data.invitation_note,
        MAIN_TREATY,
    ),
    Chart("protocols", data.protocols, membership.protocols, sources.treaty_source_line, data.protocols_note, "ETS189"),
    Chart("legislation", data.legislation, impact.legislation, sources.register_sources),
    Chart("activities", data.activities, impact.activities, sources.register_sources),
    Chart("projects", data.projects, impact.projects, sources.project_sources, data.projects_note),
    Chart("portfolio", data.portfolio, impact.portfolio, sources.project_sources),
    Chart("reconciliation", data.reconciliation, membership.reconciliation, sources.reconciliation_sources, data.membership_note),
    Chart("world_map", data.world_map, membership.world_map, sources.map_sources, data.membership_note, MAIN_TREATY),
):
    register(_chart)


def charts() -> dict[str, Chart]:
    """Every registered chart, in registry order."""
    return dict(REGISTRY)


def draw_chart(name: str, as_of=None):
    """The Figure of one chart for `as_of` (default: the data's as-of date).

    The figure is released from pyplot, so a notebook shows it once: where the cell
    returns it, not again through the inline backend.
    """
    import matplotlib.pyplot as plt

    fig = REGISTRY[name].figure(as_of)[1]
    plt.close(fig)
    return fig
