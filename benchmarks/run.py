"""`make bench`: the performance promises, as ratios measured on this machine.

1. Status counts with their min and max for every day from 23 November 2001 to the data's
   as-of date, for all three treaties, in one vectorised pass, against one single-date
   query (target: at most 3x).
2. `import cproc_data` against `import pandas`, each in fresh processes (target: 1.3x).
3. `cproc-data status` against `python -c "import pandas"`, fresh processes (target: 2.5x).
4. `cproc-data report` (what `make figures` runs: every chart in three formats and its CSV,
   the annex PDF, the HTML index and the workbook) against a baseline script given the same
   figures and data ready-made (drawn untimed by the package, then pickled) that only saves
   them: the same three formats, one multi-page PDF, the CSVs and one workbook (target: 2x).
   The two run side by side, alternately, each in a fresh process; wall time and CPU time
   (the machine is shared: CPU time is the steadier of the two) are both reported.
5. Hostile files (issue 12): a 10 MB chart (a CSV of 240,000 rows; an XLSX at the size
   limit; a workbook whose sheet fills the 16 MB uncompressed limit) refused or read by
   `cproc-data import-chart` (target: under 5 s and 500 MB peak memory each; a sheet over
   the limit on cells is refused part-way), and a
   10,000-row chart read (CSV and XLSX; target: under 3 s). Each a fresh process, timed
   with its peak resident memory (os.wait4).
Prints the measured ratios; the README quotes the latest run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def best_of(fn, repeat=7, setup=None):
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def fresh_import(module: str, repeat=9) -> float:
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def bench_counts():
    """One single-date query (ETS 185) against every day for all three treaties.

    Both sides run with the same caches: the record, its per-State segments and each
    treaty's step table are built once per process by an untimed call of each side; no
    result is cached, so every timed call computes its counts. A second measurement
    rebuilds the per-treaty step tables (from the record's segments) before every call:
    each side builds the tables it reads."""
    import pandas as pd

    from cproc_data.derive.status import _steps, counts
    from cproc_data.derive.treaty_record import data_as_of

    days = pd.date_range("2001-11-23", pd.Timestamp(data_as_of()), freq="D")

    def one():
        return counts(["2024-03-31"], "ETS185")

    def every():
        return counts(days, None)

    one(), every()  # untimed: read the record and build the tables both sides read
    single = best_of(one, repeat=50)
    everything = best_of(every, repeat=50)
    single_cold = best_of(one, repeat=20, setup=_steps.cache_clear)
    everything_cold = best_of(every, repeat=20, setup=_steps.cache_clear)
    return single, everything, len(days), single_cold, everything_cold


def bench_import():
    pandas = fresh_import("pandas")
    ours = fresh_import("cproc_data")
    # importing cproc_data does not import pandas; a user then loads data, so compare the
    # package import followed by pandas with pandas alone
    ours_then_pandas = fresh_import("cproc_data, pandas")
    return pandas, ours, ours_then_pandas


def bench_status_command(repeat=7):
    """`cproc-data status` against `python -c "import pandas"`, each a fresh process."""
    exe = Path(sys.executable).with_name("cproc-data")

    def run(cmd):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        return time.perf_counter() - t

    ours = statistics.median(run([str(exe), "status"]) for _ in range(repeat))
    base = statistics.median(run([sys.executable, "-c", "import pandas"]) for _ in range(repeat))
    return ours, base


def _timed(cmd) -> tuple[float, float]:
    """(wall, CPU) seconds of a child process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_figures(repeat=3):
    """`cproc-data report` against the baseline that saves the same ready-made figures and data."""
    import pickle

    import matplotlib

    matplotlib.use("Agg")
    from cproc_data.derive.treaty_record import resolve_as_of
    from cproc_data.figures.registry import charts as registry
    from cproc_data.figures.style import STYLE_FILE

    exe = Path(sys.executable).with_name("cproc-data")
    baseline = Path(__file__).with_name("baseline_figures.py")
    ours, base = [], []
    with tempfile.TemporaryDirectory() as data:
        as_of = resolve_as_of(None)
        for name, chart in registry().items():  # untimed: the baseline gets figures and data ready-made
            frame, fig = chart.figure(as_of)
            frame.to_pickle(f"{data}/{name}.frame.pickle")
            Path(f"{data}/{name}.fig.pickle").write_bytes(pickle.dumps(fig))
        for _ in range(repeat):  # alternately, so that both see the same load on the machine
            with tempfile.TemporaryDirectory() as out:
                ours.append(_timed([str(exe), "report", "--out", out]))
            with tempfile.TemporaryDirectory() as out:
                base.append(_timed([sys.executable, str(baseline), data, out, str(STYLE_FILE)]))
    best = lambda runs, i: min(r[i] for r in runs)  # noqa: E731
    return (best(ours, 0), best(ours, 1)), (best(base, 0), best(base, 1))


LAUNCH = """
import os, sys, time
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - t, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_measured(args) -> tuple[float, float, int]:
    """Seconds, peak resident MB and exit code of one fresh process. A thin launcher forks
    it: a child forked from this (large) process would inherit its peak memory."""
    out = subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def hostile_charts(folder: Path) -> dict[str, Path]:
    """The files of measurement 5 (synthetic rows)."""
    import os
    import zipfile

    from openpyxl import Workbook

    from cproc_data.derive.treaty_record import treaty_office_chart

    rows = treaty_office_chart("ETS185").values.tolist()
    header = "State,Signature,Ratification,Entry into force,Notes\n"
    out = {}
    line = "Albania,23/11/2001,20/06/2002,01/07/2004,\n"
    out["10 MB CSV (240,000 rows)"] = folder / "ten_mb.csv"
    out["10 MB CSV (240,000 rows)"].write_text(header + line * ((10 * 2**20 - 100) // len(line)), encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.append(header.strip().split(","))
    for i in range(10_000):
        ws.append(rows[i % len(rows)])
    wb.save(folder / "rows.xlsx")
    with zipfile.ZipFile(folder / "rows.xlsx", "a") as z:  # pad to just under 10 MB, incompressible
        z.writestr("xl/media/pad.bin", os.urandom(10 * 2**20 - (folder / "rows.xlsx").stat().st_size - 4096), zipfile.ZIP_STORED)
    out["10 MB XLSX (10,000 rows, padded)"] = folder / "rows.xlsx"
    full = folder / "full_sheet.xlsx"
    cell = '<c r="{c}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
    head = "".join(cell.format(c=c, r=1, v=v) for c, v in zip("ABCD", ["State", "Signature", "Ratification", "Entry into force"]))
    sheet = [
        f'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{head}</row>'
    ]
    size, r = len(sheet[0]), 1
    while size < 16 * 2**20 - 4096:  # rows of 26 cells until the sheet is just under the limit
        r += 1
        sheet.append(
            f'<row r="{r}">' + "".join(cell.format(c=c, r=r, v="Albania") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "</row>"
        )
        size += len(sheet[-1])
    with zipfile.ZipFile(folder / "rows.xlsx") as src, zipfile.ZipFile(full, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename.startswith("xl/worksheets/sheet1"):
                z.writestr(info, ("".join(sheet) + "</sheetData></worksheet>").encode())
            elif not info.filename.startswith("xl/media"):
                z.writestr(info, src.read(info.filename))
    out[f"XLSX whose sheet fills the 16 MB limit ({r - 1:,} rows x 26 cells)"] = full
    csv_rows = folder / "rows.csv"
    csv_rows.write_text(header + "".join(",".join(map(str, rows[i % len(rows)])) + "\n" for i in range(10_000)), encoding="utf-8")
    out["10,000-row chart, CSV"] = csv_rows
    out["10,000-row chart, XLSX"] = folder / "rows_plain.xlsx"
    wb.save(out["10,000-row chart, XLSX"])
    return out


def bench_hostile():
    exe = str(Path(sys.executable).with_name("cproc-data"))
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in hostile_charts(Path(tmp)).items():
            seconds, peak, code = run_measured([exe, "import-chart", str(path), "--treaty", "ETS185"])
            target = "3 s" if name.startswith("10,000") else "5 s, 500 MB"
            size = path.stat().st_size / 2**20
            print(f"hostile: {name} ({size:.1f} MB): exit {code}, {seconds:.2f} s, peak {peak:.0f} MB (target < {target})")


def main():
    single, everything, n, single_cold, everything_cold = bench_counts()
    print(
        f"counts: one date {single * 1e3:.2f} ms; {n} days x 3 treaties {everything * 1e3:.2f} ms; "
        f"ratio {everything / single:.2f} (target <= 3)"
    )
    print(
        f"counts, step tables rebuilt before each call: one date {single_cold * 1e3:.2f} ms; "
        f"{n} days x 3 treaties {everything_cold * 1e3:.2f} ms; ratio {everything_cold / single_cold:.2f}"
    )
    pandas, ours, both = bench_import()
    print(
        f"import: pandas {pandas * 1e3:.0f} ms; cproc_data {ours * 1e3:.1f} ms (ratio {ours / pandas:.2f}); "
        f"cproc_data+pandas {both * 1e3:.0f} ms (ratio {both / pandas:.2f}) (target <= 1.3)"
    )
    ours, base = bench_status_command()
    print(
        f"status command: cproc-data status {ours:.2f} s; python -c 'import pandas' {base:.2f} s; ratio {ours / base:.2f} (target <= 2.5)"
    )
    (wall, cpu), (base_wall, base_cpu) = bench_figures()
    print(
        f"report (make figures): cproc-data report {wall:.1f} s wall, {cpu:.1f} s CPU; baseline saving the same figures "
        f"{base_wall:.1f} s wall, {base_cpu:.1f} s CPU; ratio {wall / base_wall:.2f} wall, {cpu / base_cpu:.2f} CPU (target <= 2)"
    )
    bench_hostile()


if __name__ == "__main__":
    if sys.argv[1:] == ["hostile"]:
        bench_hostile()
    else:
        main()
