"""Arithmetic of generic tables: row totals, total and average rows, and grades by scale.

What each table's totals mean is declared in the data file (``kolom_total``, ``baris_total``,
``baris_rata_rata``, ``baris_predikat``), so the same mechanisms serve staff tables, SAKIP
evaluation tables and SKM tables.

A finding names the cells whose numbers it added or averaged, and offers the computed value
in the cell's own precision. An average is only a statistic of the rows above: writing it in
is safe. A total is a figure of its own (the staff register's count, the DPA's amount) that
may be the right one when a part was miscopied: which to change is the compilers' call.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip_lint.checks.common import data_rows, judge, table_location
from sakip_lint.checks.stated import VERDICTS
from sakip_lint.comparison import Verdict
from sakip_lint.config import Band
from sakip_lint.expressions import columns
from sakip_lint.location import Fix, Location, Subject
from sakip_lint.model import Table
from sakip_lint.numbers import written_like
from sakip_lint.rule import Context, Fact, Params, ParamSpec

PARAMS = {"hasil": ParamSpec(frozenset(VERDICTS) - {"bukan_angka"}, multiple=True,
                             default=("beda",))}
PLACEHOLDERS = frozenset({"selisih", "baris", "kolom"})


@dataclass(frozen=True)
class Judged:
    """A stated total or average against the one computed from ``related``."""

    verdict: Verdict
    difference: Decimal
    replacement: Decimal  # the computed value at the precision the cell prints
    safe: bool  # an average may be written in; a total is the compilers' call


def _fact(context: Context, table_index: int, row_index: int, column_index: int, stated_raw: str,
          expected: Decimal, judged: Judged, related: tuple[Location, ...]) -> Fact:
    table = context.loaded.report.tabel[table_index]
    label = table.baris[row_index][table.kolom.index(table.kolom_label)] or str(row_index + 1)
    column = table.kolom[column_index]
    location = table_location(context, table_index, row_index, column_index)
    style = context.loaded.table_style(table, column)
    expected_text = context.number(expected, style=style)
    fix = Fix(location, written_like(context.number(judged.replacement, style=style), stated_raw),
              safe=judged.safe)
    return Fact(location, {"subjek": Subject("tabel", table.id),
                           "selisih": context.number(judged.difference, style=style),
                           "tempat": table.di, "baris": label, "kolom": column},
                related=related, found=stated_raw, expected=expected_text, fix=fix)


def _judge(context: Context, table: Table, column: str, stated_raw: str, exact: Decimal,
           computed: bool) -> Judged | None:
    """A total (``computed`` False) must be its exact sum, an average may differ by rounding."""
    value = context.loaded.table_value(table, column, stated_raw)
    if not value.has_number:
        return None
    verdict, difference = judge(context, value, exact, computed)
    printed = value.decimals or 0
    if computed:
        replacement = context.config.rounding.replacement(exact, printed,
                                                          verdict is Verdict.DIFFERS)
    else:  # a sum is written whole: at the decimals printed, or at its own when it has more
        own = -int(exact.as_tuple().exponent)
        replacement = context.config.rounding.apply(exact, max(printed, own))
    return Judged(verdict, difference, replacement, safe=computed)


def _numbered(context: Context, table: Table, table_index: int, cells) -> tuple[list[Decimal],
                                                                              tuple[Location, ...]]:
    """The numbers of ``cells`` ((row index, column index) of ``table``) and where they are:
    an empty cell or a '-' adds nothing and is not a source."""
    numbers, places = [], []
    for row_index, at in cells:
        raw = table.baris[row_index][at]
        value = None if raw is None else context.loaded.table_value(table, table.kolom[at], raw)
        if value is not None and value.has_number:
            numbers.append(value.number)
            places.append(table_location(context, table_index, row_index, at))
    return numbers, tuple(places)


def total_columns(context: Context, table: Table) -> list[tuple[str, list[str]]]:
    """Each total column of a table and the columns it adds up: the declared ``kolom_total``
    of ``kolom_angka``, and the columns the rules recognise as sums (``jumlah(...)``, a
    'Jumlah' column by its header) or the data file's ``rumus`` declares as one."""
    from sakip_lint.checks.derived import table_formulas

    found = []
    if table.kolom_total is not None and table.kolom_angka:
        found.append((table.kolom_total, table.kolom_angka))
    found += [(formula.column, sorted(columns(formula.expression), key=table.kolom.index))
              for formula in table_formulas(context, table) if formula.total]
    return found


