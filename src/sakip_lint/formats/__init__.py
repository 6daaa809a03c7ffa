"""The results of ``check`` for machines and platforms: JSON, SARIF, JUnit XML, GitHub
workflow annotations and Markdown, beside the console's rich and plain text.

A ``CheckRun`` is everything one run of ``check`` says: the checked files with their
findings, the provenance, and what the run left out on purpose (suppressed by a comment,
hidden by a baseline) or fixed. Each writer turns it into one format and escapes every text
of the data for that format as it writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sakip_lint.findings import Finding, Severity, by_severity

if TYPE_CHECKING:
    from sakip_lint.engine import CheckedFile, FileResult
    from sakip_lint.output import Provenance
    from sakip_lint.ruleset import Ruleset

CHECK_FORMATS = ("rich", "plain", "json", "markdown", "sarif", "junit", "github")
"""The formats ``check --format`` and ``check --output FORMAT:FILE`` accept."""
# the formats of the other commands: what the command line offers before anything is loaded
FINDINGS = ("rich", "json", "markdown", "plain")  # capaian tables, rules, explain
GRAPH = ("dot", "mermaid", "json")  # the performance tree
CAPAIAN = FINDINGS + ("xlsx",)  # the capaian tables; xlsx: the PKK measurement form
REVIEW = ("docx", "markdown")  # the draft Catatan Hasil Reviu

STREAMED = ("rich", "plain", "github", "json")
"""The formats written file by file as the run goes (each file's part as soon as it and the
files before it are checked), closed by the summary; JSON keeps each file's entry (a line of
the document's list of files, written after the findings: ``jsondoc.CheckDocument``). SARIF,
JUnit and Markdown keep the files (``WholeRun``); no format keeps a loaded report."""

SUFFIXES = {"json": ".json", "sarif": ".sarif", "junit": ".xml", "markdown": ".md",
            "github": ".txt", "plain": ".txt", "rich": ".txt"}


@dataclass
class Tally:
    """What the closing line and the exit code of a streamed run need, once each file was
    written and dropped: how many files, how many of them unusable, findings by severity."""

    files: int = 0
    unusable: int = 0
    counts: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))

    def add(self, result: CheckedFile) -> None:
        self.files += 1
        self.unusable += not result.usable
        for severity, count in by_severity(result.findings).items():
            self.counts[severity] += count


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
    tally: Tally | None = None  # a streamed run: the files were written and not kept

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    @property
    def files(self) -> int:
        return self.tally.files if self.tally is not None else len(self.results)

    @property
    def unusable(self) -> int:
        if self.tally is not None:
            return self.tally.unusable
        return sum(1 for result in self.results if not result.usable)

    def counts(self) -> dict[Severity, int]:
        if self.tally is not None:
            return dict(self.tally.counts)
        return by_severity(self.findings)


class Writer:
    """A format written file by file: ``file`` is the text to write at once for one file (given
    in the order of the run), ``close`` the rest when the run is over. ``frame`` is the run
    before its files: language, provenance, indent."""

    def __init__(self, frame: CheckRun):
        self.frame = frame

    def file(self, result: CheckedFile) -> str:
        raise NotImplementedError

    def close(self, run: CheckRun) -> str:
        raise NotImplementedError


class WholeRun(Writer):
    """A format that needs every file before it writes anything (SARIF, JUnit, Markdown):
    it keeps the files it is given."""

    def __init__(self, frame: CheckRun, render: Callable[[CheckRun], str]):
        super().__init__(frame)
        self.render, self.kept = render, []

    def file(self, result: CheckedFile) -> str:
        self.kept.append(result)
        return ""

    def close(self, run: CheckRun) -> str:
        return self.render(replace(run, results=tuple(self.kept)))


def writer(fmt: str, frame: CheckRun) -> Writer:
    """The writer of ``fmt`` (one of ``CHECK_FORMATS``)."""
    if fmt in ("rich", "plain"):
        from sakip_lint.formats.console import ConsoleWriter

        return ConsoleWriter(frame, fmt)
    if fmt == "github":
        from sakip_lint.formats.github import GithubWriter

        return GithubWriter(frame)
    if fmt == "json":
        from sakip_lint.formats.jsondoc import CheckDocument

        return CheckDocument(frame)
    if fmt == "markdown":
        from sakip_lint.formats.markdown import render_markdown

        return WholeRun(frame, render_markdown)
    if fmt == "sarif":
        from sakip_lint.formats.sarif import render_sarif

        return WholeRun(frame, render_sarif)
    if fmt == "junit":
        from sakip_lint.formats.junit import render_junit

        return WholeRun(frame, render_junit)
    raise ValueError(fmt)


def render_check(run: CheckRun, fmt: str) -> str:
    """The run in ``fmt``, as a streamed run writes it."""
    written = writer(fmt, run)
    parts = [written.file(result) for result in run.results]
    return "".join(parts) + written.close(run)
