"""What both readers of a user's file get: the cells of one sheet (or CSV file) that hold a value."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DataProblem


@dataclass
class Grid:
    """The cells of one sheet (or of a CSV file) that hold a value."""

    sheet: str | None = None
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, values from column A; None where empty)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column number, "=...")
    merged: list[str] = field(default_factory=list)  # ranges such as "B2:B4"
    notes: list[str] = field(default_factory=list)  # which sheet was read, and which were skipped
    problems: list[DataProblem] = field(default_factory=list)
    sha256: str = ""  # of the file's bytes as read


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letter(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s
