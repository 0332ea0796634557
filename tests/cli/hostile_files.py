"""Generator of the hostile and awkward input files in tests/cli/bad_inputs/.

Small files are committed; regenerate them with

    .venv/bin/python tests/cli/hostile_files.py

Large or hostile ones (a stray cell at XFD1048576, a sheet that inflates to 200 MB, a
10 MB CSV, a file over the size limit, a 140,000-character cell, workbooks over 2 MB, a
file name with control characters, a folder, an unreadable file) are written by `large`
at test time into a temporary folder and never committed. Workbooks are written by hand
(a minimal, valid XLSX: inline strings, one date style) so that each oddity is exactly
the one intended; every row is synthetic and exists to be wrong.
"""

from __future__ import annotations

import os
import struct
import sys
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from cproc_data.ingest.grid import column_letter as col

HERE = Path(__file__).parent / "bad_inputs"
HEADER = ["State", "Signature", "Ratification", "Entry into force", "Notes"]
REGISTER = ["date", "country_or_region", "project", "activity_type", "participants", "title", "notes"]
FIXED = (2024, 1, 1, 0, 0, 0)  # zip timestamps: the files are byte-identical on every run
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --- a minimal XLSX writer ---------------------------------------------------------------


def _cell(ref: str, v) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return f'<c r="{ref}" s="1"><v>{(v - date(1899, 12, 30)).days}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if isinstance(v, str) and v.startswith("="):
        return f'<c r="{ref}"><f>{escape(v[1:])}</f></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(v))}</t></is></c>'


