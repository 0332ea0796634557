"""Source lines under charts, written from the origin records, never typed by hand.

A treaty chart names the kinds of source its record was built from, with how many
snapshots of each (datasets/raw/sources.csv); a register or project chart names the
producers of the documents its rows cite (datasets/reference/documents.csv).
"""

from __future__ import annotations

import pandas as pd

from ..derive.impact import documents
from ..derive.projects import project_versions
from ..load import table

KIND_LABELS = {
    "treaty_office_chart": "Council of Europe Treaty Office",
    "national_treaty_database": "national treaty databases",
    "national_gazette": "national official gazettes",
    "coe_news": "Council of Europe news",
    "cm_decision": "Committee of Ministers decisions",
    "tcy_document": "T-CY documents",
    "newsletter": "Cybercrime@CoE Update",
    "seed_document": "C-PROC documents",
    "geometry": "Natural Earth",
    "other": "other official pages",
}
MAP_GEOMETRY = "map: Natural Earth 1:110m (public domain); small-State positions: gavinr/world-countries-centroids (MIT)"


def treaty_source_line(_data=None) -> str:
    """'Council of Europe Treaty Office (12 snapshots); ... (cproc-data, datasets/raw/sources.csv)'."""
    kinds = table("sources")["source_kind"].value_counts()  # the origin records alone: no snapshot is read
    parts = [
        f"{KIND_LABELS[k]} ({n} snapshot{'s' if n != 1 else ''})"
        for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], list(KIND_LABELS).index(kv[0])))
    ]
    return "; ".join(parts) + " (cproc-data, datasets/raw/sources.csv)"


MAX_PRODUCERS = 4  # a footer names at most this many publishers; the rest are counted


def document_source_line(data: pd.DataFrame, table: str) -> str:
    """Publishers of the documents cited in `data['source_document']` (or all, if no column):
    the Council of Europe and its offices counted together, then the others by number of
    documents; beyond MAX_PRODUCERS the rest are counted, since every row names its own
    document in the table the line points to."""
    docs = documents()
    cited = set(data["source_document"].dropna()) if "source_document" in data else set(docs["document_id"])
    producers = docs.loc[docs["document_id"].isin(cited), "producer"]
    coe = producers.str.startswith("Council of Europe") | producers.str.startswith("Cybercrime@CoE")
    counts = producers[~coe].value_counts()
    ranked = [("Council of Europe", int(coe.sum()))] if coe.any() else []
    ranked += sorted(((p, int(n)) for p, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    plural = lambda n: f"{n} document{'s' if n != 1 else ''}"  # noqa: E731
    parts = [f"{p} ({plural(n)})" for p, n in ranked[:MAX_PRODUCERS]]
    rest = ranked[MAX_PRODUCERS:]
    if len(rest) == 1:
        parts.append(f"{rest[0][0]} ({plural(rest[0][1])})")
    elif rest:
        parts.append(f"{len(rest)} other publishers ({plural(sum(n for _, n in rest))})")
    return "; ".join(parts or ["no document cited"]) + f" (cproc-data, datasets/curated/{table}.csv)"


def register_sources(data: pd.DataFrame) -> str:
    return document_source_line(data, "reported_figures")


def project_sources(data: pd.DataFrame) -> str:
    """Documents behind a projects frame (its `source` column), or behind every project version."""
    ids = data["source"].dropna().str.split("; ").explode() if "source" in data else project_versions()["source_document"]
    return document_source_line(pd.DataFrame({"source_document": ids}), "project_versions")


def reconciliation_sources(data: pd.DataFrame) -> str:
    return register_sources(data) + "; " + treaty_source_line()


def map_sources(data: pd.DataFrame) -> str:
    return treaty_source_line() + "; " + MAP_GEOMETRY
