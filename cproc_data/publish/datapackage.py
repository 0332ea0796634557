"""`cproc-data export-data`: every tidy table as UTF-8 CSV plus a Frictionless data package.

Each resource's schema is derived from `metadata.TABLES` (the same definitions that drive
the schema checks and docs/data-dictionary.md), so the CSV header, the field types,
descriptions, units, vocabularies and primary keys cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .. import __version__
from ..derive import impact
from ..derive import projects as portfolio
from ..derive.periods import month_ends
from ..derive.reconciliation import reconcile
from ..derive.states import coe_membership
from ..derive.status import counts, status_table
from ..derive.treaty_record import resolve_as_of, treaty_events
from ..domain.treaties import first_opened
from ..ingest.snapshots import raw_sources
from ..metadata import TABLES, Table
from ..metadata.vocab import EVENTS, INDICATORS
from ..store.atomic import atomic_write_text
from .files import safe_cell

LICENCE_DATA = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 (the compilation)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
TERMS = (
    "The compilation (curation, transcription, schemas) is CC BY 4.0. It holds facts (names, "
    "dates, numbers) transcribed from Council of Europe material, national treaty databases and "
    "other public pages, each cited row by row; the sources' own terms apply to the sources. "
    "UN M49 regions from lukes/ISO-3166-Countries-with-Regional-Codes (CC BY-SA 4.0); map geometry "
    "from Natural Earth (public domain); centroids from gavinr/world-countries-centroids (MIT)."
)
FRICTIONLESS_TYPES = {
    "string": "string",
    "isodate": "string",
    "date": "date",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}


def _frames(as_of) -> dict[str, pd.DataFrame]:
    dates = month_ends(first_opened(), as_of)
    c = counts(dates, None)
    c["treaty"] = c["treaty"].astype(str)
    st = status_table(as_of)
    st = st[[f.name for f in TABLES["status"].fields]]
    return {
        "sources": raw_sources(),
        "treaty_events": treaty_events(),
        "coe_membership": coe_membership(),
        "status": st,
        "counts": c,
        "documents": impact.documents(),
        "reported_figures": impact.reported_figures().drop(columns="document_title"),
        "legislation": impact.legislation(),
        "activities": impact.activities(),
        "project_versions": portfolio.project_versions().drop(columns=["published", "official", "ranked_on"]),
        "projects": portfolio.projects(as_of),
        "contributions": portfolio.contributions().drop(columns="document_title"),
        "funders": portfolio.funders(),
        "portfolio_by_year": portfolio.portfolio_by_year(2013, 2030, as_of),
        "reconciliation": reconcile(),
    }


def _csv_text(df: pd.DataFrame, table: Table) -> str:
    out = df[table.columns].copy()
    for f in table.fields:
        col = out[f.name]
        if f.type == "date" or (f.type == "isodate" and pd.api.types.is_datetime64_any_dtype(col)):
            out[f.name] = pd.to_datetime(col).dt.strftime("%Y-%m-%d")
        elif f.type == "boolean":
            out[f.name] = col.map({True: "true", False: "false"})
        elif f.type == "integer":
            out[f.name] = col.astype("Int64")
        elif f.type == "string":
            out[f.name] = col.map(safe_cell, na_action="ignore")
    return out.to_csv(index=False, lineterminator="\n")


def schema(table: Table) -> dict:
    """A Frictionless Table Schema for one table."""
    fields = []
    for f in table.fields:
        field = {"name": f.name, "type": FRICTIONLESS_TYPES[f.type], "description": f.description}
        if f.type == "date":
            field["format"] = "%Y-%m-%d"
        if f.unit:
            field["unit"] = f.unit
        cons = {}
        if f.required:
            cons["required"] = True
        if f.enum:
            cons["enum"] = list(f.enum)
        if f.pattern:
            cons["pattern"] = f.pattern.strip("^$")
        if f.minimum is not None:
            cons["minimum"] = int(f.minimum) if f.type == "integer" else f.minimum
        if cons:
            field["constraints"] = cons
        fields.append(field)
    s = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        s["primaryKey"] = list(table.primary_key)
    return s


def export_data(out, as_of) -> list[str]:
    """Write every table and datapackage.json to `out`; return one line per file."""
    as_of = resolve_as_of(as_of)
    out = Path(out)
    lines, resources = [], []
    for name, df in _frames(as_of).items():
        table = TABLES[name]
        atomic_write_text(out / f"{name}.csv", _csv_text(df, table))
        lines.append(f"wrote {out / (name + '.csv')}")
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "sources": [{"title": table.sources or "see the `source` / `source_document` column of each row"}],
                "schema": schema(table),
            }
        )
    package = {
        "profile": "tabular-data-package",
        "name": "cproc-data",
        "title": "Budapest Convention membership and C-PROC impact record",
        "description": "Per-State record of the Convention on Cybercrime (ETS 185) and its Protocols (ETS 189, "
        "CETS 224), status and counts, and the figures C-PROC reports, each row with its source. " + TERMS,
        "version": __version__,
        "licenses": [LICENCE_DATA],
        "sources": [
            {
                "title": "Council of Europe Treaty Office, national treaty databases, Council of Europe and C-PROC publications",
                "path": "https://www.coe.int/en/web/cybercrime",
            }
        ],
        "data_as_of": pd.Timestamp(as_of).date().isoformat(),
        "resources": resources,
    }
    atomic_write_text(out / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    lines.append(f"wrote {out / 'datapackage.json'}")
    return lines


def data_dictionary() -> str:
    """docs/data-dictionary.md, generated from the metadata."""
    parts = [
        "# Data dictionary",
        "",
        "Generated from `cproc_data/metadata/` by `make docs`; `tests/data/test_docs.py` fails if it is out of date.",
        "",
    ]
    for t in TABLES.values():
        parts += [
            f"## {t.name}",
            "",
            t.description,
            "",
            f"File: `datasets/{t.path}` (layer: {t.layer})"
            if t.layer != "derived"
            else "Derived table (`cproc-data export-data`).",
            f"Primary key: {', '.join(t.primary_key) or '(none)'}.",
            "",
            "| column | type | unit | required | allowed values | description |",
            "|---|---|---|---|---|---|",
        ]
        for f in t.fields:
            allowed = ", ".join(f.enum) if f.enum else (f"pattern `{f.pattern}`" if f.pattern else "")
            parts.append(
                f"| {f.name} | {f.type} | {f.unit or ''} | {'yes' if f.required else ''} | {allowed} | {f.description} |"
            )
        parts.append("")
    parts += ["## Event vocabulary (`event`)", "", "| event | meaning |", "|---|---|"]
    parts += [f"| {k} | {v} |" for k, v in EVENTS.items()]
    parts.append("")
    parts += ["## Indicator vocabulary (`reported_figures.indicator`)", "", "| indicator | meaning |", "|---|---|"]
    parts += [f"| {k} | {v} |" for k, v in INDICATORS.items()]
    parts.append("")
    return "\n".join(parts)
