"""The import journal: how a write cut short at any point is undone by the next writer.

A write stages its files in a hidden folder `datasets/.import-*`, keeps copies of the
files it will replace under `originals/`, writes `journal.json` (the list of moves),
moves the files into place and deletes the folder. `recover` finds any such folder: with
a journal, every file the journal names is put back (the original, or removed if it was
new); without one, nothing had moved. Either way the folder is deleted. Every command
calls `recover_if_idle` first, so that after a kill even a reading command finds the old
record and leaves nothing temporary behind.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ..errors import UserError
from .atomic import datasets_lock

STAGING_PREFIX = ".import-"
JOURNAL = "journal.json"


def recover(root: Path) -> list[str]:
    """Undo every import cut short: put back what its journal says was moved; clean up."""
    done = []
    for staging in sorted(root.glob(STAGING_PREFIX + "*")):
        journal = staging / JOURNAL
        if journal.exists():
            for move in reversed(json.loads(journal.read_text(encoding="utf-8"))):
                dst = root / move["dst"]
                original = staging / "originals" / move["dst"]
                if original.exists():
                    os.replace(original, dst)  # same file system: an atomic rename
                else:
                    dst.unlink(missing_ok=True)
            done.append(f"rolled back an interrupted import ({staging.name})")
        shutil.rmtree(staging, ignore_errors=True)
    return done


def recover_if_idle(root: Path) -> list[str]:
    """`recover` when an import was cut short and no writer holds the lock (a live writer's
    staging folder is left alone); nothing if datasets/ is read-only."""
    if not any(root.glob(STAGING_PREFIX + "*")):
        return []
    try:
        with datasets_lock(root):
            return recover(root)
    except (UserError, OSError):
        return []
