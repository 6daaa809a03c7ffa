"""``sakip-lint check`` in a repository and in CI: the options beyond checking — files to
write each format to, a baseline, fixes — and the run that ties them to ``api.check_paths``.

Exit codes: 0 nothing at or above ``--fail-on``, 1 findings (with ``--diff``: a fix would
change a file), 2 an input, the configuration, a baseline or an output could not be used.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sakip_lint import escape
from sakip_lint.files import SUFFIXES as DATA_SUFFIXES  # the data files --fix edits in place
from sakip_lint.formats import CHECK_FORMATS, SUFFIXES, CheckRun, render_check, writer
from sakip_lint.location import FixSafety
from sakip_lint.messages import render

if TYPE_CHECKING:  # the rules and the configuration are read after the command line
    from sakip_lint.ruleset import Ruleset
    from sakip_lint.settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
FIX_PASSES = 5  # fixes that make other values computable: fixed in the passes that follow
FORMAT_OF_SUFFIX = {suffix: fmt for fmt, suffix in SUFFIXES.items()
                    if fmt in ("json", "sarif", "junit", "markdown")}


def add_workflow_options(check: argparse.ArgumentParser, say) -> None:
    """``check``'s options for a repository and CI; ``say(key, **args)``: a help text of the
    catalogue (``cli.help.<key>``) in the reader's language."""
    check.add_argument("--parent", type=Path, metavar="FILE", help=say("parent"))
    check.add_argument("--output", action="append", default=[], metavar="FORMAT:FILE",
                       help=say("output", formats=", ".join(CHECK_FORMATS)))
    check.add_argument("--baseline", type=Path, metavar="FILE", help=say("baseline"))
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help=say("write-baseline"))
    check.add_argument("--fix", action="store_true", help=say("fix"))
    check.add_argument("--diff", action="store_true", help=say("diff"))
    check.add_argument("--unsafe-fixes", action="store_true", help=say("unsafe-fixes"))
    check.add_argument("--only-reports", action="store_true", help=say("only-reports"))


def settings_for(args: argparse.Namespace) -> Settings:
    """The configuration of this run: ``--config``, or the one found from the files' folder
    (the current folder for commands without files)."""
    from sakip_lint.api import load_settings
    from sakip_lint.settings import common_start

    paths = getattr(args, "files", None) or (
        [args.file] if getattr(args, "file", None) is not None else [Path.cwd()])
    return load_settings(common_start(paths), args.config)


def _say(key: str, lang: str, **args: object) -> None:
    print(render(key, lang, **args), file=sys.stderr)


def _outputs(args: argparse.Namespace) -> list[tuple[str, Path]] | None:
    """``--output`` as (format, file), or None after saying which one is unclear."""
    found = []
    for given in args.output:
        name, colon, rest = given.partition(":")
        if colon and name in CHECK_FORMATS and rest:
            found.append((name, Path(rest)))
        elif Path(given).suffix.lower() in FORMAT_OF_SUFFIX:
            found.append((FORMAT_OF_SUFFIX[Path(given).suffix.lower()], Path(given)))
        else:
            _say("cli.output-unknown-format", args.lang, value=escape.plain(given),
                 formats=", ".join(CHECK_FORMATS))
            return None
    return found


class _Outputs:
    """Where a streamed run writes: the standard output as each file comes, and the
    ``--output`` files, whose text is gathered and written when the run is over (a file that
    cannot be written is said then, after the standard output, as for a run not streamed)."""

    def __init__(self, frame: CheckRun, fmt: str, outputs: list[tuple[str, Path]]):
        self.shown = writer(fmt, frame)
        self.files = [(path, writer(each, frame), []) for each, path in outputs]

    def file(self, result) -> None:
        sys.stdout.write(self.shown.file(result))
        for _, written, parts in self.files:
            parts.append(written.file(result))

    def close(self, run: CheckRun, timed: CheckRun) -> bool:
        sys.stdout.write(_ending(self.shown.close(timed)))
        return _write_outputs(run, [(path, "".join(parts) + written.close(run))
                                    for path, written, parts in self.files])


def _write_outputs(run: CheckRun, outputs: list[tuple[Path, str]]) -> bool:
    """Each ``--output`` file with its text; one that cannot be written is said."""
    for path, text in outputs:
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            _say("cli.output-unwritable", run.lang, path=escape.plain(path),
                 detail=escape.plain(error.strerror or error))
            return False
    return True


