"""Deterministic bytes: the same figure or workbook gives the same file on every run.

SVG with a fixed `svg.hashsalt` and no date; PDF without creation/modification dates;
PNG without the software tag; XLSX re-zipped with fixed member dates and fixed document
properties (`normalise_xlsx`).
"""

from __future__ import annotations

import html
import io
import re
import zipfile

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
    if fmt == "svg" and meta:
        data = svg_with_title(data, meta["title"], meta["alt"])
    return data


def svg_with_title(data: bytes, title: str, desc: str) -> bytes:
    """The SVG with `<title>` and `<desc>` as the first children of its root element (read by screen readers)."""
    text = data.decode("utf-8")
    start = re.search(r"<svg\b[^>]*>", text)
    if start is None:
        return data
    head = f"\n <title>{html.escape(title)}</title>\n <desc>{html.escape(desc)}</desc>"
    return (text[: start.end()] + head + text[start.end() :]).encode("utf-8")


def normalise_xlsx(data: bytes) -> bytes:
    """Same workbook, fixed timestamps: core.xml dates and every zip member's date."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                for tag in ("created", "modified"):
                    text = re.sub(rf"(<dcterms:{tag}[^>]*>)[^<]*(</dcterms:{tag}>)", rf"\g<1>{FIXED_CORE_DATE}\g<2>", text)
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
