from decimal import Decimal

import pytest

from sakip_lint.comparison import Stated, Verdict, compare
from sakip_lint.findings import Location
from sakip_lint.numbers import NumberStyle, parse_value


def verdict(raw: str, exact: str, rounded: str):
    stated = Stated(parse_value(raw, NumberStyle.ID), Location("f"))
    return compare(stated, Decimal(exact), Decimal(rounded), Decimal("0.01"))


@pytest.mark.parametrize("raw,exact,rounded,expected,difference", [
    ("103,33", "103.3333", "103.33", Verdict.MATCH, "0"),
    ("70,32", "70.3278", "70.33", Verdict.ROUNDING, "-0.01"),  # truncated by the report
    # right at the precision printed: the exact value rounded half up to the decimals shown
    ("111", "111.1111", "111.11", Verdict.MATCH, "0"),
    ("93,6", "93.634", "93.63", Verdict.MATCH, "0"),
    ("88", "87.96", "87.96", Verdict.MATCH, "0"),
    ("100", "99.5", "99.50", Verdict.MATCH, "0"),
    # other habits at the printed precision: truncation, half to even
    ("87", "87.96", "87.96", Verdict.ROUNDING, "-0.96"),
    ("99,62", "99.625", "99.63", Verdict.ROUNDING, "-0.01"),
    ("93,7", "93.634", "93.63", Verdict.DIFFERS, "0.07"),
    ("67,70", "67.7083", "67.71", Verdict.ROUNDING, "-0.01"),
    ("100", "75", "75.00", Verdict.DIFFERS, "25.00"),
    ("90,78", "110.1566", "110.16", Verdict.DIFFERS, "-19.38"),
    ("Tinggi", "75", "75.00", Verdict.NOT_NUMBER, None),
    # numbers that cannot be read are their cell's finding (NUM002), not words (CAP003)
    ("70," + "3" * 34, "70.3278", "70.33", Verdict.UNREADABLE, None),
    ("1.23.456", "75", "75.00", Verdict.UNREADABLE, None),
])
def test_stated_values_are_told_apart_from_rounding(raw, exact, rounded, expected, difference):
    result = verdict(raw, exact, rounded)
    assert result.verdict is expected
    assert result.difference == (None if difference is None else Decimal(difference))


def test_nothing_stated_or_nothing_computed():
    assert compare(None, Decimal(1), Decimal(1), Decimal("0.01")).verdict is Verdict.NOT_STATED
    stated = Stated(parse_value("5"), Location("f"))
    assert compare(stated, None, None, Decimal("0.01")).verdict is Verdict.NOT_COMPUTED
