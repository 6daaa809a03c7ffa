"""The capaian configuration: formulas, scales, rounding and options in one structure.

Regions, years and regulations differ in all of these, so none of them is a literal in the
engine: the rule files (``rules/*.sakip``) are compiled into one ``CapaianConfig`` and the
engine only reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from sakip_lint.bands import Interval
from sakip_lint.expressions import Expression
from sakip_lint.model import Polarity, Role

_UNIT = re.compile(r"\s*\(([^()]*)\)$")  # 'Jumlah (Rp)': the unit a header ends with


def header_unit(header: str) -> tuple[str, str | None]:
    """A header without the unit in parentheses it ends with, folded, and that unit:
    'Jumlah  (Rp)' -> ('jumlah', 'rp')."""
    folded = " ".join(header.split()).casefold()
    found = _UNIT.search(folded)
    return (folded[:found.start()], found.group(1).strip()) if found else (folded, None)

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

    def replacement(self, exact: Decimal, printed: int, differs: bool) -> Decimal:
        """The value to print instead of a stated one, at the decimals it was printed with: a
        rounding habit is put right at that precision (88 for 87,96 printed 87); a real
        difference too, unless that precision loses the value (73 for 73,33 printed 70): then
        at the rules' decimals."""
        if differs and self.apply(exact, printed) != exact:
            printed = max(printed, self.decimals)
        return self.apply(exact, printed)


def folded_name(text: str) -> str:
    """A category name as it is compared: case and spacing aside ('sangat  baik')."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Band:
    """One category of a scale; a missing bound is open-ended.

    ``aliases`` are other names of the same category: a regulation's words and the words many
    reports print for the same interval (Permendagri 86/2017's 'Tinggi' is the 'Baik' of many
    LKjIP). A printed category is right when it is any name of the right band.
    """

    label: str
    low: Decimal | None = None
    high: Decimal | None = None
    low_closed: bool = True
    high_closed: bool = True
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    @property
    def shown(self) -> str:
        """The band as a finding names it: its first name, then its synonyms."""
        return " / ".join(self.names)

    def named(self, text: str) -> bool:
        """``text`` is one of the band's names."""
        wanted = folded_name(text)
        return any(folded_name(name) == wanted for name in self.names)

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high, self.low_closed, self.high_closed)

    def contains(self, value: Decimal) -> bool:
        return self.interval.contains(value)

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

    def band_of(self, value: Decimal) -> Band | None:
        """The first band holding ``value``; None when it falls in a gap."""
        return next((band for band in self.bands if band.contains(value)), None)

    def classify(self, value: Decimal) -> str | None:
        """The first name of the band holding ``value``; None when it falls in a gap."""
        band = self.band_of(value)
        return None if band is None else band.label

    def name_like(self, band: Band, printed: str) -> str:
        """The name of ``band`` in the words ``printed`` uses: a report that prints 'Sangat
        Baik' (the second name of the top band) is told 'Baik' (the second name of the band
        below), not 'Tinggi'. The first name when ``printed`` is no name of this scale."""
        for other in self.bands:
            for position, name in enumerate(other.names):
                if folded_name(name) == folded_name(printed) and position < len(band.names):
                    return band.names[position]
        return band.label


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
    file: str | None = None  # where the pattern is written, so a reviewer can find and change it
    line: int | None = None


class PolaritySource(StrEnum):
    """Why an indicator has its polarity: shown beside it so a reviewer can correct it."""

    DECLARED = "dinyatakan"  # `polaritas` on the indicator in the data file
    QUALITATIVE = "kualitatif"  # `tipe: kualitatif`
    PATTERN = "pola"  # a `polaritas ... jika teks memuat` pattern of the rules
    DEFAULT = "bawaan"  # `polaritas bawaan` of the rules: nothing else decided


@dataclass(frozen=True, slots=True)
class PolarityDecision:
    polarity: Polarity
    source: PolaritySource
    pattern: PolarityPattern | None = None  # the pattern that decided, for PATTERN


@dataclass(frozen=True)
class HeaderTest:
    """Which column headers a test accepts, case aside: a phrase of every group of ``any_of``
    is in the header and no phrase of ``none_of`` is; or the header is exactly ``exact``; or,
    a unit in parentheses at its end aside ('Jumlah (Rp)'), it is one of ``named``."""

    any_of: tuple[tuple[str, ...], ...] = ()
    none_of: tuple[str, ...] = ()
    exact: str | None = None
    named: tuple[str, ...] = ()

    def matches(self, header: str) -> bool:
        if self.exact is not None:
            return header == self.exact
        folded = " ".join(header.split()).casefold()
        if self.named:
            bare = header_unit(header)[0]
            return any(bare == name.casefold() for name in self.named)
        return (all(any(phrase.casefold() in folded for phrase in group) for group in self.any_of)
                and not any(phrase.casefold() in folded for phrase in self.none_of))


@dataclass(frozen=True)
class ColumnBinding:
    """A name of a derived column's formula and how it finds its column in a table."""

    name: str
    # header (one column matching ``test``) | latest_year | earlier_year | numbers (the other
    # number columns) | numbers_before (those between the label column and this one)
    kind: str
    test: HeaderTest | None = None  # numbers_before: the columns it keeps
    kinds: tuple[str, ...] = ()  # numbers_before: words of which its columns share one, or none


