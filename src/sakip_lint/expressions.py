"""Arithmetic expressions of the rule files, evaluated exactly with Decimal.

Formulas are data (``realisasi / target * 100``): the DSL parses them into these nodes and the
engine evaluates them with named values. Rule text is never handed to Python's ``eval``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext


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
class Negate:
    operand: Expression


@dataclass(frozen=True)
class Binary:
    operator: str  # one of + - * /
    left: Expression
    right: Expression


Expression = Number | Variable | Negate | Binary


def variables(expression: Expression) -> set[str]:
    """The names an expression reads, to reject unknown ones when rules are loaded."""
    if isinstance(expression, Variable):
        return {expression.name}
    if isinstance(expression, Negate):
        return variables(expression.operand)
    if isinstance(expression, Binary):
        return variables(expression.left) | variables(expression.right)
    return set()


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
    if isinstance(expression, Variable):
        value = values.get(expression.name)
        if value is None:
            raise NotComputable("capaian.not-computable.missing-value")
        return value
    if isinstance(expression, Negate):
        return -_evaluate(expression.operand, values)
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


def render(expression: Expression) -> str:
    """The expression as text, fully parenthesised where needed."""
    if isinstance(expression, Number):
        return str(expression.value)
    if isinstance(expression, Variable):
        return expression.name
    if isinstance(expression, Negate):
        return f"-{render(expression.operand)}"
    return f"({render(expression.left)} {expression.operator} {render(expression.right)})"
