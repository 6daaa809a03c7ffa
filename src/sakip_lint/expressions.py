"""Arithmetic expressions of the rule files, evaluated exactly with Decimal.

Formulas are data (``realisasi / target * 100``): the DSL parses them into these nodes and the
engine evaluates them with named values. Rule text is never handed to Python's ``eval``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import (ROUND_DOWN, ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, Overflow,
                     localcontext)

from sakip_lint.limits import arithmetic_context, current


class NotComputable(Exception):
    """An expression cannot be evaluated: a value is missing or a divisor is zero."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # a message key of the catalogue


@dataclass(frozen=True)
class Number:
    value: Decimal


@dataclass(frozen=True)
class Variable:
    name: str


@dataclass(frozen=True)
class Column:
    """A column of a generic table, by its header (``kolom "Tahun 2019"``): the cell of the row
    being checked. Only formulas of tables may use it."""

    header: str

    @property
    def key(self) -> str:
        """The name its value is given under; a header cannot collide with a variable name."""
        return column_key(self.header)


def column_key(header: str) -> str:
    return "kolom " + header


@dataclass(frozen=True)
class Negate:
    operand: Expression


@dataclass(frozen=True)
class Binary:
    operator: str  # one of + - * /
    left: Expression
    right: Expression


@dataclass(frozen=True)
class Call:
    """A built-in function: bulat(x, n), potong(x, n), min(a, b), max(a, b), and for table
    columns rata_rata(...) and jumlah(...)."""

    function: str
    arguments: tuple[Expression, ...]


Expression = Number | Variable | Column | Negate | Binary | Call

# name -> number of arguments
FUNCTIONS = {"bulat": 2, "potong": 2, "min": 2, "max": 2}
# functions of table formulas only, taking any number (at least one) of arguments
# (jumlah: the sum of the values printed among them; an empty cell or '-' adds nothing)
VARIADIC_FUNCTIONS = frozenset({"rata_rata", "jumlah"})


def variables(expression: Expression) -> set[str]:
    """The names an expression reads, to reject unknown ones when rules are loaded."""
    if isinstance(expression, Variable):
        return {expression.name}
    if isinstance(expression, Negate):
        return variables(expression.operand)
    if isinstance(expression, Binary):
        return variables(expression.left) | variables(expression.right)
    if isinstance(expression, Call):
        return set().union(*(variables(argument) for argument in expression.arguments))
    return set()


def columns(expression: Expression) -> set[str]:
    """The table columns (headers) an expression reads."""
    if isinstance(expression, Column):
        return {expression.header}
    if isinstance(expression, Negate):
        return columns(expression.operand)
    if isinstance(expression, Binary):
        return columns(expression.left) | columns(expression.right)
    if isinstance(expression, Call):
        return set().union(*(columns(argument) for argument in expression.arguments))
    return set()


def calls(expression: Expression) -> list[Call]:
    """Every function call in an expression, to check names and argument counts at load time."""
    if isinstance(expression, Call):
        return [expression] + [c for argument in expression.arguments for c in calls(argument)]
    if isinstance(expression, Negate):
        return calls(expression.operand)
    if isinstance(expression, Binary):
        return calls(expression.left) + calls(expression.right)
    return []


def evaluate(expression: Expression, values: Mapping[str, Decimal | None]) -> Decimal:
    """The value of ``expression``; raises NotComputable for a missing value, a zero divisor
    or a result beyond the arithmetic limits (an overflow, a rounding to more decimals than
    allowed): the caller reports it on the cell, never as an internal error."""
    with localcontext(arithmetic_context()):
        try:
            result = _evaluate(expression, values)
        except DivisionByZero:
            raise NotComputable("capaian.not-computable.zero-divisor") from None
        except (InvalidOperation, Overflow):
            raise NotComputable("capaian.not-computable.too-large") from None
        limits = current()
        if result.adjusted() + 1 + limits.max_decimals > limits.precision:
            raise NotComputable("capaian.not-computable.too-large")  # rounding it would fail
        return result


