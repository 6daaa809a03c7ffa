"""Suppression comments in a data file: ``# sakip-lint: ignore[CAP001] alasan: …``.

A compiler who knows a finding is not a problem says so where the value is, with the reason,
so that the next reviewer reads both. A suppression silences the findings of the listed codes
whose value is on the comment's line. It must give a reason (``alasan:`` or ``reason:``);
without one it silences nothing and is itself a finding (SUP001). A suppression that silences
nothing — the value was corrected, the line moved — is reported (SUP002) so that it does not
hide a later problem, and a comment that starts like one but cannot be read is reported too
(SUP003). ``check`` and ``--fix`` see the same findings: a silenced finding is not fixed.

Comments are not part of the composed data, so they are read here from the source text, line
by line; a ``#`` inside a quoted value is not a comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sakip_lint.findings import Finding, Location, Severity, make_args

MARKER = "sakip-lint"
UNSUPPRESSIBLE = ("LOAD",)  # a file that cannot be read is never silenced
_DIRECTIVE = re.compile(
    r"#\s*sakip-lint\s*:\s*(?P<verb>[\w-]+)\s*(?:\[(?P<codes>[^\]]*)\])?\s*"
    r"(?:(?P<label>alasan|reason)\s*:\s*(?P<reason>.*?))?\s*$", re.IGNORECASE)
_CODE = re.compile(r"^[A-Z]{2,}\d{3}$")


@dataclass
class Suppression:
    line: int
    column: int  # of the '#'
    codes: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Outcome:
    """The findings after suppression: those kept (with the comments' own findings) and how
    many were silenced."""

    findings: tuple[Finding, ...]
    suppressed: int


def comment_start(line: str) -> int | None:
    """The index of the ``#`` that starts a comment on a YAML line, outside quoted values."""
    index, quote = 0, None
    while index < len(line):
        char = line[index]
        if quote == '"':
            if char == "\\":
                index += 1
            elif char == '"':
                quote = None
        elif quote == "'":
            if char == "'":
                if line[index + 1:index + 2] == "'":
                    index += 1
                else:
                    quote = None
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        elif char in "\"'" and (index == 0 or line[index - 1] in " \t[{,:-?"):
            quote = char
        index += 1
    return None


def _finding(code: str, severity: Severity, key: str, file: str, line: int, column: int,
             **args: object) -> Finding:
    return Finding(code=code, severity=severity, message_key=key,
                   location=Location(file=file, line=line, column=column), args=make_args(**args))


def parse(file: str, text: str) -> tuple[dict[int, Suppression], list[Finding]]:
    """The suppressions of a text by line, and the findings about comments that are not
    usable (no reason, cannot be read)."""
    found: dict[int, Suppression] = {}
    problems: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if MARKER not in line:
            continue
        start = comment_start(line)
        if start is None or MARKER not in line[start:]:
            continue
        comment = line[start:]
        match = _DIRECTIVE.match(comment)
        if match is None or not comment[1:].lstrip().lower().startswith(MARKER):
            if comment[1:].lstrip().lower().startswith(MARKER):
                problems.append(_finding("SUP003", Severity.WARNING, "suppress.malformed", file,
                                         number, start + 1, comment=comment[:80]))
            continue
        codes = tuple(code.strip().upper() for code in (match.group("codes") or "").split(",")
                      if code.strip())
        bad = [code for code in codes if not _CODE.match(code)]
        if match.group("verb").lower() != "ignore" or not codes or bad:
            problems.append(_finding("SUP003", Severity.WARNING, "suppress.malformed", file,
                                     number, start + 1, comment=comment[:80]))
            continue
        reason = (match.group("reason") or "").strip()
        if not reason:
            problems.append(_finding("SUP001", Severity.ERROR, "suppress.no-reason", file,
                                     number, start + 1, codes=", ".join(codes)))
            continue
        found[number] = Suppression(number, start + 1, codes, reason)
    return found, problems


def apply(file: str, text: str, findings: Iterable[Finding],
          active: Callable[[str], bool]) -> Outcome:
    """Silence the findings the comments of ``text`` name; report unusable and unused ones.

    ``active(code)`` says whether a code could have fired on this file at all: a suppression of
    a rule switched off by the configuration is not called unused."""
    suppressions, problems = parse(file, text)
    kept: list[Finding] = []
    silenced = 0
    for finding in findings:
        where = finding.location
        suppression = suppressions.get(where.line) if where.file == file else None
        if (suppression is not None and finding.code in suppression.codes
                and not finding.code.startswith(UNSUPPRESSIBLE)):
            suppression.used.add(finding.code)
            silenced += 1
        else:
            kept.append(finding)
    for suppression in suppressions.values():
        unused = [code for code in suppression.codes
                  if code not in suppression.used and active(code)]
        if unused:
            kept.append(_finding("SUP002", Severity.WARNING, "suppress.unused", file,
                                 suppression.line, suppression.column, codes=", ".join(unused)))
    kept.extend(problems)
    kept.sort(key=lambda finding: finding.sort_key)
    return Outcome(tuple(kept), silenced)
