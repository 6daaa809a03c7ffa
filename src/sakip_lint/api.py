"""The Python API: load a report, check it with a ruleset, read its findings and capaian.

For tools that embed the checker (a portal that checks an upload, a notebook, a script over
many files). The command line is a thin layer over the same functions::

    from sakip_lint import api

    ruleset = api.load_rules()                      # the default rules (+ folders of your own)
    result = api.check("laporan.yaml", ruleset)     # or api.check(api.load_text(text), ruleset)
    for finding in result.findings:                 # frozen Finding objects
        print(finding.code, finding.location.editor_position(), finding.message("en"))
    overall = result.capaian.overall.capaian        # the computed capaian (Decimal)

``check_paths`` runs everything ``sakip-lint check`` does — configuration, folders,
suppression comments, baseline — and returns a ``formats.CheckRun`` for any writer of
``sakip_lint.formats``. Nothing here prints or exits.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from sakip_lint.engine import CheckedFile, FileResult, check_files, check_loaded
from sakip_lint.findings import Finding, Severity
from sakip_lint.loader import LoadResult, load_content, load_report
from sakip_lint.ruleset import RuleSource, Ruleset, compile_sources, default_sources, user_sources
from sakip_lint.settings import TOOL_CODES, Settings

__all__ = ["CheckOptions", "FileResult", "Finding", "LoadResult", "Ruleset", "Settings",
           "check", "check_paths", "load", "load_rules", "load_settings", "load_text"]


def load(path: str | Path) -> LoadResult:
    """Read and validate a data file: ``.loaded`` is the report (None if unusable) and
    ``.findings`` what made it unusable."""
    return load_report(path)


def load_text(text: str, name: str = "<string>") -> LoadResult:
    """The same for a report held in memory; ``name`` stands for its file in locations."""
    return load_content(name, text.encode("utf-8"))


def load_settings(start: str | Path = ".", config: str | Path | None = None) -> Settings:
    """The project configuration: ``config`` itself, or the one found from ``start`` upwards
    (``Settings()`` when there is none). Raises ``settings.SettingsError``."""
    from sakip_lint import settings

    path = Path(config) if config is not None else settings.discover(Path(start))
    return settings.load(path) if path is not None else Settings()


def load_rules(rules: Iterable[str | Path] = (), settings: Settings | None = None) -> Ruleset:
    """The default rules, then the configuration's rule folders and its capaian choices, then
    ``rules``; the configuration's select/ignore and severities applied. Raises
    ``dsl.errors.DslError`` or ``settings.SettingsError``."""
    settings = settings or Settings()
    sources = default_sources()
    for folder in settings.rules:
        sources.extend(user_sources(Path(folder)))
    if settings.capaian_rules:
        sources.append(RuleSource(f"{settings.path} [capaian]", settings.capaian_rules))
    for folder in rules:
        sources.extend(user_sources(Path(folder)))
    ruleset = compile_sources(sources)
    settings.check_codes({rule.code for rule in ruleset.rules} | set(TOOL_CODES))
    chosen = tuple(replace(rule, severity=settings.severity.get(rule.code, rule.severity))
                   for rule in ruleset.rules if settings.active(rule.code))
    return replace(ruleset, rules=chosen)


def check(report: str | Path | LoadResult, ruleset: Ruleset | None = None) -> FileResult:
    """Check one report (a path, or what ``load``/``load_text`` gave) with ``ruleset`` (the
    default rules when None): ``.findings`` sorted by place, ``.capaian`` the computed capaian
    of every indicator, sasaran and the report (None when the file is unusable)."""
    ruleset = ruleset or load_rules()
    if isinstance(report, LoadResult):
        name = report.loaded.path if report.loaded is not None else (
            report.findings[0].location.file if report.findings else "<string>")
        return check_loaded(name, report, ruleset)
    return check_loaded(str(report), load_report(report), ruleset)


@dataclass(frozen=True)
class CheckOptions:
    """What ``sakip-lint check`` was asked to do, apart from how to print it."""

    paths: tuple[str | Path, ...]  # files and folders, as given
    parent: Path | None = None
    only_reports: bool = False
    baseline: Path | None = None
    jobs: int = 1  # worker processes (``batch``); the results keep the order of the files
    rules: tuple[Path, ...] = ()  # the rule folders of the command line, for spawned workers


def _source_text(path: str) -> str | None:
    from sakip_lint.textfile import decode, read_bytes

    content, problem = read_bytes(Path(path))
    return None if problem is not None else decode(content)[0]


def refine(result: FileResult, ruleset: Ruleset, settings: Settings) -> tuple[CheckedFile, int]:
    """One file's findings as the project wants them: suppression comments applied, its
    per-file ignores and the configuration's choices for the tool's own codes (the report
    itself dropped); how many findings the comments silenced."""
    return _refine(result, frozenset(rule.code for rule in ruleset.rules), settings)


def _refine(result: FileResult, rule_codes: frozenset[str],
            settings: Settings) -> tuple[CheckedFile, int]:
    """``refine`` knowing only the codes of the rules: what a worker process is sent."""
    from sakip_lint import suppressions

    findings: tuple[Finding, ...] = result.findings
    silenced = 0
    ignored = settings.ignored_codes(result.path)
    if result.usable:
        text = _source_text(result.path)
        if text is not None:
            def could_fire(code: str) -> bool:  # not switched off here by the configuration
                return settings.active(code) and not any(code.startswith(p) for p in ignored)

            outcome = suppressions.apply(result.path, text, findings, could_fire)
            findings, silenced = outcome.findings, outcome.suppressed
    kept = []
    for finding in findings:
        if not finding.code.startswith("LOAD"):
            if any(finding.code.startswith(prefix) for prefix in ignored):
                continue
            if finding.code in TOOL_CODES and not settings.active(finding.code):
                continue
            if finding.code in settings.severity and finding.code not in rule_codes:
                finding = replace(finding, severity=settings.severity[finding.code])
        kept.append(finding)
    return replace(result.checked(), findings=tuple(kept)), silenced


def check_paths(options: CheckOptions, ruleset: Ruleset, settings: Settings,
                progress: Callable[[Iterator, int], Iterator] | None = None,
                each: Callable[[CheckedFile], None] | None = None, keep: bool = True):
    """Everything ``check`` does before printing: find the files, check them (in
    ``options.jobs`` worker processes), apply the suppression comments, the configuration and
    the baseline. Returns a ``CheckRun`` (raises ``baseline.BaselineError`` for a baseline that
    cannot be read). ``progress(results, total)`` may wrap the results as they come.

    ``each`` is given every file as soon as it and the files before it are done, in the order
    of the files; with ``keep=False`` the run keeps none of them (its ``tally`` counts them), so
    a run over thousands of files holds one file's findings at a time."""
    from sakip_lint.batch import checked
    from sakip_lint.files import report_files
    from sakip_lint.formats import CheckRun, Tally

    started = time.perf_counter()
    recorded = None
    if options.baseline is not None:  # read first: a baseline that cannot be used stops the run
        from sakip_lint import baseline

        recorded = baseline.load(options.baseline)
    paths, empty = report_files(options.paths, settings.excluded, options.only_reports)
    if options.parent is not None:  # the bodies below are compared together: one process
        done = iter([refine(result, ruleset, settings)
                     for result in check_files(paths, ruleset, options.parent)])
    else:
        codes = frozenset(rule.code for rule in ruleset.rules)
        done = checked(paths, ruleset, partial(_refine, rule_codes=codes, settings=settings),
                       options.jobs, partial(load_rules, options.rules, settings))
    if progress is not None:
        done = progress(done, len(paths))
    kept_files, tally, silenced, hidden = [], Tally(), 0, 0
    for better, count in done:
        silenced += count
        if recorded is not None:
            kept, count = recorded.filter(list(better.findings))
            better = replace(better, findings=tuple(kept))
            hidden += count
        if each is not None:
            each(better)
        if keep:
            kept_files.append(better)
        else:
            tally.add(better)
        del better
    return CheckRun(tuple(kept_files), run_provenance(ruleset, settings), ruleset,
                    lang=settings.lang or "id", elapsed=time.perf_counter() - started,
                    suppressed=silenced, baseline_hidden=hidden,
                    fail_on=Severity(settings.fail_on or "error"),
                    empty_folders=tuple(str(folder) for folder in empty),
                    tally=None if keep else tally)


def run_provenance(ruleset: Ruleset, settings: Settings):
    """The ``output.Provenance`` of a run: known before any file is checked, so that a
    streamed format can write the first file at once."""
    from sakip_lint.output import Provenance

    return Provenance.of(ruleset, settings.provenance)
