"""The results of ``check`` for machines and platforms: JSON, SARIF, JUnit XML, GitHub
workflow annotations and Markdown, beside the console's rich and plain text.

A ``CheckRun`` is everything one run of ``check`` says: the checked files with their
findings, the provenance, and what the run left out on purpose (suppressed by a comment,
hidden by a baseline) or fixed. Each writer turns it into one format and escapes every text
of the data for that format as it writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sakip_lint.findings import Finding, Severity

if TYPE_CHECKING:
    from sakip_lint.engine import FileResult
    from sakip_lint.output import Provenance
    from sakip_lint.ruleset import Ruleset

CHECK_FORMATS = ("rich", "plain", "json", "markdown", "sarif", "junit", "github")
"""The formats ``check --format`` and ``check --output FORMAT:FILE`` accept."""
# the formats of the other commands: what the command line offers before anything is loaded
FINDINGS = ("rich", "json", "markdown", "plain")  # capaian tables, rules, explain
GRAPH = ("dot", "mermaid", "json")  # the performance tree
CAPAIAN = FINDINGS + ("xlsx",)  # the capaian tables; xlsx: the PKK measurement form
REVIEW = ("docx", "markdown")  # the draft Catatan Hasil Reviu

SUFFIXES = {"json": ".json", "sarif": ".sarif", "junit": ".xml", "markdown": ".md",
            "github": ".txt", "plain": ".txt", "rich": ".txt"}


@dataclass(frozen=True)
class CheckRun:
    """One run of ``check``: the results and what was done to their findings."""

    results: tuple[FileResult, ...]
    provenance: Provenance
    ruleset: Ruleset
    lang: str
    elapsed: float | None = None  # seconds, for the console's summary line only
    suppressed: int = 0  # findings silenced by a `# sakip-lint: ignore[...]` comment
    baseline_hidden: int = 0  # findings the baseline already records
    fixed: int = 0  # values --fix wrote
    fail_on: Severity = Severity.ERROR  # the lowest severity that fails the run (JUnit failures)
    empty_folders: tuple[str, ...] = ()  # folders named to check that hold no report file
    indent: int | None = None  # JSON and SARIF indented by this many spaces; else one line

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    def counts(self) -> dict[Severity, int]:
        counted = {severity: 0 for severity in Severity}
        for finding in self.findings:
            counted[finding.severity] += 1
        return counted


def render_check(run: CheckRun, fmt: str) -> str:
    """The run in ``fmt`` (one of ``CHECK_FORMATS``)."""
    if fmt in ("rich", "plain"):
        from sakip_lint.formats.console import render_console

        return render_console(run, fmt)
    if fmt == "json":
        from sakip_lint.formats.jsondoc import check_document, dumps

        return dumps(check_document(run), run.indent)
    if fmt == "markdown":
        from sakip_lint.formats.markdown import render_markdown

        return render_markdown(run)
    if fmt == "sarif":
        from sakip_lint.formats.sarif import render_sarif

        return render_sarif(run)
    if fmt == "junit":
        from sakip_lint.formats.junit import render_junit

        return render_junit(run)
    if fmt == "github":
        from sakip_lint.formats.github import render_github

        return render_github(run)
    raise ValueError(fmt)
