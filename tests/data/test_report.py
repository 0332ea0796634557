"""`cproc-data report`: every file of the annex, from charts drawn once; the HTML index, the
annex PDF and the workbook an editor can use."""

import hashlib
import json
import re
from datetime import date, datetime
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest

from cproc_data.figures.registry import charts as registry
from cproc_data.metadata.fields import FIELDS
from cproc_data.publish.annex import _plan
from cproc_data.publish.report import ANNEX, INDEX, WORKBOOK, draw_all, save_report, write_report

AS_OF = date(2024, 3, 31)
A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)  # 210 x 297 mm


@pytest.fixture(scope="module")
def drawn():
    return draw_all(AS_OF)


@pytest.fixture(scope="module")
def report(drawn, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    lines = save_report(out, AS_OF, drawn)
    return out, lines


def test_report_writes_every_file_once(report, drawn):
    out, lines = report
    names = [n for n, _f, _g in drawn]
    assert names == list(registry())
    want = {f"{n}.{ext}" for n in names for ext in ("svg", "pdf", "png", "csv")}
    want |= {"status.csv", "manifest.json", ANNEX, INDEX, WORKBOOK}
    assert {p.name for p in out.iterdir()} == want
    assert sorted(lines) == sorted(f"wrote {out / f}" for f in want)


def test_report_is_byte_identical_across_runs(report, tmp_path):
    out, _ = report
    write_report(tmp_path, AS_OF)  # a second run, drawing everything again
    for p in sorted(out.iterdir()):
        assert (tmp_path / p.name).read_bytes() == p.read_bytes(), p.name


def test_manifest_lists_every_chart_file_with_its_hash(report, drawn):
    out, _ = report
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["as_of"] == AS_OF.isoformat()
    by_file = {e["file"]: e for e in manifest["files"]}
    for name, _frame, fig in drawn:
        for ext in ("svg", "pdf", "png", "csv"):
            e = by_file[f"{name}.{ext}"]
            assert (e["chart"], e["format"], e["title"], e["alt"]) == (name, ext, fig.cproc_meta["title"], fig.cproc_meta["alt"])
            assert e["sha256"] == hashlib.sha256((out / e["file"]).read_bytes()).hexdigest()


def test_chart_csv_is_the_frame_as_utf8_and_formula_safe(report, drawn):
    out, _ = report
    for name, frame, _fig in drawn:
        text = (out / f"{name}.csv").read_text(encoding="utf-8")
        back = pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str)
        assert list(back.columns) == list(frame.columns)
        assert len(back) == len(frame)
        for line in text.splitlines()[1:]:
            assert not re.match(r'^"?[=+@]', line), line
        for col in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[col]):
                want = frame[col].dt.strftime("%Y-%m-%d").fillna("")
                assert back[col].tolist() == want.tolist(), (name, col)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.links, self.tags, self.h2, self._in_h2 = [], [], [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "img":
            self.images.append(a)
        if tag in ("a", "link") and "href" in a:
            self.links.append(a["href"])
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.h2[-1] += data


def test_index_links_only_files_that_exist_and_every_image_has_the_manifest_alt(report, drawn):
    out, _ = report
    text = (out / INDEX).read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = _Page()
    page.feed(text)
    page.close()
    manifest = {e["file"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert [img["src"] for img in page.images] == [f"{n}.svg" for n, _f, _g in drawn]
    for img in page.images:
        assert img["alt"].strip() and img["alt"] == manifest[img["src"]]["alt"]
        assert int(img["width"]) > 0 and int(img["height"]) > 0
    files = [h for h in page.links if not h.startswith(("#", "data:"))]
    assert files and all((out / h).is_file() for h in files), [h for h in files if not (out / h).is_file()]
    for name, _f, _g in drawn:
        assert {f"{name}.{ext}" for ext in ("png", "pdf", "svg", "csv")} <= set(files)
    assert {ANNEX, WORKBOOK, "status.csv", "manifest.json"} <= set(files)
    # self-contained: no script, no external resource; text escaped (titles come back whole)
    assert not [t for t, _a in page.tags if t in ("script", "iframe", "object")]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert page.h2 == [f"Figure {i}. {g.cproc_meta['title']}" for i, (_n, _f, g) in enumerate(drawn, start=1)]


def test_annex_is_a4_with_a_contents_page_and_one_page_per_chart(report, drawn):
    out, _ = report
    pdf = (out / ANNEX).read_bytes()
    spills = sum(_plan(i, fig).spill for i, (_n, _f, fig) in enumerate(drawn, start=1))
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 1 + len(drawn) + spills
    boxes = set(re.findall(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", pdf))
    assert boxes and all((float(w), float(h)) == pytest.approx(A4_POINTS, abs=0.01) for w, h in boxes)
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf and b"/Producer" not in pdf
    assert b"/Title" in pdf


def test_annex_page_carries_number_caption_key_numbers_source_and_caveats(drawn):
    for i, (_name, _frame, fig) in enumerate(drawn, start=1):
        meta = fig.cproc_meta
        page = _plan(i, fig)
        above = " ".join(p.text for p in page.above)
        below = [p.text for p in page.below]
        assert above.startswith(f"Figure {i}. {meta['title']}")
        assert all(f"\u2022 {k}" in below for k in meta["key_numbers"])
        assert f"Source: {meta['source']}" in below
        if meta["note"]:
            assert f"Caveats: {meta['note']}" in below


# --- the workbook ---------------------------------------------------------------------------


def _kind(s: pd.Series) -> str:
    """What a column is once in a spreadsheet. Excel has one number type and pandas reads a
    whole number as an integer: a number column whose values are all whole and present is an
    integer column; with a gap or a fraction, a float column."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return "datetime"
    if pd.api.types.is_bool_dtype(s):
        return "bool"
    if pd.api.types.is_numeric_dtype(s):
        v = s.astype("Float64")
        return "int" if v.notna().all() and (v.dropna() % 1 == 0).all() else "float"
    return "text"


def test_every_chart_frame_column_is_in_the_field_dictionary_with_a_label_and_its_type(drawn):
    for name, frame, _fig in drawn:
        for col in frame.columns:
            assert col in FIELDS, f"{name}.{col}: add it to cproc_data/metadata/fields.py"
            f = FIELDS[col]
            assert f.label, f"{name}.{col}: give the field a short label"
            kind = _kind(frame[col])
            allowed = {
                "date": {"datetime"},
                "isodate": {"datetime", "text"},
                "integer": {"int", "float"},  # float: a count with a gap
                "number": {"int", "float"},
                "boolean": {"bool"},
                "string": {"text"},
            }[f.type]
            assert kind in allowed, f"{name}.{col} holds {kind}, the field says {f.type}"


def test_workbook_gives_back_each_frame_with_the_same_types(report, drawn):
    out, _ = report
    path = out / WORKBOOK
    for name, frame, _fig in drawn:
        back = pd.read_excel(path, sheet_name=name)
        assert list(back.columns) == [FIELDS[c].header for c in frame.columns]
        assert len(back) == len(frame), f"{name}: rows under the data"
        for col, got in zip(frame.columns, back.columns):
            kind = _kind(frame[col])
            dtype = back[got].dtype
            want = {
                "datetime": pd.api.types.is_datetime64_any_dtype,
                "bool": pd.api.types.is_bool_dtype,
                "int": lambda d: d == "int64",
                "float": lambda d: d == "float64",
                "text": lambda d: pd.api.types.is_string_dtype(d) or pd.api.types.is_object_dtype(d),
            }[kind]
            assert want(dtype), f"{name}.{col}: {frame[col].dtype} came back as {dtype}"
            if kind in ("int", "float"):
                assert back[got].tolist() == pytest.approx(frame[col].astype("float64").tolist(), nan_ok=True)
            elif kind == "datetime":
                assert back[got].equals(frame[col].astype(back[got].dtype)), (name, col)
            elif kind == "text":
                want_text = frame[col].astype(object).where(frame[col].notna() & (frame[col] != ""), None).tolist()
                got_text = back[got].astype(object).where(back[got].notna(), None).tolist()
                assert [g.removeprefix("'") if isinstance(g, str) else g for g in got_text] == [
                    w.removeprefix("'") if isinstance(w, str) else w for w in want_text
                ], (name, col)


def test_workbook_readme_first_dates_euros_and_properties(report, drawn):
    from openpyxl import load_workbook

    wb = load_workbook(report[0] / WORKBOOK)
    assert wb.sheetnames == ["README", *[n[:31] for n, _f, _g in drawn]]
    readme = [[c.value for c in row] for row in wb["README"].iter_rows()]
    header = readme.index(["Sheet", "Figure", "Title", "Key numbers", "Caveats", "Source", "As of"])
    for i, (name, _frame, fig) in enumerate(drawn, start=1):
        meta = fig.cproc_meta
        row = readme[header + i]
        assert row[:3] == [name, f"Figure {i}", meta["title"]]
        assert (row[3] or "") == "\n".join(meta["key_numbers"])
        assert row[4] == meta["note"] and row[5] == meta["source"]
        assert row[6] == datetime(AS_OF.year, AS_OF.month, AS_OF.day)
    for name, frame, _fig in drawn:
        ws = wb[name[:31]]
        assert ws.freeze_panes == "A2" and ws["A1"].font.bold
        assert ws.max_row == len(frame) + 1  # nothing under the data
        for j, col in enumerate(frame.columns, start=1):
            cells = [ws.cell(r, j) for r in range(2, ws.max_row + 1) if ws.cell(r, j).value is not None]
            if pd.api.types.is_datetime64_any_dtype(frame[col]):
                assert all(isinstance(c.value, datetime) and c.number_format == "yyyy-mm-dd" for c in cells), (name, col)
            if FIELDS[col].unit == "EUR":
                assert cells and all("EUR" in c.number_format for c in cells), (name, col)
    assert "2024-03-31" in wb.properties.title
    assert wb.properties.created == datetime(2024, 3, 31) == wb.properties.modified


def test_every_field_has_its_own_column_header():
    """Workbook headers name fields one to one, so that a sheet can be read back by field."""
    from collections import Counter

    from cproc_data.metadata.fields import FIELDS

    counts = Counter(f.header for f in FIELDS.values())
    assert [h for h, n in counts.items() if n > 1] == []
