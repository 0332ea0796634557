"""The bad-input corpus, walked: every file exits 2 within 10 s and under 500 MB of address
space, prints its message and no traceback, and datasets/ stays byte-identical.

The corpus is tests/cli/bad_inputs/ (small files, committed) plus the large or hostile files
`hostile_files.large` writes at test time. Each chart file is given to
`import-chart --write` (the strictest path), each register file to `check-activities`; the
files both readers must refuse (limits, formats told apart by their bytes) go to both.
The runs go two at a time (each a fresh process) to keep the test short.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import REPO
from hostile_files import HERE, large

LIMIT_AS = 500 * 1024 * 1024
SECONDS = 10
CHART = ("import-chart", "{file}", "--treaty", "ETS185", "--as-of", "2026-02-05", "--write")
DRY = CHART[:-1]  # the dry run: the same checks as --write
REGISTER = ("check-activities", "{file}")
BOTH = (CHART, REGISTER)
UNKNOWN = "unknown State name (not in datasets/reference/country_names.csv)"
WRAP = "import os, resource, sys; n = int(sys.argv[1]); resource.setrlimit(resource.RLIMIT_AS, (n, n)); os.execv(sys.argv[2], sys.argv[2:])"
ROOT = os.geteuid() == 0  # root reads a file whatever its permissions: the file is bad either way

# file -> (commands, texts each run must print); "1 data problem" where the file holds one
# deliberate error that proves the rest of it was read
CASES: dict[str, tuple[tuple, tuple[str, ...]]] = {
    # the first corpus (charts)
    "missing_column.csv": ((CHART,), ("required column missing: expected one of ratification",)),
    "empty.csv": (BOTH, ("empty.csv: empty file",)),
    "header_only.csv": ((CHART,), ("the file has a header but no data rows",)),
    "impossible_date.csv": ((CHART,), ("row 2, column 'Signature': impossible date (value: '31/02/2003')",)),
    "unparseable_date.csv": (
        (CHART,),
        ("not a date (expected dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy or yyyy-mm-dd) (value: '23 Nov 2001')",),
    ),
    "before_opening.csv": ((CHART,), ("before ETS185 was opened for signature (2001-11-23)",)),
    "future_date.csv": ((CHART,), ("in the future",)),
    "month_day_order.csv": ((CHART,), ("row 3, column 'Signature': month/day order",)),
    "serial_date.csv": ((CHART,), ("looks like a spreadsheet serial number",)),
    "header_not_first.csv": ((CHART,), ("the header row is row 3, not row 1",)),
    "duplicate_state.csv": ((CHART,), ("the same State as row 2: ALB is listed twice",)),
    "two_names.csv": ((CHART,), ("the same State as row 2 ('Czech Republic'): CZE is listed twice under two names",)),
    "unknown_state.csv": ((CHART,), (f"{UNKNOWN} (value: 'Phillipines'); did you mean 'philippines'",)),
    "not_utf8.csv": (BOTH, ("row 2: not UTF-8 text: save the file as CSV UTF-8 (value: 'byte 0xf4')",)),
    "bom_unknown_state.csv": ((CHART,), ("row 3, column 'State': unknown State name",)),
    "eif_before_deposit.csv": ((CHART,), ("order: entry into force before deposit",)),
    # 1. bounded reads, formats told apart by their bytes
    "stray_cell_xfd1048576.xlsx": (
        BOTH,
        ("a cell holds a value beyond the reading limits (20,000 rows, 64 columns", "'XFD1048576'"),
    ),
    "zip_bomb_sheet.xlsx": (BOTH, ("a part of the workbook inflates to more than the 16 MB limit", "sheet1.xml: 200 MB")),
    "ten_mb.csv": (BOTH, ("more than 20,000 rows",)),
    "over_limit.csv": (BOTH, ("file larger than the 10 MB limit", "(value: '11 MB')")),
    "too_many_columns.csv": (BOTH, ("hold values beyond column BL (the limit is 64 columns)",)),
    "encrypted.xlsx": (BOTH, ("encrypted.xlsx: an encrypted (password-protected) workbook",)),
    "legacy.xls": (BOTH, ("legacy.xls: an Excel 97-2003 workbook (.xls, OLE format)",)),
    "opendocument.ods": (BOTH, ("opendocument.ods: an OpenDocument spreadsheet (.ods",)),
    "csv_renamed.xlsx": (BOTH, ("a text (CSV) file named .xlsx, not an XLSX workbook: rename it to .csv",)),
    "a folder.csv": (BOTH, ("a folder.csv: a folder, not a file",)),
    "unreadable.csv": (
        (CHART,),
        ("the file has a header but no data rows",) if ROOT else ("unreadable.csv: cannot read the file: Permission denied",),
    ),
    "long_cell.csv": (BOTH, ("long_cell.csv, row 2: a cell longer than 32,767 characters",)),
    "nul_bytes.csv": (BOTH, ("nul_bytes.csv, row 3: a NUL character",)),
    # 2. pasted charts as people paste them
    "semicolon_fr_de.csv": ((CHART,), ("1 data problem:", "row 3, column 'Signature': impossible date (value: '31.02.2003')")),
    "cr_only_mac.csv": ((CHART,), ("1 data problem:", f"row 3, column 'State': {UNKNOWN} (value: 'Atlantis')")),
    "dates_with_time.csv": (
        (CHART,),
        ("1 data problem:", "row 3, column 'Entry into force': entry-into-force: expected 2012-10-01"),
    ),
    "footnote_markers.csv": ((CHART,), ("1 data problem:", f"row 5, column 'State': {UNKNOWN} (value: 'Atlantis (2)')")),
    "french_chart.csv": ((CHART,), ("1 data problem:", f"row 5, column 'State': {UNKNOWN} (value: 'Ruritanie')")),
    "hidden_first_sheet.xlsx": (
        (CHART,),
        ("read sheet 'chart'; skipped 'old' (hidden)", "1 data problem:", "[sheet chart], row 3, column 'State'"),
    ),
    "empty_first_sheet.xlsx": (
        (CHART,),
        ("read sheet 'chart'; skipped 'Sheet1' (empty)", "1 data problem:", "[sheet chart], row 3, column 'State'"),
    ),
    "merged_signature.xlsx": ((CHART,), ("row 2: merged cells: unmerge them", "(value: 'B2:B4')")),
    "merged_read_only_size.xlsx": ((CHART,), ("row 2: merged cells: unmerge them", "(value: 'B2:B3')")),
    # 3. the activity register
    "register.csv": ((REGISTER,), ("row 3, column 'participants': not a whole number of participants from 1 to 5,000",)),
    "register_bad_values.xlsx": (
        (REGISTER,),
        (
            "7 rows read, 1 kept, 6 rejected",
            "row 3, column 'date': after the as-of date",
            "row 4, column 'date': before C-PROC opened (7 April 2014)",
            "row 5, column 'date': before C-PROC opened (7 April 2014)",
            "row 6, column 'participants': not a whole number",
            "row 7, column 'participants': not a whole number",
            "row 8, column 'participants': not a whole number",
        ),
    ),
    "register_formula_merged.xlsx": (
        (REGISTER,),
        (
            "row 3, column 'participants': a formula, not a value",
            "row 4, column 'project': merged cells",
            "row 5, column 'project': merged cells",
        ),
    ),
    "register_empty_first_cell.xlsx": ((REGISTER,), ("row 3, column 'date': not a date",)),
    "register_empty_first_cell_large.xlsx": ((REGISTER,), ("row 2, column 'date': not a date",)),
    # 4. safe, bounded messages
    "control_chars.csv": ((CHART,), (r"(value: 'Evil\x1b[31m\nState')",)),
    "long_value.csv": ((CHART,), ("BBBB... (32,767 characters)')",)),
    "many_problems.csv": ((CHART,), ("1000 data problems:", "  ... and 800 more (full list: --problems FILE)")),
    "evil\n  forged.csv: \x1b[31mred.csv": ((CHART,), (r"evil\n  forged.csv: \x1b[31mred.csv: the file has a header",)),
}
SERIAL = {  # reaches the datasets lock: run alone
    "contradicts_sources.csv": (
        (CHART, DRY),
        (
            "contradicts_sources.csv, row 2, column 'Ratification': conflict: sources disagree on ETS185 ratification of ALB",
            "this chart says 2002-06-21",
        ),
    ),
}


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def run_bounded(args, env) -> tuple[subprocess.CompletedProcess, float]:
    exe = str(Path(sys.executable).with_name("cproc-data"))
    t = time.perf_counter()
    res = subprocess.run(
        [sys.executable, "-c", WRAP, str(LIMIT_AS), exe, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=SECONDS * 3,
    )
    return res, time.perf_counter() - t


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    """Every run of the corpus: (file, command) -> (result, seconds); datasets/ hashed before and after."""
    import shutil

    base = tmp_path_factory.mktemp("hostile")
    files = {p.name: p for p in HERE.iterdir() if p.name != "README.md"} | large(base / "generated")
    datasets = base / "datasets"
    shutil.copytree(REPO / "datasets", datasets)
    env = {**os.environ, "CPROC_DATA_DATASETS": str(datasets)}
    before = tree_hash(datasets)
    jobs = [(name, cmd) for name, (cmds, _) in CASES.items() for cmd in cmds]
    runs = {}
    with ThreadPoolExecutor(2) as pool:
        futures = {job: pool.submit(run_bounded, [a.format(file=files[job[0]]) for a in job[1]], env) for job in jobs}
        runs = {job: f.result() for job, f in futures.items()}
    for name, (cmds, _) in SERIAL.items():
        for cmd in cmds:
            runs[(name, cmd)] = run_bounded([a.format(file=files[name]) for a in cmd], env)
    files["unreadable.csv"].chmod(0o600)
    return runs, before, tree_hash(datasets), set(files)


def test_every_corpus_file_has_a_case(walked):
    _, _, _, files = walked
    assert files == set(CASES) | set(SERIAL)


@pytest.mark.parametrize("name", sorted({**CASES, **SERIAL}))
def test_bad_file_exits_2_quickly_with_its_message(walked, name):
    runs, _, _, _ = walked
    cmds, texts = {**CASES, **SERIAL}[name]
    for cmd in cmds:
        res, seconds = runs[(name, cmd)]
        out = res.stdout + res.stderr
        assert res.returncode == 2, (cmd[0], res.returncode, out[-2000:])
        assert seconds < SECONDS, (cmd[0], seconds)
        assert "Traceback" not in out and "MemoryError" not in out, out[-2000:]
        assert "\x1b" not in out, "a control character reached the terminal"
        assert len(res.stderr.splitlines()) <= 203 and len(res.stderr) < 200 * 1000, "messages are capped"
        for text in texts:
            assert text in out, (cmd[0], text, out[-2000:])
        assert ".import-" not in out and "trial" not in out, "a message names a temporary file"


def test_datasets_unchanged_by_the_corpus(walked):
    _, before, after, _ = walked
    assert before == after


def test_problems_file_holds_the_full_list(tmp_path):
    files = large(tmp_path / "g")
    full = tmp_path / "problems.txt"
    env = {**os.environ}
    res, _ = run_bounded(["import-chart", str(files["many_problems.csv"]), "--treaty", "ETS185", "--problems", str(full)], env)
    assert res.returncode == 2
    lines = full.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1000 and lines[999].startswith("many_problems.csv, row 1001, column 'State'")
    assert f"... and 800 more (full list in {full})" in res.stderr
