"""The register's rules (validate.register): each one catches a broken copy, with file, row,
column and value; the shipped register holds them all (test_validate.test_shipped_data_passes)."""

import csv

import pytest
from conftest import run_cli

from cproc_data.metadata.vocab import INDICATOR_SERIES, INDICATORS, SERIES, UNITS
from cproc_data.validate import validate_all

FIGURES = "datasets/curated/reported_figures.csv"


def _edit(path, key_col, key, **cells):
    """Change cells of one row of a CSV copy; return the row's line number (header = 1)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    i = next(j for j, r in enumerate(rows) if r[key_col] == key)
    rows[i].update(cells)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return i + 2


def _problems(rule):
    return [p for p in validate_all() if p.rule.startswith(rule + ":")]


@pytest.mark.parametrize(
    "locator",
    [
        "Purpose: 'implemented more than 400 activities so far'",  # the form the register used to have
        'para 1: "now has 69 Parties"',
        "para 1: “now has 69 Parties”",
        "para 1: «environ 2 000 activités»",
        "slide 5, Japan's row",  # an apostrophe is a quotation mark too: write "the row of Japan"
    ],
)
def test_a_locator_that_quotes_is_refused(datasets_copy, locator):
    row = _edit(datasets_copy / "curated" / "reported_figures.csv", "figure_id", "s2017-01", locator=locator)
    [p] = _problems("citation")
    assert (p.file, p.row, p.column, p.value) == (FIGURES, row, "locator", locator)


def test_quotes_are_refused_in_project_and_contribution_locators(datasets_copy):
    _edit(datasets_copy / "curated" / "project_versions.csv", "locator", "GLACY slide", locator="GLACY slide: 'Budget'")
    row = _edit(datasets_copy / "curated" / "contributions.csv", "contribution_id", "imp-c003", locator='"EUR 50 000"')
    files = sorted((p.file, p.column) for p in _problems("citation"))
    assert files == [("datasets/curated/contributions.csv", "locator"), ("datasets/curated/project_versions.csv", "locator")]
    assert [p.row for p in _problems("citation") if p.file.endswith("contributions.csv")] == [row]


def test_a_neutral_locator_passes(datasets_copy):
    _edit(
        datasets_copy / "curated" / "reported_figures.csv", "figure_id", "s2017-01", locator="Purpose section, activities count"
    )
    assert _problems("citation") == []


def test_unit_must_fit_the_indicator(datasets_copy):
    row = _edit(datasets_copy / "curated" / "reported_figures.csv", "figure_id", "s2025g-01", unit="EUR")  # 39 staff
    [p] = _problems("unit")
    assert (p.row, p.column, p.value) == (row, "unit", "EUR")
    assert "staff is given in persons" in p.rule


def test_a_share_above_100_is_refused(datasets_copy):
    _edit(datasets_copy / "curated" / "reported_figures.csv", "figure_id", "imp-f013", value="168")
    [p] = _problems("percent")
    assert p.value == "168"


def test_a_month_is_written_as_its_first_day(datasets_copy):
    row = _edit(datasets_copy / "curated" / "reported_figures.csv", "figure_id", "imp-f009", refers_to="2018-03-31")
    [p] = _problems("precision")
    assert (p.row, p.column, p.value) == (row, "refers_to", "2018-03-31")


def test_no_date_after_the_data_as_of(datasets_copy):
    _edit(datasets_copy / "curated" / "reported_figures.csv", "figure_id", "s2025g-01", refers_to="2027-01-01")
    assert [p.value for p in _problems("as-of")] == ["2027-01-01"]
    assert "after its publication" in " ".join(p.rule for p in _problems("published"))


def test_a_figure_cannot_speak_of_a_date_after_its_document(datasets_copy):
    """The 2015 deck (published 2015) cannot give a count for 2016; a plan may (staff_planned)."""
    f = datasets_copy / "curated" / "reported_figures.csv"
    row = _edit(f, "figure_id", "s2015-08", refers_to="2016-04-01", refers_to_precision="month")
    [p] = _problems("published")
    assert (p.row, p.value) == (row, "2016-04-01")
    _edit(f, "figure_id", "s2015-08", indicator="staff_planned")
    assert _problems("published") == []


def test_a_three_letter_donor_code_is_iso3(datasets_copy):
    _edit(datasets_copy / "curated" / "contributions.csv", "contribution_id", "imp-c003", donor_code="NLX")
    [p] = _problems("donor-code")
    assert p.value == "NLX"


def test_a_row_with_an_unquoted_comma_is_a_clear_error(datasets_copy):
    f = datasets_copy / "curated" / "contributions.csv"
    line = len(f.read_text(encoding="utf-8").splitlines()) + 1  # the row added below
    with open(f, "a", encoding="utf-8") as fh:
        fh.write("imp-c999,Japan,JPN,2020,1,EUR,p,exact,d,para 1, item 2,\n")
    res = run_cli("validate", env_extra={"CPROC_DATA_DATASETS": str(datasets_copy)})
    assert res.returncode == 2
    assert f"datasets/curated/contributions.csv, row {line}: csv:" in res.stderr
    assert "Traceback" not in res.stderr


def test_every_indicator_has_one_series_and_its_units():
    assert set(INDICATOR_SERIES) == set(INDICATORS)
    assert {s for s, _ in INDICATOR_SERIES.values()} == set(SERIES)
    assert all(units and set(units) <= set(UNITS) for _, units in INDICATOR_SERIES.values())
