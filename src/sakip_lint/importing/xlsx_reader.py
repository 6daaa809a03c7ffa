"""Reading an Excel workbook (.xlsx) into the importer's document shape, with openpyxl.

Each visible sheet is one table (the Pergub 75/2011 forms and e-SAKIP exports put one form on
one sheet), captioned by the sheet's name: the lines above it that hold one cell each
(``PENETAPAN KINERJA``, ``SKPD : ...``, ``Tahun Anggaran : 2017``) lead to it, the lines
below it are its notes. Merged ranges fill
every position they cover, as in a Word table. A number is written as the sheet shows it, in
the Indonesian style (``70,32``, ``1.336.589.482``, ``86,56%``): the checker reads what a
reader of the printed form reads, not a binary float.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from decimal import Decimal

from openpyxl.utils import get_column_letter

from sakip_lint.importing.document import Cell, Document, Paragraph, Table

MAX_CELLS = 500_000  # cells of one sheet read: a form holds a few thousand


class SheetTooLarge(ValueError):
    def __init__(self, sheet: str, cells: int) -> None:
        super().__init__(sheet)
        self.sheet, self.cells = sheet, cells


def read_xlsx(content: bytes) -> Document:
    """Title lines, one table and note lines per visible sheet, in sheet order."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), data_only=True, read_only=False)
    blocks: list[Paragraph | Table] = []
    paragraphs = tables = 0
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        grid, first_row, first_column = _grid(sheet)
        if not grid:
            continue
        start = next((r for r, row in enumerate(grid) if sum(1 for c in row if c.text.strip()) >= 2), None)
        if start is None:
            continue
        end = len(grid)
        while end > start + 1 and sum(1 for c in grid[end - 1] if c.text.strip()) < 2:
            end -= 1
        for r in range(start):
            text = " ".join(c.text.strip() for c in grid[r] if c.start and c.text.strip())
            if text:
                paragraphs += 1
                blocks.append(Paragraph(paragraphs, text, style="xlsx-title", sheet=sheet.title,
                                        cell=_first_cell(grid[r], first_row + r, first_column)))
        paragraphs += 1  # the sheet's name is the table's caption: its place in the data file
        blocks.append(Paragraph(paragraphs, sheet.title, style="xlsx-sheet", caption=True,
                                sheet=sheet.title, cell=None))
        tables += 1
        blocks.append(Table(index=tables, rows=tuple(tuple(row) for row in grid[start:end]),
                            sheet=sheet.title, first_row=first_row + start,
                            first_column=first_column))
        for r in range(end, len(grid)):
            text = " ".join(c.text.strip() for c in grid[r] if c.start and c.text.strip())
            if text:
                paragraphs += 1
                blocks.append(Paragraph(paragraphs, text, style="xlsx-note", sheet=sheet.title,
                                        cell=_first_cell(grid[r], first_row + r, first_column)))
    return Document("xlsx", tuple(blocks))


def _first_cell(row: list[Cell], number: int, first_column: int) -> str:
    column = next((c for c, cell in enumerate(row) if cell.text.strip()), 0)
    return f"{get_column_letter(first_column + column)}{number}"


def cell_name(table: Table, row: int, column: int) -> str:
    """The Excel name (``D12``) of grid position ``row``, ``column`` (0-based) of a sheet's table."""
    return f"{get_column_letter(table.first_column + column)}{table.first_row + row}"


def _grid(sheet) -> tuple[list[list[Cell]], int, int]:
    """The used range of a sheet as cells (merged ranges filled), trimmed of empty borders."""
    min_row, min_col = sheet.min_row, sheet.min_column
    max_row, max_col = sheet.max_row, sheet.max_column
    cells = (max_row - min_row + 1) * (max_col - min_col + 1)
    if cells > MAX_CELLS:
        raise SheetTooLarge(sheet.title, cells)
    texts: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        for cell in row:
            if cell.value is not None:
                texts[(cell.row, cell.column)] = cell_text(cell.value, cell.number_format)
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for span in sheet.merged_cells.ranges:
        for r in range(span.min_row, span.max_row + 1):
            for c in range(span.min_col, span.max_col + 1):
                merged[(r, c)] = (span.min_row, span.min_col)
    used = set(texts) | set(merged)
    if not used:
        return [], 1, 1
    rows = [r for r, _ in used]
    cols = [c for _, c in used]
    top, bottom, left, right = min(rows), max(rows), min(cols), max(cols)
    grid = []
    for r in range(top, bottom + 1):
        line = []
        for c in range(left, right + 1):
            origin = merged.get((r, c))
            if origin is None:
                line.append(Cell(texts.get((r, c), "")))
            else:
                line.append(Cell(texts.get(origin, ""), top=origin[0] == r, left=origin[1] == c))
        grid.append(line)
    return grid, top, left


_DECIMALS = re.compile(r"0\.(0+)")


def cell_text(value: object, number_format: str | None) -> str:
    """A cell as the sheet displays it, numbers in the Indonesian style."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "BENAR" if value else "SALAH"
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if not isinstance(value, (int, float, Decimal)):
        return str(value)
    fmt = (number_format or "General").split(";")[0]
    # a float as Excel's General format shows it: 15 significant digits, no binary noise
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    percent = "%" in fmt
    if percent:
        number *= 100
    found = _DECIMALS.search(fmt)
    if found:
        number = number.quantize(Decimal(1).scaleb(-len(found.group(1))))
    elif fmt not in ("General", "@") and "0" in fmt:
        number = number.quantize(Decimal(1))
    grouped = "#,##" in fmt
    return format_id(number, grouped) + ("%" if percent else "")


def format_id(number: Decimal, grouped: bool = False) -> str:
    """``number`` with a decimal comma (and '.' between thousands when ``grouped``)."""
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + fraction if fraction else "")
