"""The command line: ``check``, ``capaian``, ``graph``, ``import``, ``report``, ``review``,
``rules``, ``explain`` and ``schema``; ``check``'s repository and CI options are in ``workflow``.

``check``, ``capaian``, ``graph``, ``report`` and ``review`` read a data file or, by its suffix, a
Word (.docx) or Excel (.xlsx) report, imported on the way; ``import`` writes the data file of
such a report.

Exit codes are part of the interface for CI: 0 nothing at or above ``--fail-on``, 1 findings,
2 an input file, the rule files or the configuration could not be used (or the tool itself
failed). Bad input
never produces a traceback; an internal error is reported in one line in the user's language.

A command imports what it uses when it runs: ``--help`` loads neither the rules nor the engine,
and only the rich output imports rich.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from sakip_lint import __version__, escape, formats, limits, rule_cache
from sakip_lint.messages import CATALOGUE, DEFAULT_LANGUAGE, LANGUAGES, render
from sakip_lint.phases import collector_paused, freeze_long_lived

if TYPE_CHECKING:
    from sakip_lint.ruleset import Ruleset

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
EXIT_READER_GONE = 141  # the shell's code for a writer whose reader stopped (128 + SIGPIPE)


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
        if value in formats.GRAPH:
            return value
        key = "cli.graph-table-format" if value in formats.FINDINGS else "cli.graph-format"
        raise argparse.ArgumentTypeError(render(key, lang, value=value,
                                                allowed=", ".join(formats.GRAPH)))
    return graph_format


def _parser(lang: str) -> argparse.ArgumentParser:
    from sakip_lint.findings import Severity
    from sakip_lint.workflow import add_workflow_options

    say = lambda key, **args: render(f"cli.help.{key}", lang, **args)  # noqa: E731
    plain = _Parser(add_help=False)  # every command
    plain.add_argument("--lang", choices=LANGUAGES, default=None,
                       help=say("lang", variable=LANGUAGE_VARIABLE))
    plain.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                       help=say("limit", names=", ".join(limits.NAMES)))
    base = _Parser(add_help=False, parents=[plain])  # the commands that check
    base.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                      help=say("rules"))
    base.add_argument("--config", type=Path, metavar="FILE", help=say("config"))
    base.add_argument("--no-cache", action="store_true", help=say("no-cache"))
    base.add_argument("--indent", type=_indent, metavar="N", help=say("indent"))
    common = _Parser(add_help=False, parents=[base])  # ... and write a table format
    common.add_argument("--format", choices=formats.FINDINGS, default="rich", help=say("format"))
    parser = _Parser(prog="sakip-lint", description=say("description"))
    parser.add_argument("--version", action="version", version=f"sakip-lint {__version__}",
                        help=say("version"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     title=say("commands"))
    check = commands.add_parser("check", parents=[base], help=say("check"))
    check.add_argument("files", nargs="+", metavar="FILE", help=say("check-files"))
    check.add_argument("--format", choices=formats.CHECK_FORMATS, default="rich",
                       help=say("format"))
    check.add_argument("--fail-on", choices=tuple(severity.value for severity in Severity),
                       default=None, help=say("fail-on"))
    add_workflow_options(check, say)
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N", help=say("jobs"))
    check.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                       help=say("progress"))
    capaian = commands.add_parser("capaian", parents=[base], help=say("capaian"))
    capaian.add_argument("file", type=Path, metavar="FILE")
    capaian.add_argument("--format", choices=formats.CAPAIAN, default="rich",
                         help=say("capaian-format"))
    capaian.add_argument("-o", "--output", type=Path, metavar="FILE", help=say("capaian-output"))
    imports = commands.add_parser("import", parents=[plain], help=say("import"))
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("-o", "--output", type=Path, metavar="FILE", help=say("import-output"))
    graph = commands.add_parser("graph", parents=[base], help=say("graph"))
    graph.add_argument("file", type=Path, metavar="FILE")
    graph.add_argument("--format", "--to", type=_graph_format(lang), default="dot",
                       dest="graph_format", metavar="{" + ",".join(formats.GRAPH) + "}",
                       help=say("to"))
    report = commands.add_parser("report", parents=[base], help=say("report"))
    report.add_argument("files", nargs="+", type=Path, metavar="FILE")
    report.add_argument("--html", "-o", required=True, type=Path, metavar="OUT.html",
                        dest="output", help=say("report-output"))
    review = commands.add_parser("review", parents=[base], help=say("review"))
    review.add_argument("file", type=Path, metavar="FILE")
    review.add_argument("--format", choices=formats.REVIEW, default="docx",
                        help=say("review-format"))
    review.add_argument("--output", "-o", required=True, type=Path, metavar="OUT",
                        help=say("review-output"))
    commands.add_parser("rules", parents=[common], help=say("rules-command"))
    explain = commands.add_parser("explain", parents=[common], help=say("explain"))
    explain.add_argument("code", metavar="CODE")
    commands.add_parser("schema", parents=[base], help=say("schema"))
    return parser


def _indent(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= 16:
        raise argparse.ArgumentTypeError("1..16")
    return int(text)


def _jobs(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) > 256:
        raise argparse.ArgumentTypeError("0..256")
    return int(text) or os.cpu_count() or 1


def prepare_process() -> None:
    """Once the rules are loaded: what lives as long as the process is kept out of the garbage
    collector's walks (``phases``)."""
    freeze_long_lived()


