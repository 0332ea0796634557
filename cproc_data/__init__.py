"""cproc-data: sourced, reproducible data on the Budapest Convention and C-PROC.

Importing the package is cheap: nothing is read and neither pandas nor matplotlib is
imported until a loader is called (PEP 562 lazy attributes below).

    >>> import cproc_data as cd
    >>> cd.status("2024-03-31").value_counts("status")      # doctest: +SKIP
    >>> cd.counts(pd.date_range("2001-11-23", "2025-12-31"))  # doctest: +SKIP
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "treaty_events": "cproc_data.record",
    "treaty_record": "cproc_data.record",
    "raw_treaty_facts": "cproc_data.sources",
    "raw_sources": "cproc_data.sources",
    "states": "cproc_data.reference",
    "coe_membership": "cproc_data.reference",
    "regions": "cproc_data.reference",
    "data_as_of": "cproc_data.record",
    "CountingRules": "cproc_data.engine",
    "status": "cproc_data.engine",
    "status_spells": "cproc_data.engine",
    "counts": "cproc_data.engine",
    "TREATIES": "cproc_data.treaties",
    "to_iso3": "cproc_data.countries",
    "DataProblem": "cproc_data.errors",
    "DataError": "cproc_data.errors",
    "validate_all": "cproc_data.validate",
    "record_gaps": "cproc_data.record",
    "reported_figures": "cproc_data.impact",
    "documents": "cproc_data.impact",
    "legislation": "cproc_data.impact",
    "activities": "cproc_data.impact",
    "projects": "cproc_data.portfolio",
    "project_versions": "cproc_data.portfolio",
    "portfolio_by_year": "cproc_data.portfolio",
    "active_projects_by_year": "cproc_data.portfolio",
    "pipeline": "cproc_data.portfolio",
    "reconcile": "cproc_data.reconciliation",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cproc_data' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
