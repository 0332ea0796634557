"""The chart registry: every chart, in the order the export, the workbook and the annex use.

Adding a chart is one module in `figures/charts/` ending with `CHART = Chart(...)`, and
its name in `CHART_MODULES` (or a call to `register`, as the extension test does).
"""

from __future__ import annotations

import importlib

from .chart import Chart

CHART_MODULES = (
    "membership",
    "regions",
    "invitation_to_accession",
    "protocols",
    "legislation",
    "activities",
    "projects",
    "portfolio",
    "reconciliation",
    "world_map",
    "world_map_over_time",
)

REGISTRY: dict[str, Chart] = {}


def register(chart: Chart) -> Chart:
    if chart.name in REGISTRY:
        raise ValueError(f"chart {chart.name!r} registered twice")
    REGISTRY[chart.name] = chart
    return chart


def unregister(name: str) -> None:
    REGISTRY.pop(name, None)


for _module in CHART_MODULES:
    register(importlib.import_module(f"{__package__}.charts.{_module}").CHART)


def charts() -> dict[str, Chart]:
    """Every registered chart, in registry order."""
    return dict(REGISTRY)


def draw_chart(name: str, as_of=None):
    """The Figure of one chart for `as_of` (default: the data's as-of date).

    Charts are drawn on `matplotlib.figure.Figure`, outside pyplot, so a notebook shows
    each once: where the cell returns it.
    """
    return REGISTRY[name].figure(as_of)[1]
