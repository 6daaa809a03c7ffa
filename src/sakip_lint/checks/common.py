"""Small readers shared by the check mechanisms: rows by role, numbers, table cells."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip_lint.comparison import Verdict
from sakip_lint.comparison import judge as judge_number
from sakip_lint.location import Location, Subject
from sakip_lint.model import Indikator, Polarity, Role, Row, Table
from sakip_lint.numbers import ParsedValue
from sakip_lint.rule import Context, Params, ParamSpec

ROLES = frozenset(role.value for role in Role)
_ROLE = {**{role.value: role for role in Role}, **{role: role for role in Role}}


def roles_param(*default: str, required: bool = False) -> ParamSpec:
    return ParamSpec(ROLES, multiple=True, default=default, required=required)


def target_roles(context: Context, params: Params) -> tuple[str | Role, ...]:
    """The roles a rule reads the annual target from: its ``peran``, else the order of the
    rules' ``target tahunan dari`` statement."""
    return params["peran"] or context.config.annual_target


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a row: where it is and how it reads (``year``: an entry of a per-year
    column such as ``target_tahun``)."""

    place: str
    index: int
    row: Row
    raw: str
    value: ParsedValue
    column: str
    context: Context
    year: int | None = None

    @property
    def location(self) -> Location:
        """Computed when a finding needs it, not for every cell read."""
        loaded = self.context.loaded
        if self.year is None:
            return loaded.row_location(self.place, self.index, self.column)
        path = ("tempat", self.place, "baris", str(self.index), self.column, str(self.year))
        return loaded.location(path, subject=loaded.row_subject(self.place, self.index),
                               place=self.place)


PER_YEAR = {"target": "target_tahun", "realisasi": "realisasi_tahun"}
"""The per-year column that holds a column's value for each year (a Renstra row's targets)."""


def cells(context: Context, ident: str, column: str, roles,
          report_year: bool = False) -> Iterator[Cell]:
    """The non-empty ``column`` of every row showing ``ident`` in places of ``roles``, in the
    order of ``roles`` (so the first role given is the reference), then report order. With
    ``report_year``, a row that prints no ``column`` but gives the report year in its per-year
    column (``target_tahun: {2017: ...}`` of a Renstra row) gives that value."""
    report = context.loaded.report
    yearly = PER_YEAR.get(column) if report_year else None
    for role in roles:
        for place, index, row in report.rows_of(ident, _ROLE[role]):
            raw = getattr(row, column)
            if raw is not None:
                yield Cell(place, index, row, raw, context.loaded.parse(raw, place, column), column,
                           context)
            elif yearly is not None and report.tahun in getattr(row, yearly):
                raw = getattr(row, yearly)[report.tahun]
                yield Cell(place, index, row, raw, context.loaded.parse(raw, place, yearly), yearly,
                           context, report.tahun)


def judge(context: Context, value: ParsedValue, exact: Decimal,
          computed: bool) -> tuple[Verdict, Decimal]:
    """A stated number against the expected one. A figure the report computed (an average, a
    percentage) may differ by its rounding; a figure copied or added up must be equal."""
    if computed:
        return judge_number(value, exact, context.config.rounding.apply(exact),
                            context.config.tolerance, context.config.habit_modes)
    difference = value.number - exact
    return (Verdict.MATCH if difference == 0 else Verdict.DIFFERS), difference


def first_number(found: Iterator[Cell]) -> Cell | None:
    return next((cell for cell in found if cell.value.has_number), None)


def polarity(context: Context, indikator: Indikator) -> Polarity:
    return context.config.polarity_of(indikator.teks, indikator.polaritas,
                                      indikator.tipe == "kualitatif")


def same_value(a: ParsedValue, b: ParsedValue) -> bool:
    """Two printed values say the same: equal numbers, or equal words (case aside)."""
    if a.has_number and b.has_number:
        return a.number == b.number
    if a.kind == "range" and b.kind == "range":
        return (a.low, a.high) == (b.low, b.high)
    if a.kind == b.kind == "none":
        return True
    words = lambda value: (value.label or value.raw).strip().casefold()  # noqa: E731
    return a.kind == b.kind == "text" and words(a) == words(b)


def table_by_id(context: Context, ident: str | None) -> tuple[int, Table] | None:
    for index, table in enumerate(context.loaded.report.tabel):
        if table.id == ident:
            return index, table
    return None


@dataclass(frozen=True)
class TableCell:
    table_index: int
    row_index: int
    column_index: int
    raw: str | None
    value: ParsedValue | None


def table_cell(context: Context, table_index: int, table: Table, label: str,
               column: str) -> TableCell | None:
    """The cell of the row labelled ``label`` in ``column``."""
    if column not in table.kolom:
        return None
    label_at, column_at = table.kolom.index(table.kolom_label), table.kolom.index(column)
    for row_index, row in enumerate(table.baris):
        if row[label_at] == label:
            raw = row[column_at]
            value = context.loaded.table_value(table, column, raw) if raw is not None else None
            return TableCell(table_index, row_index, column_at, raw, value)
    return None


def data_rows(table: Table) -> list[tuple[int, list]]:
    """The rows that are not totals, averages or grades."""
    label_at = table.kolom.index(table.kolom_label)
    summary = table.summary_rows
    return [(index, row) for index, row in enumerate(table.baris) if row[label_at] not in summary]


def column_numbers(context: Context, table: Table, column: str) -> list[Decimal]:
    at = table.kolom.index(column)
    values = [context.loaded.table_value(table, column, row[at]) for _, row in data_rows(table)
              if row[at] is not None]
    return [value.number for value in values if value.has_number]


def table_location(context: Context, table_index: int, row_index: int | None = None,
                   column_index: int | None = None) -> Location:
    table = context.loaded.report.tabel[table_index]
    path = ("tabel", str(table_index))
    if row_index is not None:
        path += ("baris", str(row_index))
        if column_index is not None:
            path += (str(column_index),)
    return context.loaded.location(path, subject=Subject("tabel", table.id), place=table.di)
