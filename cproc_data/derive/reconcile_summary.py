"""How far the record agrees with the Council of Europe's own counts, in a few numbers.

The measures of issue #10's "Done when", computed by one function so that the README and
docs/known-gaps.md quote numbers anyone can reproduce (`cproc-data reconcile --summary`):

* of the dated counts the Council of Europe published since 2014 (a register figure whose
  document's producer is the Council of Europe or its Cybercrime@CoE Update), the share
  within the record's [min, max] and the share equal to its certain count, for ETS 185
  Parties, signatories and invited States, and ETS 189 Parties;
* of all dated membership figures, the share `exact` or `within`, and how many `differs`
  rows name neither a State nor a rule (there should be none);
* how many events, and how many States per treaty, the record knows only within bounds.
"""

from __future__ import annotations

import pandas as pd

from ..domain.countries import short_name
from ..load import table
from .impact import documents
from .reconciliation import reconcile
from .treaty_record import treaty_events

COE_PRODUCERS = ("Council of Europe", "Cybercrime@CoE")  # how a producer published by the Council of Europe begins
SINCE = pd.Timestamp("2014-01-01")
PUBLISHED = [  # (measure, treaty, indicator, 'within' or 'equal', target share)
    ("ETS 185 Parties within [min, max]", "ETS185", "parties", "within", 0.90),
    ("ETS 185 Parties equal to the certain count", "ETS185", "parties", "equal", 0.75),
    ("ETS 185 signatories within [min, max]", "ETS185", "signatories", "within", 0.90),
    ("ETS 185 signatories equal to the certain count", "ETS185", "signatories", "equal", 0.75),
    ("ETS 185 invited within [min, max]", "ETS185", "invited", "within", 0.90),
    ("ETS 185 invited equal to the certain count", "ETS185", "invited", "equal", 0.75),
    ("ETS 189 Parties within [min, max]", "ETS189", "protocol1_parties", "within", 0.80),
]
COLUMNS = ["measure", "figures", "meeting", "share", "target", "met"]


def names_a_state_or_rule(explanation: str, names: set[str]) -> bool:
    """True where a `differs` explanation names a counting or date rule, or a State."""
    return explanation.startswith(("counting rule: ", "date: ")) or any(n in explanation for n in names)


def summary_metrics(rec: pd.DataFrame, producers: pd.Series, events: pd.DataFrame, names: set[str]) -> pd.DataFrame:
    """The measures from a reconcile frame, each figure's producer (indexed by document id),
    the event record (treaty, iso3, precision) and the State names an explanation may use.

    Columns: measure, figures (how many the share is of), meeting (how many meet it),
    share, target, met. The counts at the end (rows never met or not) have no share."""
    rows = []
    producer = rec["source_document"].map(producers).fillna("")
    coe = producer.str.startswith(COE_PRODUCERS) & rec["compared_on"].notna() & (rec["compared_on"] >= SINCE)
    for measure, treaty, indicator, how, target in PUBLISHED:
        sub = rec[coe & (rec["treaty"] == treaty) & (rec["indicator"] == indicator)]
        if how == "within":
            ok = sub["agreement"].isin(["exact", "within"])
        else:
            ok = (sub["computed"].astype("Float64") == sub["reported"].astype("Float64")).fillna(False)
        rows.append(_share(measure, len(sub), int(ok.sum()), target))
    dated = rec[rec["agreement"] != "undated"]
    rows.append(
        _share("membership figures exact or within", len(dated), int(dated["agreement"].isin(["exact", "within"]).sum()), 0.80)
    )
    differing = rec[rec["agreement"] == "differs"]
    silent = int((~differing["explanation"].map(lambda e: names_a_state_or_rule(str(e), names))).sum())
    rows.append({"measure": "differing figures naming no State and no rule", "figures": len(differing), "meeting": silent})
    rows[-1].update(share=pd.NA, target=0.0, met=silent == 0)
    bounded = events[events["precision"] != "day"]
    rows.append({"measure": "events known only within bounds", "figures": len(events), "meeting": len(bounded)})
    for treaty, grp in bounded.groupby("treaty", sort=False):
        rows.append({"measure": f"{treaty} States with an event known only within bounds", "meeting": grp["iso3"].nunique()})
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["figures"] = df["figures"].astype("Int64")
    df["meeting"] = df["meeting"].astype("Int64")
    df["share"] = df["share"].astype("Float64")
    df["target"] = df["target"].astype("Float64")
    df["met"] = df["met"].astype("boolean")
    return df


def _share(measure: str, n: int, k: int, target: float) -> dict:
    share = round(k / n, 3) if n else pd.NA
    return {"measure": measure, "figures": n, "meeting": k, "share": share, "target": target, "met": bool(n and k / n >= target)}


def reconcile_summary() -> pd.DataFrame:
    """`summary_metrics` on the shipped record and register."""
    producers = documents().set_index("document_id")["producer"]
    names = {short_name(i) for i in set(table("country_names")["iso3"])}
    return summary_metrics(reconcile(), producers, treaty_events(), names)
