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
class RoundingHabitsStatement:
    """Other ways of rounding a report may use that count as a rounding habit, not an error."""

    position: Position
    modes: tuple[str, ...]


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
    aliases: tuple[str, ...] = ()  # other names of the band (``"Tinggi" / "Baik" : ...``)


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
class AnnualTargetStatement:
    """The roles of the tables an indicator's annual target is read from, in order."""

    position: Position
    roles: tuple[str, ...]
    positions: tuple[Position, ...]  # where each role is written


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
    kind: str  # severity | check | message | basis | advice | aspect | doc | example | param
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


@dataclass(frozen=True)
class HeaderTestSpec:
    """Which headers a test accepts: each group of ``any_of`` must have a phrase in the header
    (case aside), and no phrase of ``none_of`` may be in it."""

    any_of: tuple[tuple[str, ...], ...]
    none_of: tuple[str, ...] = ()
    named: tuple[str, ...] = ()  # ``bernama``: the header is one of these, a unit in () aside


@dataclass(frozen=True)
class BindingSpec:
    """A name of a derived column's formula bound to a column of the table."""

    position: Position
    name: str
    kind: str  # header | latest_year | earlier_year | numbers | numbers_before
    test: HeaderTestSpec | None = None
    kinds: tuple[str, ...] = ()  # numbers_before: ``sejenis``, the words that tell kinds apart


@dataclass(frozen=True)
class DerivedFormulaSpec:
    position: Position
    polarity: str | None  # None: every row; 'negatif': rows of negative indicators
    expression: Expression
    text: str


@dataclass(frozen=True)
class DerivedStatement:
    """``turunan "name" jika kolom memuat ... { bindings, rumus }``: a column recognised by its
    header in any table, and how it is computed from the other columns of its row."""

    position: Position
    name: str
    header: HeaderTestSpec
    bindings: tuple[BindingSpec, ...]
    formulas: tuple[DerivedFormulaSpec, ...]


@dataclass(frozen=True)
class ColumnFormulaStatement:
    """``kolom "Perubahan (%)" = ...``: the formula of a column with exactly this header."""

    position: Position
    header: str
    expression: Expression
    text: str


@dataclass(frozen=True)
class CellSpec:
    position: Position
    table: str
    row: str
    column: str


@dataclass(frozen=True)
class EqualityStatement:
    """``kesamaan tabel .. baris .. kolom .. = tabel ..``: cells several tables must agree on."""

    position: Position
    cells: tuple[CellSpec, ...]


Statement = (RoundingStatement | RoundingHabitsStatement | ToleranceStatement | PolarityDefaultStatement
             | PolarityPatternStatement | FormulaStatement | WrongFormulaStatement | ScaleStatement
             | OptionStatement | AnnualTargetStatement | RuleStatement | DisableStatement | DerivedStatement
             | ColumnFormulaStatement | EqualityStatement)
