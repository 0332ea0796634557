"""`import cproc_data` is light: no matplotlib, no pandas, no data read."""
import json
import subprocess
import sys


def test_import_is_light(tmp_path):
    code = (
        "import sys, json, cproc_data;"
        "print(json.dumps({m: m in sys.modules for m in ('pandas', 'matplotlib', 'numpy')}))"
    )
    # a datasets folder that does not exist: importing must not touch it
    env = {"CPROC_DATA_DATASETS": str(tmp_path / "nowhere"), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == {"pandas": False, "matplotlib": False, "numpy": False}


def test_lazy_attribute_loads_on_use():
    import cproc_data

    assert callable(cproc_data.status)
    assert "status" in dir(cproc_data)
