"""The command line: ``check``, ``capaian``, ``rules`` and ``explain``.

Exit codes are part of the interface for CI: 0 nothing at or above ``--fail-on``, 1 findings,
2 an input file or the rule files could not be used (or the tool itself failed). Bad input
never produces a traceback; an internal error is reported in one line in the user's language.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sakip_lint import __version__, escape, limits
from sakip_lint.dsl.errors import DslError
from sakip_lint.engine import check_file, check_files, worst
from sakip_lint.findings import Severity
from sakip_lint.graph_export import FORMATS as GRAPH_FORMATS
from sakip_lint.graph_export import render_graph
from sakip_lint.messages import CATALOGUE, DEFAULT_LANGUAGE, LANGUAGES, render
from sakip_lint.output import (FORMATS, Provenance, render_capaian, render_explain,
                               render_findings, render_rules)
from sakip_lint.ruleset import Ruleset, load_ruleset

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


LANGUAGE_VARIABLE = "SAKIP_LINT_LANG"  # the language when --lang is not given

# argparse's own words (it asks gettext for them) and the catalogue entries that say them in
# the reader's language; they keep argparse's %-placeholders
ARGPARSE_WORDS = {
    "usage: ": "cli.argparse.usage",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid-choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid-value",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "the following arguments are required: %s": "cli.argparse.required",
    "one of the arguments %s is required": "cli.argparse.one-required",
    "expected one argument": "cli.argparse.expected-one",
    "expected at most one argument": "cli.argparse.expected-at-most-one",
    "expected at least one argument": "cli.argparse.expected-at-least-one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "ignored explicit argument %r": "cli.argparse.ignored",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
}


def language(argv: list[str], environ=os.environ) -> str:
    """The language of the run, known before argparse runs (its own messages are in it too):
    ``--lang`` (or ``--lang=``, or an abbreviation argparse accepts), else SAKIP_LINT_LANG,
    else Indonesian. A value that is no language is argparse's to refuse."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) >= 4 and "--lang".startswith(name):
            value = value if equals else (argv[index + 1] if index + 1 < len(argv) else "")
            if value in LANGUAGES:
                return value
    value = environ.get(LANGUAGE_VARIABLE, "")
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse speaking ``lang`` while it parses, prints help or refuses an argument."""
    def translated(text: str) -> str:
        key = ARGPARSE_WORDS.get(text)
        return text if key is None else CATALOGUE[key].get(lang, text)

    saved = argparse._, argparse.ngettext
    argparse._ = translated
    argparse.ngettext = lambda one, many, count: translated(one if count == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class _Parser(argparse.ArgumentParser):
    """argparse, whose errors quote the arguments they refuse: quoted visibly, so an argument
    cannot reach the terminal as a control sequence."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, argparse._("%(prog)s: error: %(message)s\n")
                  % {"prog": self.prog, "message": escape.plain(message)})


def _graph_format(lang: str):
    """A graph format, or why not: a table format (markdown, rich...) is named as one of the
    other commands, so that asking graph for it is not taken for a typo."""
    def graph_format(value: str) -> str:
        if value in GRAPH_FORMATS:
            return value
        key = "cli.graph-table-format" if value in FORMATS else "cli.graph-format"
        raise argparse.ArgumentTypeError(render(key, lang, value=value,
                                                allowed=", ".join(GRAPH_FORMATS)))
    return graph_format


def _parser(lang: str) -> argparse.ArgumentParser:
    say = lambda key, **args: render(f"cli.help.{key}", lang, **args)  # noqa: E731
    default_lang = language([])  # SAKIP_LINT_LANG, when it names a language
    common = _Parser(add_help=False)
    common.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                        help=say("rules"))
    common.add_argument("--lang", choices=LANGUAGES, default=default_lang,
                        help=say("lang", variable=LANGUAGE_VARIABLE))
    common.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                        help=say("limit", names=", ".join(limits.NAMES)))
    formatted = _Parser(add_help=False)
    formatted.add_argument("--format", choices=FORMATS, default="rich", help=say("format"))
    parser = _Parser(prog="sakip-lint", description=say("description"))
    parser.add_argument("--version", action="version", version=f"sakip-lint {__version__}",
                        help=say("version"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     title=say("commands"))
    check = commands.add_parser("check", parents=[common, formatted], help=say("check"))
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--fail-on", choices=("error", "warning"), default="error",
                       help=say("fail-on"))
    check.add_argument("--parent", type=Path, metavar="FILE", help=say("parent"))
    capaian = commands.add_parser("capaian", parents=[common, formatted], help=say("capaian"))
    capaian.add_argument("file", type=Path, metavar="FILE")
    graph = commands.add_parser("graph", parents=[common], help=say("graph"))
    graph.add_argument("file", type=Path, metavar="FILE")
    graph.add_argument("--format", "--to", type=_graph_format(lang), default="dot",
                       dest="graph_format", metavar="{" + ",".join(GRAPH_FORMATS) + "}",
                       help=say("to"))
    commands.add_parser("rules", parents=[common, formatted], help=say("rules-command"))
    explain = commands.add_parser("explain", parents=[common, formatted], help=say("explain"))
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
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = language(argv)
    with argparse_in(lang):
        args = _parser(lang).parse_args(argv)
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
