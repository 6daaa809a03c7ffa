"""One run over the input files: load each, compute its capaian once, then run every rule."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sakip_lint.capaian import CapaianReport, compute
from sakip_lint.checks import MECHANISMS
from sakip_lint.findings import Finding, Severity
from sakip_lint.loader import load_report
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

    @property
    def usable(self) -> bool:
        return self.loaded is not None


def check_file(path: str | Path, ruleset: Ruleset) -> FileResult:
    loaded_result = load_report(path)
    findings = list(loaded_result.findings)
    loaded = loaded_result.loaded
    capaian = None
    if loaded is not None:
        capaian = compute(loaded, ruleset.config)
        context = Context(loaded, ruleset.config, capaian)
        for rule in ruleset.rules:
            findings.extend(rule.run(context, MECHANISMS[rule.check]))
    findings.sort(key=lambda finding: finding.sort_key)
    return FileResult(str(path), loaded_result.digest, loaded, tuple(findings), capaian)


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Severity | None:
    return max((finding.severity for finding in findings), key=lambda s: s.rank, default=None)
