"""Country names: one reviewed mapping, no fuzzy matching.

Every spelling met in a source (treaty charts write "Turkey", "the former Yugoslav
Republic of Macedonia", "Serbia and Montenegro", "Cape Verde" ...) is listed once in
datasets/reference/country_names.csv with its ISO 3166-1 alpha-3 code and the reason.
An unknown name is an error; difflib only *suggests* a spelling ("did you mean"), it
never decides. A footnote marker after a name ("Germany (1)", "France*", "Italy²"), as
charts print them, is not part of the name: a name the mapping does not know is looked up
again without it. pycountry supplies the canonical ISO names.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import pycountry

from ..errors import DataError, DataProblem

NAMES_FILE = "datasets/reference/country_names.csv"
# trailing footnote markers: (1), [2], *, **, superscript digits, a bare number or 1)
FOOTNOTE = re.compile(r"(?:\s*(?:\(\s*\d{1,3}\s*\)|\[\s*\d{1,3}\s*\]|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\d{1,3}\)?))+$")


def without_footnote(name: str) -> str:
    """`name` without the footnote markers a chart prints after it."""
    return FOOTNOTE.sub("", str(name)).strip()


def normalise(name: str) -> str:
    """Case-, spacing- and quote-insensitive key; keeps letters as they are."""
    text = unicodedata.normalize("NFC", str(name)).replace("\u2019", "'").replace("\u00a0", " ")
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


class CountryNames:
    """The reviewed mapping: spelling -> ISO alpha-3. Built once from the reference table."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        mapping: dict[str, str] = {}
        problems = []
        for i, (name, iso3) in enumerate(pairs):
            key = normalise(name)
            if key in mapping and mapping[key] != iso3:
                problems.append(
                    DataProblem(
                        NAMES_FILE, i + 2, "name", name, f"normalises to the same key as another name mapped to {mapping[key]}"
                    )
                )
            mapping[key] = iso3
        if problems:
            raise DataError(problems)
        self._mapping = mapping

    def lookup(self, name: str) -> str | None:
        code = self._mapping.get(normalise(name))
        if code is None and FOOTNOTE.search(str(name)):
            code = self._mapping.get(normalise(without_footnote(name)))
        return code

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Spellings close to `name` among the reviewed ones (for messages only)."""
        return difflib.get_close_matches(normalise(name), list(self._mapping), n=n, cutoff=0.6)

    def hint(self, name: str) -> str | None:
        s = self.suggest(name)
        return f"did you mean {' or '.join(repr(h) for h in s)}?" if s else None

    def to_iso3(self, name: str) -> str:
        """ISO alpha-3 code for a reviewed spelling; KeyError with suggestions otherwise."""
        code = self.lookup(name)
        if code is None:
            msg = f"unknown State name {name!r}"
            if self.hint(name):
                msg += f"; {self.hint(name)}"
            raise KeyError(msg + f" (add reviewed spellings to {NAMES_FILE})")
        return code

    def known_names(self) -> dict[str, str]:
        return dict(self._mapping)


@cache
def short_name(iso3: str) -> str:
    """English short name from ISO 3166 (pycountry): the common name where ISO gives one."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
    return getattr(country, "common_name", None) or country.name


def is_iso3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None
