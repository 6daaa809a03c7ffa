"""The command line: ``check``, ``capaian``, ``rules`` and ``explain``.

Exit codes are part of the interface for CI: 0 nothing at or above ``--fail-on``, 1 findings,
2 an input file or the rule files could not be used (or the tool itself failed). Bad input
never produces a traceback; an internal error is reported in one line in the user's language.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sakip_lint import __version__, escape, limits
from sakip_lint.dsl.errors import DslError
from sakip_lint.engine import check_file, check_files, worst
from sakip_lint.findings import Severity
from sakip_lint.graph_export import FORMATS as GRAPH_FORMATS
from sakip_lint.graph_export import render_graph
from sakip_lint.messages import LANGUAGES, render
from sakip_lint.output import (FORMATS, Provenance, render_capaian, render_explain,
                               render_findings, render_rules)
from sakip_lint.ruleset import Ruleset, load_ruleset

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, whose errors quote the arguments they refuse: quoted visibly, so an argument
    cannot reach the terminal as a control sequence."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {escape.plain(message)}\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                        help="extra rule folder or file (*.sakip); repeatable")
    common.add_argument("--format", choices=FORMATS, default="rich", help="output format")
    common.add_argument("--lang", choices=LANGUAGES, default="id", help="message language")
    common.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                        help="change a limit against hostile input (" + ", ".join(limits.NAMES)
                             + "); repeatable; also SAKIP_LINT_LIMIT_<NAME>")
    parser = _Parser(
        prog="sakip-lint",
        description="Checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before signing.")
    parser.add_argument("--version", action="version", version=f"sakip-lint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[common], help="run every check on data files")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--fail-on", choices=("error", "warning"), default="error",
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--parent", type=Path, metavar="FILE",
                       help="the data file of the body above (e.g. the RPJMD): check cascading")
    capaian = commands.add_parser("capaian", parents=[common],
                                  help="the capaian tables as the report should print them")
    capaian.add_argument("file", type=Path, metavar="FILE")
    graph = commands.add_parser("graph", parents=[common],
                                help="the pohon kinerja with its findings (dot, mermaid, json)")
    graph.add_argument("file", type=Path, metavar="FILE")
    graph.add_argument("--to", choices=GRAPH_FORMATS, default="dot", dest="graph_format",
                       help="graph format (default: dot)")
    commands.add_parser("rules", parents=[common], help="list the rules in force")
    explain = commands.add_parser("explain", parents=[common],
                                  help="the documentation and examples of one rule")
    explain.add_argument("code", metavar="CODE")
    return parser


def _load_rules(args: argparse.Namespace) -> Ruleset | None:
    try:
        return load_ruleset(args.rules)
    except DslError as error:
        for problem in error.problems:
            print(problem.format(args.lang), file=sys.stderr)
        return None


def _write(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def run_check(args: argparse.Namespace, ruleset: Ruleset) -> int:
    results = check_files(args.files, ruleset, args.parent)
    _write(render_findings(results, Provenance.of(ruleset), args.format, args.lang))
    if any(not result.usable for result in results):
        return EXIT_UNUSABLE
    threshold = Severity(args.fail_on).rank
    severity = worst([finding for result in results for finding in result.findings])
    return EXIT_FINDINGS if severity is not None and severity.rank >= threshold else EXIT_CLEAN


def _checked_or_explained(args: argparse.Namespace, ruleset: Ruleset):
    """The checked file, or None after saying on stderr why it cannot be used."""
    result = check_file(args.file, ruleset)
    if not result.usable:
        sys.stderr.write(render_findings([result], Provenance.of(ruleset), "plain", args.lang))
        print(render("cli.input-unusable", args.lang, path=escape.plain(args.file)), file=sys.stderr)
        return None
    return result


def run_capaian(args: argparse.Namespace, ruleset: Ruleset) -> int:
    result = _checked_or_explained(args, ruleset)
    if result is None:
        return EXIT_UNUSABLE
    _write(render_capaian(result, Provenance.of(ruleset), args.format, args.lang))
    return EXIT_CLEAN


def run_rules(args: argparse.Namespace, ruleset: Ruleset) -> int:
    _write(render_rules(ruleset, args.format, args.lang))
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace, ruleset: Ruleset) -> int:
    rule = ruleset.rule(args.code.upper())
    if rule is None:
        print(render("cli.unknown-rule", args.lang, code=escape.plain(args.code)), file=sys.stderr)
        return EXIT_UNUSABLE
    _write(render_explain(rule, args.format, args.lang))
    return EXIT_CLEAN


def run_graph(args: argparse.Namespace, ruleset: Ruleset) -> int:
    result = _checked_or_explained(args, ruleset)
    if result is None:
        return EXIT_UNUSABLE
    _write(render_graph(result.context.graph, result.findings, args.graph_format))
    return EXIT_CLEAN


COMMANDS = {"check": run_check, "capaian": run_capaian, "graph": run_graph, "rules": run_rules,
            "explain": run_explain}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        limits.configure(limits.parse_settings(args.limit))
    except limits.LimitError as error:  # the setting is echoed: written out, never raw
        print(escape.plain(render(error.key, args.lang, **error.arguments)), file=sys.stderr)
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
        print(render("cli.internal-error", args.lang, detail=detail), file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
