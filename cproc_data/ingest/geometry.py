"""Map geometry: the Natural Earth snapshot, its origin record, and the reviewed key to ISO 3166.

Layout (a raw snapshot, immutable once committed, like the treaty snapshots):
    datasets/raw/geometry_sources.csv             one origin record per geometry snapshot (SHA-256)
    datasets/raw/geometry/<source_id>.geojson     the file as published
    datasets/reference/ne_admin0.csv              ADM0_A3 -> ISO 3166-1 alpha-3, reviewed

Natural Earth's own ISO_A3 is -99 for France, Norway, Kosovo and a few disputed areas, so
features are keyed on ADM0_A3 through the reviewed table, never on ISO_A3; a feature whose
ADM0_A3 is not in the table, or a table code that is not ISO 3166-1, is an error. Where the
reviewed country-name mapping knows Natural Earth's name for a feature, it must agree.

Only the standard library here (json): projection and drawing live in figures/geo.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..domain.countries import is_iso3
from ..errors import DataError, DataProblem
from ..load import cached, country_names, read_csv_text
from ..metadata import TABLES
from ..metadata.schema import check_frame
from ..paths import raw_dir, reference_dir
from .snapshots import checksum_problems

WORLD = "ne_110m_admin_0_countries"  # source_id of the world map's geometry snapshot
SOURCES_FILE = TABLES["geometry_sources"].label
KEY_FILE = TABLES["ne_admin0"].label


def snapshot_path(source_id: str) -> Path:
    return raw_dir() / "geometry" / f"{source_id}.geojson"


def snapshot_label(source_id: str) -> str:
    return f"datasets/raw/geometry/{source_id}.geojson"


@cached
def _snapshot_bytes(source_id: str) -> bytes:
    """The snapshot as committed, read once: checked against its checksum, then parsed."""
    return snapshot_path(source_id).read_bytes()


@cached
def _features(source_id: str) -> list[dict]:
    return json.loads(_snapshot_bytes(source_id).decode("utf-8"))["features"]


@cached
def _key() -> pd.DataFrame:
    """The reviewed key (reference/ne_admin0.csv), as text, read once."""
    return read_csv_text(reference_dir() / "ne_admin0.csv")


def check_geometry() -> list[DataProblem]:
    """Every problem with the geometry snapshots, their origin records and the reviewed key.

    Rules: schema of both tables; every snapshot file has an origin record whose SHA-256
    matches, and every record has its file (origin, checksum); every feature's ADM0_A3 is in
    the reviewed key and every key row is a feature (map-key); every code is ISO 3166-1.
    """
    problems: list[DataProblem] = []
    sources = read_csv_text(raw_dir() / "geometry_sources.csv")
    problems += check_frame(sources, TABLES["geometry_sources"], SOURCES_FILE)
    records = {r["source_id"]: (i + 2, r) for i, r in enumerate(sources.to_dict("records"))} if "source_id" in sources else {}
    files = sorted((raw_dir() / "geometry").glob("*.geojson"))
    for path in files:
        if path.stem not in records:
            problems.append(
                DataProblem(snapshot_label(path.stem), None, None, path.stem, f"origin: no origin record in {SOURCES_FILE}")
            )
            continue
        line, rec = records[path.stem]
        problems += checksum_problems(
            SOURCES_FILE, line, rec.get("sha256"), _snapshot_bytes(path.stem), snapshot_label(path.stem)
        )
    present = {p.stem for p in files}
    for sid, (line, _rec) in records.items():
        if sid not in present:
            problems.append(DataProblem(SOURCES_FILE, line, "source_id", sid, f"origin: no snapshot file {snapshot_label(sid)}"))
    key = _key()
    key_problems = check_frame(key, TABLES["ne_admin0"], KEY_FILE)
    problems += key_problems
    if WORLD in present and not key_problems:
        problems += check_key(_features(WORLD), key)
    return problems


def check_key(features: list[dict], key: pd.DataFrame) -> list[DataProblem]:
    """The reviewed key covers exactly the snapshot's features, with ISO codes that the name mapping agrees with."""
    problems: list[DataProblem] = []
    rows = {r["adm0_a3"]: (i + 2, r) for i, r in enumerate(key.to_dict("records"))}
    names = country_names()
    seen = set()
    for f in features:
        p = f["properties"]
        code = p["ADM0_A3"]
        seen.add(code)
        if code not in rows:
            problems.append(
                DataProblem(snapshot_label(WORLD), None, "ADM0_A3", code, f"map-key: {p['ADMIN']!r} is not in {KEY_FILE}")
            )
            continue
        line, row = rows[code]
        iso3 = row["iso3"]
        if iso3 and not is_iso3(iso3):
            problems.append(DataProblem(KEY_FILE, line, "iso3", iso3, "map-key: not an ISO 3166-1 alpha-3 code"))
        known = {names.lookup(p[k]) for k in ("ADMIN", "NAME_LONG", "FORMAL_EN") if p.get(k)} - {None}
        if iso3 and known and iso3 not in known:
            problems.append(
                DataProblem(
                    KEY_FILE, line, "iso3", iso3, f"map-key: the reviewed name mapping gives {sorted(known)} for {p['ADMIN']!r}"
                )
            )
    for code, (line, _row) in rows.items():
        if code not in seen:
            problems.append(DataProblem(KEY_FILE, line, "adm0_a3", code, f"map-key: no such feature in {snapshot_label(WORLD)}"))
    return problems


@cached
def world_features() -> list[dict]:
    """The world map's features, each with `iso3` added from the reviewed key ('' = not a State).

    Raises DataError if the snapshot, its origin record or the key has a problem: a feature
    is never drawn under a guessed code.
    """
    problems = check_geometry()
    if problems:
        raise DataError(problems)
    key = _key().set_index("adm0_a3")["iso3"]
    out = []
    for f in _features(WORLD):
        p = f["properties"]
        out.append(
            {
                "adm0_a3": p["ADM0_A3"],
                "iso3": key[p["ADM0_A3"]],
                "admin": p["ADMIN"],
                "label": (float(p["LABEL_X"]), float(p["LABEL_Y"])),
                "geometry": f["geometry"],
            }
        )
    return out


def geometry_sources() -> pd.DataFrame:
    """Origin records of the geometry snapshots (schema-checked text)."""
    df = read_csv_text(raw_dir() / "geometry_sources.csv")
    problems = check_frame(df, TABLES["geometry_sources"], SOURCES_FILE)
    if problems:
        raise DataError(problems)
    return df
