"""`cproc-data import-chart`: bring an updated Treaty Office chart into the record, safely.

The file is a CSV or XLSX laid out like the Treaty Office "chart of signatures and
ratifications": one row per State with columns State | Signature | Ratification | Entry into
force (| Notes ...). Dates as dd/mm/yyyy or d/m/yyyy (the Treaty Office's order), ISO
yyyy-mm-dd, or Excel date cells. A row with a ratification but no signature is an accession.

Every problem in the file is collected (file, sheet, row, column, value, rule) and raised
as one `DataError`; nothing is written unless the whole file is clean and `write=True`.
Writing adds the file as a new raw snapshot (with its origin record) and rebuilds the
curated record; all files are replaced together or not at all.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from . import countries
from .errors import DataError, DataProblem
from .treaties import get_treaty

MAX_BYTES = 10 * 1024 * 1024  # larger files are refused before they are parsed
READ_ONLY_ABOVE = 2 * 1024 * 1024  # XLSX above this is read in openpyxl's read-only mode
COLUMNS = {  # canonical column -> accepted headers (case-insensitive)
    "state": ("state", "states", "member states", "non-member states", "country", "pays", "état", "etat"),
    "signature": ("signature", "signed"),
    "deposit": ("ratification", "ratification/accession", "ratification or accession", "ratification / accession",
                "accession", "ratified", "deposit"),
    "entry_into_force": ("entry into force", "entry-into-force", "in force", "entrée en vigueur"),
    "notes": ("notes", "note", "remarks"),
}
REQUIRED = ("state", "signature", "deposit", "entry_into_force")
DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
SERIAL = re.compile(r"^\d{5}(\.\d+)?$")


@dataclass
class ChartImport:
    file: str
    treaty: str
    rows_in: int = 0
    facts: pd.DataFrame | None = None  # one row per State kept
    rejected: list[DataProblem] = field(default_factory=list)
    problems: list[DataProblem] = field(default_factory=list)


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _read_rows(path: Path, label: str, problems: list[DataProblem]) -> tuple[list[list], str | None, list]:
    """Rows of cells (first sheet for XLSX); also the sheet name and raw cell objects."""
    data = path.read_bytes()
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=len(data) > READ_ONLY_ABOVE, data_only=False)
        except Exception as exc:  # openpyxl raises many types for a damaged or hostile file
            problems.append(DataProblem(label, None, None, None, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"))
            return [], None, []
        ws = wb.worksheets[0]
        rows, raw = [], []
        for r in ws.iter_rows():
            raw.append(r)
            rows.append([c.value for c in r])
        merged = getattr(ws, "merged_cells", None)  # not available in read-only mode
        if merged:
            for rng in merged.ranges:
                problems.append(DataProblem(label, rng.min_row, None, str(rng), "merged cells: unmerge them so that every row has its own values",
                                            sheet=ws.title))
        return rows, ws.title, raw
    if path.suffix.lower() != ".csv":
        problems.append(DataProblem(label, None, None, path.suffix, "not a .csv or .xlsx file"))
        return [], None, []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark is harmless: drop it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(DataProblem(label, text_line(data, exc.start), None, repr(data[exc.start:exc.start + 1]),
                                    "not UTF-8 text: save the file as CSV UTF-8"))
        return [], None, []
    return [row for row in csv.reader(io.StringIO(text))], None, []


def text_line(data: bytes, pos: int) -> int:
    return data[:pos].count(b"\n") + 1


def _header(rows, label, sheet, problems) -> tuple[int | None, dict[str, int]]:
    """Find the header row (must be row 1) and map canonical columns to indexes."""
    def canon(cell):
        t = _cell_text(cell).casefold().strip(" .:")
        for key, names in COLUMNS.items():
            if t in names:
                return key
        return None

    for i, row in enumerate(rows[:20]):
        keys = [canon(c) for c in row]
        if "state" in keys and ("signature" in keys or "deposit" in keys):
            if i != 0:
                problems.append(DataProblem(label, i + 1, None, None,
                                            f"the header row is row {i + 1}, not row 1: delete the {i} row(s) above it", sheet=sheet))
            mapping: dict[str, int] = {}
            for j, k in enumerate(keys):
                if k is None:
                    continue
                if k in mapping:
                    problems.append(DataProblem(label, i + 1, _cell_text(row[j]), None, f"column given twice (also column {mapping[k] + 1})", sheet=sheet))
                else:
                    mapping[k] = j
            for k in REQUIRED:
                if k not in mapping:
                    problems.append(DataProblem(label, i + 1, k, None,
                                                f"required column missing: expected one of {', '.join(COLUMNS[k])}", sheet=sheet))
            return i, mapping
    problems.append(DataProblem(label, 1, None, None,
                                "no header row with a State column and Signature/Ratification columns in the first 20 rows", sheet=sheet))
    return None, {}


def parse_date(value, today: date) -> tuple[date | None, str | None]:
    """(date, None) or (None, rule broken). Accepts d/m/yyyy, ISO and spreadsheet dates."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = _cell_text(value)
    if text == "":
        return None, None
    if SERIAL.match(text):
        return None, "looks like a spreadsheet serial number, not a date: format the column as a date or write dd/mm/yyyy"
    m = DMY.match(text)
    if m:
        d, mth, y = (int(g) for g in m.groups())
        if mth > 12 and d <= 12:
            return None, "month/day order (the month part is above 12): the chart writes dates as day/month/year"
        try:
            return date(y, mth, d), None
        except ValueError:
            return None, "impossible date"
    m = ISO.match(text)
    if m:
        try:
            return date(*(int(g) for g in m.groups())), None
        except ValueError:
            return None, "impossible date"
    return None, "not a date (expected dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd)"


