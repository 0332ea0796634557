"""Checks on the hand-entered tables: Council of Europe membership, the register, projects."""

from __future__ import annotations

import pandas as pd

from ..derive.impact import unknown_documents
from ..domain.countries import is_iso3
from ..errors import DataProblem
from ..load import table_text
from ..metadata import TABLES
from ..metadata.schema import check_frame


def check_coe(coe: pd.DataFrame) -> list[DataProblem]:
    label = TABLES["coe_membership"].label
    problems = []
    for i, r in enumerate(coe.itertuples(), start=2):
        if not is_iso3(r.iso3):
            problems.append(DataProblem(label, i, "iso3", r.iso3, "coe-membership: not an ISO 3166 alpha-3 code"))
        if r.left and r.joined and r.left <= r.joined:
            problems.append(DataProblem(label, i, "left", r.left, f"coe-membership: left on or before joining ({r.joined})"))
    return problems


def check_impact() -> list[DataProblem]:
    """Register, documents and project versions: schema, known documents, month order, precision."""
    problems: list[DataProblem] = []
    docs = table_text("documents")
    problems += check_frame(docs, TABLES["documents"], TABLES["documents"].label)
    known = set(docs.get("document_id", []))
    for name in ("reported_figures", "project_versions", "contributions"):
        label = TABLES[name].label
        df = table_text(name)
        problems += check_frame(df, TABLES[name], label)
        problems += unknown_documents(df.get("source_document", []), known, label)
        if name == "project_versions" and {"start", "end"} <= set(df.columns):
            for i, (a, b) in enumerate(zip(df["start"], df["end"])):
                if a and b and b < a:
                    problems.append(DataProblem(label, i + 2, "end", b, f"order: project ends before it starts ({a})"))
        if name == "reported_figures" and {"refers_to", "refers_to_precision"} <= set(df.columns):
            for i, (d, prec) in enumerate(zip(df["refers_to"], df["refers_to_precision"])):
                if bool(d) == (prec == "none"):
                    problems.append(
                        DataProblem(
                            label,
                            i + 2,
                            "refers_to_precision",
                            prec,
                            "documents: precision 'none' goes with an empty refers_to, and only with it",
                        )
                    )
    surveys = table_text("legislation_surveys")
    label = TABLES["legislation_surveys"].label
    problems += check_frame(surveys, TABLES["legislation_surveys"], label)
    problems += unknown_documents(surveys.get("document_id", []), known, label, column="document_id")
    return problems
