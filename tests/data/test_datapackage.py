"""`cproc-data export-data`: a Frictionless data package a validator accepts."""

import csv
import json

import pytest
from conftest import run_cli

from cproc_data.metadata import TABLES


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp("package")
    res = run_cli("export-data", "--out", str(out), "--as-of", "2024-03-31")
    assert res.returncode == 0, res.stderr
    return out


def test_frictionless_validator_accepts_the_package(package):
    from frictionless import validate

    report = validate(str(package / "datapackage.json"))
    errors = [(t.name, e.message) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]


def test_every_table_is_described_sourced_and_keyed(package):
    meta = json.loads((package / "datapackage.json").read_text())
    names = [r["name"] for r in meta["resources"]]
    assert {
        "treaty_events",
        "status",
        "counts",
        "reported_figures",
        "legislation",
        "activities",
        "projects",
        "portfolio_by_year",
        "reconciliation",
        "contributions",
        "funders",
        "project_versions",
        "documents",
    } <= set(names)
    assert meta["data_as_of"] == "2024-03-31" and meta["licenses"]
    for r in meta["resources"]:
        assert r["description"] and r["sources"] and r["schema"]["primaryKey"]
        with open(package / r["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in r["schema"]["fields"]] == TABLES[r["name"]].columns
        assert all(f["description"] for f in r["schema"]["fields"])


def test_status_table_is_at_the_as_of_date(package):
    with open(package / "status.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["as_of"] for r in rows} == {"2024-03-31"}
    assert {r["status"] for r in rows} <= {"party", "signatory", "invited", "none"}
    assert all(r["certain"] == "false" for r in rows if r["status"] == "none")  # listed only while possibly more


def test_donors_are_in_the_package_and_the_data_dictionary(package):
    """contributions(): one row per contribution the sources give; funders(): one row per
    project, funder and document (e.g. Japan among the 2015 deck's Octopus funders)."""
    from cproc_data.publish.datapackage import data_dictionary

    with open(package / "contributions.csv", encoding="utf-8") as fh:
        contributions = list(csv.DictReader(fh))
    with open(package / "funders.csv", encoding="utf-8") as fh:
        funders = list(csv.DictReader(fh))
    assert {"JPN", "USA", "GBR", "NLD", "FRA"} <= {r["donor_code"] for r in contributions}
    assert {"project": "Cybercrime@Octopus", "funder": "Japan", "source_document": "seed-2015-update-deck"} in funders
    text = data_dictionary()
    assert "## contributions" in text and "## funders" in text
