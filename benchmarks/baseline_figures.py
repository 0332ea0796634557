"""Baseline for the figures benchmark: pandas + matplotlib, data already prepared.

Reads the chart data dumped by benchmarks/run.py (one CSV per chart), draws one figure
per chart with the same series on one axes, saves SVG, PDF and PNG, and writes all the
frames to one workbook: the work `cproc-data figures` + `tables` must do, without the
package's data loading, house style or determinism steps.
"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main(data_dir: str, out: str):
    frames = {p.stem: pd.read_csv(p) for p in sorted(Path(data_dir).glob("*.csv"))}
    for name, df in frames.items():
        fig, ax = plt.subplots(figsize=(6.3, 3.4))
        x = df.iloc[:, 0]
        for col in df.columns[1:]:
            if pd.api.types.is_numeric_dtype(df[col]):
                ax.plot(range(len(x)), df[col], label=col)
        ax.set_title(name)
        ax.legend()
        for fmt in ("svg", "pdf", "png"):
            fig.savefig(f"{out}/{name}.{fmt}", dpi=200)
        plt.close(fig)
    with pd.ExcelWriter(f"{out}/tables.xlsx") as xw:
        for name, df in frames.items():
            df.to_excel(xw, sheet_name=name[:31], index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
