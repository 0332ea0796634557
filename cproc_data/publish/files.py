"""Deterministic bytes: the same figure or workbook gives the same file on every run.

SVG with a fixed `svg.hashsalt` and no date; PDF without creation/modification dates;
PNG without the software tag; XLSX re-zipped with fixed member dates and fixed document
properties (`normalise_xlsx`). A figure saved in several formats is laid out once
(`figure_formats`); a chart's data is written as formula-safe UTF-8 CSV (`frame_csv`).
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import zipfile

import pandas as pd

from ..figures import style

SAVE_METADATA = {
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    "png": {"Software": None},
}
FORMATS = tuple(SAVE_METADATA)
FIXED_ZIP_DATE = (2001, 11, 23, 0, 0, 0)  # the Convention's opening day: a fixed, meaningful stamp
FIXED_CORE_DATE = "2001-11-23T00:00:00Z"
SVG_HASHSALT = "cproc-data"


def figure_bytes(fig, fmt: str) -> bytes:
    """The figure saved in `fmt` with no run-dependent stamp, carrying its title and alt text
    (SVG `<title>` and `<desc>`; PDF Title and Subject) where the figure has them."""
    import matplotlib

    if fmt not in SAVE_METADATA:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    meta = getattr(fig, "cproc_meta", {})
    metadata = dict(SAVE_METADATA[fmt])
    if fmt == "pdf" and meta:
        metadata.update({"Title": meta["title"], "Subject": meta["alt"]})
    buf = io.BytesIO()
    with style.context(), matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT}):  # save-time settings: fonts, hash salt
        fig.savefig(buf, format=fmt, metadata=metadata)
    data = buf.getvalue()
    if fmt == "svg":
        data = svg_stable_ids(data)
        if meta:
            data = svg_with_title(data, meta["title"], meta["alt"])
    return data


def svg_stable_ids(data: bytes) -> bytes:
    """Clip-path ids numbered in order of appearance. Matplotlib hashes each clip rectangle's
    bounds in full float precision into its id, so bounds that differ in the last bit between
    two layouts (invisible: coordinates are written to six decimals) would change the file."""
    text = data.decode("utf-8")
    ids: dict[str, str] = {}
    for old in re.findall(r'<clipPath id="(p[0-9a-f]{10})"', text):
        ids.setdefault(old, f"clip{len(ids) + 1:04d}")
    if ids:
        text = re.sub(r"\b(p[0-9a-f]{10})\b", lambda m: ids.get(m.group(1), m.group(1)), text)
    return text.encode("utf-8")


def figure_formats(fig, formats) -> dict[str, bytes]:
    """The figure in each of `formats`, laid out once.

    The first save runs the layout engine (on the PNG renderer when PNG is asked for: the
    renderer the layout tests measure with); the other formats keep those positions
    (`layout_as_is`) instead of laying the figure out again, so every format shows the same
    layout."""
    order = sorted(formats, key=lambda f: f != "png")
    out = {fmt: figure_bytes(fig, fmt) for fmt in order[:1]}
    with layout_as_is(fig):
        out.update({fmt: figure_bytes(fig, fmt) for fmt in order[1:]})
    return {f: out[f] for f in formats}


@contextlib.contextmanager
def layout_as_is(fig):
    """Inside, saving the figure keeps the positions of its last layout (no layout pass);
    its layout engine is restored on leaving."""
    import matplotlib

    engine = fig.get_layout_engine()
    if engine is not None:
        with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            fig.set_layout_engine(None)
    try:
        yield fig
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)


def svg_with_title(data: bytes, title: str, desc: str) -> bytes:
    """The SVG with `<title>` and `<desc>` as the first children of its root element (read by screen readers)."""
    text = data.decode("utf-8")
    start = re.search(r"<svg\b[^>]*>", text)
    if start is None:
        return data
    head = f"\n <title>{html.escape(title)}</title>\n <desc>{html.escape(desc)}</desc>"
    return (text[: start.end()] + head + text[start.end() :]).encode("utf-8")


def normalise_xlsx(data: bytes, core_date: str = FIXED_CORE_DATE) -> bytes:
    """Same workbook, fixed timestamps: core.xml's created/modified dates (`core_date`, e.g.
    the data's as-of date) and every zip member's date."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                for tag in ("created", "modified"):
                    text = re.sub(rf"(<dcterms:{tag}[^>]*>)[^<]*(</dcterms:{tag}>)", rf"\g<1>{core_date}\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def safe_cell(value):
    """Text that a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def frame_csv(df: pd.DataFrame) -> bytes:
    """A chart's frame as UTF-8 CSV: field names as header, days as yyyy-mm-dd, true/false,
    and text a spreadsheet would run as a formula written as text."""
    out = df.copy()
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            out[name] = col.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(col):
            out[name] = col.map({True: "true", False: "false"})
        elif pd.api.types.is_string_dtype(col) or col.dtype == object:
            out[name] = col.map(safe_cell, na_action="ignore")
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")
