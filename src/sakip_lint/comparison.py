"""Comparing a value the report states with the value the rules compute.

A reviewer must tell a real error (70,32 where 429/610 gives 70,33 is *not* one) from a
rounding habit: a stated value that equals the exact result truncated or rounded at the
precision the report printed, or lies within the configured tolerance, differs only by
rounding. Anything else is a real difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from sakip_lint.findings import Location
from sakip_lint.numbers import ParsedValue


class Verdict(StrEnum):
    MATCH = "match"
    ROUNDING = "rounding"  # differs only by the report's rounding style
    DIFFERS = "differs"
    NOT_NUMBER = "not-number"  # the report prints words where a number belongs
    NOT_STATED = "not-stated"
    NOT_COMPUTED = "not-computed"


@dataclass(frozen=True)
class Stated:
    """A value as the report states it, and where."""

    value: ParsedValue
    location: Location


@dataclass(frozen=True)
class Comparison:
    stated: Stated | None
    verdict: Verdict
    difference: Decimal | None = None  # stated - computed (rounded by the rules)


def _rounded_readings(exact: Decimal, decimals: int) -> set[Decimal]:
    quantum = Decimal(1).scaleb(-decimals)
    return {exact.quantize(quantum, rounding=mode) for mode in (ROUND_HALF_UP, ROUND_DOWN,
                                                                ROUND_HALF_EVEN)}


def compare(stated: Stated | None, exact: Decimal | None, rounded: Decimal | None,
            tolerance: Decimal) -> Comparison:
    """How a stated value relates to the computed one (``exact`` unrounded, ``rounded`` per rules)."""
    if stated is None or stated.value.kind == "none":
        return Comparison(stated, Verdict.NOT_STATED)
    if exact is None or rounded is None:
        return Comparison(stated, Verdict.NOT_COMPUTED)
    if not stated.value.has_number:
        return Comparison(stated, Verdict.NOT_NUMBER)
    verdict, difference = judge(stated.value, exact, rounded, tolerance)
    return Comparison(stated, verdict, difference)


def judge(value: ParsedValue, exact: Decimal, rounded: Decimal,
          tolerance: Decimal) -> tuple[Verdict, Decimal]:
    """The verdict on a stated number against a computed one, and the difference."""
    difference = value.number - rounded
    if difference == 0:
        return Verdict.MATCH, difference
    if value.number in _rounded_readings(exact, value.decimals or 0) or abs(difference) <= tolerance:
        return Verdict.ROUNDING, difference
    return Verdict.DIFFERS, difference
