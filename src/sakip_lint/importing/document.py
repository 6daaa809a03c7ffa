"""A Word or Excel document as the importer reads it: paragraphs and tables in reading order.

Both readers (``docx_reader``, ``xlsx_reader``) give this one shape, so recognising tables,
matching entities and reading claims never depend on the file format. A table is a grid:
every cell position holds the text of the cell that covers it, and says whether it is the
start of a merged cell or a continuation of one (a sasaran merged down over its indicators,
a header merged across its sub-columns), because the meaning of a row depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the text. ``level`` is its heading level (1 for a chapter), 0 for body
    text; ``list_level`` its depth in a list (0 when it is no list item); ``number`` the
    number Word computes for an automatically numbered item (``"2."``, ``"b."``), which is not
    part of ``text``."""

    index: int  # 1-based among the document's paragraphs
    text: str
    style: str = ""
    level: int = 0
    list_level: int = 0
    number: str | None = None
    caption: bool = False  # written in Word's caption style
    bold: bool = False  # every run of it is bold (a title typed as bold text)
    sheet: str | None = None  # for a line of a workbook: its sheet and first cell
    cell: str | None = None


@dataclass(frozen=True)
class Cell:
    """One position of a table's grid: the text of the cell covering it; ``top`` and ``left``
    say whether the position starts the merged cell vertically and horizontally."""

    text: str
    top: bool = True
    left: bool = True

    @property
    def start(self) -> bool:
        return self.top and self.left


@dataclass(frozen=True)
class Table:
    """A table as a rectangular grid of cells (``rows[r][c]``), rows in printed order.

    ``header_rows`` is how many leading rows the document marks as repeated headers (Word's
    'repeat as header row'; 0 when it says nothing); ``sheet`` and ``first_row``/``first_column``
    place a table of a workbook (1-based, for Excel cell names)."""

    index: int  # 1-based among the document's tables
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0
    sheet: str | None = None
    first_row: int = 1
    first_column: int = 1

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """The blocks of a document in reading order, and what kind of file it came from."""

    kind: str  # 'docx' or 'xlsx'
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]