def read_chart(path, treaty: str, today: date | None = None) -> ChartImport:
    """Read and check a chart file; never raises for the file's content (see `.problems`)."""
    path = Path(path)
    t = get_treaty(treaty)
    today = today or date.today()
    label = path.name
    imp = ChartImport(file=label, treaty=t.code)
    if not path.is_file():
        imp.problems.append(DataProblem(label, None, None, str(path), "file not found"))
        return imp
    size = path.stat().st_size
    if size > MAX_BYTES:
        imp.problems.append(DataProblem(label, None, None, f"{size / 1e6:.1f} MB",
                                        f"file larger than the {MAX_BYTES // (1024 * 1024)} MB limit: a chart is a few kilobytes"))
        return imp
    if size == 0:
        imp.problems.append(DataProblem(label, None, None, None, "empty file"))
        return imp
    rows, sheet, raw = _read_rows(path, label, imp.problems)
    if not rows and not imp.problems:
        imp.problems.append(DataProblem(label, None, None, None, "no rows in the file" + (f" (sheet {sheet})" if sheet else ""), sheet=sheet))
    if not rows:
        return imp
    h, cols = _header(rows, label, sheet, imp.problems)
    if h is None:
        return imp
    if raw:  # formulas instead of values
        for r in raw[h + 1:]:
            for c in r:
                if getattr(c, "data_type", None) == "f":
                    imp.problems.append(DataProblem(label, c.row, c.column_letter, str(c.value),
                                                    "a formula, not a value: paste the values (Paste special > Values)", sheet=sheet))
    if any(k not in cols for k in REQUIRED):
        return imp
    kept, seen = [], {}
    body = rows[h + 1:]
    for offset, row in enumerate(body):
        line = h + 2 + offset
        cells = list(row) + [None] * (max(cols.values()) + 1 - len(row))
        if all(_cell_text(c) == "" for c in cells):
            continue  # blank line
        imp.rows_in += 1
        row_problems = []
        name = _cell_text(cells[cols["state"]])
        iso3 = countries.lookup(name) if name else None
        if not name:
            row_problems.append(DataProblem(label, line, "State", "", "State name is empty", sheet=sheet))
        elif iso3 is None:
            hint = countries.suggest(name)
            row_problems.append(DataProblem(label, line, "State", name, "unknown State name (not in datasets/reference/country_names.csv)",
                                            sheet=sheet, hint=f"did you mean {' or '.join(repr(x) for x in hint)}?" if hint else None))
        values = {}
        for key, header in (("signature", "Signature"), ("deposit", "Ratification"), ("entry_into_force", "Entry into force")):
            v = cells[cols[key]]
            d, rule = parse_date(v, today)
            if rule:
                row_problems.append(DataProblem(label, line, header, _cell_text(v), rule, sheet=sheet))
            elif d is not None:
                if d < t.opened:
                    row_problems.append(DataProblem(label, line, header, d.isoformat(), f"before {t.code} was opened for signature ({t.opened})", sheet=sheet))
                elif d > today:
                    row_problems.append(DataProblem(label, line, header, d.isoformat(), f"in the future (today is {today})", sheet=sheet))
            values[key] = d
        if values.get("signature") and values.get("deposit") and values["deposit"] < values["signature"]:
            row_problems.append(DataProblem(label, line, "Ratification", values["deposit"].isoformat(), "ratification before signature", sheet=sheet))
        if values.get("deposit") and values.get("entry_into_force") and values["entry_into_force"] < values["deposit"]:
            row_problems.append(DataProblem(label, line, "Entry into force", values["entry_into_force"].isoformat(),
                                            "entry into force before ratification", sheet=sheet))
        if iso3 is not None:
            if iso3 in seen:
                first_line, first_name = seen[iso3]
                rule = (f"the same State as row {first_line}" + (f" ('{first_name}')" if first_name != name else "")
                        + f": {iso3} is listed twice" + (" under two names" if first_name != name else ""))
                row_problems.append(DataProblem(label, line, "State", name, rule, sheet=sheet))
            else:
                seen[iso3] = (line, name)
        if row_problems:
            imp.problems += row_problems
            imp.rejected.append(row_problems[0])
            continue
        kept.append({"line": line, "state_as_written": name, "iso3": iso3, **values,
                     "notes": _cell_text(cells[cols["notes"]]) if "notes" in cols else ""})
    if imp.rows_in == 0 and not imp.problems:
        imp.problems.append(DataProblem(label, None, None, None, "the file has a header but no data rows", sheet=sheet))
    imp.facts = pd.DataFrame(kept, columns=["line", "state_as_written", "iso3", "signature", "deposit", "entry_into_force", "notes"])
    return imp


