"""Baseline for the figures benchmark: plain matplotlib + pandas, figures and data ready.

benchmarks/run.py prepares, untimed, every chart's figure (pickled) and data (CSV). This
script then only does what any script that already holds the same figures and data in
memory must do: load them, save each figure as SVG, PDF and PNG under the same
rcParams, and write the frames to one workbook with pandas. The ratio against
`cproc-data figures` + `cproc-data tables` is the package's overhead: reading and
checking the data, computing the counts, drawing, and making the bytes deterministic.
"""

import pickle
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main(prepared: str, out: str, style: str):
    plt.style.use(style)
    for p in sorted(Path(prepared).glob("*.pickle")):
        fig = pickle.loads(p.read_bytes())
        for fmt in ("svg", "pdf", "png"):
            fig.savefig(f"{out}/{p.stem}.{fmt}")
        plt.close(fig)
    frames = {p.stem: pd.read_csv(p) for p in sorted(Path(prepared).glob("*.csv"))}
    with pd.ExcelWriter(f"{out}/tables.xlsx") as xw:
        for name, df in frames.items():
            df.to_excel(xw, sheet_name=name[:31], index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
