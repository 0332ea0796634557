"""Every chart: whole-year ticks, no overlapping text, no text under 6 pt or outside the figure.

Checked at the data's as-of date and at two earlier dates, since titles and labels change
with the as-of date, for every chart in the registry.
"""

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_layout import overlap_problems, size_problems, tick_label_problems  # noqa: E402

from cproc_data.figures.registry import charts as registry  # noqa: E402

CHECKED: list[str] = list(registry())  # every chart (those drawn from an activity register: test_register_charts)
DATES = [None, "2019-12-31", "2014-04-07"]


@pytest.fixture(scope="module", params=DATES, ids=lambda d: d or "as_of")
def drawn(request):
    day = None if request.param is None else pd.Timestamp(request.param).date()
    return {name: registry()[name].figure(day)[1] for name in CHECKED}


@pytest.mark.parametrize("name", CHECKED)
def test_tick_labels_are_whole_years(drawn, name):
    assert tick_label_problems(drawn[name]) == []


@pytest.mark.parametrize("name", CHECKED)
def test_no_two_texts_overlap(drawn, name):
    assert overlap_problems(drawn[name]) == []


@pytest.mark.parametrize("name", CHECKED)
def test_text_is_readable_and_inside(drawn, name):
    assert size_problems(drawn[name]) == []
