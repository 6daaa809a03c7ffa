"""Markdown for a merge-request comment or a review memo: the counts first, then each file
with its findings grouped by severity in tables. Every text is ``escape.markdown``-ed, so a
name from the data cannot open a link, an image, HTML or a new table cell.
"""

from __future__ import annotations

from tabulate import tabulate

from sakip_lint import escape
from sakip_lint.formats import CheckRun
from sakip_lint.formats.console import SEVERITY_ORDER, summary_line
from sakip_lint.messages import render, render_finding, render_origin, render_subject


def _where(location, lang: str) -> str:
    """line:col in the data file (the file heads the section), or the place in an imported
    document."""
    if location.origin is not None:
        return render_origin(location.origin, lang)
    return f"{location.line}:{location.column or 1}" if location.line else "-"


def _about(location, lang: str) -> str:
    subject = None if location.subject is None else render_subject(location.subject, lang)
    return ", ".join(part for part in (subject, location.place) if part)


def render_markdown(run: CheckRun) -> str:
    lang = run.lang
    text = escape.markdown
    lines = [f"## sakip-lint: {text(summary_line(run))}", ""]
    headers = [text(render(f"col.{name}", lang)) for name in ("location", "code", "key", "message")]
    for result in run.results:
        lines += [f"### {text(result.path)}", "", text(run.provenance.line(result, lang)), ""]
        if not result.findings:
            lines += [text(render("markdown.no-findings", lang)), ""]
        for severity in SEVERITY_ORDER:
            findings = [f for f in result.findings if f.severity is severity]
            if not findings:
                continue
            lines += [f"#### {text(render(f'severity.{severity.value}', lang))} ({len(findings)})", ""]
            rows = [[text(_where(f.location, lang)),
                     text(f.code), text(_about(f.location, lang)), text(render_finding(f, lang))]
                    for f in findings]
            lines += [tabulate(rows, headers, tablefmt="github", disable_numparse=True), ""]
    return "\n".join(lines)
