"""Arithmetic expressions of the rule files, evaluated exactly with Decimal.

Formulas are data (``realisasi / target * 100``): the DSL parses them into these nodes and the
engine evaluates them with named values. Rule text is never handed to Python's ``eval``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, localcontext


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
    """A built-in function: bulat(x, n), potong(x, n), min(a, b), max(a, b)."""

    function: str
    arguments: tuple[Expression, ...]


Expression = Number | Variable | Column | Negate | Binary | Call

# name -> number of arguments
FUNCTIONS = {"bulat": 2, "potong": 2, "min": 2, "max": 2}
# functions of table formulas only, taking any number (at least one) of arguments
VARIADIC_FUNCTIONS = frozenset({"rata_rata"})


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
    """The value of ``expression``; raises NotComputable for a missing value or a zero divisor."""
    with localcontext() as context:
        context.prec = 34
        context.traps[DivisionByZero] = True
        context.traps[InvalidOperation] = True
        return _evaluate(expression, values)


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


def _call(call: Call, arguments: list[Decimal]) -> Decimal:
    if call.function == "min":
        return min(arguments)
    if call.function == "max":
        return max(arguments)
    if call.function == "rata_rata":
        return sum(arguments) / len(arguments)
    value, places = arguments
    mode = ROUND_HALF_UP if call.function == "bulat" else ROUND_DOWN
    return value.quantize(Decimal(1).scaleb(-int(places)), rounding=mode)


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
