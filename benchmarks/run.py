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


if __name__ == "__main__":
    main()
