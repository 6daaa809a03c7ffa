"""Compiling the table statements of the rule language: derived columns and equalities of cells.

What the grammar cannot say is checked here, once, for rule files and data files alike: a
formula names only the columns it has bound, calls only known functions, and a set of columns
(``kolom angka lain``) is only averaged, never used as one number.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from sakip_lint.config import CellEquality, CellRef, ColumnBinding, DerivedColumn, HeaderTest
from sakip_lint.expressions import (FUNCTIONS, ROUNDING_FUNCTIONS, VARIADIC_FUNCTIONS, Binary, Call,
                                    Expression, Negate, Number, Variable, calls, constants, depth,
                                    places_allowed, variables)
from sakip_lint.limits import current

if TYPE_CHECKING:  # a rule file's statements, compiled here: the compiler imports them
    from sakip_lint.dsl import ast

Problem = tuple[str, dict[str, object]]  # a catalogue key and its arguments
COLUMN_SETS = frozenset({"numbers", "numbers_before"})  # bindings that stand for several columns


def formula_problems(expression: Expression, names: Iterable[str] = (),
                     sets: Iterable[str] = ()) -> list[Problem]:
    """Why a table formula cannot be used: unknown names or functions, wrong argument counts,
    a set of columns used as a number. ``names`` are the bound single columns."""
    names, sets = set(names), set(sets)
    allowed = names | sets
    problems: list[Problem] = []
    for name in sorted(variables(expression) - allowed):
        problems.append(("dsl.unknown-variable",
                         {"name": name, "allowed": ", ".join(sorted(allowed)) or 'kolom "..."'}))
    for call in calls(expression):
        if call.function in VARIADIC_FUNCTIONS:
            if not call.arguments:
                problems.append(("dsl.function-arguments",
                                 {"name": call.function, "expected": "1+", "found": 0}))
        elif call.function not in FUNCTIONS:
            problems.append(("dsl.unknown-function", {
                "name": call.function,
                "allowed": ", ".join(sorted(set(FUNCTIONS) | VARIADIC_FUNCTIONS))}))
        elif len(call.arguments) != FUNCTIONS[call.function]:
            problems.append(("dsl.function-arguments", {"name": call.function,
                                                        "expected": FUNCTIONS[call.function],
                                                        "found": len(call.arguments)}))
    for name in sorted(_sets_used_as_numbers(expression, sets)):
        problems.append(("dsl.column-set-as-number", {"name": name}))
    return problems + bound_problems(expression)


def bound_problems(expression: Expression) -> list[Problem]:
    """What makes a formula's arithmetic unbounded, found before it ever runs: a constant
    beyond ``limits.max_digits`` / ``max_decimals``, a constant number of decimals for bulat or
    potong outside 0..max_decimals, a formula nested deeper than ``max_formula_depth``.
    (Decimals computed at run time are checked when they are used: a finding, not a crash.)"""
    limits = current()
    problems: list[Problem] = []
    if depth(expression) > limits.max_formula_depth:
        problems.append(("dsl.formula-too-deep", {"limit": limits.max_formula_depth}))
        return problems  # the walks below recurse as deep as the formula
    for value in constants(expression):
        decimals = max(-value.as_tuple().exponent, 0)
        if abs(value) >= limits.max_constant or decimals > limits.max_decimals:
            problems.append(("dsl.constant-too-large", {
                "value": _shown(value), "digits": limits.max_digits,
                "decimals": limits.max_decimals}))
    for call in calls(expression):
        if call.function in ROUNDING_FUNCTIONS and len(call.arguments) == 2:
            places = call.arguments[1]
            if isinstance(places, Negate) and isinstance(places.operand, Number):
                places = Number(-places.operand.value)
            if isinstance(places, Number) and not places_allowed(places.value):
                problems.append(("dsl.bad-places", {"name": call.function,
                                                    "value": _shown(places.value),
                                                    "limit": limits.max_decimals}))
    return problems


def _sets_used_as_numbers(expression: Expression, sets: set[str]) -> set[str]:
    if isinstance(expression, Variable):
        return {expression.name} & sets
    if isinstance(expression, Negate):
        return _sets_used_as_numbers(expression.operand, sets)
    if isinstance(expression, Binary):
        return (_sets_used_as_numbers(expression.left, sets)
                | _sets_used_as_numbers(expression.right, sets))
    if isinstance(expression, Call):
        found: set[str] = set()
        for argument in expression.arguments:
            if not (expression.function in VARIADIC_FUNCTIONS and isinstance(argument, Variable)):
                found |= _sets_used_as_numbers(argument, sets)
        return found
    return set()


def _shown(value) -> str:
    """A constant as written (no exponent), cut short when it is very long."""
    text = format(value, "f")
    return text if len(text) <= 40 else text[:40] + "…"


def header_test(spec: ast.HeaderTestSpec) -> HeaderTest:
    return HeaderTest(spec.any_of, spec.none_of, named=spec.named)


def derived_column(statement: ast.DerivedStatement, report) -> DerivedColumn | None:
    """A ``turunan`` statement as configuration; ``report(position, key, **args)`` collects
    the problems (None is returned when there are any)."""
    count = 0

    def problem(position: ast.Position, key: str, **args: object) -> None:
        nonlocal count
        count += 1
        report(position, key, **args)

    bindings: dict[str, ColumnBinding] = {}
    for binding in statement.bindings:
        if binding.name in bindings:
            problem(binding.position, "dsl.duplicate-item", item=binding.name, code=statement.name)
        test = header_test(binding.test) if binding.test is not None else None
        bindings[binding.name] = ColumnBinding(binding.name, binding.kind, test, binding.kinds)
    sets = {name for name, binding in bindings.items() if binding.kind in COLUMN_SETS}
    formulas: dict[str | None, ast.DerivedFormulaSpec] = {}
    for formula in statement.formulas:
        if formula.polarity in formulas:
            item = "rumus" + (f" {formula.polarity}" if formula.polarity else "")
            problem(formula.position, "dsl.duplicate-item", item=item, code=statement.name)
        if formula.polarity not in (None, "negatif"):
            problem(formula.position, "dsl.derived-polarity", polarity=formula.polarity)
        formulas[formula.polarity] = formula
        for key, args in formula_problems(formula.expression, set(bindings) - sets, sets):
            problem(formula.position, key, **args)
    if None not in formulas:
        problem(statement.position, "dsl.derived-no-formula", name=statement.name)
    if count:
        return None
    negative = formulas.get("negatif")
    return DerivedColumn(statement.name, header_test(statement.header), tuple(bindings.values()),
                         formulas[None].expression, formulas[None].text,
                         negative.expression if negative else None,
                         negative.text if negative else None)


def exact_column(statement: ast.ColumnFormulaStatement, report) -> DerivedColumn | None:
    """A ``rumus kolom "Header" = ...`` statement: the formula of columns with exactly that
    header, written with ``kolom "..."`` only."""
    problems = formula_problems(statement.expression)
    for key, args in problems:
        report(statement.position, key, **args)
    if problems:
        return None
    return DerivedColumn(f'kolom "{statement.header}"', HeaderTest(exact=statement.header), (),
                         statement.expression, statement.text)


def cell_equality(cells: tuple[ast.CellSpec, ...], text: str = "") -> CellEquality:
    return CellEquality(tuple(CellRef(cell.table, cell.row, cell.column) for cell in cells), text)



@lru_cache(maxsize=1024)
def data_formula(text: str) -> Expression:
    """A table's ``rumus`` from a data file, read once; raises DslError (positions in ``text``)."""
    from sakip_lint.dsl.parser import parse_formula  # lark: only for a report that needs it

    return parse_formula(text, "rumus")


@lru_cache(maxsize=1024)
def data_equality(text: str) -> CellEquality:
    """A ``kesamaan`` entry of a data file, read once; raises DslError."""
    from sakip_lint.dsl.parser import parse_equality

    return cell_equality(parse_equality(text, "kesamaan"), text)