def jumlah_baris(context: Context, params: Params) -> Iterator[Fact]:
    """The total column of each row is the sum of its number columns."""
    wanted = {VERDICTS[name] for name in params["hasil"]}
    for table_index, table in enumerate(context.loaded.report.tabel):
        for total, parts in total_columns(context, table):
            yield from _row_totals(context, table_index, table, total, parts, wanted)


def _row_totals(context: Context, table_index: int, table: Table, total: str, parts: list[str],
                wanted) -> Iterator[Fact]:
    total_at = table.kolom.index(total)
    parts_at = [table.kolom.index(column) for column in parts]
    for row_index, row in enumerate(table.baris):
        if row[total_at] is None:
            continue
        numbers, related = _numbered(context, table, table_index,
                                     [(row_index, at) for at in parts_at])
        if not numbers:
            continue
        judged = _judge(context, table, total, row[total_at], sum(numbers), computed=False)
        if judged and judged.verdict in wanted:
            yield _fact(context, table_index, row_index, total_at, row[total_at], sum(numbers),
                        judged, related)


def baris_ringkasan(context: Context, params: Params) -> Iterator[Fact]:
    """Each total row sums, and each average row averages, the data rows column by column."""
    wanted = {VERDICTS[name] for name in params["hasil"]}
    for table_index, table in enumerate(context.loaded.report.tabel):
        label_at = table.kolom.index(table.kolom_label)
        for row_index, row in enumerate(table.baris):
            averaged = row[label_at] in table.baris_rata_rata
            if row[label_at] not in table.baris_total and not averaged:
                continue
            for column in table.kolom_angka:
                at = table.kolom.index(column)
                if row[at] is None:
                    continue
                numbers, related = _numbered(context, table, table_index,
                                             [(data, at) for data, _ in data_rows(table)])
                if not numbers:
                    continue
                expected = sum(numbers) / len(numbers) if averaged else sum(numbers)
                judged = _judge(context, table, column, row[at], expected, computed=averaged)
                if judged and judged.verdict in wanted:
                    shown = context.config.rounding.apply(expected) if averaged else expected
                    yield _fact(context, table_index, row_index, at, row[at], shown, judged,
                                related)


GRADE_PLACEHOLDERS = frozenset({"nilai", "tahun", "kolom"})


@dataclass(frozen=True)
class GradeCell:
    """A grade a table prints for one year, beside its score and the grade the scale in force
    that year gives (``expected``: None when the scale holds no band for the score)."""

    table_index: int
    row_index: int
    column_index: int
    year: int
    score: str
    stated: str
    expected: Band | None  # the band of the scale holding the score; None: in a gap


def grade_cells(context: Context) -> Iterator[GradeCell]:
    """Every grade of the tables that declare a grade row, a total row and a scale."""
    for table_index, table in enumerate(context.loaded.report.tabel):
        if not (table.baris_predikat and table.skala_predikat and table.baris_total):
            continue
        label_at = table.kolom.index(table.kolom_label)
        by_label = {row[label_at]: (index, row) for index, row in enumerate(table.baris)}
        if table.baris_predikat not in by_label or table.baris_total[0] not in by_label:
            continue
        grade_index, grade_row = by_label[table.baris_predikat]
        _, score_row = by_label[table.baris_total[0]]
        for column, year in table.kolom_tahun.items():
            at = table.kolom.index(column)
            scale = context.config.scale(table.skala_predikat, year)
            score = (context.loaded.table_value(table, column, score_row[at])
                     if score_row[at] is not None else None)
            stated = grade_row[at]
            if scale is None or score is None or not score.has_number or stated is None:
                continue
            yield GradeCell(table_index, grade_index, at, year, score_row[at], stated,
                            scale.band_of(score.number))


def predikat_tabel(context: Context, params: Params) -> Iterator[Fact]:
    """The grade row names the grade the scale in force that year gives to the total."""
    for cell in grade_cells(context):
        stated, band = cell.stated, cell.expected
        if band is not None and not band.named(stated):
            expected = band.shown
            table = context.loaded.report.tabel[cell.table_index]
            location = table_location(context, cell.table_index, cell.row_index, cell.column_index)
            yield Fact(location, {"subjek": Subject("tabel", table.id), "tempat": table.di,
                                  "nilai": cell.score, "tahun": str(cell.year),
                                  "kolom": table.kolom[cell.column_index]},
                       found=stated, expected=expected)
