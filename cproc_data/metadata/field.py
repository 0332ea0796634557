"""What a field is: a column name with its type, unit, vocabulary and reader's label."""

from __future__ import annotations

from dataclasses import dataclass

S, D, I, N, B = "string", "date", "integer", "number", "boolean"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | date | isodate | integer | number | boolean
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    unit: str | None = None
    minimum: float | None = None
    label: str | None = None  # short column header for readers; `header` adds the unit

    @property
    def header(self) -> str:
        """'Parties, minimum (States)': the label with its unit, as a spreadsheet column header."""
        label = self.label or self.name.replace("_", " ").capitalize()
        return f"{label} ({self.unit})" if self.unit else label


def unique(*items: Field) -> dict[str, Field]:
    """name -> Field; a name defined twice is an error (one definition per column name)."""
    out: dict[str, Field] = {}
    for f in items:
        if f.name in out:
            raise ValueError(f"field {f.name!r} defined twice")
        out[f.name] = f
    return out
