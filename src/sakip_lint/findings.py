"""Findings: frozen facts about a report, each pointing at the exact place of the offending value.

A finding is data, never an exception: checks yield findings and the run goes on, so a reviewer
gets the complete list. Exceptions mean only "the tool cannot run".

A finding holds what to say (a catalogue key or a rule's templates, and the values), not the
text: the text is rendered at the edge, in the reader's language (``messages.render_finding``).
So this module depends only on ``location``, and the message catalogue can depend on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sakip_lint.location import Fix, Location, Subject

__all__ = ["Finding", "Fix", "Location", "Severity", "Subject", "by_severity", "make_args"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


def by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity (every severity named, 0 when none): what every
    summary line, document and tally counts."""
    counted = dict.fromkeys(Severity, 0)
    for finding in findings:
        counted[finding.severity] += 1
    return counted


@dataclass(frozen=True)
class Finding:
    """A fact about the report. Its text is a catalogue entry (``message_key``) or, for findings
    of rules, the rule's own templates per language."""

    code: str
    severity: Severity
    message_key: str | None
    location: Location
    args: tuple[tuple[str, object], ...] = ()
    related: tuple[Location, ...] = ()
    found: str | None = None
    expected: str | None = None
    fix: Fix | None = None
    templates: tuple[tuple[str, str], ...] = ()  # (language, template) of a rule's message
    rule: str | None = None  # the readable name of the rule that found it
    same_cause: tuple[Location, ...] = ()  # the other values this one cause shows in
    same_cause_fixes: tuple[Fix, ...] = ()  # the fixes of those values, where they have one

    def message(self, lang: str = "id") -> str:
        """The text in ``lang``: a convenience for tests and callers that hold a finding; the
        catalogue is imported here, when a text is wanted, not when findings are."""
        from sakip_lint.messages import render_finding

        return render_finding(self, lang)

    @property
    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code, self.message_key or "")


def make_args(**values: object) -> tuple[tuple[str, object], ...]:
    """Message arguments as a frozen tuple: plain values become text; a subject (or a tuple of
    subjects) and a catalogue term (anything with ``render(lang)``) are kept, to be rendered
    in the reader's language."""
    return tuple((name, value if _rendered_later(value) else "" if value is None else str(value))
                 for name, value in values.items())


def _rendered_later(value: object) -> bool:
    if isinstance(value, tuple):
        return bool(value) and all(isinstance(item, Subject) for item in value)
    return isinstance(value, Subject) or hasattr(value, "render")