def _evaluate(expression: Expression, values: Mapping[str, Decimal | None]) -> Decimal:
    if isinstance(expression, Number):
        return expression.value
    if isinstance(expression, (Variable, Column)):
        value = values.get(expression.name if isinstance(expression, Variable) else expression.key)
        if value is None:
            raise NotComputable("capaian.not-computable.missing-value")
        return value
    if isinstance(expression, Negate):
        return -_evaluate(expression.operand, values)
    if isinstance(expression, Call) and expression.function == "jumlah":
        printed = [value for argument in expression.arguments
                   if (value := _printed(argument, values)) is not None]
        if not printed:
            raise NotComputable("capaian.not-computable.missing-value")
        return sum(printed)
    if isinstance(expression, Call):
        return _call(expression, [_evaluate(argument, values) for argument in expression.arguments])
    left = _evaluate(expression.left, values)
    right = _evaluate(expression.right, values)
    if expression.operator == "+":
        return left + right
    if expression.operator == "-":
        return left - right
    if expression.operator == "*":
        return left * right
    if right == 0:
        raise NotComputable("capaian.not-computable.zero-divisor")
    return left / right


def _printed(expression: Expression, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """The value of one part of a sum, or None when a value it needs is not printed."""
    try:
        return _evaluate(expression, values)
    except NotComputable as problem:
        if problem.reason == "capaian.not-computable.missing-value":
            return None
        raise


def _call(call: Call, arguments: list[Decimal]) -> Decimal:
    if call.function == "min":
        return min(arguments)
    if call.function == "max":
        return max(arguments)
    if call.function == "rata_rata":
        return sum(arguments) / len(arguments)
    value, places = arguments
    if not places_allowed(places):
        raise NotComputable("capaian.not-computable.bad-decimals")
    mode = ROUND_HALF_UP if call.function == "bulat" else ROUND_DOWN
    return value.quantize(Decimal(1).scaleb(-int(places)), rounding=mode)


ROUNDING_FUNCTIONS = frozenset({"bulat", "potong"})


def places_allowed(places: Decimal) -> bool:
    """Whether ``places`` can be the decimals of bulat/potong: a whole number from 0 to
    ``limits.max_decimals`` (``bulat(x, 99999999)`` would build a number of a hundred million
    digits)."""
    return (places.is_finite() and places == places.to_integral_value()
            and 0 <= places <= current().max_decimals)


def depth(expression: Expression) -> int:
    """How deeply an expression nests: evaluation recurses this deep."""
    if isinstance(expression, Negate):
        return 1 + depth(expression.operand)
    if isinstance(expression, Binary):
        return 1 + max(depth(expression.left), depth(expression.right))
    if isinstance(expression, Call):
        return 1 + max((depth(argument) for argument in expression.arguments), default=0)
    return 1


def constants(expression: Expression) -> list[Decimal]:
    """Every number written in an expression, to bound them when rules are loaded."""
    if isinstance(expression, Number):
        return [expression.value]
    if isinstance(expression, Negate):
        return constants(expression.operand)
    if isinstance(expression, Binary):
        return constants(expression.left) + constants(expression.right)
    if isinstance(expression, Call):
        return [c for argument in expression.arguments for c in constants(argument)]
    return []


def render(expression: Expression) -> str:
    """The expression as text, fully parenthesised where needed."""
    if isinstance(expression, Number):
        return str(expression.value)
    if isinstance(expression, Variable):
        return expression.name
    if isinstance(expression, Column):
        return f'kolom "{expression.header}"'
    if isinstance(expression, Negate):
        return f"-{render(expression.operand)}"
    if isinstance(expression, Call):
        return f"{expression.function}({', '.join(render(a) for a in expression.arguments)})"
    return f"({render(expression.left)} {expression.operator} {render(expression.right)})"
