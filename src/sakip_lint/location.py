"""Where a value is and what it is about: the bottom layer every other module may use.

A location names a value three ways: file:line:col (for an editor), a JSON Pointer into the
data file (for machines) and its subject — the entity, table or claim it belongs to, as a
reviewer thinks of it (``indikator IK-04``) — plus the place of the report (``Tabel 3.1``).

The subject is typed, not a string: outputs read its kind and id instead of parsing
``"indikator IK-04"`` back, and messages print its kind in the reader's language. This module
imports nothing of the project, so that comparisons, findings and outputs can all depend on it
without depending on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Subject:
    """What a value is about: a kind (``indikator``, ``sasaran``, ``tabel``, ``klaim``, …) and
    its id. ``name`` and ``number`` are how the place prints it (its text and ``nomor``), kept
    for readers; they do not change which subject it is."""

    kind: str  # '' when the report does not declare the id
    id: str
    name: str | None = field(default=None, compare=False)
    number: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The business key as the data file spells it: 'indikator IK-04'."""
        return f"{self.kind} {self.id}".strip()

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True)
class Location:
    """Where a value is: in the data file and in the report."""

    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    pointer: str = ""  # JSON Pointer into the data file, e.g. /indikator/3/sebutan/2/target
    subject: Subject | None = None  # what the value is about, e.g. indikator IK-04
    place: str | None = None  # place of the report, e.g. 'Tabel 3.1'

    @property
    def key(self) -> str | None:
        """The subject as text ('indikator IK-04'), for JSON output and grouping."""
        return None if self.subject is None else self.subject.key

    def editor_position(self) -> str:
        """``file:line:col`` as editors and CI annotations expect it."""
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


class FixSafety(StrEnum):
    """How far a fix may be applied without a person deciding.

    - ``safe``: the tool computes the value on its own from the report's cells (a capaian, a
      sum, a category): ``--fix`` writes it in;
    - ``unsafe``: a likely value that changes a human judgement (a category read from a stated
      capaian, a ratio over partly printed children): only with ``--unsafe-fixes``;
    - ``suggestion``: one of several printed values that disagree (which of two targets is
      right, a parent total or its children): shown, never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Fix:
    """A machine-applicable replacement of the value at ``location``.

    ``safe`` is decided by the mechanism that proposes the fix, from what it knows: a value the
    tool computes on its own from the report's cells (a capaian, a sum) is safe to write in;
    choosing between two conflicting printed values is the compiler's call, never safe, and
    marked ``suggestion_only`` so that no option applies it.
    """

    location: Location
    replacement: str
    safe: bool = field(kw_only=True)  # always said where the fix is made
    suggestion_only: bool = field(default=False, kw_only=True)

    def __post_init__(self) -> None:
        if self.safe and self.suggestion_only:
            raise ValueError("a fix is either safe or only a suggestion")

    @property
    def safety(self) -> FixSafety:
        if self.safe:
            return FixSafety.SAFE
        return FixSafety.SUGGESTION if self.suggestion_only else FixSafety.UNSAFE
