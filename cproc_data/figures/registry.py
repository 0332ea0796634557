"""The chart registry: every chart, in the order the export, the workbook and the annex use.

Adding a chart is one module in `figures/charts/` ending with `CHART = Chart(...)`, and
its name in `CHART_MODULES` (or a call to `register`, as the extension test does).
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from functools import partial

import pandas as pd

from .chart import Chart

CHART_MODULES = (
    "membership",
    "new_parties",
    "regions",
    "regions_over_time",
    "invitation_to_accession",
    "protocols",
    "legislation",
    "activities",
    "projects",
    "portfolio",
    "contributions",
    "reconciliation",
    "world_map",
    "world_map_over_time",
    # from C-PROC's own activity register, only when one is given (figures --activities)
    "register_by_region",
    "register_by_type",
    "register_participants",
    "register_countries",
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


def charts(activity_register: pd.DataFrame | None = None) -> dict[str, Chart]:
    """Every registered chart, in registry order.

    Charts drawn from C-PROC's own activity register (`needs="activity_register"`) are
    included only when a register is given (the activities frame of a register read by
    `ingest.activity_register.read_register`), bound to it; without one they are left out.
    """
    out = {}
    for name, chart in REGISTRY.items():
        if chart.needs is None:
            out[name] = chart
        elif chart.needs == "activity_register" and activity_register is not None:
            out[name] = replace(chart, data=partial(chart.data, register=activity_register))
    return out


def draw_chart(name: str, as_of=None):
    """The Figure of one chart for `as_of` (default: the data's as-of date).

    Charts are drawn on `matplotlib.figure.Figure`, outside pyplot, so a notebook shows
    each once: where the cell returns it.
    """
    return REGISTRY[name].figure(as_of)[1]
