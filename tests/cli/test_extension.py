"""Adding a treaty is one `Treaty(...)` entry; adding a chart is one registry entry plus its functions.

Both are shown with throwaway additions: nothing else in the package is edited.
"""

import json
import subprocess
import sys
import textwrap

from conftest import run_cli

ADD_TREATY = textwrap.dedent(
    """
    from datetime import date
    from cproc_data.domain import treaties
    treaties.TREATIES["CETS999"] = treaties.Treaty(
        "CETS999", 999, "Throwaway Protocol", "A throwaway third Protocol for the tests",
        date(2023, 1, 10), date(2024, 1, 1), parent="ETS185")
    import json, sys
    from cproc_data.cli import main
    from cproc_data.derive.status import counts, status_table
    from cproc_data.validate import validate_all
    assert main(["build"]) == 0
    problems = validate_all()
    c = counts(["2025-01-31"], "CETS999").iloc[0]
    table = status_table("2025-01-31")
    print(json.dumps({"problems": [str(p) for p in problems], "parties": int(c["parties"]),
                      "signatories": int(c["signatories"]),
                      "in_table": sorted(table.loc[table["treaty"] == "CETS999", "iso3"])}))
    """
)


def test_a_fourth_treaty_needs_only_its_entry(datasets_copy):
    raw = datasets_copy / "raw"
    sid = "t999-throwaway-chart"
    body = (
        "source_id,treaty,state_as_written,event,date_as_written,date,note\n"
        f"{sid},CETS999,Albania,signature,2023-01-10,2023-01-10,\n"
        f"{sid},CETS999,Albania,ratification,2023-06-15,2023-06-15,\n"
        f"{sid},CETS999,Albania,entry_into_force,2024-01-01,2024-01-01,before the Protocol's own entry into force\n"
        f"{sid},CETS999,Andorra,signature,2024-02-01,2024-02-01,\n"
    )
    (raw / "treaty_facts" / f"{sid}.csv").write_text(body, encoding="utf-8")
    import hashlib

    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    with open(raw / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write(f"{sid},file:throwaway,Throwaway chart,Tests,2025-01-31,yyyy-mm-dd,2026-12-02,treaty_office_chart,{digest},\n")
    out = subprocess.run(
        [sys.executable, "-c", ADD_TREATY],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "CPROC_DATA_DATASETS": str(datasets_copy)},
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["problems"] == []
    assert (result["parties"], result["signatories"]) == (1, 1)
    assert result["in_table"] == ["ALB", "AND"]


ADD_CHART = textwrap.dedent(
    """
    import sys
    import pandas as pd
    from cproc_data.figures.registry import Chart, register
    from cproc_data.figures.sources import treaty_source_line
    from cproc_data.figures import style
    from cproc_data.figures.finish import finish

    def data(as_of):
        return pd.DataFrame({"date": [pd.Timestamp(as_of)], "value": [1]})

    def draw(frame, as_of, note=None, source=""):
        fig, ax = style.new_figure("column")
        ax.bar(frame["date"], frame["value"])
        return finish(fig, ax, title="A throwaway chart", alt="One bar.", source=source, as_of=as_of, note=note)

    register(Chart("throwaway", data, draw, treaty_source_line))
    from cproc_data.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_chart_needs_only_its_registry_entry_and_functions(tmp_path):
    out = tmp_path / "figs"
    for args in (["figures", "--out", str(out), "--only", "throwaway"], ["tables", "--out", str(tmp_path / "t.xlsx")]):
        res = subprocess.run([sys.executable, "-c", ADD_CHART, *args], capture_output=True, text=True, timeout=300)
        assert res.returncode == 0, res.stderr
    assert {p.name for p in out.iterdir()} == {"throwaway.svg", "throwaway.pdf", "throwaway.png", "manifest.json"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {e["chart"] for e in manifest["files"]} == {"throwaway"}
    assert manifest["files"][0]["title"] == "A throwaway chart"
    from openpyxl import load_workbook

    assert "throwaway" in load_workbook(tmp_path / "t.xlsx").sheetnames


def test_only_keeps_the_other_manifest_entries(tmp_path):
    out = tmp_path / "figs"
    assert run_cli("figures", "--out", str(out), "--only", "membership", "protocols", "--formats", "svg").returncode == 0
    before = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert run_cli("figures", "--out", str(out), "--only", "membership", "--formats", "svg,png").returncode == 0
    after = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert [(e["chart"], e["format"]) for e in after] == [("membership", "png"), ("membership", "svg"), ("protocols", "svg")]
    assert [e for e in after if e["chart"] == "protocols"] == [e for e in before if e["chart"] == "protocols"]
