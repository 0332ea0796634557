"""Legislation and activity charts: what they join, label and say (data and properties, not pixels)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from cproc_data.figures.registry import charts  # noqa: E402

AS_OF = pd.Timestamp("2026-02-05").date()


@pytest.fixture(scope="module")
def legislation():
    return charts()["legislation"].figure(AS_OF)


def _lines(fig):
    return [l for l in fig.axes[0].get_lines() if len(l.get_xdata()) > 1]


def test_legislation_lines_join_only_editions_of_one_survey(legislation):
    frame, fig = legislation
    lines = _lines(fig)
    groups = frame[(frame["survey"] != "") & frame["states"].notna()].groupby(["measure", "survey"])
    assert len(lines) == groups.ngroups >= 2  # substantive and procedural editions of the C-PROC overview
    for line in lines:
        xs = {mdates.num2date(x).date() for x in mdates.date2num(line.get_xdata())}
        ys = [float(y) for y in line.get_ydata()]
        rows = frame[frame["refers_to"].dt.date.isin(xs) & frame["states"].isin(ys) & (frame["survey"] != "")]
        assert rows["survey"].nunique() == 1 and rows["measure"].nunique() == 1
    # every point on a line is a survey edition's figure (a figure only cited is never joined)
    survey = {(d.date(), float(v)) for d, v, s in zip(frame["refers_to"], frame["states"], frame["survey"]) if s and pd.notna(v)}
    for line in lines:
        for x, y in zip(mdates.date2num(line.get_xdata()), line.get_ydata()):
            assert (mdates.num2date(x).date(), float(y)) in survey


def test_legislation_labels_give_the_share_beside_the_count(legislation):
    frame, fig = legislation
    texts = {t.get_text() for t in fig.axes[0].texts}
    # the December 2023 edition: 131 States, published as 68% of the 193 UN Member States
    assert "131 (68%)" in texts
    # a share the source does not publish is computed and marked as such: 92 / 193 = 47.7%, published 48%
    assert "92 (48%)" in texts
    assert any(t.startswith("68%") and "share only" in t for t in texts)


def test_legislation_note_names_each_survey_and_its_editions(legislation):
    _, fig = legislation
    note = fig.cproc_meta["note"]
    assert "The global state of cybercrime legislation (C-PROC overview)" in note
    for month in ("February 2020", "June 2021", "January 2023", "December 2023"):
        assert month in note


def test_legislation_before_any_survey_edition_uses_the_cited_figure():
    frame, fig = charts()["legislation"].figure(pd.Timestamp("2019-12-31").date())
    assert (frame["survey"] == "").all() and not _lines(fig)
    assert "70 States by 2013" in fig.cproc_meta["title"]


def test_activities_table_shows_every_dated_figure_with_its_qualifier():
    frame, fig = charts()["activities"].figure(AS_OF)
    texts = {t.get_text() for t in fig.axes[0].texts}
    # "well over 2100 activities" (brochure 2024) and "2,500+" (2025 deck) keep their lower-bound mark
    assert "2,100+" in texts and "2,500+" in texts and "62" in texts
    assert len(frame) == frame["figure_id"].nunique() >= 10
    assert "2,500+" in fig.cproc_meta["title"]
    assert "activity register" in fig.cproc_meta["note"]


def test_activities_title_at_an_earlier_date_speaks_of_that_date():
    _, fig = charts()["activities"].figure(pd.Timestamp("2019-12-31").date())
    assert "400+" in fig.cproc_meta["title"] and "2,500" not in fig.cproc_meta["title"]
