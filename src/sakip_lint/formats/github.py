"""GitHub Actions workflow commands: each finding becomes an annotation on its file and line
in the pull request (``::error file=…,line=…,col=…,title=…::message``), percent-encoded as
the runner reads them (``escape.github_message``, ``escape.github_property``).
"""

from __future__ import annotations

from sakip_lint import escape
from typing import TYPE_CHECKING

from sakip_lint.findings import Finding, Severity
from sakip_lint.formats import CheckRun, Writer
from sakip_lint.messages import render_finding, render_origin

if TYPE_CHECKING:
    from sakip_lint.engine import CheckedFile

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def annotation(finding: Finding, lang: str) -> str:
    location = finding.location
    properties = [f"file={escape.github_property(location.file)}"]
    message = render_finding(finding, lang)
    if location.origin is not None:  # the lines of an imported document's data are no lines of it
        message = f"[{render_origin(location.origin, lang)}] {message}"
    elif location.line is not None:
        properties += [f"line={location.line}", f"col={location.column or 1}"]
    title = finding.code + (f" {finding.rule}" if finding.rule else "")
    properties.append(f"title={escape.github_property(title)}")
    return (f"::{COMMANDS[finding.severity]} {','.join(properties)}::"
            f"{escape.github_message(message)}")


class GithubWriter(Writer):
    """Each file's annotations as it comes; the summary closes the run."""

    def file(self, result: CheckedFile) -> str:
        return "".join(annotation(finding, self.frame.lang) + "\n" for finding in result.findings)

    def close(self, run: CheckRun) -> str:
        from sakip_lint.formats.console import summary_line

        return escape.github_message(summary_line(run)) + "\n"
