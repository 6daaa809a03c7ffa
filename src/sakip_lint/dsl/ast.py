"""Typed, frozen statements of a rule file, each with the position it was written at."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip_lint.expressions import Expression


@dataclass(frozen=True)
class Position:
    file: str
    line: int
    column: int


@dataclass(frozen=True)
class RoundingStatement:
    position: Position
    decimals: Decimal
    mode: str


@dataclass(frozen=True)
class ToleranceStatement:
    position: Position
    value: Decimal


@dataclass(frozen=True)
class PolarityDefaultStatement:
    position: Position
    polarity: str


@dataclass(frozen=True)
class PolarityPatternStatement:
    position: Position
    polarity: str
    phrase: str


@dataclass(frozen=True)
class FormulaStatement:
    position: Position
    polarity: str
    expression: Expression
    text: str


@dataclass(frozen=True)
class BandSpec:
    position: Position
    label: str
    low: Decimal | None
    high: Decimal | None
    low_closed: bool
    high_closed: bool


@dataclass(frozen=True)
class ScaleStatement:
    position: Position
    name: str
    bands: tuple[BandSpec, ...]
    first_year: int | None = None  # the years the scale is in force; None: open-ended
    last_year: int | None = None


@dataclass(frozen=True)
class OptionStatement:
    position: Position
    name: str
    value: str




@dataclass(frozen=True)
class WrongFormulaStatement:
    """A formula known to be used by mistake; stated values it reproduces are explained by it."""

    position: Position
    name: str
    polarity: str
    expression: Expression
    text: str


@dataclass(frozen=True)
class RuleItem:
    position: Position
    kind: str  # severity | check | message | basis | doc | example | param
    key: str | None  # the language, example kind or parameter name
    values: tuple[str, ...]


@dataclass(frozen=True)
class RuleStatement:
    position: Position
    code: str
    name: str
    items: tuple[RuleItem, ...]


@dataclass(frozen=True)
class DisableStatement:
    position: Position
    codes: tuple[str, ...]


Statement = (RoundingStatement | ToleranceStatement | PolarityDefaultStatement
             | PolarityPatternStatement | FormulaStatement | WrongFormulaStatement | ScaleStatement
             | OptionStatement | RuleStatement | DisableStatement)
