"""Derived columns of generic tables: a printed cell against the formula of its column.

A column is derived when the data file gives the table a ``rumus`` for it, or when a rule
file's declaration recognises its header (``turunan``, ``rumus kolom``) and finds, by header,
exactly the columns its formula needs. Anything less certain — two candidate columns, two
declarations with different formulas, a cell that is not a plain number — leaves the cell
unchecked: no finding is better than a false one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip_lint.checks.common import data_rows, judge, table_location
from sakip_lint.checks.stated import VERDICTS
from sakip_lint.comparison import Verdict
from sakip_lint.config import DerivedColumn, header_unit
from sakip_lint.dsl.tables import data_formula
from sakip_lint.expressions import (VARIADIC_FUNCTIONS, Binary, Call, Column, Expression, Negate,
                                    NotComputable, Number, Variable, columns, evaluate, render)
from sakip_lint.location import Fix, Subject
from sakip_lint.messages import Text, term
from sakip_lint.model import Polarity, Table
from sakip_lint.numbers import NumberStyle, written_like
from sakip_lint.rule import Context, Fact, Params, ParamSpec

PARAMS = {"hasil": ParamSpec(frozenset(VERDICTS) - {"bukan_angka"}, multiple=True,
                             default=("beda",))}
PLACEHOLDERS = frozenset({"baris", "kolom", "rumus", "selisih", "tepat", "penjelasan"})

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HUNDRED = Number(Decimal(100))


@dataclass(frozen=True)
class TableFormula:
    """The formula of one column of one table, written with that table's columns only."""

    column: str
    expression: Expression
    negative: Expression | None = None  # rows the polarity patterns call negative
    declared: bool = False  # the data file's own rumus, not recognised by the rules

    @property
    def total(self) -> bool:
        """A column that is the sum of others is a total column: checked as totals are
        (``jumlah_baris``: exactly, a sum has no rounding of its own), not as a derived one."""
        return isinstance(self.expression, Call) and self.expression.function == "jumlah"


@dataclass(frozen=True)
class Columns:
    """What is known of a table's columns before their formulas: which hold numbers, which of
    those print percentages, and which are computed (derived columns and totals: results, not
    values to add up or average)."""

    numbers: tuple[str, ...]
    percent: frozenset[str]
    computed: frozenset[str]


def number_columns(context: Context, table: Table) -> tuple[tuple[str, ...], frozenset[str]]:
    """The columns that hold numbers — ``kolom_angka`` when the data file declares them, else
    every column after the label column (a No. or Kode before it names the row) whose data
    cells all print a number or nothing — and those of them that print percentages."""
    rows = data_rows(table)
    label_at = table.kolom.index(table.kolom_label)
    candidates = table.kolom_angka or table.kolom[label_at + 1:]
    numbers, percent = [], set()
    for header in candidates:
        at = table.kolom.index(header)
        printed = [value for _, row in rows if row[at] is not None
                   and (value := context.loaded.table_value(table, header, row[at])).kind != "none"]
        if not table.kolom_angka and (not printed or any(
                not value.has_number or value.label is not None for value in printed)):
            continue
        numbers.append(header)
        if any(value.percent for value in printed):
            percent.add(header)
    return tuple(numbers), frozenset(percent)


def _one_kind(headers: list[str], kinds: tuple[str, ...]) -> bool:
    """The headers name one kind of value: each contains the same words of ``kinds`` (none at
    all for 'L' and 'P'; 'Realisasi 2019' and 'Realisasi 2020'; not 'Target' and 'Realisasi'),
    and those that end with a unit end with the same one ('Luas (Ha)', 'Produksi (Ton)' not)."""
    words = {frozenset(kind for kind in kinds if kind.casefold() in header.casefold())
             for header in headers}
    units = {unit for header in headers if (unit := header_unit(header)[1]) is not None}
    return len(words) == 1 and len(units) <= 1


