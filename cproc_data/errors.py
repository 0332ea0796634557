"""One exception type for every problem in user-supplied or shipped data.

A `DataProblem` names file, row, column, value and the rule it breaks; a `DataError`
carries all problems found in one pass, so a user fixes a file once, not row by row.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class DataProblem:
    file: str
    row: int | None  # line number in the file (header = 1), None for file-level problems
    column: str | None
    value: str | None
    rule: str
    sheet: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f" [sheet {self.sheet}]"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        text = f"{where}: {self.rule}"
        if self.value not in (None, ""):
            text += f" (value: {self.value!r})"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def to_dict(self) -> dict:
        return asdict(self)


class DataError(Exception):
    """Raised with every problem found; `str()` lists them one per line."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "", p.rule))
        super().__init__(self._text())

    def _text(self) -> str:
        n = len(self.problems)
        head = f"{n} data problem{'s' if n != 1 else ''}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class UserError(Exception):
    """A mistake in a command's arguments: one line on stderr, exit 2, no traceback."""
