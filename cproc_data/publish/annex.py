"""annex.pdf: every chart on an A4 page, numbered, with its caption, key numbers, source and caveats.

Each chart is placed on its page as drawn (vector, its own layout, not redrawn): the same
Figure is saved once more with `bbox_inches` set to the A4 page around it, and the caption
lines are added to the figure for that save only. A contents page comes first. The pages
go through matplotlib's PdfPages with no dates and no producer (and matplotlib writes no
/ID), so two runs give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from .. import __version__
from ..figures import style
from .files import layout_as_is

MM = 1 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM  # A4, inches
TEXT_W = 160 * MM  # the house text width: full-width charts span it
LEFT = (PAGE_W - TEXT_W) / 2
TOP, BOTTOM = 22 * MM, 20 * MM
LINE = 1.45 / 72  # inches per point of font size, per line (DejaVu Sans at linespacing 1.2)
INK, GREY = "#222222", style.FOOTER_COLOR
TITLE = "Charts on the Convention on Cybercrime, its Protocols and C-PROC"


@dataclass
class Para:
    """A paragraph: wrapped to the text width when planned; `gap` points above it."""

    text: str
    size: float = 8.5
    bold: bool = False
    color: str = INK
    gap: float = 0.0
    lines: str = ""

    def height(self) -> float:
        return self.gap / 72 + (self.lines.count("\n") + 1) * self.size * LINE


@dataclass
class Page:
    """One chart's page: caption above the chart, the rest below (or on a page of its own)."""

    number: int
    fig: object
    above: list[Para] = field(default_factory=list)
    below: list[Para] = field(default_factory=list)
    spill: bool = False  # the text below does not fit: it goes on the next page


def _day(iso: str) -> str:
    return f"{date.fromisoformat(iso):%-d %B %Y}"


def _wrap(paras: list[Para], width_in: float) -> list[Para]:
    from matplotlib.figure import Figure

    probe = Figure(figsize=(width_in, 1))
    for p in paras:
        p.lines = style.wrap(p.text, probe, p.size, 1.0, bold=p.bold)
    return paras


def _plan(number: int, fig) -> Page:
    meta = fig.cproc_meta
    above = [Para(f"Figure {number}. {meta['title']}", 10, bold=True), Para(meta["alt"], 8.5, color=GREY, gap=3)]
    below = []
    if meta["key_numbers"]:
        below.append(Para("Key numbers", 9, bold=True, gap=10))
        below += [Para(f"\u2022 {k}", 9, gap=2) for k in meta["key_numbers"]]
    below.append(Para(f"Source: {meta['source']}", 8, gap=8))
    if meta["note"]:
        below.append(Para(f"Caveats: {meta['note']}", 8, gap=4))
    below.append(Para(f"Data as of {_day(meta['as_of'])}.", 8, color=GREY, gap=4))
    page = Page(number, fig, _wrap(above, TEXT_W), _wrap(below, TEXT_W))
    h_above = sum(p.height() for p in above) + 8 / 72
    room = PAGE_H - TOP - BOTTOM - h_above - fig.get_figheight()
    if room < 0:
        raise ValueError(f"{meta['title']!r}: the chart ({fig.get_figheight():.1f} in high) does not fit an A4 annex page")
    page.spill = room < sum(p.height() for p in below)
    return page


def _place(fig, paras: list[Para], top: float, origin: tuple[float, float]) -> tuple[list, float]:
    """Put `paras` on the page from `top` down (page inches); returns the texts and the bottom."""
    x0, y0 = origin  # the figure's lower left corner on the page
    w, h = fig.get_size_inches()
    texts, y = [], top
    for p in paras:
        y -= p.gap / 72
        texts.append(
            fig.text(
                (LEFT - x0) / w,
                (y - y0) / h,
                p.lines,
                fontsize=p.size,
                fontweight="bold" if p.bold else "normal",
                color=p.color,
                ha="left",
                va="top",
                linespacing=1.2,
            )
        )
        y -= p.height() - p.gap / 72
    return texts, y


def _running(fig, origin, page_no: int, pages: int, as_of: str) -> list:
    x0, y0 = origin
    w, h = fig.get_size_inches()
    kw = {"fontsize": 7, "color": GREY}
    return [
        fig.text((LEFT - x0) / w, (PAGE_H - 12 * MM - y0) / h, f"Annex. {TITLE}", ha="left", va="baseline", **kw),
        fig.text((LEFT + TEXT_W - x0) / w, (PAGE_H - 12 * MM - y0) / h, f"Data as of {as_of}", ha="right", va="baseline", **kw),
        fig.text((PAGE_W / 2 - x0) / w, (10 * MM - y0) / h, f"{page_no} / {pages}", ha="center", va="baseline", **kw),
    ]


