"""Counts from the record against the Council of Europe's own published counts (a ratchet).

`expected_counts.csv` holds published figures (year x treaty), each with the tolerance the
record is allowed today: |computed - published| <= tolerance. When the record improves
so that the gap shrinks, the test fails and asks for the tolerance to be tightened, so
that no improvement can quietly be lost again.
"""

from pathlib import Path

import pandas as pd
import pytest

from cproc_data.derive.reconciliation import MEMBERSHIP
from cproc_data.derive.status import counts

TABLE = pd.read_csv(Path(__file__).with_name("expected_counts.csv"), dtype={"tolerance": int, "published": int})


@pytest.mark.parametrize("row", TABLE.to_dict("records"), ids=lambda r: f"{r['treaty']}-{r['indicator']}-{r['date']}")
def test_record_within_tolerance_of_the_published_count(row):
    treaty, statuses = MEMBERSHIP[row["indicator"]]
    assert treaty == row["treaty"]
    c = counts([row["date"]], treaty).iloc[0]
    columns = [{"party": "parties", "signatory": "signatories", "invited": "invited"}[s] for s in statuses]
    computed = int(sum(c[k] for k in columns))
    low = int(sum(c[f"{k}_min"] for k in columns))  # a sum of bounds: looser than the record's own bounds
    high = int(sum(c[f"{k}_max"] for k in columns))
    gap = abs(computed - row["published"])
    if row["indicator"] in ("parties", "protocol2_parties", "protocol2_signed_total"):  # the record bounds these counts
        assert low <= row["published"] <= high, (
            f"{row['indicator']} on {row['date']}: published {row['published']} outside [{low}, {high}]"
        )
    assert gap <= row["tolerance"], (
        f"{row['indicator']} on {row['date']}: the record gives {computed}, the Council of Europe published "
        f"{row['published']} ({row['source_note']}); the gap {gap} exceeds the tolerance {row['tolerance']}"
    )
    assert gap == row["tolerance"], (
        f"the record improved: {row['indicator']} on {row['date']} is now {computed} against {row['published']} "
        f"published; tighten the tolerance in tests/data/expected_counts.csv from {row['tolerance']} to {gap}"
    )
