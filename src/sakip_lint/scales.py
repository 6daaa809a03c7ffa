"""Scales as scales: whether their bands overlap, are reversed or leave gaps, and which scale
gives the capaian categories of one report.

A scale is data (rules, or the report's own ``skala_kategori``), and data can be wrong: two
bands that share a value give it two categories, a reversed band holds nothing, and a band
ending at 90 followed by one starting at 91 leaves 90,5 without a category. The same checks
serve the rule compiler (where an overlap makes the scale unusable) and the data-file rules
(where they are findings), so they live here once, on plain ``Band`` sequences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sakip_lint import rule_cache
from sakip_lint.config import Band, CapaianConfig, Scale, folded_name
from sakip_lint.dsl.errors import DslError, DslProblem
from sakip_lint.model import Report, ScaleBandEntry

REPORT_SCALE = "skala_kategori"
HUNDRED = Decimal(100)

NumberText = Callable[[Decimal], str]


def plain_number(value: Decimal) -> str:
    """A bound as a rule file would write it (``43,75``, ``100``)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


@dataclass(frozen=True)
class ScaleProblem:
    """Something wrong with a scale, located at one of its bands (by index)."""

    kind: str  # repeated | overlap | reversed | gap
    band: int
    other: int | None = None  # the band named first, the band it overlaps, or the band below the gap
    interval: Band | None = None  # the shared (overlap) or the uncovered (gap) values
    name: str = ""  # the name given twice (repeated)


def is_empty(band: Band) -> bool:
    """A band that holds no value: reversed bounds (``100 - 90``) or ``> 90 - 90``."""
    if band.low is None or band.high is None:
        return False
    return band.low > band.high or (band.low == band.high
                                    and not (band.low_closed and band.high_closed))


def _lower(a: Band, b: Band) -> tuple[Decimal | None, bool]:
    """The larger of two lower bounds (None: no bound), with whether it is included."""
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None or a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _upper(a: Band, b: Band) -> tuple[Decimal | None, bool]:
    """The smaller of two upper bounds (None: no bound), with whether it is included."""
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None or a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed


def intersection(a: Band, b: Band) -> Band | None:
    """The values two bands share, or None."""
    (low, low_closed), (high, high_closed) = _lower(a, b), _upper(a, b)
    common = Band("", low, high, low_closed, high_closed)
    return None if is_empty(common) else common


def _start_key(band: Band) -> tuple:
    """Bands ordered by where they start: open-ended first, an included bound before an
    excluded one."""
    return (band.low is not None, band.low or Decimal(0), not band.low_closed)


def _reaches_further(end: tuple[Decimal | None, bool], band: Band) -> bool:
    value, closed = end
    if value is None:
        return False
    return band.high is None or band.high > value or (band.high == value and band.high_closed
                                                      and not closed)


def band_problems(bands: Sequence[Band]) -> list[ScaleProblem]:
    """A name given to two bands (located at the later one), reversed bands, overlapping
    pairs (located at the later one) and the gaps between consecutive bands (located at the
    band above the gap). Values below the lowest band and above the highest are not gaps:
    where a scale ends is the writer's choice.

    Each band has one overlap at most, with the band reaching furthest among those that start
    before it, and a band written again as it was (its name and range) is only a repeated
    name: a scale of a thousand copies of one line is a thousand findings, not half a million,
    and is read in n log n steps."""
    problems = [ScaleProblem("reversed", index) for index, band in enumerate(bands)
                if is_empty(band)]
    owners: dict[str, int] = {}
    copies: set[int] = set()  # bands written again exactly as an earlier one
    for index, band in enumerate(bands):
        for name in band.names:
            first = owners.setdefault(folded_name(name), index)
            if first != index:
                problems.append(ScaleProblem("repeated", index, first, name=name))
                if _bounds(bands[first]) == _bounds(band):
                    copies.add(index)
                break
    usable = [index for index, band in enumerate(bands)
              if not is_empty(band) and index not in copies]
    ordered = sorted(usable, key=lambda index: (_start_key(bands[index]), index))
    if not ordered:
        return problems
    reach = ordered[0]
    end = (bands[reach].high, bands[reach].high_closed)
    for index in ordered[1:]:
        band = bands[index]
        common = intersection(bands[reach], band)
        if common is not None:
            later, earlier = max(reach, index), min(reach, index)
            problems.append(ScaleProblem("overlap", later, earlier, common))
        elif end[0] is not None:
            high, high_closed = end
            if band.low is not None and (high < band.low or (high == band.low and not high_closed
                                                             and not band.low_closed)):
                gap = Band("", high, band.low, not high_closed, not band.low_closed)
                problems.append(ScaleProblem("gap", index, reach, gap))
        if _reaches_further(end, band):
            reach, end = index, (band.high, band.high_closed)
    return problems