def deposit_kind(signature, notes: str, iso3: str) -> str:
    """Ratification or accession: the Notes column's 'a' marks an accession (Treaty Office
    usage); otherwise a signatory ratifies, and a State with no signature date accedes
    unless it is a Council of Europe member (members sign; their missing signature date is a gap)."""
    from .reference import coe_membership

    if "a" in re.split(r"[\s,;.()]+", (notes or "").casefold()):
        return "accession"
    if signature:
        return "ratification"
    return "ratification" if iso3 in set(coe_membership()["iso3"]) else "accession"


def import_events(imp: ChartImport) -> pd.DataFrame:
    """The facts as events (treaty, iso3, event, date, state_as_written, line)."""
    rows = []
    for r in imp.facts.itertuples():
        if r.signature:
            rows.append((imp.treaty, r.iso3, "signature", r.signature, r.state_as_written, r.line))
        if r.deposit:
            kind = deposit_kind(r.signature, r.notes, r.iso3)
            rows.append((imp.treaty, r.iso3, kind, r.deposit, r.state_as_written, r.line))
        if r.entry_into_force:
            rows.append((imp.treaty, r.iso3, "entry_into_force", r.entry_into_force, r.state_as_written, r.line))
    return pd.DataFrame(rows, columns=["treaty", "iso3", "event", "date", "state_as_written", "line"])


def diff(imp: ChartImport) -> pd.DataFrame:
    """What the chart would change against the shipped record for its treaty.

    change: added_state (State not in the record), added (new event for a known State),
    changed (another date than the record's), gone (a State of the record not in the file).
    Invitations are not part of a chart and are never reported as gone.
    """
    from .record import treaty_events

    shipped = treaty_events(imp.treaty)
    shipped = shipped[~shipped["event"].isin(["invitation", "invitation_extension"])]
    new = import_events(imp)
    known_states = set(shipped["iso3"])
    rows = []
    old = {(r.iso3, r.event): r.date.date() for r in shipped.itertuples()}
    for r in new.itertuples():
        before = old.get((r.iso3, r.event))
        if before is None:
            change = "added" if r.iso3 in known_states else "added_state"
        elif before != r.date:
            change = "changed"
        else:
            continue
        rows.append({"change": change, "iso3": r.iso3, "event": r.event, "record": before, "chart": r.date, "line": r.line})
    for iso3 in sorted(known_states - set(new["iso3"]) - set(imp.facts["iso3"])):
        rows.append({"change": "gone", "iso3": iso3, "event": "", "record": None, "chart": None, "line": None})
    df = pd.DataFrame(rows, columns=["change", "iso3", "event", "record", "chart", "line"])
    df.insert(2, "name", df["iso3"].map(countries.short_name))
    return df


def snapshot_id(imp: ChartImport, data: bytes, as_of: date) -> str:
    return f"import-{imp.treaty.lower()}-{as_of.isoformat()}-{hashlib.sha256(data).hexdigest()[:8]}"


