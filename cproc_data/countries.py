"""Country names: one reviewed mapping (datasets/reference/country_names.csv), no fuzzy matching.

Every spelling met in a source (treaty charts write "Turkey", "the former Yugoslav
Republic of Macedonia", "Serbia and Montenegro", "Cape Verde" ...) is listed once with its
ISO 3166-1 alpha-3 code and the reason. An unknown name is an error; difflib only
*suggests* a spelling ("did you mean"), it never decides. pycountry supplies the
canonical ISO names.
"""
from __future__ import annotations

import difflib
import unicodedata
from functools import lru_cache

from .errors import DataError, DataProblem
from .paths import reference_dir


def normalise(name: str) -> str:
    """Case-, accent-spacing- and quote-insensitive key; keeps letters as they are."""
    text = unicodedata.normalize("NFC", str(name)).replace("\u2019", "'").replace("\u00a0", " ")
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=1)
def _table():
    from .schema import read_table

    path = reference_dir() / "country_names.csv"
    df = read_table("country_names", path, "datasets/reference/country_names.csv")
    mapping: dict[str, str] = {}
    problems = []
    for i, (name, iso3) in enumerate(zip(df["name"], df["iso3"])):
        key = normalise(name)
        if key in mapping and mapping[key] != iso3:
            problems.append(DataProblem(
                "datasets/reference/country_names.csv", i + 2, "name", name,
                f"normalises to the same key as another name mapped to {mapping[key]}",
            ))
        mapping[key] = iso3
    if problems:
        raise DataError(problems)
    return mapping


def known_names() -> dict[str, str]:
    return dict(_table())


def suggest(name: str, n: int = 3) -> list[str]:
    """Spellings close to `name` among the reviewed ones (for messages only)."""
    mapping = _table()
    keys = difflib.get_close_matches(normalise(name), list(mapping), n=n, cutoff=0.6)
    return keys


def lookup(name: str) -> str | None:
    return _table().get(normalise(name))


def to_iso3(name: str) -> str:
    """ISO alpha-3 code for a reviewed spelling; KeyError with suggestions otherwise."""
    code = lookup(name)
    if code is None:
        hint = suggest(name)
        msg = f"unknown State name {name!r}"
        if hint:
            msg += f"; did you mean {' or '.join(repr(h) for h in hint)}?"
        msg += " (add reviewed spellings to datasets/reference/country_names.csv)"
        raise KeyError(msg)
    return code


@lru_cache(maxsize=None)
def short_name(iso3: str) -> str:
    """English short name from ISO 3166 (pycountry): the common name where ISO gives one."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
    return getattr(country, "common_name", None) or country.name


def is_iso3(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None
