"""cproc-data: sourced, reproducible data on the Budapest Convention and C-PROC.

Importing the package is cheap: nothing is read and neither pandas nor matplotlib is
imported until a loader is called (PEP 562 lazy attributes below).

    >>> import cproc_data as cd
    >>> cd.status("2024-03-31").value_counts("status")      # doctest: +SKIP
    >>> cd.counts(pd.date_range("2001-11-23", "2025-12-31"))  # doctest: +SKIP
"""

from __future__ import annotations

import importlib

__version__ = "0.2.0"

# public name -> module that defines it
_LAZY = {
    "treaty_events": "cproc_data.derive.treaty_record",
    "treaty_record": "cproc_data.derive.treaty_record",
    "data_as_of": "cproc_data.derive.treaty_record",
    "resolve_as_of": "cproc_data.derive.treaty_record",
    "raw_treaty_facts": "cproc_data.ingest.snapshots",
    "raw_sources": "cproc_data.ingest.snapshots",
    "states": "cproc_data.derive.states",
    "coe_membership": "cproc_data.derive.states",
    "regions": "cproc_data.derive.states",
    "CountingRules": "cproc_data.domain.counting",
    "status": "cproc_data.derive.status",
    "status_spells": "cproc_data.derive.status",
    "status_table": "cproc_data.derive.status",
    "counts": "cproc_data.derive.status",
    "growth_before_after": "cproc_data.derive.growth",
    "TREATIES": "cproc_data.domain.treaties",
    "DataProblem": "cproc_data.errors",
    "DataError": "cproc_data.errors",
    "validate_all": "cproc_data.validate",
    "record_gaps": "cproc_data.derive.record_gaps",
    "reported_figures": "cproc_data.derive.impact",
    "documents": "cproc_data.derive.impact",
    "legislation": "cproc_data.derive.impact",
    "activities": "cproc_data.derive.impact",
    "projects": "cproc_data.derive.projects",
    "project_versions": "cproc_data.derive.projects",
    "portfolio_by_year": "cproc_data.derive.projects",
    "active_projects_by_year": "cproc_data.derive.projects",
    "pipeline": "cproc_data.derive.projects",
    "contributions": "cproc_data.derive.projects",
    "funders": "cproc_data.derive.projects",
    "reconcile": "cproc_data.derive.reconciliation",
    "reconcile_summary": "cproc_data.derive.reconcile_summary",
    "charts": "cproc_data.figures.registry",
    "draw_chart": "cproc_data.figures.registry",
}

__all__ = sorted([*_LAZY, "to_iso3"]) + ["__version__"]


def to_iso3(name: str) -> str:
    """ISO alpha-3 code for a reviewed spelling; KeyError with suggestions otherwise."""
    from .load import country_names

    return country_names().to_iso3(name)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cproc_data' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
