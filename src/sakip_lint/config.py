"""The capaian configuration: formulas, scales, rounding and options in one structure.

Regions, years and regulations differ in all of these, so none of them is a literal in the
engine: the rule files (``rules/*.sakip``) are compiled into one ``CapaianConfig`` and the
engine only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from sakip_lint.expressions import Expression
from sakip_lint.model import Polarity


class RoundingMode(StrEnum):
    HALF_UP = "setengah-ke-atas"
    DOWN = "potong"  # truncation, as some e-SAKIP tools and spreadsheets print
    HALF_EVEN = "setengah-genap"

    @property
    def decimal_mode(self) -> str:
        return {"setengah-ke-atas": ROUND_HALF_UP, "potong": ROUND_DOWN,
                "setengah-genap": ROUND_HALF_EVEN}[self.value]


@dataclass(frozen=True)
class Rounding:
    decimals: int = 2
    mode: RoundingMode = RoundingMode.HALF_UP

    def apply(self, value: Decimal, decimals: int | None = None) -> Decimal:
        places = self.decimals if decimals is None else decimals
        return value.quantize(Decimal(1).scaleb(-places), rounding=self.mode.decimal_mode)


@dataclass(frozen=True)
class Band:
    """One category of a scale; a missing bound is open-ended."""

    label: str
    low: Decimal | None = None
    high: Decimal | None = None
    low_closed: bool = True
    high_closed: bool = True

    def contains(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_closed)):
            return False
        if self.high is not None and (value > self.high or (value == self.high and not self.high_closed)):
            return False
        return True

    def describe(self) -> str:
        low = "" if self.low is None else ("≥ " if self.low_closed else "> ") + str(self.low)
        high = "" if self.high is None else ("≤ " if self.high_closed else "< ") + str(self.high)
        return " dan ".join(part for part in (low, high) if part)


@dataclass(frozen=True)
class Scale:
    name: str
    bands: tuple[Band, ...]
    first_year: int | None = None
    last_year: int | None = None

    def applies_to(self, year: int) -> bool:
        return ((self.first_year is None or year >= self.first_year)
                and (self.last_year is None or year <= self.last_year))

    def classify(self, value: Decimal) -> str | None:
        """The label of the first band holding ``value``; None when it falls in a gap."""
        for band in self.bands:
            if band.contains(value):
                return band.label
        return None


@dataclass(frozen=True)
class Formula:
    kind: str  # a polarity, or rentang_bawah / rentang_atas for range targets
    expression: Expression
    text: str  # as written in the rule file, for messages and `explain`


@dataclass(frozen=True)
class WrongFormula:
    """A formula some tools or reports use by mistake; it can explain a wrong stated capaian."""

    name: str
    polarity: Polarity
    expression: Expression
    text: str


@dataclass(frozen=True)
class PolarityPattern:
    """Indicators whose text contains ``phrase`` (case-insensitive) have ``polarity``."""

    phrase: str
    polarity: Polarity


class MissingValue(StrEnum):
    SKIP = "dilewati"  # left out of averages, as the guidelines say
    ZERO = "nol"  # counted as 0 (some tools do)


class ZeroTarget(StrEnum):
    NOT_COMPUTABLE = "tidak_dapat_dihitung"
    HUNDRED_IF_ZERO = "seratus_bila_realisasi_nol"  # target 0 met by realisasi 0 is 100 %


class Aggregate(StrEnum):
    SASARAN = "rata_rata_sasaran"  # overall = mean of sasaran capaian
    INDIKATOR = "rata_rata_indikator"  # overall = mean of all indicator capaian


@dataclass(frozen=True)
class CapaianConfig:
    formulas: dict[str, Formula]  # by polarity, and rentang_bawah / rentang_atas
    category_scale: Scale
    rounding: Rounding = Rounding()
    tolerance: Decimal = Decimal("0.01")  # a difference up to this is a rounding matter
    cap: Decimal | None = None  # e.g. 120: capaian above it is shown as the cap
    polarity_default: Polarity = Polarity.POSITIF
    polarity_patterns: tuple[PolarityPattern, ...] = ()
    missing_realisasi: MissingValue = MissingValue.SKIP
    overall: Aggregate = Aggregate.SASARAN
    zero_target: ZeroTarget = ZeroTarget.NOT_COMPUTABLE
    inside_range: Decimal = Decimal(100)  # capaian of a realisasi inside a target band
    wrong_formulas: tuple[WrongFormula, ...] = ()
    scales: dict[str, tuple[Scale, ...]] = field(default_factory=dict)  # by name, per years

    def scale(self, name: str, year: int | None = None) -> Scale | None:
        """The scale ``name`` in force in ``year`` (the first declared one without years)."""
        for scale in self.scales.get(name, ()):
            if year is None or scale.applies_to(year):
                return scale
        return None

    def polarity_of(self, text: str, declared: Polarity | None, qualitative: bool) -> Polarity:
        """Declared polarity first, then the qualitative type, then text patterns, then default."""
        if declared is not None:
            return declared
        if qualitative:
            return Polarity.KUALITATIF
        folded = text.casefold()
        for pattern in self.polarity_patterns:
            if pattern.phrase.casefold() in folded:
                return pattern.polarity
        return self.polarity_default
