"""`cproc-data build` and the import transaction: a writer killed at any step, two writers at once."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli


def _snapshot(root: Path) -> dict:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _chart(tmp_path: Path) -> Path:
    p = tmp_path / "romania.csv"  # Romania's entry into force, which the record lacks
    p.write_text("State,Signature,Ratification,Entry into force\nRomania,,12/5/2004,1/9/2004\n", encoding="utf-8")
    return p


def test_build_rewrites_the_core_table_from_raw(datasets_copy):
    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    core = datasets_copy / "core" / "treaty_events.csv"
    shipped = core.read_bytes()
    core.write_text(shipped.decode("utf-8").splitlines()[0] + "\n", encoding="utf-8")  # header only
    assert run_cli("validate", env_extra=env).returncode == 2
    res = run_cli("build", env_extra=env)
    assert res.returncode == 0, res.stderr
    assert "wrote datasets/core/treaty_events.csv" in res.stdout
    assert core.read_bytes() == shipped
    assert run_cli("validate", env_extra=env).returncode == 0


def test_build_refuses_a_broken_raw_snapshot_and_writes_nothing(datasets_copy):
    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    snap = next((datasets_copy / "raw" / "treaty_facts").glob("m185-*.csv"))
    snap.write_text(snap.read_text(encoding="utf-8").replace("ETS185", "ETS999", 1), encoding="utf-8")
    before = _snapshot(datasets_copy)
    res = run_cli("build", env_extra=env)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "checksum" in res.stderr and "not one of" in res.stderr
    assert _snapshot(datasets_copy) == before


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from cproc_data.ingest.chart_file import read_chart
    from cproc_data.store import import_chart

    kill_at = int(sys.argv[2])
    real = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # no except, no finally: as a power cut
        return real(src, dst)

    os.replace = replace
    imp = read_chart(sys.argv[1], "ETS185")
    import_chart.write_import(imp, date(2026, 2, 5))
    print("finished")
    """
)


@pytest.mark.parametrize("kill_at", [1, 2, 3])
def test_a_writer_killed_at_each_move_is_rolled_back_by_the_next(datasets_copy, tmp_path, kill_at):
    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    before = _snapshot(datasets_copy)
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(_chart(tmp_path)), str(kill_at)],
        env={**__import__("os").environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == -9, child.stderr  # it was killed
    assert list(datasets_copy.glob(".import-*")), "the killed writer left its journal"
    res = run_cli("build", env_extra=env)  # the next writer rolls back, then rebuilds
    assert res.returncode == 0, res.stderr
    assert _snapshot(datasets_copy) == before
    assert run_cli("validate", env_extra=env).returncode == 0


def test_after_a_kill_the_same_import_can_be_run_again(datasets_copy, tmp_path):
    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    chart = _chart(tmp_path)
    subprocess.run([sys.executable, "-c", KILLER, str(chart), "2"], env={**__import__("os").environ, **env}, timeout=300)
    res = run_cli("import-chart", str(chart), "--treaty", "ETS185", "--as-of", "2026-02-05", "--write", env_extra=env)
    assert res.returncode == 0, res.stderr
    assert not list(datasets_copy.glob(".import-*"))
    assert run_cli("validate", env_extra=env).returncode == 0


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(datasets_copy, tmp_path):
    from cproc_data.store.atomic import datasets_lock

    env = {"CPROC_DATA_DATASETS": str(datasets_copy)}
    before = _snapshot(datasets_copy)
    with datasets_lock(datasets_copy):
        res = run_cli(
            "import-chart", str(_chart(tmp_path)), "--treaty", "ETS185", "--as-of", "2026-02-05", "--write", env_extra=env
        )
        build = run_cli("build", env_extra=env)
    assert res.returncode == 2 and "another cproc-data command is writing" in res.stderr
    assert build.returncode == 2 and "Traceback" not in build.stderr
    assert _snapshot(datasets_copy) == before


def test_two_concurrent_writers_end_with_one_record_that_validates(datasets_copy, tmp_path):
    env = {**__import__("os").environ, "CPROC_DATA_DATASETS": str(datasets_copy)}
    exe = Path(sys.executable).with_name("cproc-data")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    args = ["--treaty", "ETS185", "--as-of", "2026-02-05", "--write"]
    procs = [
        subprocess.Popen(
            [str(exe), "import-chart", str(_chart(d)), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for d in (a, b)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    # the same file twice: one writes, the other waits its turn or is refused, or finds it imported already
    assert codes in ([0, 2], [0, 0]), results
    assert all("Traceback" not in err for _, err in results)
    assert len(list((datasets_copy / "raw" / "treaty_facts").glob("import-*.csv"))) == 1
    assert not list(datasets_copy.glob(".import-*"))
    assert run_cli("validate", env_extra={"CPROC_DATA_DATASETS": str(datasets_copy)}).returncode == 0


def test_nothing_temporary_is_left_after_a_success_a_failure_or_a_kill(datasets_copy, tmp_path):
    """Inside datasets/ no .import-* folder, and nothing in the temporary folder (TMPDIR),
    after an import that fails, one killed between its moves (the next command of any kind,
    here `status`, rolls it back) and one that succeeds."""
    import os

    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    env = {"CPROC_DATA_DATASETS": str(datasets_copy), "TMPDIR": str(scratch)}
    before = _snapshot(datasets_copy)

    def clean_after(what):
        assert not list(datasets_copy.glob(".import-*")), what
        assert not list(scratch.iterdir()), what

    bad = Path(__file__).parent / "bad_inputs" / "contradicts_sources.csv"
    res = run_cli("import-chart", str(bad), "--treaty", "ETS185", "--as-of", "2026-02-05", "--write", env_extra=env)
    assert res.returncode == 2
    clean_after("failure")
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(_chart(tmp_path)), "2"], env={**os.environ, **env}, capture_output=True, timeout=300
    )
    assert child.returncode == -9
    res = run_cli("status", env_extra=env)
    assert res.returncode == 0 and "rolled back an interrupted import" in res.stderr
    clean_after("kill")
    assert _snapshot(datasets_copy) == before
    res = run_cli("import-chart", str(_chart(tmp_path)), "--treaty", "ETS185", "--as-of", "2026-02-05", "--write", env_extra=env)
    assert res.returncode == 0, res.stderr
    clean_after("success")