def sheet_xml(rows, merged=(), extra: dict | None = None, dimension: str | None = None) -> str:
    body = []
    for i, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{col(j)}{i}", v) for j, v in enumerate(row, start=1))
        if cells:
            body.append(f'<row r="{i}">{cells}</row>')
    for ref, v in (extra or {}).items():  # far-away cells, in row order after the table
        row = "".join(ch for ch in ref if ch.isdigit())
        body.append(f'<row r="{row}">{_cell(ref, v)}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    merge = (
        (f'<mergeCells count="{len(merged)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merged) + "</mergeCells>")
        if merged
        else ""
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{dim}<sheetData>{"".join(body)}</sheetData>{merge}</worksheet>'


STYLES = (  # the minimal styles part Excel and openpyxl accept: style 1 is a date (number format 14)
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def xlsx(path: Path, sheets: list[dict], pad: int = 0) -> Path:
    """sheets: dicts with name, xml (a worksheet) and optional state ('hidden').
    `pad` adds that many incompressible bytes (an image part), to pass a size threshold."""
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{types}</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{RELS}"><sheets>'
        + "".join(
            f'<sheet name="{escape(s["name"])}" sheetId="{i}" r:id="rId{i}"'
            + (f' state="{s["state"]}"' if s.get("state") else "")
            + "/>"
            for i, s in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="{RELS}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": STYLES,
        **{f"xl/worksheets/sheet{i}.xml": s["xml"] for i, s in enumerate(sheets, start=1)},
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, FIXED), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
        if pad:
            z.writestr(zipfile.ZipInfo("xl/media/image1.png", FIXED), os.urandom(pad), zipfile.ZIP_STORED)
    return path


def chart_sheet(rows, name="chart", **kw) -> dict:
    return {"name": name, "xml": sheet_xml([HEADER, *rows], **kw)}


# --- other formats, told apart by their bytes -----------------------------------------------


def cfb(path: Path, streams: list[str]) -> Path:
    """A minimal valid OLE2 compound file (version 3) with empty streams of these names."""
    end, free, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0) + struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<II", 0xFFFFFFFD, end) + struct.pack("<I", free) * 126

    def entry(name, kind, right=nostream, child=nostream):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        return (
            raw.ljust(64, b"\x00")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", nostream, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", end, 0)
        )

    names = ["Root Entry", *streams]
    entries = [entry("Root Entry", 5, child=1)]
    entries += [entry(n, 2, right=i + 1 if i + 1 < len(names) else nostream) for i, n in enumerate(streams, start=1)]
    directory = b"".join(entries).ljust(512, b"\x00")
    path.write_bytes(header + fat + directory)
    return path


def ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", FIXED), b"application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr(
            zipfile.ZipInfo("content.xml", FIXED), b'<?xml version="1.0"?><office:document-content/>', zipfile.ZIP_DEFLATED
        )
    return path


def text(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def csv_rows(rows, sep=",", eol="\n") -> str:
    return "".join(sep.join(r) + eol for r in rows)


# --- the committed small files ---------------------------------------------------------------


def small(folder: Path = HERE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    f = folder
    ok_rows = [["Japan", "23/11/2001", "03/07/2012", "01/11/2012", ""], ["Canada", "23/11/2001", "08/07/2015", "01/11/2015", ""]]
    register_ok = [date(2024, 3, 5), "Ghana", "GLACY-e", "training", 25, "synthetic", ""]
    out = [
        # bounded reads, formats told apart by their bytes
        cfb(f / "encrypted.xlsx", ["EncryptionInfo", "EncryptedPackage"]),
        cfb(f / "legacy.xls", ["Workbook"]),
        ods(f / "opendocument.ods"),
        text(f / "csv_renamed.xlsx", csv_rows([HEADER[:4], ["Albania", "23/11/2001", "20/06/2002", "01/07/2004"]])),
        text(
            f / "too_many_columns.csv", csv_rows([HEADER[:4], ["Albania", "23/11/2001", "20/06/2002", "01/07/2004", *["x"] * 70]])
        ),
        # charts as people paste them; each holds one deliberate error that proves the rest was read
        text(
            f / "semicolon_fr_de.csv",
            b"\xef\xbb\xbf"
            + csv_rows(
                [HEADER[:4], ["Albania", "23.11.2001", "20.06.2002", "01.07.2004"], ["Austria", "31.02.2003", "", ""]],
                ";",
                "\r\n",
            ).encode(),
        ),
        text(
            f / "cr_only_mac.csv",
            csv_rows([HEADER[:4], ["Albania", "23/11/2001", "20/06/2002", "01/07/2004"], ["Atlantis", "", "", ""]], eol="\r"),
        ),
        text(
            f / "dates_with_time.csv",
            csv_rows(
                [
                    HEADER[:4],
                    ["Albania", "23/11/2001 00:00", "2002-06-20 00:00:00", "2004-07-01T00:00:00"],
                    ["Austria", "23/11/2001 00:00", "13/06/2012 00:00", "15/07/2012 00:00"],
                ]
            ),
        ),
        text(
            f / "footnote_markers.csv",
            csv_rows(
                [
                    HEADER[:4],
                    ["Germany (1)", "23/11/2001", "09/03/2009", "01/07/2009"],
                    ["France*", "23/11/2001", "10/01/2006", "01/05/2006"],
                    ["Italy²", "23/11/2001", "05/06/2008", "01/10/2008"],
                    ["Atlantis (2)", "23/11/2001", "", ""],
                ]
            ),
        ),
        text(
            f / "french_chart.csv",
            csv_rows(
                [
                    ["États", "Signature", "Ratification", "Entrée en vigueur", "Renvois"],
                    ["Allemagne", "23/11/2001", "09/03/2009", "01/07/2009", ""],
                    ["République de Moldova", "23/11/2001", "12/05/2009", "01/09/2009", ""],
                    ["Royaume-Uni", "23/11/2001", "25/05/2011", "01/09/2011", ""],
                    ["Ruritanie", "23/11/2001", "", "", ""],
                ]
            ),
        ),
        xlsx(
            f / "hidden_first_sheet.xlsx",
            [
                {**chart_sheet([["Stale State", "1/1/2001", "", "", ""]], name="old"), "state": "hidden"},
                chart_sheet([ok_rows[0], ["Atlantis", "23/11/2001", "", "", ""]]),
            ],
        ),
        xlsx(
            f / "empty_first_sheet.xlsx",
            [{"name": "Sheet1", "xml": sheet_xml([])}, chart_sheet([ok_rows[0], ["Atlantis", "", "", "", ""]])],
        ),
        xlsx(
            f / "merged_signature.xlsx",
            [
                chart_sheet(
                    [
                        ["Japan", "23/11/2001", "03/07/2012", "01/11/2012", ""],
                        ["United States", None, "29/09/2006", "01/01/2007", ""],
                        ok_rows[1],
                    ],
                    merged=["B2:B4"],
                )
            ],
        ),
        text(
            f / "nul_bytes.csv",
            csv_rows([HEADER[:4], ["Albania", "23/11/2001", "20/06/2002", "01/07/2004"]]).encode() + b"Aust\x00ria,,,\n",
        ),
        # the activity register
        text(
            f / "register.csv",
            csv_rows(
                [
                    REGISTER,
                    ["2024-03-05", "Ghana", "GLACY-e", "training", "25", "synthetic", ""],
                    ["2024-03-06", "Ghana", "GLACY-e", "training", "1000000000000", "synthetic", ""],
                ]
            ),
        ),
        xlsx(
            f / "register_bad_values.xlsx",
            [
                {
                    "name": "activities",
                    "xml": sheet_xml(
                        [
                            REGISTER,
                            register_ok,
                            [date(2099, 1, 1), "Ghana", "GLACY-e", "training", 10, "synthetic: 2099", ""],
                            [date(1900, 1, 1), "Ghana", "GLACY-e", "training", 10, "synthetic: serial 1", ""],
                            ["0001-01-01", "Ghana", "GLACY-e", "training", 10, "synthetic: year 1", ""],
                            [date(2024, 3, 6), "Ghana", "GLACY-e", "training", 10**12, "synthetic: 10^12", ""],
                            [date(2024, 3, 7), "Ghana", "GLACY-e", "training", 0, "synthetic: zero", ""],
                            [date(2024, 3, 8), "Ghana", "GLACY-e", "training", 2.5, "synthetic: fraction", ""],
                        ]
                    ),
                }
            ],
        ),
        xlsx(
            f / "register_formula_merged.xlsx",
            [
                {
                    "name": "activities",
                    "xml": sheet_xml(
                        [
                            REGISTER,
                            register_ok,
                            [date(2024, 3, 6), "Ghana", "GLACY-e", "training", "=E2*2", "synthetic: formula", ""],
                            [date(2024, 3, 7), "Ghana", "CyberEast", "workshop", 10, "synthetic: merged project", ""],
                            [date(2024, 3, 8), "Ghana", None, "workshop", 10, "synthetic: merged project", ""],
                        ],
                        merged=["C4:C5"],
                    ),
                }
            ],
        ),
        xlsx(
            f / "register_empty_first_cell.xlsx",
            [
                {
                    "name": "activities",
                    "xml": sheet_xml([REGISTER, register_ok, [None, "Ghana", "GLACY-e", "training", 10, "synthetic", ""]]),
                }
            ],
        ),
        # messages: an ANSI escape and a newline inside a value
        text(f / "control_chars.csv", csv_rows([HEADER[:4], ['"Evil\x1b[31m\nState"', "", "", ""]])),
        # a chart that contradicts the sources: --write's checks, reported against this file
        text(f / "contradicts_sources.csv", csv_rows([HEADER[:4], ["Albania", "23/11/2001", "21/06/2002", "01/07/2004"]])),
    ]
    return out


# --- the large or hostile files, written at test time -----------------------------------------


def zip_bomb(path: Path, inflated_mb: int = 200) -> Path:
    """A valid workbook whose sheet inflates to `inflated_mb` MB of empty cells (about 200 KB stored)."""
    base = xlsx(path.with_name(path.stem + "-base.xlsx"), [chart_sheet([])])
    block = (("<row>" + "<c/>" * 1000 + "</row>") * 100).encode()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info, src.read(info.filename))
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><worksheet xmlns="{NS}"><sheetData>'.encode())
            for _ in range(inflated_mb * 1024 * 1024 // len(block)):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")
    base.unlink()
    return path


def large(folder: Path) -> dict[str, Path]:
    """The files generated at test time (not committed): name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    f = folder
    rows = [["Japan", "23/11/2001", "03/07/2012", "01/11/2012", ""]]
    out = {
        "stray_cell_xfd1048576.xlsx": xlsx(  # a chart sheet and a register sheet, each with the stray cell
            f / "stray_cell_xfd1048576.xlsx",
            [
                chart_sheet(rows, extra={"XFD1048576": "x"}, dimension="A1:XFD1048576"),
                {"name": "activities", "xml": sheet_xml([REGISTER], extra={"XFD1048576": "x"}, dimension="A1:XFD1048576")},
            ],
        ),
        "zip_bomb_sheet.xlsx": zip_bomb(f / "zip_bomb_sheet.xlsx"),
        "ten_mb.csv": text(
            f / "ten_mb.csv", (csv_rows([HEADER[:4]]) + "Albania,23/11/2001,20/06/2002,01/07/2004\n" * 240_000).encode()
        ),
        "merged_read_only_size.xlsx": xlsx(
            f / "merged_read_only_size.xlsx",
            [chart_sheet([rows[0], ["United States", None, "29/09/2006", "01/01/2007", ""]], merged=["B2:B3"])],
            pad=2_500_000,
        ),
        "register_empty_first_cell_large.xlsx": xlsx(
            f / "register_empty_first_cell_large.xlsx",
            [{"name": "activities", "xml": sheet_xml([REGISTER, [None, "Ghana", "GLACY-e", "training", 10, "synthetic", ""]])}],
            pad=2_500_000,
        ),
        "long_cell.csv": text(f / "long_cell.csv", csv_rows([HEADER[:4], ["A" * 140_000, "", "", ""]])),
        "long_value.csv": text(f / "long_value.csv", csv_rows([HEADER[:4], ["B" * 32_767, "", "", ""]])),
        "many_problems.csv": text(
            f / "many_problems.csv", csv_rows([HEADER[:4]] + [[f"Nowhere {i}", "", "", ""] for i in range(1000)])
        ),
        "a folder.csv": f / "a folder.csv",
        "evil\n  forged.csv: \x1b[31mred.csv": text(f / "evil\n  forged.csv: \x1b[31mred.csv", csv_rows([HEADER[:4]])),
    }
    out["a folder.csv"].mkdir(exist_ok=True)
    over = f / "over_limit.csv"
    with open(over, "wb") as fh:
        fh.write(csv_rows([HEADER[:4]]).encode())
        fh.truncate(11 * 1024 * 1024)
    out["over_limit.csv"] = over
    locked = text(f / "unreadable.csv", csv_rows([HEADER[:4]]))  # header only: bad even where root can read it
    locked.chmod(0)
    out["unreadable.csv"] = locked
    return out


if __name__ == "__main__":
    for p in small(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
