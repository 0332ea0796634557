"""pyproject.toml and environment.yml list the same dependencies."""

import re
import tomllib

from conftest import REPO


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    py = {_name(d) for d in project["dependencies"]} | {_name(d) for d in project["optional-dependencies"]["test"]}
    conda = set()
    for line in (REPO / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.-]+)", line)
        if m and not line.strip().startswith("- -e") and m.group(1) not in ("pip", "python", "conda-forge"):
            conda.add(_name(m.group(1)))
    assert py == conda, f"only in pyproject: {py - conda}; only in environment.yml: {conda - py}"


def test_constraints_pin_every_runtime_dependency():
    pins = {_name(l) for l in (REPO / "constraints.txt").read_text().splitlines() if "==" in l}
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    missing = {_name(d) for d in project["dependencies"]} - pins
    assert not missing
