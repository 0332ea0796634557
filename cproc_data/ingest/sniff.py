"""What a user's file is, told by its bytes, and the limits every reader of a user file keeps.

Both readers of user files (pasted Treaty Office charts, `chart_file`; C-PROC activity
registers, `activity_register`) start here, so the same file gets the same answer and the
same limits whichever reads it. A file is read only when its bytes are what its name says
(a CSV, or an XLSX workbook); otherwise the message names what the bytes are (an encrypted
workbook, an Excel 97-2003 .xls, an OpenDocument .ods, a CSV renamed .xlsx, a folder ...)
and what to do. Nothing here parses cells: see `tabular`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataProblem


@dataclass(frozen=True)
class Limits:
    """Bounds on a user's file, checked before (or while) it is parsed. A chart is a few
    kilobytes and a register a few thousand rows; the limits leave ample room for both and
    keep a hostile file under a few seconds and a few hundred megabytes."""

    file_bytes: int = 10 * 1024 * 1024  # the file as stored
    member_bytes: int = 16 * 1024 * 1024  # one part of an XLSX (zip) once uncompressed
    unzipped_bytes: int = 32 * 1024 * 1024  # all parts of an XLSX once uncompressed
    members: int = 1000  # parts of an XLSX (a workbook has a few dozen)
    rows: int = 20_000  # the last row that may hold a value (header included)
    columns: int = 64  # the last column that may hold a value (BL)
    cells: int = 200_000  # cells in one sheet, empty formatted ones included (parsing time)
    cell_chars: int = 32_767  # characters in one cell: Excel's own limit


LIMITS = Limits()
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File Binary (OLE2)
SAVE_AS = "save it as Excel Workbook (.xlsx) or CSV UTF-8"


def mb(n: int) -> str:
    """Bytes as MB (MiB) for messages: whole where exact or large, else one decimal."""
    m = n / (1024 * 1024)
    return f"{m:,.0f} MB" if m.is_integer() or m >= 100 else f"{m:.1f} MB"


def what_bytes(data: bytes) -> str:
    """A short name for what `data` is: xlsx, xlsb, ods, zip, encrypted, xls, ole, pdf, html,
    xml, utf16, text or binary."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "encrypted"  # an OOXML workbook saved with a password is an OLE container
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return "xls"
        return "ole"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        if "mimetype" in names or "content.xml" in names:
            return "ods"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "xl/workbook.bin" in names:
            return "xlsb"
        return "zip"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<table" in head:
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf16"
    sample = data[:65536]
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) // 4:
        return "binary"
    return "text"


KIND_MESSAGES = {
    "encrypted": "an encrypted (password-protected) workbook: open it in Excel, remove the password "
    "(File > Info > Protect Workbook > Encrypt with Password) and " + SAVE_AS,
    "xls": "an Excel 97-2003 workbook (.xls, OLE format), not .xlsx: " + SAVE_AS,
    "ole": "an OLE compound document (an old Office file), not a workbook this package reads: " + SAVE_AS,
    "ods": "an OpenDocument spreadsheet (.ods, LibreOffice or Numbers): " + SAVE_AS,
    "xlsb": "an Excel binary workbook (.xlsb): " + SAVE_AS,
    "zip": "a zip archive with no Excel workbook in it (no xl/workbook.xml)",
    "pdf": "a PDF document: copy the chart into a spreadsheet and " + SAVE_AS,
    "html": "a web page (HTML, or Excel's 'Web Page' format): copy the chart into a spreadsheet and " + SAVE_AS,
    "xml": "an XML file (such as Excel's 'XML Spreadsheet 2003'), not .xlsx: " + SAVE_AS,
    "binary": "binary data, not text or a workbook",
}


def sniff(path: Path, label: str, limits: Limits = LIMITS) -> tuple[str | None, bytes, list[DataProblem]]:
    """('csv' or 'xlsx', the file's bytes, []) for a file a reader may parse; otherwise
    (None, b"", [the reason, naming what the file is])."""

    def refuse(rule: str, value: str | None = None) -> tuple[None, bytes, list[DataProblem]]:
        return None, b"", [DataProblem(label, None, None, value, rule)]

    try:
        if path.is_dir():
            return refuse("a folder, not a file: give the chart or register file itself")
        size = path.stat().st_size
    except FileNotFoundError:
        return refuse("file not found")
    except OSError as exc:
        return refuse(f"cannot read the file: {exc.strerror or type(exc).__name__}")
    if not path.is_file():
        return refuse("not a regular file (a device, a pipe or a socket)")
    if size > limits.file_bytes:
        return refuse(f"file larger than the {mb(limits.file_bytes)} limit: a chart or a register is far smaller", mb(size))
    try:
        with open(path, "rb") as fh:
            data = fh.read(limits.file_bytes + 1)
    except OSError as exc:
        return refuse(f"cannot read the file: {exc.strerror or type(exc).__name__} (check its permissions)")
    if len(data) > limits.file_bytes:
        return refuse(f"file larger than the {mb(limits.file_bytes)} limit", f"over {mb(limits.file_bytes)}")
    if not data:
        return refuse("empty file")
    kind = what_bytes(data)
    suffix = path.suffix.lower()
    if kind in ("text", "utf16") and suffix in TEXT_SUFFIXES:
        return "csv", data, []
    if kind == "xlsx" and suffix in XLSX_SUFFIXES:
        problems = check_zip(data, label, limits)
        return ("xlsx", data, []) if not problems else (None, b"", problems)
    if kind == "xlsx" and suffix in TEXT_SUFFIXES:
        return refuse(f"an XLSX workbook named {suffix}: rename it to .xlsx")
    if kind in ("text", "utf16") and suffix in XLSX_SUFFIXES:
        return refuse(f"a text (CSV) file named {suffix}, not an XLSX workbook: rename it to .csv")
    if kind in KIND_MESSAGES:
        return refuse(KIND_MESSAGES[kind])
    return refuse(f"not a .csv or .xlsx file (a {kind} file named {suffix or 'without an extension'})")


def check_zip(data: bytes, label: str, limits: Limits = LIMITS) -> list[DataProblem]:
    """Every part of an XLSX within the limits once uncompressed, checked before parsing.

    The sizes are those the zip declares; `tabular` reads each part through `zipfile`,
    which never returns more than the declared size (and fails on a part that lies)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [DataProblem(label, None, None, None, f"not a readable XLSX workbook (damaged zip: {exc})")]
    if len(infos) > limits.members:
        return [DataProblem(label, None, None, f"{len(infos):,} parts", f"more than {limits.members:,} parts in the workbook")]
    problems = [
        DataProblem(
            label,
            None,
            None,
            f"{i.filename}: {mb(i.file_size)}",
            f"a part of the workbook inflates to more than the {mb(limits.member_bytes)} limit (a zip bomb, or "
            "a sheet with millions of cells): delete the unused rows and columns, or copy the table into a new workbook",
        )
        for i in infos
        if i.file_size > limits.member_bytes
    ]
    total = sum(i.file_size for i in infos)
    if not problems and total > limits.unzipped_bytes:
        problems.append(
            DataProblem(label, None, None, mb(total), f"the workbook inflates to more than the {mb(limits.unzipped_bytes)} limit")
        )
    return problems
