"""C-PROC's activity counts as published: a small table, since there are too few points for a chart.

No public source gives C-PROC's activities for every year; those counts live in C-PROC's own
activity register (`cproc-data figures --activities REGISTER.xlsx` adds the charts drawn from it).
"""

from __future__ import annotations

import pandas as pd

from ...derive import impact
from .. import sources, style
from ..chart import Chart
from ..finish import finish

SERIES_LABELS = {
    "cumulative": "activities since the start",
    "in_year": "activities in the year",
    "training_in_year": "training activities in the year",
    "per_year_typical": "activities in a typical year",
}
WHEN = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def activities(as_of) -> pd.DataFrame:
    """Every dated activity count in the register up to `as_of`, with its scope and document.

    Quirks of the source: counts are published for different scopes (all of C-PROC, one
    project, the Global Project before C-PROC) and mostly as lower bounds ("more than 2,100");
    a figure given for a year is dated by its year. Undated figures are left out (the note
    says how many)."""
    a = impact.activities()
    a = a[a["refers_to"].notna() & (a["refers_to"] <= pd.Timestamp(as_of))]
    scope = impact.reported_figures().set_index("figure_id")["scope"]
    docs = impact.documents().set_index("document_id")
    out = pd.DataFrame(
        {
            "refers_to": a["refers_to"],
            "refers_to_precision": a["refers_to_precision"],
            "series": a["series"],
            "scope": a["figure_id"].map(scope),
            "value": a["value"],
            "qualifier": a["qualifier"],
            "shown": a["shown"],
            "source_document": a["source_document"],
            "document_title": a["source_document"].map(docs["title"]),
            "figure_id": a["figure_id"],
        }
    )
    out = out.sort_values(["refers_to", "figure_id"], kind="stable").reset_index(drop=True)
    assert out["figure_id"].is_unique
    return out


def _when(r) -> str:
    return pd.Timestamp(r.refers_to).strftime(WHEN.get(r.refers_to_precision, "%Y"))


def _lines(text: str, width_pt: float, size: float) -> list[str]:
    """`text` wrapped to `width_pt`, measured in the house font."""
    lines: list[str] = []
    for word in text.split():
        if lines and style.text_width(f"{lines[-1]} {word}", size) <= width_pt:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


COLUMNS = [("When", 0.0), ("Figure", 0.12), ("What", 0.21), ("Scope", 0.43), ("Document", 0.7)]
SIZE = 6.5
LINE = SIZE * 1.4  # points: one line of a cell


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    fig, ax = style.new_figure("full")
    ax.axis("off")
    width = fig.get_figwidth() * 72 * 0.97
    spans = [(COLUMNS[i + 1][1] if i + 1 < len(COLUMNS) else 1.0) - x for i, (_, x) in enumerate(COLUMNS)]
    rows = []
    for r in data.itertuples():
        cells = [_when(r), r.shown, SERIES_LABELS.get(r.series, r.series), str(r.scope or ""), str(r.document_title or "")]
        rows.append([_lines(text, span * width - 6, SIZE) for span, text in zip(spans, cells)])
    body = sum(max(len(c) for c in row) for row in rows) * LINE + len(rows) * 5 + 14
    fig.set_size_inches(fig.get_figwidth(), (body + 105) / 72)  # title and footer around the table
    y = 0.0  # points down from the table's top
    for head, x in COLUMNS:
        ax.annotate(
            head,
            (x, 1),
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=7,
            fontweight="bold",
            va="top",
            xycoords="axes fraction",
        )
    y += 14
    for row in rows:
        for (_, x), lines in zip(COLUMNS, row):
            ax.annotate(
                "\n".join(lines),
                (x, 1),
                xytext=(0, -y),
                textcoords="offset points",
                fontsize=SIZE,
                va="top",
                xycoords="axes fraction",
                linespacing=1.15,
            )
        y += max(len(c) for c in row) * LINE + 5
    n = len(data)
    cproc = data[data["scope"].fillna("").str.startswith("C-PROC") & (data["series"] == "cumulative")]
    if len(cproc):
        last = cproc.iloc[-1]
        title = f"C-PROC reports {last['shown']} activities since 2014 by {_when(last)}; no public source counts every year"
        key = [f"{last['shown']} activities since April 2014 by {_when(last)}"]
    else:
        title = "C-PROC's published activity counts; no public source counts every year"
        key = []
    key.append(f"{n} dated activity figures published up to {pd.Timestamp(as_of):%B %Y}")
    alt = (
        f"Table of the {n} activity counts C-PROC and the Council of Europe published up to {pd.Timestamp(as_of):%B %Y}, "
        "each with its date, scope, qualifier (+ for more than, ~ for about) and document."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note, key_numbers=key)


def note(as_of) -> str:
    a = impact.activities()
    undated = int(a["refers_to"].isna().sum())
    return (
        "Figures marked + are lower bounds (more than), ~ approximate. Counts per year come from C-PROC's own activity register "
        "(cproc-data figures --activities REGISTER.xlsx)"
        + (f"; {undated} undated figures in the register are not shown." if undated else ".")
    )


CHART = Chart("activities", activities, draw, sources.register_sources, note)
