"""Cells that several tables print and that must agree (``kesamaan``).

A report prints the same count or total in several breakdowns (staff by golongan and by
education, a budget total in two tables); the rule files or the data file say which cells
those are. The first cell named is the reference; each other one is compared with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_lint.checks.common import TableCell, same_value, table_by_id, table_cell, table_location
from sakip_lint.comparison import Verdict
from sakip_lint.comparison import judge as judge_number
from sakip_lint.config import CellEquality, CellRef
from sakip_lint.dsl.tables import data_equality
from sakip_lint.location import Fix, Subject
from sakip_lint.rule import Context, Fact, Params

PLACEHOLDERS = frozenset({"baris", "kolom", "tempat_lain", "tabel_lain", "baris_lain",
                          "kolom_lain"})


def _cell(context: Context, ref: CellRef) -> TableCell | None:
    found = table_by_id(context, ref.table)
    return table_cell(context, found[0], found[1], ref.row, ref.column) if found else None


def _agree(a, b) -> bool:
    """Two printed values say the same; a number may be the other printed less precisely."""
    if a.has_number and b.has_number:
        return any(judge_number(x, y.number, y.number, Decimal(0))[0] is not Verdict.DIFFERS
                   for x, y in ((a, b), (b, a)))
    return same_value(a, b)


def equalities(context: Context) -> list[CellEquality]:
    """The rule files' equalities, then the data file's, each once."""
    found = list(context.config.equalities)
    found += [data_equality(text) for text in context.loaded.report.kesamaan]
    unique = {equality.cells: equality for equality in found}
    return list(unique.values())


def kesamaan_tabel(context: Context, params: Params) -> Iterator[Fact]:
    """Every cell of an equality equals its first cell. A rule file's equality naming a table
    or cell this report does not have does not apply to it."""
    report = context.loaded.report
    for equality in equalities(context):
        cells = [_cell(context, ref) for ref in equality.cells]
        if any(cell is None for cell in cells):
            continue
        first, first_ref = cells[0], equality.cells[0]
        if first.value is None or first.value.kind == "none":
            continue
        first_table = report.tabel[first.table_index]
        reference = table_location(context, first.table_index, first.row_index, first.column_index)
        for cell, ref in zip(cells[1:], equality.cells[1:]):
            if cell.value is None or cell.value.kind == "none" or _agree(cell.value, first.value):
                continue
            table = report.tabel[cell.table_index]
            location = table_location(context, cell.table_index, cell.row_index, cell.column_index)
            yield Fact(location, {"subjek": Subject("tabel", table.id), "tempat": table.di,
                                  "baris": ref.row, "kolom": ref.column,
                                  "tempat_lain": first_table.di, "tabel_lain": first_table.id,
                                  "baris_lain": first_ref.row, "kolom_lain": first_ref.column},
                       related=(reference,), found=cell.raw, expected=first.raw,
                       fix=Fix(location, first.raw, safe=False, suggestion_only=True))  # which one is wrong: the compiler's call
