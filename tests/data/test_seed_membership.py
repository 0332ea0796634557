"""The membership figures in the seed documents, reproduced from the per-State record where
the definitions agree; where they do not, each test states the difference and its reason."""

import pandas as pd

from cproc_data.derive.reconciliation import reconcile
from cproc_data.derive.status import counts, status
from cproc_data.domain.counting import CountingRules


def _c(day, treaty="ETS185", **rules):
    return counts([pd.Timestamp(day)], treaty, CountingRules(**rules)).iloc[0]


def test_second_protocol_by_march_2024_reproduced():
    """Brochure 2014-2024: 'By March 2024, 43 States had signed (of which 2 had also ratified)'."""
    c = _c("2024-03-31", "CETS224")
    assert (c["signatories"] + c["parties"], c["parties"]) == (43, 2)


def test_at_a_glance_2023_signatories_count_ratifiers_too():
    """'2024 at a glance': 43 signatories of the Second Protocol in 2023. The record has 41
    signatories that had not ratified and 2 Parties at the end of 2023: 43 counts both."""
    c = _c("2023-12-31", "CETS224")
    assert (c["signatories"], c["parties"]) == (41, 2)


def test_2013_signed_two_counts_non_members_only():
    """'By 2013 ... had signed it (2)': the record's signatories at the end of 2013 include
    Council of Europe members; the non-member signatories are exactly two (Canada, South Africa)."""
    s = status(pd.Timestamp("2013-12-31"), "ETS185", all_states=False)
    sig = s[s["status"].astype(str) == "signatory"]
    non_members = sorted(sig.loc[~sig["coe_member"], "iso3"])
    assert non_members == ["CAN", "ZAF"]
    assert len(sig) > 2


def test_signatories_2024_and_2025_reproduced():
    """'signed it (2)' in March 2024 and May 2025: Ireland and South Africa, the only
    signatories once the Parties with a bounded deposit are counted as Parties."""
    for fid in ("s2024-12", "s2025-23"):
        r = reconcile().set_index("figure_id").loc[fid]
        assert r["agreement"] == "exact"
    s = status("2025-05-31")
    assert sorted(s.loc[(s["status"] == "signatory") & s["certain"], "iso3"]) == ["IRL", "ZAF"]
