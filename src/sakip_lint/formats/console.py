"""The console's view of a run of ``check``: rich (grouped by file, then severity, with the
offending source line and the other place that disagrees) and plain (one line per finding,
for logs and grep), each closed by the summary line. Both are written file by file
(``formats.STREAMED``): a file's part depends on that file alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sakip_lint import escape
from sakip_lint.findings import Finding, Location, Severity
from sakip_lint.formats import CheckRun, Writer
from sakip_lint.messages import render, render_finding, render_origin, render_place
from sakip_lint.output import finding_lines, position
from sakip_lint.textfile import decode, read_bytes

if TYPE_CHECKING:  # rich is imported by the rich console only: plain output needs none of it
    from sakip_lint.engine import CheckedFile
    from rich.console import Console
    from rich.text import Text

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
RELATED_SHOWN = 3  # other places shown under a finding; the JSON and SARIF outputs list all


def summary_line(run: CheckRun) -> str:
    """Files, findings by severity, time, and what the run left out or fixed."""
    counts = run.counts()
    text = render("cli.summary", run.lang, files=run.files, errors=counts[Severity.ERROR],
                  warnings=counts[Severity.WARNING], infos=counts[Severity.INFO])
    extras = []
    if run.suppressed:
        extras.append(render("cli.summary-suppressed", run.lang, count=run.suppressed))
    if run.baseline_hidden:
        extras.append(render("cli.summary-baseline", run.lang, count=run.baseline_hidden))
    if run.fixed:
        extras.append(render("cli.summary-fixed", run.lang, count=run.fixed))
    if run.elapsed is not None:
        seconds = f"{run.elapsed:.2f}".replace(".", "," if run.lang == "id" else ".")
        extras.append(render("cli.summary-time", run.lang, seconds=seconds))
    return text + ("; " + "; ".join(extras) if extras else "")


def source_lines(path: str) -> tuple[str, ...]:
    """The lines of a checked file (empty when it cannot be read as text now)."""
    content, problem = read_bytes(Path(path))
    if problem is not None:
        return ()
    text, problem = decode(content)
    return () if problem is not None else tuple(text.splitlines())


def _quoted_line(location: Location, sources: dict[str, tuple[str, ...]]) -> list[Text]:
    """The source line of ``location`` with a caret under its column (``sources``: the lines
    of each file read so far in this rendering)."""
    from rich.text import Text

    if location.file not in sources:
        sources[location.file] = source_lines(location.file)
    lines = sources[location.file]
    if location.line is None or not 0 < location.line <= len(lines):
        return []
    number = str(location.line)
    shown = escape.visible(lines[location.line - 1])
    column = min(len(escape.visible(lines[location.line - 1][:max((location.column or 1) - 1, 0)])),
                 len(shown))
    gutter = " " * (len(number) + 1)
    return [Text(f"    {number} │ {shown}"), Text(f"    {gutter}│ {' ' * column}^", style="bold")]


def _finding(console: Console, finding: Finding, lang: str,
             sources: dict[str, tuple[str, ...]]) -> None:
    from rich.text import Text

    location = finding.location
    head = Text()
    if location.origin is not None:  # an imported report: where it stands in the document
        where = escape.visible(render_origin(location.origin, lang))
    else:
        where = f"{location.line}:{location.column or 1}" if location.line is not None else "-"
    head.append(where + " ", style="bold")
    head.append(finding.code, style="bold")
    place = render_place(location, lang) if (location.place or location.subject) else ""
    if place:
        head.append(" " + escape.visible(place))
    console.print(head)
    console.print(Text("  " + escape.visible(render_finding(finding, lang))))
    for line in _quoted_line(location, sources):
        console.print(line)
    others = [related for related in finding.related if related.file == location.file]
    for related in others[:RELATED_SHOWN]:
        label = render("console.related", lang, place=escape.visible(render_place(related, lang)),
                       position=escape.visible(position(related, lang)))
        console.print(Text("  " + label))
        for line in _quoted_line(related, sources):
            console.print(line)
    if len(others) > RELATED_SHOWN:
        console.print(Text("  " + render("console.related-more", lang,
                                         count=len(others) - RELATED_SHOWN)))


def _rich_console():
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    return Console(file=buffer, width=160, force_terminal=False, color_system=None,
                   highlight=False), buffer


def _rich_file(run: CheckRun, result: CheckedFile) -> str:
    from rich.text import Text

    console, buffer = _rich_console()
    sources: dict[str, tuple[str, ...]] = {}
    console.print(escape.rich(run.provenance.line(result, run.lang)))
    for severity in SEVERITY_ORDER:
        findings = [f for f in result.findings if f.severity is severity]
        if not findings:
            continue
        title = render(f"severity.{severity.value}", run.lang)
        console.rule(Text(f"{title} ({len(findings)})"), align="left")
        for finding in findings:
            _finding(console, finding, run.lang, sources)
    console.print()
    return buffer.getvalue()


def _rich_closing(run: CheckRun) -> str:
    """The rich console's last line: the summary."""
    console, buffer = _rich_console()
    console.print(escape.rich(summary_line(run)))
    return buffer.getvalue()


class ConsoleWriter(Writer):
    """Rich or plain text, file by file; the summary line closes the run."""

    def __init__(self, frame: CheckRun, fmt: str):
        super().__init__(frame)
        self.fmt = fmt

    def file(self, result: CheckedFile) -> str:
        if self.fmt == "rich":
            return _rich_file(self.frame, result)
        return "\n".join(finding_lines(result, self.frame.provenance, self.frame.lang)) + "\n"

    def close(self, run: CheckRun) -> str:
        if self.fmt == "rich":
            return _rich_closing(run)
        return escape.plain(summary_line(run)) + "\n"