# -- which columns of a table are derived, and from what -----------------------------------
def year_columns(table: Table, candidates: list[str]) -> dict[str, int]:
    """Columns about one year: declared in ``kolom_tahun`` or with one year in the header."""
    years = {}
    for header in candidates:
        if header in table.kolom_tahun:
            years[header] = table.kolom_tahun[header]
        else:
            found = _YEAR.findall(header)
            if len(found) == 1:
                years[header] = int(found[0])
    return years


def _bind(declaration: DerivedColumn, table: Table, column: str,
          known: Columns) -> dict[str, list[str]] | None:
    """The columns each name of the declaration stands for in this table, or None when a name
    finds no column or more than one (ambiguous). A set of columns (``kolom angka lain``,
    ``kolom angka sebelumnya``) leaves out the computed ones: results, not values; the columns
    of a sum must be at least two, none a percentage, all of one kind."""
    others = [h for h in table.kolom if h not in (column, table.kolom_label)]
    years = year_columns(table, others)
    ordered = sorted(years, key=years.get)
    two_years = len(ordered) == 2 and years[ordered[0]] != years[ordered[1]]
    own_year = year_columns(table, [column]).get(column)
    bound: dict[str, list[str]] = {}
    for binding in declaration.bindings:
        if binding.kind == "header":
            found = [h for h in others if binding.test.matches(h)]
            if len(found) > 1 and own_year is not None:
                # 'Capaian 2020' is computed from 'Realisasi 2020', not 'Realisasi 2019'
                found = [h for h in found if years.get(h) == own_year]
            if len(found) != 1:
                return None
        elif binding.kind in ("latest_year", "earlier_year"):
            if not two_years:
                return None
            found = [ordered[1] if binding.kind == "latest_year" else ordered[0]]
        elif binding.kind == "numbers_before":  # the parts of a total, between label and total
            label_at, own_at = table.kolom.index(table.kolom_label), table.kolom.index(column)
            found = [h for h in known.numbers if label_at < table.kolom.index(h) < own_at
                     and h not in known.computed and h not in known.percent
                     and binding.test.matches(h)]
            if len(found) < 2 or not _one_kind(found, binding.kinds):
                return None
        else:  # numbers: the row's other number columns, to be averaged
            found = [h for h in known.numbers if h != column and h not in known.computed]
            if len(found) < 2:
                return None
        bound[binding.name] = found
    return bound


def _substitute(expression: Expression, bound: dict[str, list[str]]) -> Expression:
    """The expression with every bound name replaced by its column(s)."""
    if isinstance(expression, Variable):
        return Column(bound[expression.name][0])
    if isinstance(expression, Negate):
        return Negate(_substitute(expression.operand, bound))
    if isinstance(expression, Binary):
        return Binary(expression.operator, _substitute(expression.left, bound),
                      _substitute(expression.right, bound))
    if isinstance(expression, Call):
        arguments: list[Expression] = []
        for argument in expression.arguments:
            if expression.function in VARIADIC_FUNCTIONS and isinstance(argument, Variable):
                arguments.extend(Column(header) for header in bound[argument.name])
            else:
                arguments.append(_substitute(argument, bound))
        return Call(expression.function, tuple(arguments))
    return expression


def _recognise(declaration: DerivedColumn, table: Table, column: str,
               known: Columns) -> TableFormula | None:
    if not declaration.header.matches(column):
        return None
    bound = _bind(declaration, table, column, known)
    if bound is None:
        return None
    expression = _substitute(declaration.formula, bound)
    negative = (_substitute(declaration.negative, bound)
                if declaration.negative is not None else None)
    used = columns(expression) | (columns(negative) if negative is not None else set())
    if column in used or not used <= set(table.kolom):
        return None
    return TableFormula(column, expression, negative)


