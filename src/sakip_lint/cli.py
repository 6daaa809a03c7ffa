"""The command line: ``check``, ``capaian``, ``graph``, ``report``, ``review``, ``rules``,
``explain`` and ``schema``; ``check``'s repository and CI options are in ``workflow``.

Exit codes are part of the interface for CI: 0 nothing at or above ``--fail-on``, 1 findings,
2 an input file, the rule files or the configuration could not be used (or the tool itself
failed). Bad input
never produces a traceback; an internal error is reported in one line in the user's language.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sakip_lint import __version__, escape, limits
from sakip_lint.dsl.errors import DslError
from sakip_lint.engine import check_file, check_files
from sakip_lint.formats import CHECK_FORMATS
from sakip_lint.graph_export import FORMATS as GRAPH_FORMATS
from sakip_lint.graph_export import render_graph
from sakip_lint.messages import LANGUAGES, render
from sakip_lint.output import (FORMATS, Provenance, render_capaian, render_explain,
                               render_findings, render_rules)
from sakip_lint.report.review import FORMATS as REVIEW_FORMATS
from sakip_lint.ruleset import Ruleset
from sakip_lint.settings import FAIL_ON
from sakip_lint.workflow import (EXIT_CLEAN, EXIT_UNUSABLE, add_workflow_options, run_check,
                                 settings_for)


def _parser() -> argparse.ArgumentParser:
    base = argparse.ArgumentParser(add_help=False)  # every command; ``common`` adds --format
    base.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                      help="extra rule folder or file (*.sakip); repeatable")
    base.add_argument("--lang", choices=LANGUAGES, default=None,
                      help="message language (default: the configuration's, else id)")
    base.add_argument("--config", type=Path, metavar="FILE",
                      help="the configuration file (default: .sakip-lint.toml or pyproject.toml "
                           "[tool.sakip-lint], searched from the checked files upwards)")
    base.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                      help="change a limit against hostile input (" + ", ".join(limits.NAMES)
                           + "); repeatable; also SAKIP_LINT_LIMIT_<NAME>")
    common = argparse.ArgumentParser(add_help=False, parents=[base])
    common.add_argument("--format", choices=FORMATS, default="rich", help="output format")
    parser = argparse.ArgumentParser(
        prog="sakip-lint",
        description="Checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before signing.")
    parser.add_argument("--version", action="version", version=f"sakip-lint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[base], help="run every check on data files")
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="data files, or folders to search for them")
    check.add_argument("--format", choices=CHECK_FORMATS, default="rich", help="output format")
    check.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="lowest severity that makes the exit code 1 (default: error)")
    add_workflow_options(check)
    capaian = commands.add_parser("capaian", parents=[common],
                                  help="the capaian tables as the report should print them")
    capaian.add_argument("file", type=Path, metavar="FILE")
    graph = commands.add_parser("graph", parents=[common],
                                help="the pohon kinerja with its findings (dot, mermaid, json)")
    graph.add_argument("file", type=Path, metavar="FILE")
    graph.add_argument("--to", choices=GRAPH_FORMATS, default="dot", dest="graph_format",
                       help="graph format (default: dot)")
    report = commands.add_parser("report", parents=[base],
                                 help="the reviewer's report: one self-contained HTML file")
    report.add_argument("files", nargs="+", type=Path, metavar="FILE")
    report.add_argument("--html", "-o", required=True, type=Path, metavar="OUT.html",
                        dest="output", help="the HTML file to write ('-': standard output)")
    review = commands.add_parser("review", parents=[base],
                                 help="a draft of the Catatan Hasil Reviu (docx, markdown)")
    review.add_argument("file", type=Path, metavar="FILE")
    review.add_argument("--format", choices=REVIEW_FORMATS, default="docx",
                        help="docx (Word, default) or markdown")
    review.add_argument("--output", "-o", required=True, type=Path, metavar="OUT",
                        help="the file to write ('-': standard output)")
    commands.add_parser("rules", parents=[common], help="list the rules in force")
    explain = commands.add_parser("explain", parents=[common],
                                  help="the documentation and examples of one rule")
    explain.add_argument("code", metavar="CODE")
    commands.add_parser("schema", parents=[base],
                        help="the JSON Schema of the data file, for editors")
    return parser


def _load_rules(args: argparse.Namespace) -> Ruleset | None:
    """The rules in force (with the configuration's), or None after saying why not."""
    from sakip_lint.api import load_rules
    from sakip_lint.settings import SettingsError

    try:
        args.settings = settings_for(args)
        args.lang = args.lang or args.settings.lang or "id"
        return load_rules(args.rules, args.settings)
    except (DslError, SettingsError) as error:
        args.lang = args.lang or "id"
        for problem in error.problems:
            print(problem.format(args.lang), file=sys.stderr)
        return None


def _provenance(args: argparse.Namespace, ruleset: Ruleset) -> Provenance:
    return Provenance.of(ruleset, args.settings.provenance)


def _write(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def _checked_or_explained(args: argparse.Namespace, ruleset: Ruleset):
    """The checked file, or None after saying on stderr why it cannot be used."""
    result = check_file(args.file, ruleset)
    if not result.usable:
        sys.stderr.write(render_findings([result], _provenance(args, ruleset), "plain", args.lang))
        print(render("cli.input-unusable", args.lang, path=escape.plain(args.file)), file=sys.stderr)
        return None
    return result


def run_capaian(args: argparse.Namespace, ruleset: Ruleset) -> int:
    result = _checked_or_explained(args, ruleset)
    if result is None:
        return EXIT_UNUSABLE
    _write(render_capaian(result, _provenance(args, ruleset), args.format, args.lang))
    return EXIT_CLEAN


def run_rules(args: argparse.Namespace, ruleset: Ruleset) -> int:
    _write(render_rules(ruleset, args.format, args.lang))
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace, ruleset: Ruleset) -> int:
    rule = ruleset.rule(args.code.upper())
    if rule is None:
        print(render("cli.unknown-rule", args.lang, code=escape.plain(args.code)), file=sys.stderr)
        return EXIT_UNUSABLE
    _write(render_explain(rule, args.format, args.lang, _provenance(args, ruleset)))
    return EXIT_CLEAN


def run_graph(args: argparse.Namespace, ruleset: Ruleset) -> int:
    result = _checked_or_explained(args, ruleset)
    if result is None:
        return EXIT_UNUSABLE
    _write(render_graph(result.context.graph, result.findings, args.graph_format,
                        _provenance(args, ruleset).as_json(), args.lang))
    return EXIT_CLEAN


def _deliver(args: argparse.Namespace, data: bytes) -> int:
    """Write a deliverable to ``--output`` (or standard output for '-') and say where."""
    if str(args.output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_CLEAN
    try:
        args.output.write_bytes(data)
    except OSError as error:
        print(render("cli.output-unwritable", args.lang, path=escape.plain(args.output),
                     detail=escape.plain(error.strerror or error)), file=sys.stderr)
        return EXIT_UNUSABLE
    print(render("cli.report-written", args.lang, path=escape.plain(args.output)), file=sys.stderr)
    return EXIT_CLEAN


def run_report(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.report.content import build
    from sakip_lint.report.html import render_html

    results = check_files(args.files, ruleset)
    unusable = [result for result in results if not result.usable]
    if unusable:
        sys.stderr.write(render_findings(unusable, _provenance(args, ruleset), "plain", args.lang))
        for result in unusable:
            print(render("cli.input-unusable", args.lang, path=escape.plain(result.path)),
                  file=sys.stderr)
        return EXIT_UNUSABLE
    contents = [build(result, ruleset, args.lang, index)
                for index, result in enumerate(results, start=1)]
    return _deliver(args, render_html(contents, args.lang).encode("utf-8"))


def run_review(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.report.content import build
    from sakip_lint.report.review import render_review

    result = _checked_or_explained(args, ruleset)
    if result is None:
        return EXIT_UNUSABLE
    try:
        data = render_review(build(result, ruleset, args.lang), args.format)
    except ModuleNotFoundError as error:
        if error.name != "docx":
            raise
        print(render("cli.docx-missing", args.lang), file=sys.stderr)
        return EXIT_UNUSABLE
    return _deliver(args, data)


def run_schema(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.data_schema import data_schema

    _write(escape.json_dumps(data_schema(args.lang)))
    return EXIT_CLEAN


COMMANDS = {"schema": run_schema, "check": run_check, "capaian": run_capaian, "graph": run_graph, "report": run_report,
            "review": run_review, "rules": run_rules, "explain": run_explain}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        limits.configure(limits.parse_settings(args.limit))
    except limits.LimitError as error:
        print(render(error.key, args.lang or "id", **error.arguments), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        with limits.arithmetic():  # every computation of the run, within the limits
            ruleset = _load_rules(args)
            if ruleset is None:
                return EXIT_UNUSABLE
            return COMMANDS[args.command](args, ruleset)
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("SAKIP_LINT_DEBUG"):
            raise
        detail = escape.plain(f"{type(error).__name__}: {error}")
        print(render("cli.internal-error", args.lang or "id", detail=detail), file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
