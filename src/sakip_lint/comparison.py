"""Comparing a value the report states with the value the rules compute.

A value is read at the precision it was printed with: ``93,6`` for 93,634 and ``88`` for 87,96
are right, because that is the exact result rounded (half up, as spreadsheets and people round)
to the decimals shown. A reviewer must also tell a real error from a rounding habit: a stated
value that equals the exact result truncated (70,32 where 429/610 gives 70,328) or rounded half
to even at its precision, or lies within the configured tolerance, differs only by rounding — a
warning. Anything else is a real difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from sakip_lint.location import Location
from sakip_lint.numbers import ParsedValue, ValueKind

SWAPPED = "explain.swapped-columns"
"""The explanation of a stated percentage that is the two columns it is computed from read the
other way round (pagu / realisasi): the rules that judge it and the ones that leave it to them
name it alike."""


class Verdict(StrEnum):
    MATCH = "match"
    ROUNDING = "rounding"  # differs only by the report's rounding style
    DIFFERS = "differs"
    NOT_NUMBER = "not-number"  # the report prints words where a number belongs
    UNREADABLE = "unreadable"  # a number that cannot be read ('1.23.456', 34 decimals): the
    # number checks (NUM001, NUM002) report its cell, so a comparison adds nothing
    NOT_STATED = "not-stated"
    NOT_COMPUTED = "not-computed"


@dataclass(frozen=True, slots=True)
class Stated:
    """A value as the report states it, and where; ``bound`` when the prose states a bound
    ('di atas 90%') rather than the value."""

    value: ParsedValue
    location: Location
    bound: str | None = None  # di_atas, minimal, di_bawah, maksimal


def within(bound: str, computed: Decimal, figure: Decimal) -> bool:
    """'di atas 90%' holds for 90,5, not for 90; 'minimal 90' holds for 90."""
    return {"di_atas": computed > figure, "minimal": computed >= figure,
            "di_bawah": computed < figure, "maksimal": computed <= figure}[bound]


@dataclass(frozen=True, slots=True)
class Comparison:
    stated: Stated | None
    verdict: Verdict
    difference: Decimal | None = None  # stated - computed (rounded by the rules)


def _at_precision(exact: Decimal, decimals: int, mode: str) -> Decimal:
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=mode)


def printed_precision(value: ParsedValue) -> int:
    """How many decimals the report printed (``88`` has none, ``93,60`` two)."""
    return value.decimals or 0


HABITS = (ROUND_DOWN, ROUND_HALF_EVEN)  # the rules' default: ``pembulatan lain potong, setengah-genap``


def compare(stated: Stated | None, exact: Decimal | None, rounded: Decimal | None,
            tolerance: Decimal, habits: tuple[str, ...] = HABITS) -> Comparison:
    """How a stated value relates to the computed one (``exact`` unrounded, ``rounded`` per rules)."""
    if stated is None or stated.value.kind == "none":
        return Comparison(stated, Verdict.NOT_STATED)
    if exact is None or rounded is None:
        return Comparison(stated, Verdict.NOT_COMPUTED)
    if stated.value.kind in (ValueKind.INVALID, ValueKind.AMBIGUOUS):
        return Comparison(stated, Verdict.UNREADABLE)
    if not stated.value.has_number:
        return Comparison(stated, Verdict.NOT_NUMBER)
    if stated.bound is not None:
        holds = within(stated.bound, rounded, stated.value.number)
        return Comparison(stated, Verdict.MATCH if holds else Verdict.DIFFERS,
                          Decimal(0) if holds else stated.value.number - rounded)
    verdict, difference = judge(stated.value, exact, rounded, tolerance, habits)
    return Comparison(stated, verdict, difference)


def judge(value: ParsedValue, exact: Decimal, rounded: Decimal, tolerance: Decimal,
          habits: tuple[str, ...] = HABITS) -> tuple[Verdict, Decimal]:
    """The verdict on a stated number against a computed one, and the difference from the
    value the rules round to (zero when the stated value is right at its printed precision)."""
    difference = value.number - rounded
    decimals = printed_precision(value)
    if difference == 0 or value.number == _at_precision(exact, decimals, ROUND_HALF_UP):
        return Verdict.MATCH, Decimal(0)
    other_habits = {_at_precision(exact, decimals, mode) for mode in habits}
    if value.number in other_habits or abs(difference) <= tolerance:
        return Verdict.ROUNDING, difference
    return Verdict.DIFFERS, difference
