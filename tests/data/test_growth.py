"""Growth before and after C-PROC opened, with the bounds the record allows."""

import pandas as pd
import pytest

from cproc_data.derive.growth import growth_before_after
from cproc_data.derive.treaty_record import data_as_of, treaty_events


def _expected(a: pd.Timestamp, b: pd.Timestamp) -> tuple[int, int]:
    """From each ETS 185 deposit's interval [earliest, latest]: a State is a Party from its
    deposit day on, so it certainly joined in (a, b] when earliest > a and latest <= b, and
    possibly when the interval meets (a, b]."""
    ev = treaty_events("ETS185")
    assert not (ev["event"] == "denunciation_effect").any()  # no Party has left: growth only adds
    dep = ev[ev["event"].isin(["ratification", "accession"])].groupby("iso3").agg(e=("earliest", "min"), l=("latest", "min"))
    e = dep["e"].fillna(pd.Timestamp.min)
    return int(((e > a) & (dep["l"] <= b)).sum()), int(((e <= b) & (dep["l"] > a)).sum())


@pytest.mark.parametrize("as_of", [None, "2019-01-01", "2024-06-20"])
def test_growth_before_and_after_cproc_comes_with_its_bounds(as_of):
    g = growth_before_after(as_of).set_index("period")
    end = pd.Timestamp(as_of or data_as_of())
    assert list(g.index) == ["before C-PROC", "since C-PROC"]
    assert g.loc["since C-PROC", "end"] == end and g.loc["since C-PROC", "start"] == pd.Timestamp("2014-04-07")
    for period, row in g.iterrows():
        assert (row["added_min"], row["added_max"]) == _expected(row["start"], row["end"]), period
        assert row["added_min"] <= row["added"] <= row["added_max"]
        assert row["parties_start_min"] <= row["parties_start"] <= row["parties_start_max"]
        assert row["certain"] == (row["added_min"] == row["added_max"])
        years = (row["end"] - row["start"]).days / 365.25
        assert row["per_year_min"] == round(row["added_min"] / years, 2)
        assert row["per_year_max"] == round(row["added_max"] / years, 2)
