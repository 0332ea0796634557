"""The `cproc-data` command line: parsing only; each command calls one library function.

A user's mistake prints one message and exits 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

import pandas as pd

from .derive.impact import register_series_summary, reported_figures
from .derive.reconcile_summary import reconcile_summary
from .derive.reconciliation import reconcile
from .derive.record_gaps import record_gaps
from .derive.status import counts, status
from .derive.treaty_record import data_as_of, resolve_as_of
from .domain.counting import CountingRules
from .domain.dates import parse_iso
from .domain.treaties import MAIN_TREATY, TREATIES
from .errors import SHOWN, DataError, UserError, clean, problem_lines
from .ingest.activity_register import read_activity_log, read_register
from .ingest.chart_file import read_chart
from .paths import datasets_dir
from .publish.datapackage import export_data
from .publish.figure_files import write_figures
from .publish.report import write_report
from .publish.workbook import write_tables
from .store.import_chart import checked_as_of, diff, trial, write_import
from .store.journal import recover_if_idle
from .store.treaty_events import write_treaty_events
from .validate import validate_all

EXIT_USER = 2
ACTIVITIES_HELP = "C-PROC's activity register (the template's layout): adds the charts drawn from it"
REGISTER_COLUMNS = ["figure_id", "indicator", "value", "qualifier", "unit", "refers_to", "refers_to_precision", "source_document"]


def _date(text: str) -> date:
    try:
        return parse_iso(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _treaty(text: str) -> str:
    key = text.upper().replace(" ", "")
    if key not in TREATIES:
        raise argparse.ArgumentTypeError(f"unknown treaty {text!r}; choose from {', '.join(TREATIES)}")
    return key


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        sys.stderr.write(f"cproc-data: error: {clean(message)}\n")
        raise SystemExit(EXIT_USER)


def markdown_table(df) -> str:
    """A GitHub-flavoured Markdown table (no extra dependency)."""
    cells = df.astype(object).where(df.notna(), "").astype(str)
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(v.replace("|", "\\|") for v in row) + " |" for row in cells.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def _print_frame(df, fmt: str) -> None:
    if fmt == "markdown":
        sys.stdout.write(markdown_table(df))
    elif fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", date_format="iso", indent=1) + "\n")
    else:
        sys.stdout.write(df.to_string(index=False) + "\n")


def cmd_status(args) -> int:
    rules = CountingRules(basis=args.basis)
    try:
        when = resolve_as_of(args.as_of, treaty=args.treaty)
        if args.states:
            df = status(when, args.treaty, rules)
            df = df.assign(**{c: df[c].dt.strftime("%Y-%m-%d") for c in ("as_of", "since", "event_earliest", "event_latest")})
            _print_frame(df, args.format)
            return 0
        c = counts([when], args.treaty, rules).iloc[0]
    except ValueError as exc:
        raise UserError(str(exc)) from None
    obj = {
        "as_of": when.isoformat(),
        "treaty": args.treaty,
        "basis": args.basis,
        "parties": int(c["parties"]),
        "signatories": int(c["signatories"]),
        "invited": int(c["invited"]),
        **{f"{k}_{b}": int(c[f"{k}_{b}"]) for k in ("parties", "signatories", "invited") for b in ("min", "max")},
    }
    if args.format == "json":
        print(json.dumps(obj))
    elif args.format == "csv":
        print(",".join(obj))
        print(",".join(str(v) for v in obj.values()))
    else:
        for k, v in obj.items():
            print(f"{k:<16} {v}")
    return 0


def cmd_validate(args) -> int:
    problems = validate_all()
    if problems:
        raise DataError(problems)
    print("cproc-data validate: all rules hold")
    return 0


def cmd_build(args) -> int:
    n = write_treaty_events()
    print(f"wrote datasets/core/treaty_events.csv ({n} events)")
    return 0


def cmd_reconcile(args) -> int:
    if args.summary:
        summary = reconcile_summary()
        if args.format == "table":
            with pd.option_context("display.width", 250):
                print(summary.astype(object).where(summary.notna(), "").to_string(index=False))
        else:
            _print_frame(summary, args.format)
        return 0
    df = reconcile(_checked(args.as_of))
    for c in ("refers_to", "compared_on"):
        df[c] = df[c].dt.strftime("%Y-%m-%d")
    if args.format == "table":
        short = df[
            [
                "figure_id",
                "indicator",
                "compared_on",
                "reported",
                "qualifier",
                "computed_min",
                "computed_max",
                "agreement",
                "explanation",
            ]
        ]
        with pd.option_context("display.max_colwidth", 90, "display.width", 250):
            print(short.to_string(index=False))
        n = df["agreement"].value_counts()
        print(
            f"\n{len(df)} reported membership figures: {n.get('exact', 0)} exact, {n.get('within', 0)} within the record's "
            f"bounds, {n.get('differs', 0)} differ (each with its reason), {n.get('undated', 0)} undated"
        )
    else:
        _print_frame(df, args.format)
    return 0


def cmd_gaps(args) -> int:
    df = record_gaps()
    df["known_date"] = df["known_date"].dt.strftime("%Y-%m-%d")
    _print_frame(df, args.format)
    return 0


def cmd_register(args) -> int:
    if args.summary:
        df = register_series_summary()
        for c in ("first", "last"):
            df[c] = df[c].dt.strftime("%Y-%m-%d")
    else:
        df = reported_figures()[REGISTER_COLUMNS]
        df["refers_to"] = df["refers_to"].dt.strftime("%Y-%m-%d")
    _print_frame(df, args.format)
    return 0


def cmd_import_chart(args) -> int:
    try:
        checked_as_of(None, args.treaty, args.as_of, data_as_of())  # before reading the file
        imp = read_chart(args.file, args.treaty)
        for note in imp.notes:
            print(f"{clean(args.file)}: {clean(note)}")
        if imp.problems:
            raise DataError(imp.problems)
        as_of = checked_as_of(imp, args.treaty, args.as_of, data_as_of())
    except ValueError as exc:
        raise UserError(str(exc)) from None
    d = diff(imp)
    print(f"{clean(args.file)}: {imp.rows_in} rows read, {len(imp.facts)} kept, {len(imp.rejected)} rejected")
    if d.empty:
        print("no change against the record")
    else:
        for c in ("record", "chart"):
            d[c] = d[c].map(lambda v: v.isoformat() if v is not None and v == v else "")
        d["line"] = d["line"].map(lambda v: "" if v is None or v != v else str(int(v)))
        print(d.to_string(index=False))
    if d.empty:
        if args.write:
            print("nothing to write")
        return 0
    if not args.write:
        problems = trial(imp, as_of).problems  # the same checks as --write
        if problems:
            raise DataError(problems)
        print("(dry run: every rule holds; add --write to add this chart to the record)")
        return 0
    for line in write_import(imp, as_of):
        print(line)
    return 0


def cmd_check_activities(args) -> int:
    try:
        log = read_activity_log(args.file, as_of=args.as_of)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    kept = len(log.activities) if log.activities is not None else 0
    print(f"{clean(args.file)}: {log.rows_in} rows read, {kept} kept, {len(log.rejected)} rejected")
    if log.rejected:
        raise DataError(log.rejected)
    return 0


def cmd_export_data(args) -> int:
    for line in export_data(args.out, _checked(args.as_of)):
        print(line)
    return 0


def _register(path):
    """The activities of `--activities REGISTER` (None without the option)."""
    return read_register(path) if path else None


def cmd_figures(args) -> int:
    as_of, register = _checked(args.as_of), _register(args.activities)
    for line in write_figures(args.out, as_of=as_of, formats=args.formats, only=args.only, activity_register=register):
        print(line)
    return 0


def cmd_report(args) -> int:
    as_of, register = _checked(args.as_of), _register(args.activities)
    for line in write_report(args.out, as_of=as_of, activity_register=register):
        print(line)
    return 0


def cmd_tables(args) -> int:
    print(write_tables(args.out, as_of=_checked(args.as_of), activity_register=_register(args.activities)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cproc-data", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--problems", metavar="FILE", help=f"write every data problem to FILE (the terminal shows the first {SHOWN})"
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("status", parents=[common], help="status counts (or per-State rows) at a date")
    s.add_argument("--as-of", type=_date, help="date YYYY-MM-DD (default: the data's as-of date)")
    s.add_argument("--treaty", type=_treaty, default=MAIN_TREATY)
    s.add_argument("--basis", choices=["deposit", "entry-into-force"], default="deposit")
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.add_argument("--states", action="store_true", help="per-State rows instead of counts")
    s.set_defaults(func=cmd_status)

    v = sub.add_parser("validate", parents=[common], help="check the datasets against every rule")
    v.set_defaults(func=cmd_validate)

    b = sub.add_parser("build", parents=[common], help="rebuild datasets/core/treaty_events.csv from the raw snapshots")
    b.set_defaults(func=cmd_build)

    r = sub.add_parser("reconcile", parents=[common], help="reported membership figures beside the counts from the record")
    r.add_argument("--as-of", type=_date, help="the figures that speak of a day up to DATE (default: the data's as-of date)")
    r.add_argument("--format", choices=["table", "json", "csv", "markdown"], default="table")
    r.add_argument("--summary", action="store_true", help="the agreement measures (shares within bounds, exact, only bounded)")
    r.set_defaults(func=cmd_reconcile)

    g = sub.add_parser("gaps", parents=[common], help="dates the treaty record still lacks")
    g.add_argument("--format", choices=["table", "json", "csv", "markdown"], default="table")
    g.set_defaults(func=cmd_gaps)

    rg = sub.add_parser(
        "register", parents=[common], help="the register of reported figures, or --summary: dated points per series"
    )
    rg.add_argument("--summary", action="store_true", help="per series: dated points, first and last date")
    rg.add_argument("--format", choices=["table", "json", "csv", "markdown"], default="table")
    rg.set_defaults(func=cmd_register)

    i = sub.add_parser(
        "import-chart", parents=[common], help="check a pasted Treaty Office chart (CSV/XLSX) and show what it changes"
    )
    i.add_argument("file")
    i.add_argument("--treaty", type=_treaty, required=True)
    i.add_argument("--as-of", type=_date, help="the chart's 'status as of' date (default: the record's as-of date)")
    i.add_argument("--write", action="store_true", help="add the chart to the record if it is clean")
    i.set_defaults(func=cmd_import_chart)

    a = sub.add_parser("check-activities", parents=[common], help="check a C-PROC activity register (XLSX template or CSV)")
    a.add_argument("file")
    a.add_argument("--as-of", type=_date, help="no activity after this date (default: today)")
    a.set_defaults(func=cmd_check_activities)

    e = sub.add_parser("export-data", parents=[common], help="every tidy table as CSV plus a Frictionless datapackage.json")
    e.add_argument("--out", required=True)
    e.add_argument("--as-of", type=_date)
    e.set_defaults(func=cmd_export_data)

    f = sub.add_parser("figures", parents=[common], help="write every chart (SVG, PDF, PNG) and manifest.json")
    f.add_argument("--as-of", type=_date)
    f.add_argument("--out", default="figures")
    f.add_argument("--formats", default="svg,pdf,png", type=lambda s: [x.strip() for x in s.split(",") if x.strip()])
    f.add_argument("--only", nargs="+", metavar="NAME")
    f.add_argument("--activities", metavar="REGISTER.xlsx", help=ACTIVITIES_HELP)
    f.set_defaults(func=cmd_figures)

    rp = sub.add_parser(
        "report",
        parents=[common],
        help="the whole annex in one folder: every chart (SVG, PDF, PNG, CSV), annex.pdf, index.html, the workbook",
    )
    rp.add_argument("--as-of", type=_date)
    rp.add_argument("--out", default="figures")
    rp.add_argument("--activities", metavar="REGISTER.xlsx", help=ACTIVITIES_HELP)
    rp.set_defaults(func=cmd_report)

    t = sub.add_parser("tables", parents=[common], help="write the data behind each chart to one Excel workbook")
    t.add_argument("--as-of", type=_date)
    t.add_argument("--out", required=True)
    t.add_argument("--activities", metavar="REGISTER.xlsx", help=ACTIVITIES_HELP)
    t.set_defaults(func=cmd_tables)
    return p


def _checked(as_of) -> date:
    """The as-of date of a command: the data's date by default; outside the record -> exit 2."""
    try:
        return resolve_as_of(as_of)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _recover() -> None:
    """Roll back an import cut short by a kill before any command reads the datasets."""
    try:
        root = datasets_dir()
    except FileNotFoundError:
        return  # the command itself says so
    for line in recover_if_idle(root):
        print(f"cproc-data: {line}", file=sys.stderr)


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _recover()
        return args.func(args)
    except UserError as exc:
        print(f"cproc-data: error: {clean(exc)}", file=sys.stderr)
        return EXIT_USER
    except DataError as exc:
        try:
            lines = problem_lines(exc.problems, full_list=args.problems)
        except OSError as err:
            lines = problem_lines(exc.problems)
            lines.append(f"  (could not write --problems {clean(args.problems)}: {err.strerror})")
        print("cproc-data: " + "\n".join(lines), file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:  # the output was piped into `head` or similar, which has closed it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
