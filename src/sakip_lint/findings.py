"""Findings: frozen facts about a report, each pointing at the exact place of the offending value.

A finding is data, never an exception: checks yield findings and the run goes on, so a reviewer
gets the complete list. Exceptions mean only "the tool cannot run".

Every finding carries three locations for its value: file:line:col (for an editor), a JSON
Pointer into the data file (for machines) and the business key (``indikator IK-04``, for a
reviewer who thinks in the report's terms), plus the place of the report (``Tabel 3.1``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sakip_lint.messages import Text, fill, render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Location:
    """Where a value is: in the data file and in the report."""

    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    pointer: str = ""  # JSON Pointer into the data file, e.g. /indikator/3/sebutan/2/target
    key: str | None = None  # business key, e.g. 'indikator IK-04'
    place: str | None = None  # place of the report, e.g. 'Tabel 3.1'

    def editor_position(self) -> str:
        """``file:line:col`` as editors and CI annotations expect it."""
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class Fix:
    """A machine-applicable replacement of the value at ``location``.

    ``safe`` marks values the tool can compute on its own (a capaian); choosing between two
    conflicting targets is never safe.
    """

    location: Location
    replacement: str
    safe: bool


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

    def message(self, lang: str = "id") -> str:
        if self.templates:
            templates = dict(self.templates)
            text = fill(templates.get(lang) or templates["id"], lang, dict(self.args))
        else:
            text = render(self.message_key, lang, **dict(self.args))
        if self.same_cause:
            places = "; ".join(dict.fromkeys(_named(location) for location in self.same_cause))
            text += render("finding.same-cause", lang, count=len(self.same_cause), places=places)
        return text

    @property
    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code, self.message_key or "")


def _named(location: Location) -> str:
    """A place as a reviewer reads it: 'Tabel 3.5, sasaran S-04'."""
    return ", ".join(part for part in (location.place, location.key) if part) or location.pointer


def make_args(**values: object) -> tuple[tuple[str, object], ...]:
    """Message arguments as a frozen tuple: text, or Text rendered in the reader's language."""
    return tuple((name, value if isinstance(value, Text) else "" if value is None else str(value))
                 for name, value in values.items())

