"""register_series_summary on a tiny register: counts, first and last dates per series."""

import pandas as pd
import pytest
from conftest import run_cli

from cproc_data.derive.impact import register_series_summary
from cproc_data.metadata.vocab import SERIES


def _register(rows):
    return pd.DataFrame(rows, columns=["indicator", "refers_to"]).assign(refers_to=lambda d: pd.to_datetime(d["refers_to"]))


def test_tiny_register():
    f = _register(
        [
            ("activities_cumulative", "2017-10-30"),
            ("activities_in_year", "2015-01-01"),
            ("activities_in_year", "2015-01-01"),  # same date, another document: two points, one date
            ("activities_cumulative", None),  # undated
            ("staff", "2025-01-01"),
            ("donor_contribution", "2012-03-02"),
            ("parties", "2024-06-20"),
        ]
    )
    s = register_series_summary(f).set_index("series")
    assert list(s.index) == list(SERIES)  # every series, in the vocabulary's order
    a = s.loc["activities"]
    assert (a["dated_points"], a["dates"], a["undated"]) == (3, 2, 1)
    assert (a["first"], a["last"]) == (pd.Timestamp("2015-01-01"), pd.Timestamp("2017-10-30"))
    assert s.loc["donor_contributions", "first"] == pd.Timestamp("2012-03-02")
    assert s.loc["membership", "dated_points"] == 1
    empty = s.loc["legislation"]
    assert empty["dated_points"] == 0 and pd.isna(empty["first"]) and pd.isna(empty["last"])


def test_an_indicator_without_a_series_is_an_error():
    with pytest.raises(ValueError, match="no_such_indicator"):
        register_series_summary(_register([("no_such_indicator", "2020-01-01")]))


def test_cli_register_summary():
    res = run_cli("register", "--summary", "--format", "csv")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "series,dated_points,dates,first,last,undated,meaning"
    assert [line.split(",")[0] for line in lines[1:]] == list(SERIES)
