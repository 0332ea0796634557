"""index.html: every chart with its caption, alt text, key numbers, caveats and source, and
links to its PNG, PDF, SVG and CSV data. One self-contained page: no script, no external
font or style sheet, every text HTML-escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from .. import __version__
from .annex import TITLE

CSS = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 52rem;
       padding: 1rem 1.25rem 3rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
section { border-top: 1px solid #ddd; padding-top: 1.25rem; margin-top: 1.5rem; }
figure { margin: 0; }
img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; }
.source { color: #555; }
a { color: #0b5a8e; }
"""


def _a(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def index_html(charts, day: date, workbook: str, annex: str = "annex.pdf") -> str:
    """The page for `charts`: (name, the figure's `cproc_meta`, its width and height in inches)
    in figure order; the files are `<name>.svg/.png/.pdf/.csv` beside it."""
    as_of = f"{day:%-d %B %Y}"
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(TITLE)} (data as of {as_of})</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(TITLE)}</h1>",
        f"<p>Data as of {as_of}. Produced by cproc-data {escape(__version__)}; every number has a source, "
        "named under its chart.</p>",
        "<p>"
        + " · ".join(
            [
                _a(annex, "Annex (PDF): every chart with its caption"),
                _a(workbook, "Workbook (XLSX): the data behind each chart"),
                _a("status.csv", "Status of every State (CSV)"),
                _a("manifest.json", "Manifest (JSON)"),
            ]
        )
        + "</p>",
        "<nav><ol>",
        *(f'<li><a href="#{escape(name)}">{escape(meta["title"])}</a></li>' for name, meta, _size in charts),
        "</ol></nav>",
        "</header>",
        "<main>",
    ]
    body = []
    for i, (name, meta, (w, h)) in enumerate(charts, start=1):
        body += [
            f'<section id="{escape(name)}">',
            f"<h2>Figure {i}. {escape(meta['title'])}</h2>",
            "<figure>",
            f'<img src="{escape(name)}.svg" alt="{escape(meta["alt"])}" width="{round(w * 96)}" height="{round(h * 96)}">',
            "<figcaption>",
        ]
        if meta["key_numbers"]:
            body += ["<ul>", *(f"<li>{escape(k)}</li>" for k in meta["key_numbers"]), "</ul>"]
        if meta["note"]:
            body.append(f'<p class="note">Caveats: {escape(meta["note"])}</p>')
        body += [
            f'<p class="source">Source: {escape(meta["source"])}. Data as of {as_of}.</p>',
            "<p>Files: "
            + " · ".join(
                _a(f"{name}.{ext}", label)
                for ext, label in (("png", "PNG"), ("pdf", "PDF"), ("svg", "SVG"), ("csv", "data (CSV)"))
            )
            + "</p>",
            "</figcaption>",
            "</figure>",
            "</section>",
        ]
    return "\n".join([*head, *body, "</main>", "</body>", "</html>", ""])