def write_import(path, imp: ChartImport, as_of: date, today: date | None = None) -> list[str]:
    """Add the chart as a raw snapshot and rebuild the curated record, all or nothing.

    Steps: write the snapshot, the new sources.csv and the rebuilt treaty_events.csv to
    temporary files; check the rebuilt record with every rule of `cproc-data validate`;
    then move the three into place. If anything fails before the moves, nothing under
    datasets/ has changed; if a move fails, the files already moved are put back.
    """
    import os
    import shutil
    import tempfile

    from .paths import curated_dir, raw_dir
    from .record import build_treaty_events
    from .schema import read_csv_text
    from .validate import cache_clear, check_events

    today = today or date.today()
    path = Path(path)
    data = path.read_bytes()
    sid = snapshot_id(imp, data, as_of)
    facts_dir = raw_dir() / "treaty_facts"
    target_snapshot = facts_dir / f"{sid}.csv"
    if target_snapshot.exists():
        raise DataError([DataProblem(imp.file, None, None, sid, "this file was imported already (same content and date)")])
    events = import_events(imp)
    snap = pd.DataFrame({
        "source_id": sid, "treaty": events["treaty"], "state_as_written": events["state_as_written"],
        "event": events["event"], "date_as_written": [d.isoformat() for d in events["date"]],
        "date": [d.isoformat() for d in events["date"]], "note": f"imported from {imp.file}",
    })
    sources = read_csv_text(raw_dir() / "sources.csv")
    origin = {"source_id": sid, "url": f"file:{imp.file}", "title": f"Chart of signatures and ratifications of {imp.treaty} (imported file {imp.file})",
              "producer": "Council of Europe Treaty Office (as pasted by a user)", "status_as_of": as_of.isoformat(),
              "date_format": "yyyy-mm-dd", "accessed": today.isoformat(), "kind": "treaty_office_chart",
              "note": f"imported with cproc-data import-chart; SHA-256 {hashlib.sha256(data).hexdigest()}"}
    sources = pd.concat([sources, pd.DataFrame([origin])], ignore_index=True).sort_values("source_id", kind="stable")

    staged: list[tuple[Path, Path]] = []
    tmpdir = Path(tempfile.mkdtemp(prefix=".import-", dir=raw_dir()))
    originals = {}
    try:
        snap_tmp = tmpdir / target_snapshot.name
        snap_tmp.write_text(snap.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        src_tmp = tmpdir / "sources.csv"
        src_tmp.write_text(sources.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        # build the record as it would be, from a private copy of datasets/
        from .paths import datasets_dir

        trial = Path(tempfile.mkdtemp(prefix="cproc-import-"))
        try:
            shutil.copytree(datasets_dir(), trial / "datasets")
            shutil.copy(snap_tmp, trial / "datasets" / "raw" / "treaty_facts" / target_snapshot.name)
            shutil.copy(src_tmp, trial / "datasets" / "raw" / "sources.csv")
            old_env = os.environ.get("CPROC_DATA_DATASETS")
            os.environ["CPROC_DATA_DATASETS"] = str(trial / "datasets")
            cache_clear()
            try:
                built, problems = build_treaty_events()
                coe = read_csv_text(trial / "datasets" / "curated" / "coe_membership.csv")
                if not problems:
                    problems = check_events(built, coe, today)
            finally:
                if old_env is None:
                    os.environ.pop("CPROC_DATA_DATASETS", None)
                else:
                    os.environ["CPROC_DATA_DATASETS"] = old_env
                cache_clear()
        finally:
            shutil.rmtree(trial, ignore_errors=True)
        if problems:
            raise DataError(problems)
        ev_tmp = tmpdir / "treaty_events.csv"
        ev_tmp.write_text(built.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        moves = [(snap_tmp, target_snapshot), (src_tmp, raw_dir() / "sources.csv"), (ev_tmp, curated_dir() / "treaty_events.csv")]
        for _, dst in moves:
            if dst.exists():
                originals[dst] = dst.read_bytes()
        for src, dst in moves:
            os.replace(src, dst)
            staged.append((src, dst))
    except BaseException:
        for _, dst in reversed(staged):  # put back what was already moved
            if dst in originals:
                dst.write_bytes(originals[dst])
            else:
                dst.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
        cache_clear()
    return [f"wrote {dst}" for _, dst in staged]


def chart_from_record(treaty: str) -> pd.DataFrame:
    """The shipped record of one treaty laid out as a Treaty Office chart (d/m/yyyy dates)."""
    from .record import treaty_record

    r = treaty_record(treaty)
    fmt = lambda d: "" if pd.isna(d) else f"{d.day}/{d.month}/{d.year}"  # noqa: E731
    return pd.DataFrame({
        "State": r["name"], "Signature": r["signature"].map(fmt), "Ratification": r["deposit"].map(fmt),
        "Entry into force": r["entry_into_force"].map(fmt), "Notes": r["deposit_type"].map({"accession": "a"}).fillna(""),
    })
