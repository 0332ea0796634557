"""Generated documentation is up to date with the data."""

from conftest import REPO, run_cli


def test_known_gaps_doc_is_current():
    header = (REPO / "docs" / "known-gaps.header.md").read_text(encoding="utf-8")
    res = run_cli("gaps", "--format", "markdown")
    assert res.returncode == 0, res.stderr
    summary_header = (REPO / "docs" / "known-gaps.summary.md").read_text(encoding="utf-8")
    summary = run_cli("reconcile", "--summary", "--format", "markdown")
    assert summary.returncode == 0, summary.stderr
    assert (REPO / "docs" / "known-gaps.md").read_text(
        encoding="utf-8"
    ) == header + res.stdout + summary_header + summary.stdout, "docs/known-gaps.md is stale: run `make docs`"


def test_readme_shows_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make figures" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_committed_status_table_is_current():
    """figures/ holds the output of `make figures`; a data change must re-run it."""
    from cproc_data.derive.status import status_table
    from cproc_data.derive.treaty_record import data_as_of

    fresh = status_table(data_as_of()).to_csv(index=False, lineterminator="\n")
    assert (REPO / "figures" / "status.csv").read_text(encoding="utf-8") == fresh, "run `make figures`"


def test_data_dictionary_is_current():
    from cproc_data.publish.datapackage import data_dictionary

    assert (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8") == data_dictionary(), (
        "docs/data-dictionary.md is stale: run `make docs`"
    )


def test_the_readme_python_snippet_runs(tmp_path):
    """The five lines on the README's front page work as printed."""
    import re
    import subprocess
    import sys

    text = (REPO / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    res = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "invited_max" in res.stdout and (tmp_path / "membership.png").stat().st_size > 10_000


def test_gaps_lists_every_event_known_only_within_bounds():
    """`cproc-data gaps`: every event the record knows only by month, year or bound is listed
    with its interval (the rules that set it, where derived)."""
    import csv
    import io

    import pandas as pd

    from cproc_data.derive.treaty_record import treaty_events

    res = run_cli("gaps", "--format", "csv")
    assert res.returncode == 0, res.stderr
    listed = {(r["treaty"], r["iso3"], r["missing"]): r["known"] for r in csv.DictReader(io.StringIO(res.stdout))}
    ev = treaty_events()
    bounded = ev[ev["precision"] != "day"]
    assert len(bounded) > 10
    for e in bounded.itertuples():
        missing = "deposit" if e.event in ("ratification", "accession") else e.event
        known = listed.get((e.treaty, e.iso3, missing))
        assert known is not None, (e.treaty, e.iso3, e.event)
        if e.event != "invitation":  # a State's one signature, deposit, entry into force: its own interval
            span = " to ".join(str(d.date()) if pd.notna(d) else "..." for d in (e.earliest, e.latest))
            assert span in known, (e.treaty, e.iso3, known)
