"""One date contract for every command: outside the record, one line and exit 2; inside it, every chart draws."""

import pytest
from conftest import run_cli

from cproc_data.figures.registry import charts


@pytest.mark.parametrize(
    "command",
    [["status"], ["figures", "--out", "{tmp}/f"], ["tables", "--out", "{tmp}/t.xlsx"], ["export-data", "--out", "{tmp}/d"]],
)
@pytest.mark.parametrize("day, says", [("1990-01-01", "before"), ("2099-01-01", "after the data's as-of date")])
def test_a_date_outside_the_record_is_one_line_and_exit_2(tmp_path, command, day, says):
    res = run_cli(*[c.format(tmp=tmp_path) for c in command], "--as-of", day)
    assert res.returncode == 2 and says in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


@pytest.mark.parametrize("day", ["2001-11-23", "2002-01-01", "2012-12-31", "2014-01-01"])
def test_every_chart_draws_at_early_dates(tmp_path, day):
    """Before the Protocols opened, before any legislation survey, before C-PROC: a chart says so."""
    res = run_cli("figures", "--out", str(tmp_path), "--as-of", day, "--formats", "svg")
    assert res.returncode == 0, res.stderr
    assert len(list(tmp_path.glob("*.svg"))) == len(charts())


def test_import_chart_as_of_in_the_future_is_refused(tmp_path, datasets_copy):
    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    chart = tmp_path / "c.csv"
    chart.write_text("State,Signature,Ratification,Entry into force\nRomania,,12/5/2004,1/9/2004\n", encoding="utf-8")
    res = run_cli("import-chart", str(chart), "--treaty", "ETS185", "--as-of", "2099-01-01", "--write", env_extra=env)
    assert res.returncode == 2 and "in the future" in res.stderr and "Traceback" not in res.stderr
    res = run_cli("import-chart", str(chart), "--treaty", "ETS185", "--as-of", "2004-01-01", "--write", env_extra=env)
    assert res.returncode == 2 and "before the newest date in the chart" in res.stderr
