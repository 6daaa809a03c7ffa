"""Errors in rule files, shown as file:line:col with the source line and a caret.

Rule writers are reviewers, not programmers: they get the line they wrote and what was
expected there, never a lark traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from sakip_lint import escape
from sakip_lint.findings import Finding, Location, Severity, make_args
from sakip_lint.messages import render


SHOWN_AROUND = 60  # characters of a rule file's line shown on each side of a problem


@dataclass(frozen=True)
class DslProblem:
    file: str
    line: int | None
    column: int | None
    message_key: str
    args: tuple[tuple[str, str], ...] = ()
    source_line: str | None = None

    def message(self, lang: str = "id") -> str:
        return render(self.message_key, lang, **dict(self.args))

    def format(self, lang: str = "id") -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}:{self.column or 1}"
        lines = [escape.plain(f"{where}: {self.message(lang)}")]  # both may quote the input
        if self.source_line is not None and self.column:
            # the rule file's own line (at most SHOWN_AROUND characters either side of the
            # column, the rest marked …), its control characters written out; the caret under
            # the same character of the shown line
            line, at = self.source_line.rstrip("\n"), self.column - 1
            start, end = max(0, at - SHOWN_AROUND), min(len(line), at + SHOWN_AROUND)
            before = ("…" if start else "") + escape.plain(line[start:at])
            after = escape.plain(line[at:end]) + ("…" if end < len(line) else "")
            lines.append("    " + before + after)
            lines.append("    " + " " * len(before) + "^")
        return "\n".join(lines)

    def as_finding(self) -> Finding:
        location = Location(file=self.file, line=self.line, column=self.column)
        return Finding(code="DSL001", severity=Severity.ERROR, message_key=self.message_key,
                       location=location, args=self.args)


class DslError(Exception):
    """One or more problems that stop a rule file from being used."""

    def __init__(self, problems: list[DslProblem]) -> None:
        super().__init__("; ".join(problem.format("en") for problem in problems))
        self.problems = problems


def problem(file: str, source: str | None, line: int | None, column: int | None, key: str,
            **args: object) -> DslProblem:
    source_line = None
    if source is not None and line is not None:
        lines = source.splitlines()
        if 0 < line <= len(lines):
            source_line = lines[line - 1]
    return DslProblem(file, line, column, key, make_args(**args), source_line)