@dataclass(frozen=True)
class DerivedColumn:
    """A column of generic tables computed from the other columns of its row, recognised by
    its header (rule files: ``turunan``, ``rumus kolom``; data files: a table's ``rumus``)."""

    name: str
    header: HeaderTest
    bindings: tuple[ColumnBinding, ...]
    formula: Expression
    text: str
    negative: Expression | None = None  # for rows of indicators the polarity patterns call negative
    negative_text: str | None = None


@dataclass(frozen=True)
class CellRef:
    table: str  # the table's id
    row: str  # the label of the row (in the table's kolom_label)
    column: str


@dataclass(frozen=True)
class CellEquality:
    """Cells several tables print that must agree (``kesamaan``)."""

    cells: tuple[CellRef, ...]
    text: str = ""


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
    # other roundings at the printed precision that count as a habit (a warning), not an error
    rounding_habits: tuple[RoundingMode, ...] = (RoundingMode.DOWN, RoundingMode.HALF_EVEN)
    cap: Decimal | None = None  # e.g. 120: capaian above it is shown as the cap
    polarity_default: Polarity = Polarity.POSITIF
    polarity_patterns: tuple[PolarityPattern, ...] = ()
    missing_realisasi: MissingValue = MissingValue.SKIP
    overall: Aggregate = Aggregate.SASARAN
    zero_target: ZeroTarget = ZeroTarget.NOT_COMPUTABLE
    inside_range: Decimal = Decimal(100)  # capaian of a realisasi inside a target band
    # the tables an indicator's annual target is read from, the first that prints one first
    # (``target tahunan dari pk, rkt, ...``: the rule language says which table is authoritative)
    annual_target: tuple[Role, ...] = ()
    wrong_formulas: tuple[WrongFormula, ...] = ()
    scales: dict[str, tuple[Scale, ...]] = field(default_factory=dict)  # by name, per years
    derived_columns: tuple[DerivedColumn, ...] = ()  # recognised by header in any table
    equalities: tuple[CellEquality, ...] = ()  # cells of named tables that must agree
    # polarity decisions by (text, declared, qualitative): several rules ask for each indicator
    _polarities: dict = field(default_factory=dict, init=False, compare=False, hash=False,
                              repr=False)

    @cached_property
    def habit_modes(self) -> tuple[str, ...]:
        """The ``decimal`` rounding modes of ``rounding_habits``."""
        return tuple(mode.decimal_mode for mode in self.rounding_habits)

    def scale(self, name: str, year: int | None = None) -> Scale | None:
        """The scale ``name`` in force in ``year`` (the first declared one without years)."""
        for scale in self.scales.get(name, ()):
            if year is None or scale.applies_to(year):
                return scale
        return None

    def polarity_of(self, text: str, declared: Polarity | None, qualitative: bool) -> Polarity:
        """The polarity alone; ``polarity_decision`` also says why."""
        return self.polarity_decision(text, declared, qualitative).polarity

    def polarity_decision(self, text: str, declared: Polarity | None,
                          qualitative: bool) -> PolarityDecision:
        """Declared polarity first, then the qualitative type, then text patterns, then default.

        A pattern matches when its phrase is in the text as whole words. Among matching
        patterns the one written **last** wins (the last file, then the last
        line), as every later statement of the rule language overrides an earlier one. So a
        rule file lists the general words first ("kemiskinan": negatif) and their exceptions
        after them ("penurunan": positif, for "persentase penurunan angka kemiskinan"), and a
        user's rule folder, loaded after the defaults, overrides both.
        """
        key = (text, declared, qualitative)
        decision = self._polarities.get(key)
        if decision is None:
            decision = self._polarities[key] = self._decide_polarity(text, declared, qualitative)
        return decision

    def _decide_polarity(self, text: str, declared: Polarity | None,
                         qualitative: bool) -> PolarityDecision:
        if declared is not None:
            return PolarityDecision(declared, PolaritySource.DECLARED)
        if qualitative:
            return PolarityDecision(Polarity.KUALITATIF, PolaritySource.QUALITATIVE)
        folded = " ".join(text.split()).casefold()
        for words, pattern in self._patterns_last_first:
            if words.pattern_text in folded and words.regex.search(folded):
                return PolarityDecision(pattern.polarity, PolaritySource.PATTERN, pattern)
        return PolarityDecision(self.polarity_default, PolaritySource.DEFAULT)

    @cached_property
    def _patterns_last_first(self) -> tuple[tuple[_Words, PolarityPattern], ...]:
        return tuple((_whole_words(pattern.phrase), pattern)
                     for pattern in reversed(self.polarity_patterns))


@dataclass(frozen=True)
class _Words:
    pattern_text: str  # the folded phrase: a cheap substring test before the regex
    regex: re.Pattern[str]


@lru_cache(maxsize=None)
def _whole_words(phrase: str) -> _Words:
    """A phrase found as whole words, case and spacing aside: "temuan" is not in "pertemuan",
    and an abbreviation such as "AKI" is not in "laki-laki"."""
    folded = " ".join(phrase.split()).casefold()
    return _Words(folded, re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)"))
