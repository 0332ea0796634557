"""One exception type for every problem in user-supplied or shipped data, and the one place
messages are made safe and bounded.

A `DataProblem` names file, row, column, value and the rule it breaks; a `DataError`
carries all problems found in one pass, so a user fixes a file once, not row by row.
Text from a user's file (names, values, sheet names) is printed through `clean`: control
characters are escaped, so a newline or an ANSI escape in a file name cannot forge a
line; and long values are cut, so a 32,767-character cell prints as a short excerpt.
`problem_lines` prints at most `SHOWN` problems and says where the full list is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

SHOWN = 200  # problems printed on the terminal; the rest go to --problems FILE
VALUE_CHARS = 80  # a value longer than this is cut in messages
TEXT_CHARS = 500  # any other text from a user's file (file, sheet, column names; rules quoting it)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def clean(text, limit: int = TEXT_CHARS) -> str:
    """`text` safe for one terminal line: non-printable characters escaped, cut to `limit`."""
    s = str(text)
    cut = len(s) > limit
    s = s[:limit]
    out = "".join(
        c if c.isprintable() else _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}") for c in s
    )
    return out + (f"... ({len(str(text)):,} characters)" if cut else "")


@dataclass(frozen=True, order=True)
class DataProblem:
    file: str
    row: int | None  # line number in the file (header = 1), None for file-level problems
    column: str | None
    value: str | None
    rule: str
    sheet: str | None = None
    hint: str | None = None
    # (treaty, iso3, event) the problem is about, where a rule knows it (lets an import point
    # a problem of the rebuilt record at the row of the user's file); not printed
    subject: tuple[str, str, str] | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        where = clean(self.file)
        if self.sheet:
            where += f" [sheet {clean(self.sheet, 100)}]"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{clean(self.column, 100)}'"
        text = f"{where}: {clean(self.rule)}"
        if self.value not in (None, ""):
            text += f" (value: '{clean(self.value, VALUE_CHARS)}')"
        if self.hint:
            text += f"; {clean(self.hint)}"
        return text

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("subject")
        return d


def problem_lines(problems, shown: int = SHOWN, full_list: str | Path | None = None) -> list[str]:
    """The lines to print for `problems`: a count, at most `shown` problems, then where the rest are.

    With `full_list`, every problem is written there, one per line (same text)."""
    n = len(problems)
    lines = [f"{n} data problem{'s' if n != 1 else ''}:", *(f"  {p}" for p in problems[:shown])]
    if full_list is not None:
        Path(full_list).write_text("".join(f"{p}\n" for p in problems), encoding="utf-8")
    if n > shown:
        where = f"full list in {clean(full_list)}" if full_list is not None else "full list: --problems FILE"
        lines.append(f"  ... and {n - shown:,} more ({where})")
    elif full_list is not None:
        lines.append(f"  (also written to {clean(full_list)})")
    return lines


class DataError(Exception):
    """Raised with every problem found; `str()` lists them one per line (at most `SHOWN`)."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or "", p.rule))
        super().__init__("\n".join(problem_lines(self.problems)))


class UserError(Exception):
    """A mistake in a command's arguments: one line on stderr, exit 2, no traceback."""
