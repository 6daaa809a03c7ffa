"""Targets as intervals, so that a number and a band ('80 - 90', '≥ 75', 'maks. 5') compare alike.

A target printed as a number accepts one value; a band accepts every value between its bounds.
For plain numbers every comparison below is the ordinary one, so the rules behave as before on
reports without bands. With bands, two questions need two answers:

- **A target against a value already reached or planned elsewhere** (last year's realisasi,
  the baseline, the Renstra end target): the target is reported as easier, or beyond, only
  when **all** of the band is — the band and the value do not overlap. A band that overlaps
  is consistent for some reading of it, and a warning that may be wrong costs a reviewer more
  than a missed one (the band is still shown in the capaian table). A one-sided band
  ('≥ 73', 'maks. 7,5') has no "all of it" on its open side: it stands for its binding bound
  (below), the one value that decides it, so '≥ 73' against last year's 74 is easier just
  as 73 is, and '≥ 73' is beyond an end target '≥ 72'.
- **One target against the next in a series** (Renstra yearly targets): what moves is the
  bar, the *binding bound* — the bound that decides whether the target is met at 100 %: the
  lower bound for a positive indicator, the upper bound for a negative one (the other bound
  when that one is open). 80 - 90 then 78 - 88 lowers the bar; 'maks. 5' then 'maks. 6'
  raises a negative indicator's; 80 - 90 then 80 - 95 changes nothing that matters. A
  midpoint was rejected: a one-sided band has none, and capaian depends on the bound only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from sakip_lint.model import Polarity
from sakip_lint.numbers import ParsedValue


@dataclass(frozen=True)
class Interval:
    """The values a target accepts; an open end (None) is unbounded."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    def contains(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_closed)):
            return False
        if self.high is not None and (value > self.high or (value == self.high and not self.high_closed)):
            return False
        return True

    def below_low(self, value: Decimal) -> bool:
        """``value`` falls short of the lower end (it is not inside and not above)."""
        return self.low is not None and (value < self.low or (value == self.low and not self.low_closed))


def interval(value: ParsedValue | None) -> Interval | None:
    """A number as a one-point interval, a band as its bounds; None for anything else."""
    if value is None:
        return None
    if value.has_number:
        return Interval(value.number, value.number)
    if value.is_band:
        return Interval(value.low, value.high, value.low_closed, value.high_closed)
    return None


def entirely_below(a: Interval, b: Interval) -> bool:
    """Every value ``a`` accepts is below every value ``b`` accepts."""
    if a.high is None or b.low is None:
        return False
    return a.high < b.low or (a.high == b.low and not (a.high_closed and b.low_closed))


def better(a: Interval, b: Interval, polarity: Polarity) -> bool:
    """``a`` lies wholly on the good side of ``b``: above it when higher is better (positive),
    below it when lower is better (negative). A one-sided band counts as its binding bound."""
    a, b = as_bar(a, polarity), as_bar(b, polarity)
    return entirely_below(b, a) if polarity is Polarity.POSITIF else entirely_below(a, b)


def worse(a: Interval, b: Interval, polarity: Polarity) -> bool:
    """``a`` lies wholly on the bad side of ``b`` (see ``better``)."""
    return better(b, a, polarity)


def binding_bound(band: Interval, polarity: Polarity) -> Decimal | None:
    """The bound that decides whether a target is met (see the module docstring)."""
    first, other = (band.low, band.high) if polarity is Polarity.POSITIF else (band.high, band.low)
    return first if first is not None else other


def as_bar(band: Interval, polarity: Polarity) -> Interval:
    """A band as it is compared with one value: a two-sided band (or a number) as it is, a
    one-sided band as the single point of its binding bound, that bound's openness kept
    ('> 90' is a bar just above 90)."""
    if band.low is not None and band.high is not None:
        return band
    bound = binding_bound(band, polarity)
    if bound is None:
        return band
    closed = band.low_closed if bound == band.low else band.high_closed
    return Interval(bound, bound, closed, closed)


def lowers_the_bar(before: Interval, after: Interval, polarity: Polarity) -> bool:
    """The next target of a series is easier than the previous one: its binding bound fell
    (positive) or rose (negative)."""
    old, new = binding_bound(before, polarity), binding_bound(after, polarity)
    if old is None or new is None:
        return False
    return new < old if polarity is Polarity.POSITIF else new > old


Item = TypeVar("Item")


def first_quantity(found: Iterable[Item]) -> Item | None:
    """The first cell (anything with a parsed ``value``) holding a number or a band."""
    return next((item for item in found if interval(item.value) is not None), None)  # type: ignore[attr-defined]
