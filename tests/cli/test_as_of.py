"""One date contract for every command: outside the record, one line and exit 2; inside it, every chart draws."""

import pytest
from conftest import run_cli

from cproc_data.figures.registry import charts

CHART = "tests/cli/bad_inputs/contradicts_sources.csv"  # the date is refused before the file is read
REGISTER = "tests/cli/bad_inputs/register.csv"


@pytest.mark.parametrize(
    "command, before, after",
    [
        (["status"], "before", "after the data's as-of date"),
        (["figures", "--out", "{tmp}/f"], "before", "after the data's as-of date"),
        (["tables", "--out", "{tmp}/t.xlsx"], "before", "after the data's as-of date"),
        (["report", "--out", "{tmp}/r"], "before", "after the data's as-of date"),
        (["export-data", "--out", "{tmp}/d"], "before", "after the data's as-of date"),
        (["reconcile"], "before", "after the data's as-of date"),
        (["import-chart", CHART, "--treaty", "ETS185"], "before ETS185 was opened", "in the future"),
        (["check-activities", REGISTER], "outside the register's span", "outside the register's span"),
    ],
)
@pytest.mark.parametrize("day", ["1990-01-01", "2099-01-01"])
def test_a_date_outside_the_record_is_one_line_and_exit_2(tmp_path, command, before, after, day):
    res = run_cli(*[c.format(tmp=tmp_path) for c in command], "--as-of", day)
    assert res.returncode == 2 and (before if day < "2000" else after) in res.stderr and day in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr and res.stdout == ""


def test_every_command_taking_a_date_is_covered():
    """A new command with --as-of must join the test above."""
    from cproc_data.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    dated = {name for name, p in sub.choices.items() if any(a.dest == "as_of" for a in p._actions)}
    assert dated == {"status", "figures", "tables", "report", "export-data", "reconcile", "import-chart", "check-activities"}


def test_reconcile_as_of_keeps_the_figures_up_to_that_day():
    from cproc_data.derive.reconciliation import reconcile

    every = reconcile()
    early = reconcile("2015-12-31")
    assert 0 < len(early) < len(every)
    assert (early["compared_on"].dropna() <= "2015-12-31").all()
    later = every[every["compared_on"] > "2015-12-31"]
    assert len(early) + len(later) == len(every)


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
