"""Baseline for the figures benchmark: plain matplotlib + pandas, figures and data ready-made.

benchmarks/run.py prepares, untimed, every chart's Figure (pickled, as drawn by the package)
and its data (pickled frame). This script then does only what any script that already holds
the same figures and data must do to give the same files: save each figure as SVG, PDF and
PNG under the same rcParams, all of them once more into one multi-page PDF (the annex),
each frame as CSV and all frames into one workbook with pandas, and a page listing them.
It draws nothing. The ratio against `cproc-data report` is the package's overhead: reading
and checking the data, computing the counts, drawing, captions, and deterministic bytes.
"""

import pickle
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402


def main(prepared: str, out: str, style: str):
    plt.style.use(style)
    names = sorted(p.stem for p in Path(prepared).glob("*.fig.pickle"))
    names = [n.removesuffix(".fig") for n in names]
    figures = {n: pickle.loads(Path(prepared, f"{n}.fig.pickle").read_bytes()) for n in names}
    frames = {n: pd.read_pickle(Path(prepared, f"{n}.frame.pickle")) for n in names}
    for name, fig in figures.items():
        for fmt in ("svg", "pdf", "png"):
            fig.savefig(f"{out}/{name}.{fmt}")
    with PdfPages(f"{out}/annex.pdf") as pdf:
        for fig in figures.values():
            pdf.savefig(fig)
    for name, df in frames.items():
        df.to_csv(f"{out}/{name}.csv", index=False)
    with pd.ExcelWriter(f"{out}/tables.xlsx") as xw:
        for name, df in frames.items():
            df.to_excel(xw, sheet_name=name[:31], index=False)
    Path(out, "index.html").write_text("".join(f'<img src="{n}.svg" alt="{n}">\n' for n in names), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
