"""The committed notebooks carry their outputs, so that nbval has something to compare."""

import json

from conftest import REPO

EXPECTED = [
    "00_start_here",
    "01_membership",
    "02_protocols",
    "03_legislation",
    "04_activities",
    "05_projects_funding",
    "06_reconciliation",
]


def test_notebooks_are_numbered_and_executed():
    found = sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb"))
    assert found == EXPECTED
    for name in EXPECTED:
        nb = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
        assert code, name
        for c in code:
            assert c["execution_count"] is not None and c["outputs"], f"{name}: a cell without outputs"
            assert not any(o.get("output_type") == "error" for o in c["outputs"]), name


def test_each_chart_is_shown_exactly_once():
    for name in EXPECTED:
        nb = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        for c in nb["cells"]:
            if c["cell_type"] != "code" or "draw_chart(" not in "".join(c["source"]):
                continue
            draws = "".join(c["source"]).count("draw_chart(")
            images = sum("image/png" in o.get("data", {}) for o in c["outputs"])
            assert images == draws, f"{name}: {draws} chart(s) drawn, {images} image(s) shown"


def test_committed_notebooks_stay_under_200_kb():
    for name in EXPECTED:
        size = (REPO / "notebooks" / f"{name}.ipynb").stat().st_size
        assert size < 200_000, f"{name}: {size} bytes"
