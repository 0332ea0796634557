"""`make bench`: the performance promises, as ratios measured on this machine.

1. Status counts with their min and max for every day from 23 November 2001 to the data's
   as-of date, for all three treaties, in one vectorised pass, against one single-date
   query (target: at most 3x).
2. `import cproc_data` against `import pandas`, each in fresh processes (target: 1.3x).
3. `cproc-data status` against `python -c "import pandas"`, fresh processes (target: 2.5x).
4. `cproc-data figures` (all charts, three formats) plus the Excel workbook against a
   baseline script that holds the same figures and data in memory (built untimed, then
   pickled) and only saves them in the same formats and writes one workbook (target: 2x).
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


def bench_figures():
    exe = Path(sys.executable).with_name("cproc-data")
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        subprocess.run([str(exe), "figures", "--out", out], check=True, capture_output=True)
        subprocess.run([str(exe), "tables", "--out", f"{out}/t.xlsx"], check=True, capture_output=True)
        ours = time.perf_counter() - t
    import pickle

    import matplotlib

    matplotlib.use("Agg")
    from cproc_data.derive.treaty_record import resolve_as_of
    from cproc_data.figures.registry import charts as registry
    from cproc_data.figures.style import STYLE_FILE

    baseline = Path(__file__).with_name("baseline_figures.py")
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as out:
        as_of = resolve_as_of(None)
        for name, chart in registry().items():  # untimed: the baseline gets figures and data ready-made
            frame, fig = chart.figure(as_of)
            frame.to_csv(f"{data}/{name}.csv", index=False)
            Path(f"{data}/{name}.pickle").write_bytes(pickle.dumps(fig))
        t = time.perf_counter()
        subprocess.run([sys.executable, str(baseline), data, out, str(STYLE_FILE)], check=True, capture_output=True)
        base = time.perf_counter() - t
    return ours, base


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
    ours, base = bench_figures()
    print(f"figures: cproc-data figures+tables {ours:.2f} s; baseline {base:.2f} s; ratio {ours / base:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