def _text_page(pdf, paras: list[Para], page_no: int, pages: int, as_of: str, right: list[tuple[float, str]] = ()) -> None:
    """A page of text only (the contents, or the text that did not fit under a chart)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(PAGE_W, PAGE_H))
    _running(fig, (0, 0), page_no, pages, as_of)
    _place(fig, paras, PAGE_H - TOP, (0, 0))
    for y, text in right:  # page numbers of the contents, right-aligned
        fig.text((LEFT + TEXT_W) / PAGE_W, y / PAGE_H, text, fontsize=9, ha="right", va="top", color=INK)
    pdf.savefig(fig)


def _contents(pages: list[Page], first: dict[int, int], as_of: str) -> tuple[list[Para], list[tuple[float, str]]]:
    paras = _wrap(
        [
            Para(TITLE, 15, bold=True),
            Para(
                f"Annex produced by cproc-data {__version__} from its sourced record; data as of {as_of}. Each figure "
                "is also available as SVG, PDF and PNG, with its data as CSV and in the workbook "
                "(cproc-data-tables.xlsx). Every number has a source, named under the figure; where the record "
                "cannot decide a count, the figure gives its range and says so.",
                9,
                gap=10,
            ),
            Para("Figures", 11, bold=True, gap=16),
        ],
        TEXT_W,
    )
    entries = _wrap([Para(f"Figure {p.number}. {p.fig.cproc_meta['title']}", 9, gap=6) for p in pages], TEXT_W - 0.5)
    top = PAGE_H - TOP - sum(p.height() for p in paras)
    right = []
    for e, p in zip(entries, pages):
        top -= e.gap / 72
        right.append((top, str(first[p.number])))
        top -= e.height() - e.gap / 72
    return paras + entries, right


def annex_pdf(figures, day: date, laid_out: bool = False) -> bytes:
    """The annex for `figures` (in figure order; each with `cproc_meta`) at the as-of `day`.
    `laid_out`: the figures were saved before, so their last layout is kept (no layout pass)."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.transforms import Bbox

    as_of = f"{day:%-d %B %Y}"
    pages = [_plan(i, fig) for i, fig in enumerate(figures, start=1)]
    first, n = {}, 1  # page 1: contents
    for p in pages:
        first[p.number] = n + 1
        n += 2 if p.spill else 1
    buf = io.BytesIO()
    meta = {
        "Title": f"Annex. {TITLE} (data as of {as_of})",
        "Subject": "Every chart of cproc-data, numbered, with its caption, key numbers, source line and caveats",
        "Author": "cproc-data",
        "Keywords": "Budapest Convention; ETS 185; ETS 189; CETS 224; C-PROC; Council of Europe",
        "Creator": None,
        "Producer": None,
        "CreationDate": None,
        "ModDate": None,
    }
    with style.context(), PdfPages(buf, metadata=meta) as pdf:
        paras, right = _contents(pages, first, as_of)
        _text_page(pdf, paras, 1, n, as_of, right)
        for p in pages:
            fig = p.fig
            w, h = fig.get_size_inches()
            top = PAGE_H - TOP
            x0 = LEFT + (TEXT_W - w) / 2
            y0 = top - sum(q.height() for q in p.above) - 8 / 72 - h
            texts, _ = _place(fig, p.above, top, (x0, y0))
            if not p.spill:
                texts += _place(fig, p.below, y0 - 2 / 72, (x0, y0))[0]
            texts += _running(fig, (x0, y0), first[p.number], n, as_of)
            page = Bbox.from_bounds(-x0, -y0, PAGE_W, PAGE_H)
            try:
                if laid_out:
                    with layout_as_is(fig):
                        pdf.savefig(fig, bbox_inches=page)
                else:
                    pdf.savefig(fig, bbox_inches=page)
            finally:
                for t in texts:
                    t.remove()
            if p.spill:
                cont = _wrap([Para(f"Figure {p.number} (continued)", 10, bold=True)], TEXT_W) + p.below
                _text_page(pdf, cont, first[p.number] + 1, n, as_of)
    return buf.getvalue()