def table_formulas(context: Context, table: Table) -> list[TableFormula]:
    """The derived columns of a table: the data file's ``rumus`` first, then the rule files'
    exact headers, then the headers recognised by pattern — each only when it is certain.

    An average of "the other number columns" must not take in the other derived columns
    (a Perubahan (%) beside 2018 and 2019), so the columns are recognised twice: first to
    learn which are computed, then with those left out of every set of columns."""
    numbers, percent = number_columns(context, table)
    declared = frozenset(table.rumus) | frozenset(filter(None, [table.kolom_total]))
    _, recognised = _table_formulas(context, table, Columns(numbers, percent, declared))
    return _table_formulas(context, table, Columns(numbers, percent, declared | recognised))[0]


def _table_formulas(context: Context, table: Table,
                    known: Columns) -> tuple[list[TableFormula], frozenset[str]]:
    """The formulas found, and every column some declaration recognises (ambiguous too). A
    declared total (``kolom_total``) is the data file's: its parts are ``kolom_angka``."""
    found: list[TableFormula] = []
    recognised: set[str] = set()
    declarations = context.config.derived_columns
    exact = [d for d in declarations if d.header.exact is not None]
    patterns = [d for d in declarations if d.header.exact is None]
    for column in table.kolom:
        if column in (table.kolom_label, table.kolom_total):
            continue
        if column in table.rumus:
            found.append(TableFormula(column, data_formula(table.rumus[column]), declared=True))
            continue
        for group in (exact, patterns):
            candidates = {formula for d in group
                          if (formula := _recognise(d, table, column, known)) is not None}
            if candidates:  # recognised here, or ambiguous: a less specific group does not guess
                recognised.add(column)
                if len(candidates) == 1:
                    found.append(candidates.pop())
                break
    # two columns recognised with one formula ('Capaian 2018' and 'Capaian 2019' from the only
    # Target and Realisasi): which one it describes is a guess, so neither is checked
    shared = [f.expression for f in found if not f.declared]
    return ([f for f in found if f.declared or shared.count(f.expression) == 1],
            frozenset(recognised))


# -- what a wrong stated value was computed with --------------------------------------------
def known_mistakes(expression: Expression) -> list[tuple[str, Expression]]:
    """Wrong formulas a report's author is known to use instead of ``expression``: named by a
    catalogue key, derived from the shape of the formula."""
    if (isinstance(expression, Binary) and expression.operator == "*"
            and expression.right == _HUNDRED and isinstance(expression.left, Binary)
            and expression.left.operator == "/"):
        top, bottom = expression.left.left, expression.left.right
        if (isinstance(top, Binary) and top.operator == "-" and top.right == bottom):
            later, earlier = top.left, top.right  # (later - earlier) / earlier * 100
            return [("mistake.ratio-not-change", Binary("*", Binary("/", later, earlier), _HUNDRED)),
                    ("mistake.over-later", Binary("*", Binary("/", top, later), _HUNDRED)),
                    ("mistake.difference", top),
                    ("mistake.reversed",
                     Binary("*", Binary("/", Binary("-", earlier, later), earlier), _HUNDRED))]
        return [("mistake.inverse-ratio", Binary("*", Binary("/", bottom, top), _HUNDRED)),
                ("mistake.difference", Binary("-", top, bottom)),
                ("mistake.minus-100", Binary("-", expression, _HUNDRED))]
    if isinstance(expression, Binary) and expression.operator == "-":
        return [("mistake.reversed", Binary("-", expression.right, expression.left))]
    return []


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def _shown(expression: Expression, least: int = 0) -> str:
    """A formula as a reviewer writes it: parentheses only where the order needs them."""
    if isinstance(expression, Binary):
        own = _PRECEDENCE[expression.operator]
        text = (f"{_shown(expression.left, own)} {expression.operator} "
                f"{_shown(expression.right, own + 1)}")
        return f"({text})" if own < least else text
    if isinstance(expression, Negate):
        return f"-{_shown(expression.operand, 3)}"
    if isinstance(expression, Call):
        return f"{expression.function}({', '.join(_shown(a) for a in expression.arguments)})"
    return render(expression)


