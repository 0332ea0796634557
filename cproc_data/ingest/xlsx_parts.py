"""The parts of an XLSX workbook other than its sheets, each parsed as a stream with expat:
which sheets there are (and which are hidden), the date styles, the shared strings.

Parts are parsed in chunks straight from the zip with namespaces resolved; DTDs are
refused, so no entity can expand (the defence defusedxml gives openpyxl).
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

CHUNK = 64 * 1024


class Refused(Exception):
    """The workbook cannot be read: the message says why."""


def local_name(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def stream_part(zf: zipfile.ZipFile, member: str, start, end=None, text=None) -> None:
    """Parse one part of the zip in chunks with expat (namespaces resolved, DTDs refused)."""
    p = expat.ParserCreate(namespace_separator=" ")

    def no_dtd(*_args):
        raise Refused(f"{member} declares a DTD, which a workbook never needs")

    p.StartDoctypeDeclHandler = no_dtd
    p.EntityDeclHandler = no_dtd
    p.ExternalEntityRefHandler = no_dtd
    p.StartElementHandler = start
    if end:
        p.EndElementHandler = end
    if text:
        p.CharacterDataHandler = text
    p.buffer_text = True
    with zf.open(member) as fh:
        while chunk := fh.read(CHUNK):
            p.Parse(chunk, False)
        p.Parse(b"", True)


def _part(zf: zipfile.ZipFile, base: str, target: str) -> str:
    path = target.lstrip("/") if target.startswith("/") else f"{base}/{target}"
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def workbook_sheets(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str, str]], bool, dict[str, str]]:
    """Sheets in order as (name, state, part), the 1904 date flag, and other parts by type."""
    rels: dict[str, tuple[str, str]] = {}

    def rel(name, attrs):
        if local_name(name) == "Relationship":
            rels[attrs.get("Id", "")] = (attrs.get("Type", "").rsplit("/", 1)[-1], attrs.get("Target", ""))

    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        stream_part(zf, "xl/_rels/workbook.xml.rels", rel)
    sheets: list[tuple[str, str, str]] = []
    flags = {"1904": False}

    def book(name, attrs):
        tag = local_name(name)
        if tag == "sheet":
            rid = next((v for k, v in attrs.items() if local_name(k) == "id"), "")
            target = rels.get(rid, ("", ""))[1]
            sheets.append((attrs.get("name", "?"), attrs.get("state", "visible"), _part(zf, "xl", target) if target else ""))
        elif tag == "workbookPr":
            flags["1904"] = attrs.get("date1904", "0") in ("1", "true")

    stream_part(zf, "xl/workbook.xml", book)
    others = {kind: _part(zf, "xl", target) for kind, target in rels.values() if kind in ("sharedStrings", "styles")}
    return sheets, flags["1904"], others


def date_styles(zf: zipfile.ZipFile, part: str | None) -> set[int]:
    """Indexes of the cell styles whose number format is a date."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    if not part or part not in zf.namelist():
        return set()
    custom: dict[int, str] = {}
    xfs: list[int] = []
    depth = {"cellXfs": False}

    def start(name, attrs):
        tag = local_name(name)
        if tag == "numFmt":
            custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            depth["cellXfs"] = True
        elif tag == "xf" and depth["cellXfs"]:
            xfs.append(int(attrs.get("numFmtId", "0")))

    def end(name):
        if local_name(name) == "cellXfs":
            depth["cellXfs"] = False

    stream_part(zf, part, start, end)
    return {i for i, fmt in enumerate(xfs) if is_date_format(custom.get(fmt) or BUILTIN_FORMATS.get(fmt, "General"))}


def shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    if not part or part not in zf.namelist():
        return []
    out: list[str] = []
    st = {"buf": [], "in_t": False, "skip": 0}

    def start(name, attrs):
        tag = local_name(name)
        if tag == "rPh":
            st["skip"] += 1  # phonetic guide: not part of the text
        elif tag == "t" and not st["skip"]:
            st["in_t"] = True

    def end(name):
        tag = local_name(name)
        if tag == "rPh":
            st["skip"] -= 1
        elif tag == "t":
            st["in_t"] = False
        elif tag == "si":
            out.append("".join(st["buf"]))
            st["buf"] = []

    def text(data):
        if st["in_t"]:
            st["buf"].append(data)

    stream_part(zf, part, start, end, text)
    return out