def _bounds(band: Band) -> tuple:
    return band.low, band.high, band.low_closed, band.high_closed


def range_text(band: Band, number: NumberText = plain_number) -> str:
    """A band in the rule language's syntax (``> 85 - 100``, ``70 - < 85``, ``<= 50``)."""
    low, high = band.low, band.high
    if low is None and high is None:
        return "-"
    if low is None:
        return ("<= " if band.high_closed else "< ") + number(high)
    if high is None:
        return (">= " if band.low_closed else "> ") + number(low)
    return (("" if band.low_closed else "> ") + number(low) + " - "
            + ("" if band.high_closed else "< ") + number(high))


def interval_text(band: Band, number: NumberText = plain_number) -> str:
    """The values of a band as an inequality (``90 < x < 91``), for gaps and overlaps."""
    if band.low is not None and band.low == band.high:
        return "x = " + number(band.low)
    parts = []
    if band.low is not None:
        parts.append(number(band.low) + (" ≤ " if band.low_closed else " < "))
    parts.append("x")
    if band.high is not None:
        parts.append((" ≤ " if band.high_closed else " < ") + number(band.high))
    return "".join(parts)


def example_value(band: Band) -> Decimal:
    """A value inside a (gap) band: its middle, or its one bound."""
    if band.low is not None and band.high is not None:
        return (band.low + band.high) / 2
    return band.low if band.low is not None else band.high


def uncovered_above_hundred(scale: Scale, values):
    """The first of ``values`` (pairs of a number and anything) above 100 that no band of
    ``scale`` holds: a capaian scale must say what over-achievement is called."""
    for value, about in values:
        if value is not None and value > HUNDRED and scale.classify(value) is None:
            return value, about
    return None


def top_band(bands: Sequence[Band]) -> int:
    """The index of the band that reaches highest (where 'nothing above 100' is located)."""
    def height(index: int) -> tuple:
        band = bands[index]
        return (band.high is None, band.high or Decimal(0), band.high_closed)
    return max(range(len(bands)), key=height)


# -- the report's own scale ----------------------------------------------------------------
@lru_cache(maxsize=256)
def read_entries(entries: tuple[ScaleBandEntry, ...]
                 ) -> tuple[tuple[Band | None, ...], tuple[tuple[int, DslProblem], ...]]:
    """The bands of a ``skala_kategori`` (None where ``rentang`` does not read) and, by entry
    index, why a range does not read."""
    if not entries:
        return (), ()
    texts = tuple(entry.rentang for entry in entries)
    ranges = rule_cache.remembered("ranges", texts, lambda: _ranges(texts))
    if ranges is not None:
        return tuple(Band(entry.kategori, *bound) for entry, bound in zip(entries, ranges)), ()
    from sakip_lint.dsl.parser import parse_bound

    bands: list[Band | None] = []
    problems: list[tuple[int, DslProblem]] = []
    for index, entry in enumerate(entries):
        try:
            low, high, low_closed, high_closed = parse_bound(entry.rentang)
        except DslError as error:
            bands.append(None)
            problems.extend((index, problem) for problem in error.problems)
            continue
        bands.append(Band(entry.kategori, low, high, low_closed, high_closed))
    return tuple(bands), tuple(problems)


def _ranges(texts: tuple[str, ...]) -> tuple[tuple, ...] | None:
    """Each range read by the rule language's ``bound`` (lark), or None when one does not."""
    from sakip_lint.dsl.parser import parse_bound

    try:
        return tuple(parse_bound(text) for text in texts)
    except DslError:
        return None


def report_scale(report: Report) -> Scale | None:
    """The category scale the report prints, or None when it prints none."""
    if not report.skala_kategori:
        return None
    bands, _ = read_entries(tuple(report.skala_kategori))
    return Scale(REPORT_SCALE, tuple(band for band in bands if band is not None))


def category_scale(report: Report, config: CapaianConfig) -> Scale:
    """The scale that gives this report's capaian categories: its own when it states one,
    otherwise the rules' ``kategori_capaian``."""
    own = report_scale(report)
    return config.category_scale if own is None else own
