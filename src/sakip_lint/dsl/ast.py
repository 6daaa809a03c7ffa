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


@dataclass(frozen=True)
class OptionStatement:
    position: Position
    name: str
    value: str


Statement = (RoundingStatement | ToleranceStatement | PolarityDefaultStatement
             | PolarityPatternStatement | FormulaStatement | ScaleStatement | OptionStatement)
