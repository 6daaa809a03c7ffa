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


@dataclass(frozen=True)
class Location:
    """Where a value is: in the data file and in the report; for a report imported from a
    Word or Excel document, also where it stands in that document (``origin``)."""

    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    pointer: str = ""  # JSON Pointer into the data file, e.g. /indikator/3/sebutan/2/target
    subject: Subject | None = None  # what the value is about, e.g. indikator IK-04
    place: str | None = None  # place of the report, e.g. 'Tabel 3.1'
    origin: Origin | None = None  # the place in the imported DOCX/XLSX, shown first

    @property
    def key(self) -> str | None:
        """The subject as text ('indikator IK-04'), for JSON output and grouping."""
        return None if self.subject is None else self.subject.key

    def editor_position(self) -> str:
        """``file:line:col`` as editors and CI annotations expect it."""
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class Fix:
    """A machine-applicable replacement of the value at ``location``.

    ``safe`` is decided by the mechanism that proposes the fix, from what it knows: a value a
    formula computes from the report's cells (a capaian, a percentage, an average) is safe to
    write in; a total that disagrees with its parts (either may be the miscopied figure) and a
    choice between two conflicting printed values are the compiler's call, never safe.
    """

    location: Location
    replacement: str
    safe: bool = field(kw_only=True)  # always said where the fix is made
