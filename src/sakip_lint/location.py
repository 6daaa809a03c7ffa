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
from typing import Protocol


@dataclass(frozen=True, slots=True)
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
class Origin:
    """Where an imported value stands in the source document (DOCX or XLSX), as a compiler
    finds it there: a table as printed (``Tabel 3.1``) with its position among the document's
    tables, its row and the header of its column; or a paragraph; or a sheet and its cell
    (``PK!D12``). Rows and tables are numbered from 1, as Word and Excel show them."""

    document: str  # 'docx' or 'xlsx'
    table: str | None = None  # the table's printed number ('Tabel 3.1'), when it has one
    table_index: int | None = None  # its position among the document's tables
    caption: str | None = None  # the caption of a table without a number
    row: int | None = None  # the row of that table (of the sheet, for a workbook)
    column: str | None = None  # the header of the column, as printed
    paragraph: int | None = None  # a paragraph of the text (prose, headings, list items)
    sheet: str | None = None
    cell: str | None = None  # 'D12'; a whole row is 'A12:F12'
    continued: bool = False  # the part of the table after a page break


class Positions(Protocol):
    """Where the values of one file are: ``source.SourceMap`` or ``source.PositionTree``;
    for a report imported from a document, also where each value stands in it."""

    def position(self, path: tuple[str, ...], *,
                 prefer_key: bool = False) -> tuple[int, int] | None: ...

    def origin(self, path: tuple[str, ...]) -> Origin | None: ...


def pointer(path: tuple[str, ...]) -> str:
    """JSON Pointer (RFC 6901) of a path."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in map(str, path))


_pointer_of = pointer  # for Location, whose argument is named ``pointer``


def pointer_path(text: str) -> tuple[str, ...]:
    """The path of a JSON Pointer read from outside (a baseline, a location made from a
    pointer): the inverse of ``pointer``. A location made here keeps its path instead."""
    if not text:
        return ()
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in text.split("/")[1:])


class Location:
    """Where a value is: in the data file and in the report; for a report imported from a
    Word or Excel document, also where it stands in that document (``origin``, shown first).

    A location made from a path (``Location.at``) finds its line, column and JSON Pointer when
    one of them (or its origin) is first read: mechanisms name the place of every value they look at, and only
    the few that become findings are ever printed. It is immutable and compares by its seven
    fields like a frozen dataclass. ``path`` is the value's path in the data file as keys
    (``("tempat", "Tabel 3.1", "baris", "3", "target")``), the pointer's own parts: code that
    asks which table, row or column a value is in reads it, never the pointer's text.
    """

    __slots__ = ("file", "subject", "place", "path", "_line", "_column", "_pointer", "_origin",
                 "_where")

    def __init__(self, file: str, line: int | None = None, column: int | None = None,
                 pointer: str = "", subject: Subject | None = None,
                 place: str | None = None, origin: Origin | None = None,
                 path: tuple[str, ...] | None = None) -> None:
        if path is None:
            path = pointer_path(pointer)
        elif not pointer:
            pointer = _pointer_of(path)
        for name, value in (("file", file), ("_line", line), ("_column", column),
                            ("_pointer", pointer), ("subject", subject), ("place", place),
                            ("path", path), ("_origin", origin), ("_where", None)):
            object.__setattr__(self, name, value)

    @classmethod
    def at(cls, file: str, positions: Positions, path: tuple[str, ...], *,
           subject: Subject | None = None, place: str | None = None,
           prefer_key: bool = False) -> Location:
        """The location of the value at ``path`` (or of its deepest existing parent)."""
        self = _new(cls)
        _set_file(self, file)
        _set_subject(self, subject)
        _set_place(self, place)
        _set_path(self, path)
        _set_where(self, (positions, path, prefer_key))
        return self

    def _resolve(self) -> None:
        positions, path, prefer_key = self._where
        found = positions.position(path, prefer_key=prefer_key)
        line, column = found if found else (None, None)
        object.__setattr__(self, "_line", line)
        object.__setattr__(self, "_column", column)
        object.__setattr__(self, "_pointer", pointer(path))
        object.__setattr__(self, "_origin", positions.origin(path))
        object.__setattr__(self, "_where", None)

    @property
    def line(self) -> int | None:  # 1-based
        if self._where is not None:
            self._resolve()
        return self._line

    @property
    def column(self) -> int | None:  # 1-based
        if self._where is not None:
            self._resolve()
        return self._column

    @property
    def pointer(self) -> str:
        """JSON Pointer into the data file, e.g. /tempat/Tabel 3.1/baris/3/target"""
        if self._where is not None:
            self._resolve()
        return self._pointer

    @property
    def origin(self) -> Origin | None:
        """The place in the imported DOCX/XLSX, for a report read from one."""
        if self._where is not None:
            self._resolve()
        return self._origin

    def _fields(self) -> tuple:
        return (self.file, self.line, self.column, self.pointer, self.subject, self.place,
                self.origin)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Location is immutable: cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = ("file", "line", "column", "pointer", "subject", "place", "origin")
        return "Location(" + ", ".join(f"{name}={value!r}" for name, value
                                       in zip(names, self._fields())) + ")"

    def __reduce__(self):  # resolved when sent to another process
        return (Location, self._fields() + (self.path,))

    @property
    def key(self) -> str | None:
        """The subject as text ('indikator IK-04'), for JSON output and grouping."""
        return None if self.subject is None else self.subject.key

    def editor_position(self) -> str:
        """``file:line:col`` as editors and CI annotations expect it."""
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


_new = object.__new__
_set_file, _set_subject, _set_place, _set_path, _set_where = (
    getattr(Location, name).__set__ for name in ("file", "subject", "place", "path", "_where"))


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
