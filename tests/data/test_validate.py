"""`cproc-data validate`: the shipped data passes; each rule catches a broken copy."""

import csv

from conftest import run_cli

from cproc_data.validate import validate_all


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path, rows, fieldnames=None):
    fieldnames = fieldnames or list(rows[0])
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fieldnames, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _events(ds):
    return ds / "core" / "treaty_events.csv"


def _find(rows, **kw):
    for i, r in enumerate(rows):
        if all(r[k] == v for k, v in kw.items()):
            return i
    raise LookupError(kw)


def test_shipped_data_passes():
    assert validate_all() == []


def test_cli_validate_passes_on_shipped_data():
    res = run_cli("validate")
    assert res.returncode == 0, res.stderr
    assert "all rules hold" in res.stdout


def rules(problems):
    return " || ".join(str(p) for p in problems)


def test_ratification_before_signature(datasets_copy):
    rows = _rows(_events(datasets_copy))
    i = _find(rows, treaty="ETS185", iso3="DEU", event="signature")
    rows[i]["earliest"] = rows[i]["latest"] = "2009-12-31"  # Germany ratified in 2009
    _write(_events(datasets_copy), rows)
    text = rules(validate_all())
    assert "order: ratification before signature" in text
    assert "up-to-date" in text


def test_entry_into_force_not_first_of_month_after_three_months(datasets_copy):
    rows = _rows(_events(datasets_copy))
    i = _find(rows, treaty="ETS185", iso3="JPN", event="entry_into_force")
    rows[i]["earliest"] = rows[i]["latest"] = "2012-10-01"
    _write(_events(datasets_copy), rows)
    problems = [p for p in validate_all() if p.rule.startswith("entry-into-force")]
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.column, p.value) == ("datasets/core/treaty_events.csv", "earliest", "2012-10-01")
    assert "expected 2012-11-01" in p.rule
    assert p.row == i + 2


def test_entry_into_force_before_deposit(datasets_copy):
    rows = _rows(_events(datasets_copy))
    i = _find(rows, treaty="ETS185", iso3="JPN", event="entry_into_force")
    rows[i]["earliest"] = rows[i]["latest"] = "2012-01-01"
    _write(_events(datasets_copy), rows)
    assert "order: entry into force before deposit" in rules(validate_all())


def test_duplicate_rows(datasets_copy):
    rows = _rows(_events(datasets_copy))
    rows.append(dict(rows[0]))
    _write(_events(datasets_copy), rows)
    assert "duplicate key" in rules(validate_all())


def test_unknown_state_name_in_a_raw_snapshot(datasets_copy):
    f = sorted((datasets_copy / "raw" / "treaty_facts").glob("*.csv"))[0]
    rows = _rows(f)
    rows[0]["state_as_written"] = "Phillipines"
    _write(f, rows)
    problems = [p for p in validate_all() if "reviewed mapping" in p.rule]
    assert len(problems) == 1
    assert problems[0].value == "Phillipines"
    assert problems[0].row == 2
    assert "Philippines".lower() in (problems[0].hint or "").lower()


def test_party_before_its_invitation(datasets_copy):
    rows = _rows(_events(datasets_copy))
    i = _find(rows, treaty="ETS185", iso3="AUS", event="invitation")
    rows[i]["earliest"] = rows[i]["latest"] = "2013-01-01"  # after Australia's accession (2012)
    _write(_events(datasets_copy), rows)
    assert "invitation: AUS acceded before its invitation" in rules(validate_all())


def test_sources_that_disagree_need_a_correction(datasets_copy):
    f = datasets_copy / "raw" / "treaty_facts" / "p2-nl-verdragen-224-2025.csv"
    rows = _rows(f)
    i = _find(rows, state_as_written="Austria", event="signature")
    rows[i]["date_as_written"], rows[i]["date"] = "13-05-2022", "2022-05-13"
    _write(f, rows)
    text = rules(validate_all())
    assert "sources disagree on CETS224 signature of AUT" in text


def test_date_must_match_the_written_date(datasets_copy):
    f = datasets_copy / "raw" / "treaty_facts" / "p2-nl-verdragen-224-2025.csv"
    rows = _rows(f)
    rows[0]["date"] = "2023-03-27"  # written 27-02-2023
    _write(f, rows)
    problems = [p for p in validate_all() if "differs from date_as_written" in p.rule]
    assert [(p.row, p.column) for p in problems] == [(2, "date")]


def test_not_an_iso_date_and_bad_vocabulary(datasets_copy):
    rows = _rows(_events(datasets_copy))
    rows[0]["earliest"] = rows[0]["latest"] = "1/7/2004"
    rows[1]["event"] = "ratified"
    _write(_events(datasets_copy), rows)
    text = rules(validate_all())
    assert "not an ISO date" in text and "not one of: signature" in text


def test_protocol_party_must_be_convention_party(datasets_copy):
    rows = _rows(_events(datasets_copy))
    i = _find(rows, treaty="ETS185", iso3="JPN", event="ratification")
    rows[i]["earliest"] = rows[i]["latest"] = "2023-12-31"  # after Japan's acceptance of CETS 224 (10 August 2023)
    _write(_events(datasets_copy), rows)
    assert "protocol-parent: JPN" in rules(validate_all())


def test_coe_membership_left_before_joined(datasets_copy):
    f = datasets_copy / "curated" / "coe_membership.csv"
    rows = _rows(f)
    i = _find(rows, iso3="RUS")
    rows[i]["left"] = "1990-01-01"
    _write(f, rows)
    assert "coe-membership: left on or before joining" in rules(validate_all())


def test_every_problem_reported_at_once(datasets_copy):
    rows = _rows(_events(datasets_copy))
    rows[0]["earliest"] = rows[0]["latest"] = "not a date"
    rows[5]["iso3"] = "xx"
    rows[9]["treaty"] = "ETS999"
    _write(_events(datasets_copy), rows)
    problems = validate_all()
    assert {(p.row, p.column) for p in problems} >= {(2, "earliest"), (7, "iso3"), (11, "treaty")}


def test_cli_validate_on_broken_copy_exits_2_without_traceback(datasets_copy):
    rows = _rows(_events(datasets_copy))
    rows[0]["earliest"] = rows[0]["latest"] = "2001-02-30"
    _write(_events(datasets_copy), rows)
    res = run_cli("validate", env_extra={"CPROC_DATA_DATASETS": str(datasets_copy)})
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert "datasets/core/treaty_events.csv, row 2, column 'earliest'" in res.stderr
    assert "2001-02-30" in res.stderr
