"""`import cproc_data` is light: no matplotlib, no pandas, no data read."""

import json
import subprocess
import sys


def test_import_is_light(tmp_path):
    code = "import sys, json, cproc_data;print(json.dumps({m: m in sys.modules for m in ('pandas', 'matplotlib', 'numpy')}))"
    # a datasets folder that does not exist: importing must not touch it
    env = {"CPROC_DATA_DATASETS": str(tmp_path / "nowhere"), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == {"pandas": False, "matplotlib": False, "numpy": False}


def test_lazy_attribute_loads_on_use():
    import cproc_data

    assert callable(cproc_data.status)
    assert "status" in dir(cproc_data)


def test_public_names_are_not_shadowed_by_submodules():
    """A submodule named like a public function would replace it once imported."""
    import importlib
    import types

    import cproc_data
    import cproc_data.cli  # noqa: F401  (imports every layer)

    for name in cproc_data._LAZY:
        importlib.import_module(cproc_data._LAZY[name])
        assert not isinstance(getattr(cproc_data, name), types.ModuleType), name
