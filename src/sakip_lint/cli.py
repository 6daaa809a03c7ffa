"""The command line: ``check``, ``capaian``, ``graph``, ``import``, ``report``, ``review``,
``rules`` and ``explain``.

``check``, ``capaian``, ``graph``, ``report`` and ``review`` read a data file or, by its suffix, a
Word (.docx) or Excel (.xlsx) report, imported on the way; ``import`` writes the data file of
such a report.

Exit codes are part of the interface for CI: 0 nothing at or above ``--fail-on``, 1 findings,
2 an input file or the rule files could not be used (or the tool itself failed). Bad input
never produces a traceback; an internal error is reported in one line in the user's language.

A command imports what it uses when it runs: ``--help`` loads neither the rules nor the engine,
and only the rich output imports rich.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from sakip_lint import __version__, escape, formats, limits
from sakip_lint.messages import LANGUAGES, render
from sakip_lint.phases import collector_paused, freeze_long_lived

if TYPE_CHECKING:
    from sakip_lint.ruleset import Ruleset

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    plain = argparse.ArgumentParser(add_help=False)  # every command
    plain.add_argument("--lang", choices=LANGUAGES, default="id", help="message language")
    plain.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                       help="change a limit against hostile input (" + ", ".join(limits.NAMES)
                            + "); repeatable; also SAKIP_LINT_LIMIT_<NAME>")
    base = argparse.ArgumentParser(add_help=False, parents=[plain])  # the commands that check
    base.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                      help="extra rule folder or file (*.sakip); repeatable")
    base.add_argument("--indent", type=_indent, metavar="N",
                      help="indent JSON output by N spaces (default: one line)")
    common = argparse.ArgumentParser(add_help=False, parents=[base])  # ... and write a format
    common.add_argument("--format", choices=formats.FINDINGS, default="rich",
                        help="output format")
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
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="check the files in N processes (0: one per core); the output keeps "
                            "the order of the files")
    check.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                       help="a progress bar on stderr for several files (auto: only on a "
                            "terminal, never in CI)")
    capaian = commands.add_parser("capaian", parents=[base],
                                  help="the capaian tables as the report should print them")
    capaian.add_argument("file", type=Path, metavar="FILE")
    capaian.add_argument("--format", choices=formats.CAPAIAN, default="rich",
                         help="output format (xlsx: the PKK measurement form, needs -o)")
    capaian.add_argument("-o", "--output", type=Path, metavar="FILE",
                         help="write to FILE (needed for --format xlsx)")
    imports = commands.add_parser("import", parents=[plain],
                                  help="write the data file of a Word (.docx) or Excel (.xlsx) report")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("-o", "--output", type=Path, metavar="FILE",
                         help="write the data file to FILE (default: standard output)")
    graph = commands.add_parser("graph", parents=[common],
                                help="the pohon kinerja with its findings (dot, mermaid, json)")
    graph.add_argument("file", type=Path, metavar="FILE")
    graph.add_argument("--to", choices=formats.GRAPH, default="dot", dest="graph_format",
                       help="graph format (default: dot)")
    report = commands.add_parser("report", parents=[base],
                                 help="the reviewer's report: one self-contained HTML file")
    report.add_argument("files", nargs="+", type=Path, metavar="FILE")
    report.add_argument("--html", "-o", required=True, type=Path, metavar="OUT.html",
                        dest="output", help="the HTML file to write ('-': standard output)")
    review = commands.add_parser("review", parents=[base],
                                 help="a draft of the Catatan Hasil Reviu (docx, markdown)")
    review.add_argument("file", type=Path, metavar="FILE")
    review.add_argument("--format", choices=formats.REVIEW, default="docx",
                        help="docx (Word, default) or markdown")
    review.add_argument("--output", "-o", required=True, type=Path, metavar="OUT",
                        help="the file to write ('-': standard output)")
    commands.add_parser("rules", parents=[common], help="list the rules in force")
    explain = commands.add_parser("explain", parents=[common],
                                  help="the documentation and examples of one rule")
    explain.add_argument("code", metavar="CODE")
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
    from sakip_lint.dsl.errors import DslError
    from sakip_lint.ruleset import load_ruleset

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


def _show_progress(args: argparse.Namespace) -> bool:
    """A progress bar for several files: on a terminal, never in CI nor when the output is
    piped or redirected (unless asked with ``--progress always``)."""
    if args.progress != "auto":
        return args.progress == "always"
    return (len(args.files) > 1 and not os.environ.get("CI") and sys.stdout.isatty()
            and sys.stderr.isatty())


def _with_progress(chunks, total: int, show: bool):
    """The chunks as they come, with a rich progress bar on stderr when ``show``; what is
    written to stdout meanwhile appears above the bar."""
    if not show:
        yield from chunks
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=sys.stderr.isatty()) as progress:
        task = progress.add_task("check", total=total)
        for chunk in chunks:
            yield chunk
            progress.advance(task)


def run_check(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from functools import partial

    from sakip_lint.findings import Severity
    from sakip_lint.output import FindingsWriter, Provenance, render_file

    provenance = Provenance.of(ruleset)
    writer = FindingsWriter(sys.stdout, provenance, args.format, args.lang, args.indent)
    writer.begin()
    if args.parent is not None:  # the bodies below are kept to be checked against it together
        from sakip_lint.engine import check_files

        with collector_paused():
            results = check_files(args.files, ruleset, args.parent)
            for result in results:
                writer.add(render_file(result, provenance, args.format, args.lang, args.indent))
            del results
    else:
        from sakip_lint.batch import checked

        render_one = partial(render_file, provenance=provenance, fmt=args.format,
                             lang=args.lang, indent=args.indent)
        chunks = checked(args.files, ruleset, render_one, args.jobs, tuple(args.rules))
        for chunk in _with_progress(chunks, len(args.files), _show_progress(args)):
            writer.add(chunk)
            sys.stdout.flush()
    writer.end()
    if writer.unusable:
        return EXIT_UNUSABLE
    threshold = Severity(args.fail_on).rank
    worst = None if writer.worst is None else Severity(writer.worst)
    return EXIT_FINDINGS if worst is not None and worst.rank >= threshold else EXIT_CLEAN


def _checked_or_explained(args: argparse.Namespace, ruleset: Ruleset):
    """The checked file, or None after saying on stderr why it cannot be used."""
    from sakip_lint.engine import check_file
    from sakip_lint.output import Provenance, render_findings

    result = check_file(args.file, ruleset)
    if not result.usable:
        sys.stderr.write(render_findings([result], Provenance.of(ruleset), "plain", args.lang))
        print(render("cli.input-unusable", args.lang, path=escape.plain(args.file)), file=sys.stderr)
        return None
    return result


def run_capaian(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.output import Provenance, render_capaian

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
                write_capaian_xlsx(result.capaian, report.instansi, report.tahun, args.output,
                                   args.lang)
            except OSError as error:
                return _unwritable(args.output, error, args.lang)
            return EXIT_CLEAN
        text = render_capaian(result, Provenance.of(ruleset), args.format, args.lang,
                              args.indent)
    return _deliver(_ended(text), args.output, args.lang)


def run_import(args: argparse.Namespace) -> int:
    """The data file of a .docx/.xlsx report, with comments where the importer was unsure;
    a summary of what it read on standard error."""
    from sakip_lint.importing import document_kind, import_content
    from sakip_lint.importing.container import problem_finding
    from sakip_lint.loader import read_source
    from sakip_lint.messages import render_finding
    from sakip_lint.output import position

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
    from sakip_lint.output import Provenance, render_findings
    from sakip_lint.report.content import build
    from sakip_lint.report.html import render_html

    with collector_paused():
        results = check_files(args.files, ruleset)
        unusable = [result for result in results if not result.usable]
        if unusable:
            sys.stderr.write(render_findings(unusable, Provenance.of(ruleset), "plain", args.lang))
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
    _write(render_explain(rule, args.format, args.lang, args.indent))
    return EXIT_CLEAN


def run_graph(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint.graph_export import render_graph

    with collector_paused():
        result = _checked_or_explained(args, ruleset)
        if result is None:
            return EXIT_UNUSABLE
        _write(render_graph(result.context.graph, result.findings, args.graph_format,
                            args.indent))
    return EXIT_CLEAN


COMMANDS = {"check": run_check, "capaian": run_capaian, "graph": run_graph, "report": run_report,
            "review": run_review, "rules": run_rules, "explain": run_explain}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        limits.configure(limits.parse_settings(args.limit))
    except limits.LimitError as error:
        print(render(error.key, args.lang, **error.arguments), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        with limits.arithmetic():  # every computation of the run, within the limits
            if args.command == "import":
                return run_import(args)
            ruleset = _load_rules(args)
            if ruleset is None:
                return EXIT_UNUSABLE
            prepare_process()
            return COMMANDS[args.command](args, ruleset)
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("SAKIP_LINT_DEBUG"):
            raise
        detail = escape.plain(f"{type(error).__name__}: {error}")
        print(render("cli.internal-error", args.lang, detail=detail), file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
