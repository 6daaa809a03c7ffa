"""The command line: ``check``, ``capaian``, ``graph``, ``import``, ``rules`` and ``explain``.

``check``, ``capaian`` and ``graph`` read a data file or, by its suffix, a Word (.docx) or
Excel (.xlsx) report, imported on the way; ``import`` writes the data file of such a report.

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
from sakip_lint.messages import LANGUAGES, render, render_finding
from sakip_lint.output import (FORMATS, Provenance, position, render_capaian, render_explain,
                               render_findings, render_rules)
from sakip_lint.ruleset import Ruleset, load_ruleset

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def _common(formats: tuple[str, ...] | None = FORMATS) -> argparse.ArgumentParser:
    """The options every command shares (``formats``: the output formats it writes)."""
    common = argparse.ArgumentParser(add_help=False)
    if formats is not None:
        common.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                            help="extra rule folder or file (*.sakip); repeatable")
        common.add_argument("--format", choices=formats, default="rich", help="output format")
    common.add_argument("--lang", choices=LANGUAGES, default="id", help="message language")
    common.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                        help="change a limit against hostile input (" + ", ".join(limits.NAMES)
                             + "); repeatable; also SAKIP_LINT_LIMIT_<NAME>")
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="sakip-lint",
        description="Checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before signing.")
    parser.add_argument("--version", action="version", version=f"sakip-lint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[common],
                                help="run every check on data files or .docx/.xlsx reports")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--fail-on", choices=("error", "warning"), default="error",
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--parent", type=Path, metavar="FILE",
                       help="the data file of the body above (e.g. the RPJMD): check cascading")
    capaian = commands.add_parser("capaian", parents=[_common(FORMATS + ("xlsx",))],
                                  help="the capaian tables as the report should print them")
    capaian.add_argument("file", type=Path, metavar="FILE")
    capaian.add_argument("-o", "--output", type=Path, metavar="FILE",
                         help="write to FILE (needed for --format xlsx: the PKK measurement form)")
    imports = commands.add_parser("import", parents=[_common(None)],
                                  help="write the data file of a Word (.docx) or Excel (.xlsx) report")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("-o", "--output", type=Path, metavar="FILE",
                         help="write the data file to FILE (default: standard output)")
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
    if args.format == "xlsx" and args.output is None:
        print(render("cli.xlsx-needs-output", args.lang), file=sys.stderr)
        return EXIT_UNUSABLE
    result = _checked_or_explained(args, ruleset)
    if result is None:
        return EXIT_UNUSABLE
    if args.format == "xlsx":
        from sakip_lint.xlsx_export import write_capaian_xlsx

        report = result.loaded.report
        try:
            write_capaian_xlsx(result.capaian, report.instansi, report.tahun, args.output, args.lang)
        except OSError as error:
            print(render("cli.output-unwritable", args.lang, path=escape.plain(args.output),
                         detail=escape.plain(error.strerror or error)), file=sys.stderr)
            return EXIT_UNUSABLE
        return EXIT_CLEAN
    text = render_capaian(result, Provenance.of(ruleset), args.format, args.lang)
    return _deliver(text, args.output, args.lang)


def _deliver(text: str, output: Path | None, lang: str) -> int:
    """``text`` to ``output``, or to standard output."""
    if output is None:
        _write(text)
        return EXIT_CLEAN
    try:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as error:
        print(render("cli.output-unwritable", lang, path=escape.plain(output),
                     detail=escape.plain(error.strerror or error)), file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_CLEAN


def run_import(args: argparse.Namespace) -> int:
    """The data file of a .docx/.xlsx report, with comments where the importer was unsure;
    a summary of what it read on standard error."""
    from sakip_lint.importing import document_kind, import_content
    from sakip_lint.importing.container import problem_finding
    from sakip_lint.loader import read_source

    kind = document_kind(args.file)
    if kind is None:
        print(render("import.unsupported-suffix", args.lang, path=escape.plain(args.file)), file=sys.stderr)
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
    code = _deliver(imported.text, args.output, args.lang)
    if code == EXIT_CLEAN:
        print(escape.plain(render("import.summary", args.lang, path=args.file, **imported.counts)),
              file=sys.stderr)
        if args.output is not None:
            print(render("import.written", args.lang, path=escape.plain(args.output)), file=sys.stderr)
    return code


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
    except limits.LimitError as error:
        print(render(error.key, args.lang, **error.arguments), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        if args.command == "import":
            return run_import(args)
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
