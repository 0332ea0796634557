"""`cproc-data validate`: every rule on the shipped (or a copied) dataset, all problems at once.

May import every layer below it (domain, metadata, load, ingest, build, derive).
Rules, each named in its message:
  schema            columns, required values, vocabularies, ISO dates, unique keys (metadata)
  origin, checksum  every snapshot has an origin record whose SHA-256 matches (ingest.snapshots, ingest.geometry)
  map-key           every map feature's ADM0_A3 is in the reviewed key, with an ISO 3166-1 code (ingest.geometry)
  date-format       a date equals the written date read with the source's declared format
  country-name      every State name is in the reviewed mapping
  conflict          sources agree on single-valued events (or a correction decides)
  correction        every correction matches a raw fact
  up-to-date        core/treaty_events.csv equals a fresh build from raw + corrections
  window, order, entry-into-force, one-deposit, invitation, protocol-parent (domain.checks)
  coe-membership    left after joined; codes are ISO 3166
  documents         every cited document exists; precision goes with its date; projects end after they start
  citation, unit, percent, precision, as-of, published, donor-code   the register's rules (validate.register)
"""

from __future__ import annotations

from datetime import date

from ..derive.treaty_record import data_as_of
from ..domain.checks import check_events
from ..errors import DataError, DataProblem
from ..ingest.geometry import check_geometry
from ..load import invalidate, table_text
from ..metadata import TABLES
from ..metadata.schema import check_frame
from ..paths import datasets_dir
from ..store.treaty_events import build_treaty_events
from .impact import check_coe, check_impact
from .register import check_register

__all__ = ["validate_all", "check_events", "check_coe", "check_impact", "check_register"]


def validate_all(today: date | None = None) -> list[DataProblem]:
    """Every problem in the datasets folder (see the module docstring for the rules)."""
    invalidate()
    problems: list[DataProblem] = []
    try:
        built, build_problems = build_treaty_events()
    except FileNotFoundError as exc:
        return [DataProblem(str(exc.filename or datasets_dir()), None, None, None, "file missing")]
    problems += build_problems
    coe_table, events_table = TABLES["coe_membership"], TABLES["treaty_events"]
    coe = table_text("coe_membership")
    coe_problems = check_frame(coe, coe_table, coe_table.label)
    problems += coe_problems
    if not coe_problems:
        problems += check_coe(coe)
    shipped = table_text("treaty_events")
    shipped_problems = check_frame(shipped, events_table, events_table.label)
    problems += shipped_problems
    if not shipped_problems:
        problems += check_events(shipped, coe if not coe_problems else coe.iloc[0:0], today)
        if not build_problems and not shipped.reset_index(drop=True).equals(built.reset_index(drop=True)):
            problems.append(
                DataProblem(
                    events_table.label,
                    None,
                    None,
                    None,
                    "up-to-date: differs from a fresh build of the raw snapshots; run `cproc-data build`",
                )
            )
    problems += check_impact()
    try:
        as_of = data_as_of()
    except (DataError, ValueError):  # the record itself is broken: reported above
        as_of = None
    problems += check_register(as_of)
    problems += check_geometry()
    return sorted(set(problems), key=lambda q: (q.file, q.row or 0, q.column or "", q.rule))
