"""One run over the input files: load each, compute its capaian once, then run every rule."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sakip_lint.capaian import CapaianReport, compute
from sakip_lint.checks import MECHANISMS
from sakip_lint.judgement import StatedValues
from sakip_lint.findings import Finding, Severity
from sakip_lint.loader import LoadResult, load_report
from sakip_lint.phases import Stopwatch
from sakip_lint.ruleset import Ruleset
from sakip_lint.source import LoadedReport
from sakip_lint.rule import Context


@dataclass(frozen=True)
class FileResult:
    path: str
    digest: str | None
    loaded: LoadedReport | None  # None: the file could not be used (exit 2)
    findings: tuple[Finding, ...]
    capaian: CapaianReport | None = None
    context: Context | None = None  # what the rules read (its graph is built once, on demand)

    @property
    def stated(self) -> StatedValues | None:
        """Every value the report states, judged (computed on first use)."""
        return None if self.context is None else self.context.stated

    @property
    def usable(self) -> bool:
        return self.loaded is not None

    def checked(self) -> CheckedFile:
        """What a run over many files keeps of this one: its findings, not its report."""
        return CheckedFile(self.path, self.digest, self.usable, self.findings)


@dataclass(frozen=True)
class CheckedFile:
    """One file of a run: small and picklable, so that a worker process can hand it back and
    thousands of them fit in memory (``batch``); what the formats of ``check`` read."""

    path: str
    digest: str | None
    usable: bool
    findings: tuple[Finding, ...]


def check_file(path: str | Path, ruleset: Ruleset, parent: LoadedReport | None = None,
               timings: dict[str, float] | None = None) -> FileResult:
    """Load one report and run every rule on it (cascading rules against ``parent``).
    ``timings`` collects the seconds of each phase (``phases.PHASES``), for the benchmark.
    The command line runs it with the garbage collector paused (``batch.check_and_render``)."""
    return check_loaded(str(path), load_report(path, timings), ruleset, parent, timings)


def check_loaded(path: str, loaded_result: LoadResult, ruleset: Ruleset,
                 parent: LoadedReport | None = None,
                 timings: dict[str, float] | None = None) -> FileResult:
    """Run every rule on a report already read (``loader.load_report``/``load_content``)."""
    watch = Stopwatch(timings)
    findings = list(loaded_result.findings)
    loaded = loaded_result.loaded
    capaian = context = None
    if loaded is not None:
        capaian = compute(loaded, ruleset.config)
        watch.lap("compute")
        context = Context(loaded, ruleset.config, capaian, parent=parent)
        for rule in ruleset.rules:
            mechanism = MECHANISMS[rule.check]
            if not mechanism.on_parent:
                findings.extend(rule.run(context, mechanism))
    findings.sort(key=lambda finding: finding.sort_key)
    watch.lap("rules")
    return FileResult(str(path), loaded_result.digest, loaded, tuple(findings), capaian, context)


def check_files(paths, ruleset: Ruleset, parent_path: str | Path | None = None) -> list[FileResult]:
    """Check several reports, optionally against the body above them.

    The parent file is loaded first; its own result holds only its load problems and what the
    rules that look at all bodies together find (a parent sasaran no body serves).
    """
    if parent_path is None:
        return [check_file(path, ruleset) for path in paths]
    parent_result = load_report(parent_path)
    parent = parent_result.loaded
    if parent is None:
        return [FileResult(str(parent_path), parent_result.digest, None, parent_result.findings)]
    results = [check_file(path, ruleset, parent) for path in paths]
    children = tuple(result.loaded for result in results if result.loaded is not None)
    context = Context(parent, ruleset.config, compute(parent, ruleset.config), children=children)
    findings = [finding for rule in ruleset.rules if MECHANISMS[rule.check].on_parent
                for finding in rule.run(context, MECHANISMS[rule.check])]
    findings.sort(key=lambda finding: finding.sort_key)
    return results + [FileResult(str(parent_path), parent_result.digest, parent, tuple(findings))]


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Severity | None:
    return max((finding.severity for finding in findings), key=lambda s: s.rank, default=None)