def _fix(args: argparse.Namespace, run: CheckRun) -> tuple[int, int] | None:
    """Apply (or, with --diff, show) the fixes of the findings shown; (values fixed, files
    changed), or None when a file could not be written (its original is intact)."""
    from sakip_lint import fixes

    safeties = frozenset({FixSafety.SAFE} | ({FixSafety.UNSAFE} if args.unsafe_fixes else set()))
    fixed = files = 0
    for result in run.results:
        if not result.usable or not any(fixes.wanted(one, safeties) for f in result.findings
                                        for one in fixes.each_fix(f)):
            continue
        if Path(result.path).suffix.lower() not in DATA_SUFFIXES:
            continue  # a report read from another kind of document is fixed where it was written
        try:
            planned = fixes.plan(result.path, result.digest, result.findings, safeties)
            for skipped in planned.skipped:
                _say("fix.not-applied", run.lang, position=escape.plain(
                    skipped.finding.location.editor_position()), code=skipped.finding.code,
                    reason=render(skipped.key, run.lang))
            if not planned.edits:
                continue
            if args.diff:
                sys.stdout.write(fixes.unified_diff(planned))
            else:
                fixes.write_atomically(result.path, planned.new_content())
                _say("fix.written", run.lang, count=len(planned.edits),
                     path=escape.plain(result.path))
        except fixes.FixError as error:
            _say(error.key, run.lang, **{name: escape.plain(value)
                                         for name, value in error.args_.items()})
            return None
        fixed += len(planned.edits)
        files += 1
    return fixed, files


def run_check(args: argparse.Namespace, ruleset: Ruleset) -> int:
    from sakip_lint import baseline
    from sakip_lint.api import CheckOptions, check_paths
    from sakip_lint.findings import Severity

    settings: Settings = args.settings
    outputs = _outputs(args)
    if outputs is None:
        return EXIT_UNUSABLE
    # a new baseline records every finding of today, whatever an older one hides
    baseline_in = None if args.write_baseline is not None else args.baseline
    options = CheckOptions(tuple(args.files), args.parent, args.only_reports, baseline_in,
                           args.jobs, tuple(args.rules))
    progress = partial(_with_progress, show=_show_progress(args))
    # every format is written file by file (``formats.Writer``) and the run keeps no file,
    # unless the findings of all files are wanted afterwards: a baseline to write, fixes
    from sakip_lint.api import run_provenance

    streamed = args.write_baseline is None and not args.diff and not args.fix
    frame = CheckRun((), run_provenance(ruleset, settings), ruleset, lang=args.lang,
                     indent=args.indent)
    written = _Outputs(frame, args.format, outputs) if streamed else None
    each = written.file if written is not None else None
    try:
        run = check_paths(options, ruleset, settings, progress, each=each, keep=not streamed)
    except baseline.BaselineError as error:
        _say(error.key, args.lang, **{k: escape.plain(v) for k, v in error.args_.items()})
        return EXIT_UNUSABLE
    run = replace(run, lang=args.lang, indent=args.indent,
                  fail_on=Severity(args.fail_on or settings.fail_on or "error"))
    unusable = run.unusable > 0
    if args.write_baseline is not None:
        try:
            count = baseline.write(args.write_baseline, run.findings)
        except baseline.BaselineError as error:
            _say(error.key, args.lang, **{k: escape.plain(v) for k, v in error.args_.items()})
            return EXIT_UNUSABLE
        _say("baseline.written", args.lang, count=count, path=escape.plain(args.write_baseline))
        return EXIT_UNUSABLE if unusable else EXIT_CLEAN
    if args.diff:
        done = _fix(args, run)
        if done is None:
            return EXIT_UNUSABLE
        return EXIT_FINDINGS if done[0] else EXIT_CLEAN
    if args.fix:
        fixed = 0
        # a fixed value can make another computable (the efficiency of a capaian just fixed):
        # check again and fix again, until nothing is left to fix
        for _ in range(FIX_PASSES):
            done = _fix(args, run)
            if done is None:
                return EXIT_UNUSABLE
            if not done[0]:
                break
            fixed += done[0]
            again = check_paths(options, ruleset, settings, progress)
            run = replace(again, lang=args.lang, indent=args.indent, fail_on=run.fail_on,
                          fixed=fixed)
    # the time only for a person at a terminal: a log or a file gets the same text for the
    # same input every time
    timed = run if sys.stdout.isatty() else replace(run, elapsed=None)
    if written is not None:
        if not written.close(replace(run, elapsed=None), timed):
            return EXIT_UNUSABLE
    else:
        sys.stdout.write(_ending(render_check(timed, args.format)))
        untimed = replace(run, elapsed=None)
        if not _write_outputs(untimed, [(path, render_check(untimed, fmt))
                                        for fmt, path in outputs]):
            return EXIT_UNUSABLE
    for folder in run.empty_folders:
        _say("cli.no-reports", args.lang, path=escape.plain(folder))
    if run.empty_folders or run.unusable:
        return EXIT_UNUSABLE
    failing = sum(count for severity, count in run.counts().items()
                  if severity.rank >= run.fail_on.rank)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _show_progress(args: argparse.Namespace) -> bool:
    """A progress bar for several files: on a terminal, never in CI nor when the output is
    piped or redirected (unless asked with ``--progress always``)."""
    if args.progress != "auto":
        return args.progress == "always"
    return (len(args.files) > 1 and not os.environ.get("CI") and sys.stdout.isatty()
            and sys.stderr.isatty())


def _with_progress(results, total: int, show: bool):
    """The results as they come, with a rich progress bar on stderr when ``show``."""
    if not show:
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=sys.stderr.isatty()) as progress:
        task = progress.add_task("check", total=total)
        for result in results:
            yield result
            progress.advance(task)


def _ending(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