# -- the check -------------------------------------------------------------------------------
def _row_values(context: Context, table: Table, row: list, expression: Expression) -> dict:
    values: dict[str, Decimal | None] = {}
    for header in columns(expression):
        raw = row[table.kolom.index(header)]
        value = context.loaded.table_value(table, header, raw) if raw is not None else None
        values[Column(header).key] = value.number if value is not None and value.has_number else None
    return values


def _compute(context: Context, table: Table, row: list, expression: Expression) -> Decimal | None:
    try:
        return evaluate(expression, _row_values(context, table, row, expression))
    except NotComputable:
        return None


def _explain(context: Context, table: Table, row: list, value, formula: TableFormula,
             negative_row: bool, style: NumberStyle):
    """The wrong formula the stated value fits, as a message argument ('' when none)."""
    mistakes = known_mistakes(formula.negative if negative_row else formula.expression)
    if negative_row:  # the classic one: the positive formula for a lower-is-better indicator
        mistakes.insert(0, ("mistake.positive-formula", formula.expression))
    for key, expression in mistakes:
        alternative = _compute(context, table, row, expression)
        if alternative is not None and judge(context, value, alternative, True)[0] is not Verdict.DIFFERS:
            shown = context.config.rounding.apply(alternative, max(value.decimals or 0, 2))
            return Text("explain.wrong-formula", (("name", term(key)), ("formula", _shown(expression)),
                                                  ("alternative", context.number(shown, style=style))))
    return ""


def kolom_turunan(context: Context, params: Params) -> Iterator[Fact]:
    """Every data row of every table with a derived column: the stated cell against its formula."""
    wanted = {VERDICTS[name] for name in params["hasil"]}
    for table_index, table in enumerate(context.loaded.report.tabel):
        formulas = [f for f in table_formulas(context, table) if not f.total]  # jumlah_baris'
        if not formulas:
            continue
        label_at = table.kolom.index(table.kolom_label)
        for row_index, row in data_rows(table):
            for formula in formulas:
                yield from _check_cell(context, table_index, table, row_index, row, label_at,
                                       formula, wanted)


def _check_cell(context, table_index, table, row_index, row, label_at, formula: TableFormula,
                wanted) -> Iterator[Fact]:
    at = table.kolom.index(formula.column)
    raw = row[at]
    value = context.loaded.table_value(table, formula.column, raw) if raw is not None else None
    if value is None or not value.has_number or value.label is not None:
        return  # empty, words, or a number with words around it ('Turun 5 %'): not read
    label = row[label_at] or str(row_index + 1)
    negative_row = formula.negative is not None and context.config.polarity_of(
        label, None, False) is Polarity.NEGATIF
    expression = formula.negative if negative_row else formula.expression
    exact = _compute(context, table, row, expression)
    if exact is None:
        return
    verdict, difference = judge(context, value, exact, True)
    if verdict is Verdict.MATCH or verdict not in wanted:
        return
    if formula.negative is not None and not negative_row:
        # polarity unknown: a value the negative formula gives is not a finding
        other = _compute(context, table, row, formula.negative)
        if other is not None and judge(context, value, other, True)[0] is not Verdict.DIFFERS:
            return
    style = context.loaded.table_style(table, formula.column)  # the fix is written in the cell's
    explanation = (_explain(context, table, row, value, formula, negative_row, style)
                   if verdict is Verdict.DIFFERS else "")
    decimals = value.decimals or 0
    expected = context.number(
        context.config.rounding.replacement(exact, decimals, verdict is Verdict.DIFFERS), style=style)
    location = table_location(context, table_index, row_index, at)
    related = tuple(table_location(context, table_index, row_index, table.kolom.index(header))
                    for header in sorted(columns(expression), key=table.kolom.index))
    values = {"subjek": Subject("tabel", table.id), "tempat": table.di, "baris": label, "kolom": formula.column,
              "rumus": _shown(expression), "selisih": context.number(difference, style=style),
              "tepat": context.number(exact.quantize(Decimal("0.0001")), style=style),
              "penjelasan": explanation}
    yield Fact(location, values, related, raw, expected,
               Fix(location, written_like(expected, raw), safe=True))

