"""`make mutations`: each deliberate change to a rule, and the test that catches it.

Each row changes one line of the library (a month in a rule, a marker's direction, a
check switched off), runs the tests that should notice, and puts the line back. A row
that says SURVIVED is a rule no test guards. Not part of `make test` (it takes minutes).
Words after the script's name run only the rows whose name holds one of them.
"""

import pathlib
import subprocess
import sys

R = pathlib.Path(__file__).resolve().parents[1]
M = [
    ("marker direction", "cproc_data/figures/style.py", '"lower_bound": "^"', '"lower_bound": "v"', "tests/data/test_charts.py"),
    (
        "C-PROC day dropped",
        "cproc_data/figures/charts/membership.py",
        "if pd.Timestamp(CPROC_START) <= pd.Timestamp(as_of):",
        "if False:",
        "tests/data/test_charts.py",
    ),
    (
        "Notes a ignored",
        "cproc_data/domain/deposits.py",
        'and "a" in tokens',
        'and "zz" in tokens',
        "tests/unit tests/cli/test_importer.py",
    ),
    (
        "extension on lapse day revives",
        "cproc_data/domain/counting.py",
        "if invited <= ext < end:",
        "if invited <= ext <= end:",
        "tests/unit",
    ),
    (
        "EIF not single-valued",
        "cproc_data/domain/deposits.py",
        '"accession", "entry_into_force", "denunciation"',
        '"accession", "denunciation"',
        "tests/unit",
    ),
    ("approx 10%", "cproc_data/derive/reconciliation.py", "APPROX_TOLERANCE = 0.05", "APPROX_TOLERANCE = 0.10", "tests/unit"),
    (
        "one-deposit rat+acc off",
        "cproc_data/domain/deposits.py",
        "if ratification is not None and accession is not None:",
        "if False:",
        "tests/unit",
    ),
    ("future window off", "cproc_data/domain/checks.py", "if r.when.date() > today:", "if False:", "tests/unit"),
    ("unmatched correction off", "cproc_data/store/treaty_events.py", "if not hit.any():", "if False:", "tests/unit"),
    ("full-width size", "cproc_data/figures/style.py", '"full": (6.3, 3.4)', '"full": (6.0, 3.4)', "tests/data/test_charts.py"),
    (
        "one-deposit signatory accedes off",
        "cproc_data/domain/deposits.py",
        "if accession is not None and signature is not None:",
        "if False:",
        "tests/unit",
    ),
    (
        "step runs one day late",
        "cproc_data/derive/status.py",
        'np.searchsorted(x, changes, side="left"), prepend=0',
        'np.searchsorted(x, changes, side="right"), prepend=0',
        "tests/unit/test_properties.py",
    ),
    (
        "sum bound counts only single statuses",
        "cproc_data/derive/reconciliation.py",
        "certain = [iso3[i] for i in live if possible[i] <= want]",
        "certain = [iso3[i] for i in live if len(possible[i]) == 1 and possible[i] <= want]",
        "tests/data/test_reconcile.py",
    ),
    (
        "growth reads the two days apart",
        "cproc_data/derive/growth.py",
        "if x <= y or (xa, xb) == ({1}, {0})",
        "if True",
        "tests/data/test_growth.py",
    ),
    (
        "SVG date stamp kept",
        "cproc_data/publish/files.py",
        '"svg": {"Date": None, "Creator": None}',
        '"svg": {"Creator": None}',
        "tests/data/test_charts.py",
    ),
    (
        "undated database entry last",
        "cproc_data/derive/projects.py",
        'undated_db = df["published"].isna() & kind.eq("project_database")',
        'undated_db = df["published"].isna() & kind.eq("none")',
        "tests/data/test_projects.py",
    ),
    (
        "third party ranks with official",
        "cproc_data/derive/projects.py",
        'AUTHORITATIVE = ("seed_document", "web_page", "official_copy", "project_database")',
        'AUTHORITATIVE = ("seed_document", "web_page", "official_copy", "project_database", "third_party")',
        "tests/data/test_projects.py",
    ),
    (
        "quotes allowed",
        "cproc_data/validate/register.py",
        "if _QUOTES.search(loc)",
        "if False",
        "tests/data/test_register_rules.py",
    ),
    (
        "plans dated anywhere",
        "cproc_data/validate/register.py",
        "and ind not in PLANNED_INDICATORS and",
        "and ind in PLANNED_INDICATORS and",
        "tests/data/test_register_rules.py",
    ),
    # domain/bounds.py and the build's statements (store/record_bounds.py): tests/unit/test_bounds.py
    (
        "EIF delay 2 months (Treaty)",
        "cproc_data/domain/treaties.py",
        "eif_delay_months: int = 3",
        "eif_delay_months: int = 2",
        "tests/unit/test_bounds.py",
    ),
    (
        "EIF deposit month one off",
        "cproc_data/domain/bounds.py",
        "month = add_months(eif.earliest, -(treaty.eif_delay_months + 1))",
        "month = add_months(eif.earliest, -treaty.eif_delay_months)",
        "tests/unit/test_bounds.py",
    ),
    (
        "own EIF exception removed",
        "cproc_data/domain/bounds.py",
        "    if eif.earliest == treaty.in_force:",
        "    if False:",
        "tests/unit/test_bounds.py",
    ),
    (
        "CETS 224 signature bounds from below",
        "cproc_data/domain/bounds.py",
        'parent_deposit, None, protocol_signature.latest, "cets224_signatory_is_convention_party"',
        'parent_deposit, protocol_signature.latest, None, "cets224_signatory_is_convention_party"',
        "tests/unit/test_bounds.py",
    ),
    (
        "ratification bounded from above by signature",
        "cproc_data/domain/bounds.py",
        'return tighten(deposit, signature.earliest, None, "ratification_after_signature"',
        'return tighten(deposit, None, signature.earliest, "ratification_after_signature"',
        "tests/unit/test_bounds.py",
    ),
    (
        "party_at bounds from below",
        "cproc_data/store/record_bounds.py",
        'Bound(None, last, "", rule, sources, high_sources=sources)',
        'Bound(first, None, rule, "", sources, low_sources=sources)',
        "tests/unit/test_bounds.py",
    ),
    (
        "invitations before the Convention's entry into force",
        "cproc_data/domain/bounds.py",
        "low = treaty.in_force if treaty.in_force else treaty.opened",
        "low = treaty.opened",
        "tests/unit/test_bounds.py",
    ),
    (
        "protocol rules off",
        "cproc_data/domain/bounds.py",
        "if protocol == code and event in slots:",
        "if False:",
        "tests/unit/test_bounds.py",
    ),
    (
        "tighten keeps the looser upper end",
        "cproc_data/domain/bounds.py",
        "latest < out.latest",
        "latest > out.latest",
        "tests/unit/test_bounds.py",
    ),
    (
        "tighten keeps the looser lower end",
        "cproc_data/domain/bounds.py",
        "earliest > out.earliest",
        "earliest < out.earliest",
        "tests/unit/test_bounds.py",
    ),
    (
        "merge keeps the looser upper end",
        "cproc_data/store/record_bounds.py",
        '("latest", "high_by", "high_sources", lambda new, old: new <= old)',
        '("latest", "high_by", "high_sources", lambda new, old: new >= old)',
        "tests/unit/test_bounds.py",
    ),
    (
        "invited: deposit on the listing day allowed",
        "cproc_data/domain/bounds.py",
        "invited_on.earliest + timedelta(days=1)",
        "invited_on.earliest",
        "tests/unit/test_bounds.py",
    ),
    ("invited rule off", "cproc_data/domain/bounds.py", 'if "invited_on" in out:', "if False:", "tests/unit/test_bounds.py"),
    (
        "not-yet-party rule off",
        "cproc_data/domain/bounds.py",
        'if "not_party_on" in out:',
        "if False:",
        "tests/unit/test_bounds.py",
    ),
    (
        "domestic approval rule off",
        "cproc_data/domain/bounds.py",
        'if "domestic_approval" in out:',
        "if False:",
        "tests/unit/test_bounds.py",
    ),
    (
        "domestic approval read as strictly after",
        "cproc_data/domain/bounds.py",
        "tighten(deposit, approval.earliest, None,",
        "tighten(deposit, approval.earliest + timedelta(days=1), None,",
        "tests/unit/test_bounds.py",
    ),
    (
        "statement slot written as a row",
        "cproc_data/store/record_bounds.py",
        "if slot in NOT_YET.values():",
        "if False:",
        "tests/unit/test_bounds.py",
    ),
    (
        "derived one-day bound written as a day",
        "cproc_data/store/record_bounds.py",
        'exact = b.exact and b.low_by == "stated"',
        "exact = b.exact",
        "tests/unit/test_bounds.py",
    ),
]
only = sys.argv[1:]  # `python tests/mutations.py bound EIF`: only the rows whose name holds one of these words
rows = []
for name, f, old, new, tests in M:
    if only and not any(w.lower() in name.lower() for w in only):
        continue
    p = R / f
    s = p.read_text()
    assert s.count(old) == 1, (name, s.count(old))
    p.write_text(s.replace(old, new))
    try:
        r = subprocess.run(
            [str(R / ".venv/bin/python"), "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests.split()],
            cwd=R,
            capture_output=True,
            text=True,
            timeout=900,
        )
        last = [l for l in r.stdout.splitlines() if "passed" in l or "failed" in l][-1:]
        failed = [l for l in r.stdout.splitlines() if l.startswith("FAILED")]
        rows.append((name, "caught" if r.returncode != 0 else "SURVIVED", failed[0][:110] if failed else last))
    finally:
        p.write_text(s)
for r in rows:
    print(*r, sep=" | ")
sys.exit(1 if any(r[1] == "SURVIVED" for r in rows) else 0)
