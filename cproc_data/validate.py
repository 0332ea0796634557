"""`cproc-data validate`: every rule on the shipped (or a copied) dataset, all problems at once.

Rules, each named in its message:
  schema            columns, required values, vocabularies, ISO dates, unique keys (metadata)
  origin            every snapshot has an origin record; a file holds one source
  date-format       a date equals the written date read with the source's declared format
  country-name      every State name is in the reviewed mapping
  conflict          sources agree on single-valued events (or a correction decides)
  up-to-date        curated/treaty_events.csv equals a fresh build from raw + corrections
  order             ratification/accession not before signature; entry into force not before deposit
  entry-into-force  = first day of the month after deposit + 3 months (not before the treaty's own)
  one-deposit       a State has either a ratification or an accession, not both; a signatory ratifies
  invitation        a non-member's accession to ETS 185 not before its invitation
  protocol-parent   a Party to a Protocol is (or becomes at once) a Party to the Convention

A date the sources do not give is a *gap*, not an error: `record.record_gaps()` and
`cproc-data gaps` list them (a ratification without its signature date, an entry into
force without its deposit date, and so on).
  window            no event before the treaty opened or after today
  coe-membership    left after joined; codes are ISO 3166
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from .errors import DataProblem
from .metadata import TABLES
from .paths import curated_dir, datasets_dir
from .schema import check_frame, read_csv_text
from .treaties import TREATIES, expected_entry_into_force

EVENTS_FILE = "datasets/curated/treaty_events.csv"
COE_FILE = "datasets/curated/coe_membership.csv"


def cache_clear() -> None:
    """Forget every cached table (after the files on disk changed)."""
    from . import countries, engine, record, reference, sources

    from . import impact, portfolio, reconciliation

    for fn in (countries._table, countries.short_name, record._events, sources._raw,
               reference._coe, reference._regions, reference._states, engine._spells, engine._bounds,
               impact._documents, impact._figures, portfolio._versions, record._record_gaps,
               reconciliation._reconcile):
        fn.cache_clear()


def check_events(events: pd.DataFrame, coe: pd.DataFrame, today: date | None = None) -> list[DataProblem]:
    """Domain rules on a text frame shaped like curated/treaty_events.csv."""
    today = today or date.today()
    problems: list[DataProblem] = []
    ev = events.copy()
    ev["line"] = range(2, len(ev) + 2)
    ev["when"] = pd.to_datetime(ev["date"], format="%Y-%m-%d", errors="coerce")

    def p(row, column, value, rule):
        problems.append(DataProblem(EVENTS_FILE, int(row), column, str(value), rule))

    members = {}
    for iso3, joined in zip(coe.get("iso3", []), coe.get("joined", [])):
        members[iso3] = pd.to_datetime(joined, errors="coerce")

    for r in ev.itertuples():
        t = TREATIES.get(r.treaty)
        if t is None or pd.isna(r.when):
            continue
        if r.when.date() < t.opened and r.event not in ("invitation", "invitation_extension"):
            p(r.line, "date", r.date, f"window: {r.event} before {t.code} opened for signature on {t.opened}")
        if r.when.date() > today:
            p(r.line, "date", r.date, f"window: date is in the future (today is {today})")

    first = {}
    for r in ev.sort_values("when").itertuples():
        first.setdefault((r.treaty, r.iso3, r.event), r)

    def get(treaty, iso3, event):
        return first.get((treaty, iso3, event))

    deposits = {}
    for (treaty, iso3) in sorted({(r.treaty, r.iso3) for r in ev.itertuples()}):
        t = TREATIES.get(treaty)
        if t is None:
            continue
        sig, rat, acc = get(treaty, iso3, "signature"), get(treaty, iso3, "ratification"), get(treaty, iso3, "accession")
        eif = get(treaty, iso3, "entry_into_force")
        if rat and acc:
            p(acc.line, "event", "accession", f"one-deposit: {iso3} has both a ratification ({rat.date}) and an accession for {treaty}")
        if acc and sig:
            p(acc.line, "event", "accession", f"one-deposit: {iso3} signed {treaty} ({sig.date}), so its instrument is a ratification, not an accession")
        if rat and sig and rat.when < sig.when:
            p(rat.line, "date", rat.date, f"order: ratification before signature ({sig.date})")
        dep = rat or acc
        if dep is not None:
            deposits[(treaty, iso3)] = dep
        if eif and dep and eif.when < dep.when:
            p(eif.line, "date", eif.date, f"order: entry into force before deposit ({dep.date})")
        if eif and dep and t.in_force is not None:
            want = expected_entry_into_force(t, dep.when.date())
            if want is not None and eif.when.date() != want:
                p(eif.line, "date", eif.date,
                  f"entry-into-force: expected {want} (first day of the month after deposit {dep.date} + {t.eif_delay_months} months, not before {t.in_force})")
        if treaty == "ETS185" and acc is not None and iso3 not in members:
            inv = get(treaty, iso3, "invitation")
            if inv is not None and acc.when < inv.when:
                p(acc.line, "date", acc.date, f"invitation: {iso3} acceded before its invitation ({inv.date})")
    for (treaty, iso3), dep in deposits.items():
        if treaty == "ETS185":
            continue
        parent = deposits.get(("ETS185", iso3))
        if parent is not None and parent.when > dep.when:  # a missing date is a gap, not an error
            p(dep.line, "date", dep.date,
              f"protocol-parent: {iso3} deposited for {treaty} before becoming a Party to ETS 185 ({parent.date})")
    return problems


def check_coe(coe: pd.DataFrame) -> list[DataProblem]:
    from .countries import is_iso3

    problems = []
    for i, r in enumerate(coe.itertuples(), start=2):
        if not is_iso3(r.iso3):
            problems.append(DataProblem(COE_FILE, i, "iso3", r.iso3, "coe-membership: not an ISO 3166 alpha-3 code"))
        if r.left and r.joined and r.left <= r.joined:
            problems.append(DataProblem(COE_FILE, i, "left", r.left, f"coe-membership: left on or before joining ({r.joined})"))
    return problems


def check_impact() -> list[DataProblem]:
    """Register, documents and project versions: schema, known documents, month order."""
    from .impact import unknown_documents
    from .paths import reference_dir

    problems: list[DataProblem] = []
    docs = read_csv_text(reference_dir() / "documents.csv")
    problems += check_frame(docs, TABLES["documents"], "datasets/reference/documents.csv")
    known = set(docs.get("document_id", []))
    for name, label in (("reported_figures", "datasets/curated/reported_figures.csv"),
                        ("project_versions", "datasets/curated/project_versions.csv")):
        df = read_csv_text(curated_dir() / f"{name}.csv")
        problems += check_frame(df, TABLES[name], label)
        problems += unknown_documents(df.get("source_document", []), known, label)
        if name == "project_versions" and {"start", "end"} <= set(df.columns):
            for i, (a, b) in enumerate(zip(df["start"], df["end"])):
                if a and b and b < a:
                    problems.append(DataProblem(label, i + 2, "end", b, f"order: project ends before it starts ({a})"))
        if name == "reported_figures" and {"refers_to", "refers_to_precision"} <= set(df.columns):
            for i, (d, prec) in enumerate(zip(df["refers_to"], df["refers_to_precision"])):
                if bool(d) == (prec == "none"):
                    problems.append(DataProblem(label, i + 2, "refers_to_precision", prec,
                                                "precision 'none' goes with an empty refers_to, and only with it"))
    return problems


def validate_all(today: date | None = None) -> list[DataProblem]:
    """Every problem in the datasets folder (see module docstring for the rules)."""
    from .record import build_treaty_events

    cache_clear()
    problems: list[DataProblem] = []
    try:
        built, build_problems = build_treaty_events()
    except FileNotFoundError as exc:
        return [DataProblem(str(exc.filename or datasets_dir()), None, None, None, "file missing")]
    problems += build_problems
    coe = read_csv_text(curated_dir() / "coe_membership.csv")
    coe_problems = check_frame(coe, TABLES["coe_membership"], COE_FILE)
    problems += coe_problems
    if not coe_problems:
        problems += check_coe(coe)
    shipped = read_csv_text(curated_dir() / "treaty_events.csv")
    shipped_problems = check_frame(shipped, TABLES["treaty_events"], EVENTS_FILE)
    problems += shipped_problems
    if not shipped_problems:
        problems += check_events(shipped, coe if not coe_problems else coe.iloc[0:0], today)
        if not build_problems and not shipped.reset_index(drop=True).equals(built.reset_index(drop=True)):
            problems.append(DataProblem(EVENTS_FILE, None, None, None,
                                        "up-to-date: differs from a fresh build of the raw snapshots; run `cproc-data build`"))
    problems += check_impact()
    return sorted(set(problems), key=lambda q: (q.file, q.row or 0, q.column or "", q.rule))