def _load_rules(args: argparse.Namespace) -> Ruleset | None:
    """The rules in force (with the configuration's), or None after saying why not. The
    language is settled here: ``--lang``, else SAKIP_LINT_LANG, else the configuration's, else
    Indonesian."""
    from sakip_lint.api import load_rules
    from sakip_lint.dsl.errors import DslError
    from sakip_lint.settings import SettingsError
    from sakip_lint.workflow import settings_for

    try:
        args.settings = settings_for(args)
        args.lang = args.lang or _language_variable() or args.settings.lang or DEFAULT_LANGUAGE
        return load_rules(args.rules, args.settings)
    except (DslError, SettingsError) as error:
        args.lang = args.lang or _language_variable() or DEFAULT_LANGUAGE
        for problem in error.problems:
            print(problem.format(args.lang), file=sys.stderr)
        return None


def _language_variable() -> str | None:
    value = os.environ.get(LANGUAGE_VARIABLE, "")
    return value if value in LANGUAGES else None


def _provenance(args: argparse.Namespace, ruleset: Ruleset):
    from sakip_lint.output import Provenance

    return Provenance.of(ruleset, args.settings.provenance)


def _write(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def run_check(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.workflow import run_check as run

    return run(args, ruleset)


def _checked_or_explained(args: argparse.Namespace, ruleset: Ruleset):
    """The checked file, or None after saying on stderr why it cannot be used."""
    from sakip_lint.engine import check_file
    from sakip_lint.output import render_findings

    result = check_file(args.file, ruleset)
    if not result.usable:
        sys.stderr.write(render_findings([result], _provenance(args, ruleset), args.lang))
        print(render("cli.input-unusable", args.lang, path=escape.plain(args.file)), file=sys.stderr)
        return None
    return result


def run_capaian(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.output import render_capaian

    if args.format == "xlsx" and args.output is None:
        print(render("cli.xlsx-needs-output", args.lang), file=sys.stderr)
        return EXIT_UNUSABLE
    with collector_paused():
        result = _checked_or_explained(args, ruleset)
        if result is None:
            return EXIT_UNUSABLE
        if args.format == "xlsx":
            from sakip_lint.xlsx_export import write_capaian_xlsx

            report = result.loaded.report
            try:
                write_capaian_xlsx(result.capaian, result.stated, report.instansi, report.tahun, args.output,
                                   args.lang)
            except OSError as error:
                return _unwritable(args.output, error, args.lang)
            return EXIT_CLEAN
        text = render_capaian(result, _provenance(args, ruleset), args.format, args.lang,
                              args.indent)
    return _deliver(_ended(text), args.output, args.lang)


def run_import(args: argparse.Namespace) -> int:
    """The data file of a .docx/.xlsx report, with comments where the importer was unsure;
    a summary of what it read on standard error."""
    from sakip_lint.importing import import_content
    from sakip_lint.importing.container import problem_finding
    from sakip_lint.loader import read_source
    from sakip_lint.messages import render_finding
    from sakip_lint.output import position
    from sakip_lint.textfile import document_kind

    kind = document_kind(args.file)
    if kind is None:
        print(render("import.unsupported-suffix", args.lang, path=escape.plain(args.file)),
              file=sys.stderr)
        return EXIT_UNUSABLE
    content, findings = read_source(args.file)
    if content is not None:
        imported = import_content(str(args.file), content, kind, args.lang)
        findings = [problem_finding(str(args.file), problem) for problem in imported.problems]
    if findings:
        for finding in findings:
            print(escape.plain(f"{position(finding.location, args.lang)}: {finding.code} "
                               f"{render_finding(finding, args.lang)}"), file=sys.stderr)
        return EXIT_UNUSABLE
    code = _deliver(_ended(imported.text), args.output, args.lang, announce="import.written")
    if code == EXIT_CLEAN:
        print(escape.plain(render("import.summary", args.lang, path=args.file, **imported.counts)),
              file=sys.stderr)
    return code


def _ended(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _unwritable(output: Path, error: OSError, lang: str) -> int:
    print(render("cli.output-unwritable", lang, path=escape.plain(output),
                 detail=escape.plain(error.strerror or error)), file=sys.stderr)
    return EXIT_UNUSABLE


def _deliver(data: str | bytes, output: Path | None, lang: str, announce: str | None = None) -> int:
    """Write ``data`` (a text, or a binary document) to ``output`` (standard output when none
    or '-'); ``announce``: the message that says where it went."""
    if output is None or str(output) == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if isinstance(data, str) or buffer is None:  # a text, or a stream that takes only text
            _write(data if isinstance(data, str) else data.decode("utf-8", errors="replace"))
        else:
            sys.stdout.flush()
            buffer.write(data)
            sys.stdout.flush()
        return EXIT_CLEAN
    try:
        output.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as error:
        return _unwritable(output, error, lang)
    if announce is not None:
        print(render(announce, lang, path=escape.plain(output)), file=sys.stderr)
    return EXIT_CLEAN


def run_report(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.engine import check_files
    from sakip_lint.output import render_findings
    from sakip_lint.report.content import build
    from sakip_lint.report.html import render_html

    with collector_paused():
        results = check_files(args.files, ruleset)
        unusable = [result for result in results if not result.usable]
        if unusable:
            sys.stderr.write(render_findings(unusable, _provenance(args, ruleset), args.lang))
            for result in unusable:
                print(render("cli.input-unusable", args.lang, path=escape.plain(result.path)),
                      file=sys.stderr)
            return EXIT_UNUSABLE
        contents = [build(result, ruleset, args.lang, index)
                    for index, result in enumerate(results, start=1)]
        page = render_html(contents, args.lang)
    return _deliver(page.encode("utf-8"), args.output, args.lang, announce="cli.report-written")


def run_review(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.report.content import build
    from sakip_lint.report.review import render_review

    with collector_paused():
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
    return _deliver(data, args.output, args.lang, announce="cli.report-written")


def run_rules(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.output import render_rules

    _write(render_rules(ruleset, args.format, args.lang, args.indent))
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.output import render_explain

    rule = ruleset.rule(args.code.upper())
    if rule is None:
        print(render("cli.unknown-rule", args.lang, code=escape.plain(args.code)), file=sys.stderr)
        return EXIT_UNUSABLE
    _write(render_explain(rule, args.format, args.lang, _provenance(args, ruleset), args.indent))
    return EXIT_CLEAN


def run_graph(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.graph_export import render_graph

    with collector_paused():
        result = _checked_or_explained(args, ruleset)
        if result is None:
            return EXIT_UNUSABLE
        _write(render_graph(result.context.graph, result.findings, args.graph_format,
                            _provenance(args, ruleset).as_json(), args.lang, args.indent))
    return EXIT_CLEAN


def run_schema(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.data_schema import data_schema

    _write(escape.json_dumps(data_schema(args.lang), 2))
    return EXIT_CLEAN


COMMANDS = {"schema": run_schema, "check": run_check, "capaian": run_capaian, "graph": run_graph, "report": run_report,
            "review": run_review, "rules": run_rules, "explain": run_explain}


def _quiet_stdout() -> None:
    """Standard output to nowhere: what is still buffered for a reader that is gone would fail
    again when the interpreter flushes it on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind it (a test's captured stream)
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = language(argv)
    with argparse_in(lang):
        args = _parser(lang).parse_args(argv)
    # until the configuration is read (``_load_rules``), the language of the command line
    given, args.lang = args.lang, args.lang or lang
    try:
        limits.configure(limits.parse_settings(args.limit))
    except limits.LimitError as error:  # the setting is echoed: written out, never raw
        print(escape.plain(render(error.key, args.lang, **error.arguments)), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        # every computation of the run within the limits; the rule cache unless --no-cache
        with limits.arithmetic(), rule_cache.switched_off(getattr(args, "no_cache", False)):
            if args.command == "import":
                return run_import(args)
            args.lang = given  # without --lang, the configuration may name the language
            ruleset = _load_rules(args)
            if ruleset is None:
                return EXIT_UNUSABLE
            prepare_process()
            return COMMANDS[args.command](args, ruleset)
    except BrokenPipeError:  # the output was piped to a reader that stopped (``| head``)
        _quiet_stdout()
        return EXIT_READER_GONE
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("SAKIP_LINT_DEBUG"):
            raise
        detail = escape.plain(f"{type(error).__name__}: {error}")
        print(render("cli.internal-error", args.lang, detail=detail), file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
