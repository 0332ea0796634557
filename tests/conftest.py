import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def datasets_copy(tmp_path, monkeypatch):
    """A private copy of datasets/ that the package reads instead of the shipped one."""
    from cproc_data.load import invalidate as cache_clear

    dst = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", dst)
    monkeypatch.setenv("CPROC_DATA_DATASETS", str(dst))
    cache_clear()
    yield dst
    cache_clear()


def run_cli(*args, env_extra=None, cwd=None):
    """Run the console script in a fresh process; return CompletedProcess."""
    env = dict(os.environ)
    env.update(env_extra or {})
    exe = Path(sys.executable).with_name("cproc-data")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, cwd=cwd or REPO, timeout=300)
