"""Where the data lives. One place, so tests and the importer can point it elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def datasets_dir() -> Path:
    """The `datasets/` folder: $CPROC_DATA_DATASETS if set, else the repository's own."""
    env = os.environ.get("CPROC_DATA_DATASETS")
    path = Path(env) if env else REPO_DIR / "datasets"
    if not path.is_dir():
        raise FileNotFoundError(
            f"datasets folder not found at {path}; install the package from a clone (pip install -e .) or set CPROC_DATA_DATASETS"
        )
    return path


def raw_dir() -> Path:
    return datasets_dir() / "raw"


def curated_dir() -> Path:
    return datasets_dir() / "curated"


def reference_dir() -> Path:
    return datasets_dir() / "reference"


def core_dir() -> Path:
    return datasets_dir() / "core"
