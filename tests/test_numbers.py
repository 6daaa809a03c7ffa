"""Table-driven tests for sakip_lint.numbers: values as Indonesian reports print them.

Each case is (raw, style, kind, expected, extra). ``expected`` is the exact Decimal text for a
NUMBER (compared as text, so '70.30' must keep its trailing zero), a (low, high) pair for a
RANGE, or None. Every attribute not named in ``extra`` must keep its default, so a stray
note, label or flag fails the case too.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from sakip_lint.numbers import NumberStyle, ParsedValue, ValueKind, parse_value, written_like

ID, EN, AUTO = NumberStyle.ID, NumberStyle.EN, NumberStyle.AUTO
N, R, NONE, TEXT = ValueKind.NUMBER, ValueKind.RANGE, ValueKind.NONE, ValueKind.TEXT
AMB, BAD = ValueKind.AMBIGUOUS, ValueKind.INVALID

CASES = [
    # --- real formats from the signed Kaltim 2017 report ---
    ("1.336.589.482,-", ID, N, "1336589482", {}),
    ("1.336.589.482,-", AUTO, N, "1336589482", {}),
    ("Rp. 162.536.420.769,38", ID, N, "162536420769.38", {"currency": True}),
    ("Rp. 162.536.420.769,38,-", ID, N, "162536420769.38", {"currency": True}),
    ("Rp.140.683.588.839,-", AUTO, N, "140683588839", {"currency": True}),
    ("Rp 1,5 miliar", ID, N, "1500000000", {"currency": True, "decimals": 0}),
    ("162,5 juta", ID, N, "162500000", {"decimals": 0}),
    ("86,56%", ID, N, "86.56", {"percent": True}),
    ("83.34%", AUTO, N, "83.34", {"percent": True}),
    ("77,50 (BB)", ID, N, "77.50", {"label": "BB"}),
    ("Sangat Baik (83%)", ID, N, "83", {"label": "Sangat Baik", "percent": True}),
    ("83 Sangat Baik", ID, N, "83", {"label": "Sangat Baik"}),
    ("-", ID, NONE, None, {}),
    ("n/a", AUTO, NONE, None, {}),
    ("97.67", ID, N, "97.67", {"notes": ("number.decimal-point-in-id-style",)}),
    ("1,004,422,800", ID, N, "1004422800", {"notes": ("number.en-style-in-id-file",)}),
    ("1,004,422,800", AUTO, N, "1004422800", {}),
    ("69,1-69,5", ID, R, ("69.1", "69.5"), {"decimals": 1}),
    ("(27,35)", ID, N, "-27.35", {}),
    ("(1,57)", AUTO, N, "-1.57", {}),
    ("103,33", ID, N, "103.33", {}),
    ("111", ID, N, "111", {}),
    ("99,25", AUTO, N, "99.25", {}),
    ("70,32", ID, N, "70.32", {}),
    ("82,15", ID, N, "82.15", {}),
    ("87,5", AUTO, N, "87.5", {}),
    ("Sangat Tinggi", ID, TEXT, None, {"label": "Sangat Tinggi"}),
    ("Tinggi", ID, TEXT, None, {"label": "Tinggi"}),
    ("B+ (74,00)", ID, N, "74.00", {"label": "B+"}),
    ("BB (75,14)", ID, N, "75.14", {"label": "BB"}),
    ("70,97(B+)", ID, N, "70.97", {"label": "B+"}),
    ("177.500.000", AUTO, N, "177500000", {}),
    ("51.081.943.837,-", ID, N, "51081943837", {}),
    ("93,2", ID, N, "93.2", {}),
    ("0", ID, N, "0", {}),
    ("610", AUTO, N, "610", {}),
    # --- the ambiguous thousands-or-decimal string, resolved only by a declared style ---
    ("1.234", AUTO, AMB, None, {"problem": "number.ambiguous", "candidates": ("1.234", "1234")}),
    ("1.234", ID, N, "1234", {}),
    ("1.234", EN, N, "1.234", {}),
    ("1,234", AUTO, AMB, None, {"problem": "number.ambiguous", "candidates": ("1.234", "1234")}),
    ("1,234", EN, N, "1234", {}),
    ("1,234", ID, N, "1.234", {}),
    ("0,500", AUTO, N, "0.500", {}),  # '0,500' cannot be grouping: a decimal, not ambiguous
    # --- invalid and reversed ---
    ("12a", AUTO, BAD, None, {"problem": "number.invalid"}),
    ("1.23.456", ID, BAD, None, {"problem": "number.bad-grouping"}),
    ("12,34,567", ID, BAD, None, {"problem": "number.bad-grouping"}),
    ("1..2", AUTO, BAD, None, {"problem": "number.bad-grouping"}),
    ("1,2,3", AUTO, BAD, None, {"problem": "number.bad-grouping"}),
    ("5 5", AUTO, BAD, None, {"problem": "number.invalid"}),
    ("1/2", AUTO, BAD, None, {"problem": "number.invalid"}),
    ("antara 5 dan 7 orang", ID, BAD, None, {"problem": "number.invalid"}),
    ("90 - 80", ID, BAD, None, {"problem": "number.range-reversed", "low": "90", "high": "80"}),
    # --- ranges ---
    ("80 s.d. 90", ID, R, ("80", "90"), {"decimals": 0}),
    ("80 s/d 90", ID, R, ("80", "90"), {"decimals": 0}),
    ("69,1 - 69,5", AUTO, R, ("69.1", "69.5"), {"decimals": 1}),
    ("80–90", AUTO, R, ("80", "90"), {"decimals": 0}),
    ("80 - 90 %", ID, R, ("80", "90"), {"decimals": 0, "percent": True}),
    ("1.000,5-2.000", AUTO, R, ("1000.5", "2000"), {"decimals": 1}),  # one bound settles the style
    ("-5", AUTO, N, "-5", {}),  # a sign, not a range
    # --- one-sided bands: the open end is None; an excluded bound says so ---
    ("≥ 75", ID, R, ("75", None), {"decimals": 0}),
    (">= 75", ID, R, ("75", None), {"decimals": 0}),
    ("> 75", ID, R, ("75", None), {"decimals": 0, "low_closed": False}),
    (">75", AUTO, R, ("75", None), {"decimals": 0, "low_closed": False}),
    ("min. 80", ID, R, ("80", None), {"decimals": 0}),
    ("minimal 80", ID, R, ("80", None), {"decimals": 0}),
    ("Minimal 80 %", ID, R, ("80", None), {"decimals": 0, "percent": True}),
    ("lebih dari 90%", ID, R, ("90", None), {"decimals": 0, "percent": True, "low_closed": False}),
    ("maks. 5", ID, R, (None, "5"), {"decimals": 0}),
    ("maksimal 5", ID, R, (None, "5"), {"decimals": 0}),
    ("Maks 1.234,5", ID, R, (None, "1234.5"), {"decimals": 1}),  # thousands in a bound
    ("≤ 5", ID, R, (None, "5"), {"decimals": 0}),
    ("≤5,5%", ID, R, (None, "5.5"), {"decimals": 1, "percent": True}),
    ("< 5", ID, R, (None, "5"), {"decimals": 0, "high_closed": False}),
    ("kurang dari 5", ID, R, (None, "5"), {"decimals": 0, "high_closed": False}),
    ("≥ -2", ID, R, ("-2", None), {"decimals": 0}),  # a negative bound
    ("min. 80 (Baik)", ID, R, ("80", None), {"decimals": 0, "label": "Baik"}),
    ("≥ 1.234", AUTO, AMB, None, {"problem": "number.ambiguous", "candidates": ("1.234", "1234")}),
    # --- negative numbers stay numbers; a space after the sign is a style note ---
    ("- 28,39%", ID, N, "-28.39", {"percent": True, "notes": ("number.space-after-minus",)}),
    ("- 5", ID, N, "-5", {"notes": ("number.space-after-minus",)}),
    ("-2,17", ID, N, "-2.17", {}),
    # --- thousands grouped by spaces (BPS tables) ---
    ("17 354", ID, N, "17354", {"decimals": 0}),
    ("1 234 567,5", ID, N, "1234567.5", {"decimals": 1}),
    ("- 26 233", ID, N, "-26233", {}),
    ("12 34", ID, BAD, None, {"problem": "number.invalid"}),
    ("-1.234,5", ID, N, "-1234.5", {}),
    ("1.234,5", AUTO, N, "1234.5", {}),
    ("−5,5", ID, N, "-5.5", {}),  # U+2212 minus
    # --- none / empty ---
    ("", AUTO, NONE, None, {}),
    (None, AUTO, NONE, None, {}),
    ("  \u00a0 ", ID, NONE, None, {}),
    ("–", ID, NONE, None, {}),
    ("N/A", ID, NONE, None, {}),
    ("tidak ada", ID, NONE, None, {}),
    ("--", ID, NONE, None, {}),
    # --- int input, style mismatches, exactness, odd spacing ---
    (610, AUTO, N, "610", {}),
    (-5, ID, N, "-5", {}),
    ("70,30", ID, N, "70.30", {"decimals": 2}),
    ("1,234.56", AUTO, N, "1234.56", {}),
    ("1.234,56", AUTO, N, "1234.56", {}),
    ("1,234.50", ID, N, "1234.50", {"notes": ("number.en-style-in-id-file",)}),
    ("1,234.5", EN, N, "1234.5", {}),
    ("97,67", EN, N, "97.67", {"notes": ("number.decimal-comma-in-en-style",)}),
    ("1.336.589.482", EN, N, "1336589482", {"notes": ("number.id-style-in-en-file",)}),
    ("\u00a086,56\u00a0%", ID, N, "86.56", {"percent": True}),
    ("IDR 5.000.000", ID, N, "5000000", {"currency": True}),
    ("rp 1.500,-", ID, N, "1500", {"currency": True}),
]

DEFAULTS = {"label": None, "percent": False, "currency": False, "notes": (), "problem": None,
            "candidates": (), "low": None, "high": None, "low_closed": True, "high_closed": True}


def _id(case: tuple) -> str:
    return f"{case[0]!r}-{case[1]}"


@pytest.mark.parametrize(("raw", "style", "kind", "expected", "extra"), CASES, ids=[_id(c) for c in CASES])
def test_parse_value(raw, style, kind, expected, extra):
    got = parse_value(raw, style)
    assert got.kind is kind
    assert got.raw == ("" if raw is None else str(raw))
    want = {**DEFAULTS, **extra}
    if kind is N:
        assert isinstance(got.number, Decimal)
        assert str(got.number) == expected  # exact text: keeps trailing zeros, no exponent
        frac = expected.partition(".")[2]
        assert got.decimals == want.get("decimals", len(frac))
        assert got.has_number
    else:
        assert got.number is None
        assert not got.has_number
    if kind is R:
        want["low"], want["high"] = expected
        assert got.decimals == want["decimals"]
    if kind in (AMB, BAD, NONE, TEXT):
        assert got.decimals is None
    for low_high in ("low", "high"):
        if want[low_high] is None:
            assert getattr(got, low_high) is None
        else:
            assert isinstance(getattr(got, low_high), Decimal)
            assert str(getattr(got, low_high)) == want[low_high]
    assert got.candidates == tuple(Decimal(c) for c in want["candidates"])
    for name in ("label", "percent", "currency", "notes", "problem", "low_closed", "high_closed"):
        assert getattr(got, name) == want[name], name


def test_enough_cases_and_real_formats_present():
    assert len(CASES) >= 45
    raws = {c[0] for c in CASES}
    for real in ("1.336.589.482,-", "Rp. 162.536.420.769,38,-", "77,50 (BB)", "(27,35)", "97.67"):
        assert real in raws


def _walk(value: object):
    yield value
    if isinstance(value, tuple):
        for item in value:
            yield from _walk(item)


@pytest.mark.parametrize("style", list(NumberStyle))
def test_no_float_ever(style):
    for raw, *_ in CASES:
        got = parse_value(raw, style)
        for field in dataclasses.fields(got):
            for item in _walk(getattr(got, field.name)):
                assert not isinstance(item, float), (raw, field.name)


def test_decimal_keeps_written_precision():
    got = parse_value("70,30", ID)
    assert got.number == Decimal("70.30")
    assert got.number.as_tuple() == Decimal("70.30").as_tuple()  # not 70.3
    assert got.decimals == 2


def test_float_input_refused():
    with pytest.raises(TypeError):
        parse_value(83.34)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_value(True)  # type: ignore[arg-type]


def test_parsed_value_is_frozen():
    got = parse_value("1", ID)
    assert isinstance(got, ParsedValue)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.number = Decimal(2)  # type: ignore[misc]


def test_style_values():
    assert [s.value for s in NumberStyle] == ["id", "en", "auto"]
    assert {k.value for k in ValueKind} == {"number", "range", "none", "text", "ambiguous", "invalid"}


def test_a_value_read_again_keeps_its_style_and_the_limits_in_force():
    """The run-wide cache of readings (``read_shared``) gives what ``parse_value`` gives: the
    same text in another number style, under other limits, or as an int is another reading."""
    from sakip_lint import limits
    from sakip_lint.numbers import read_shared

    assert read_shared("1.234", NumberStyle.ID).number == Decimal("1234")
    assert read_shared("1.234", NumberStyle.EN).number == Decimal("1.234")
    assert read_shared("1.234", NumberStyle.ID).number == Decimal("1234")  # not the EN one
    assert read_shared(1, NumberStyle.ID) == parse_value(1, NumberStyle.ID)
    long = "9" * 30
    before = limits.current()
    try:
        assert read_shared(long, NumberStyle.ID).has_number
        limits.configure(dataclasses.replace(before, max_digits=20))
        assert read_shared(long, NumberStyle.ID) == parse_value(long, NumberStyle.ID)
        assert not read_shared(long, NumberStyle.ID).has_number
    finally:
        limits.configure(before)
    text = "1" * 100  # beyond what the cache keeps: read every time, still right
    assert read_shared(text, NumberStyle.ID) == parse_value(text, NumberStyle.ID)


@pytest.mark.parametrize("replaced, number, written", [
    ("(27,35)", "-27,34", "(27,34)"),  # accounting negative stays one
    ("(3,00)", "5,00", "5,00"),  # parentheses only mean a negative
    ("(2,0%)", "-1,5", "(1,5%)"),
    ("86,56%", "70,33", "70,33%"),
    ("86,56 %", "70,33", "70,33 %"),
    ("Rp. 1.100,-", "1.000", "Rp. 1.000,-"),  # currency as written, 'no sen' mark kept
    ("1.234,50,-", "1.234,56", "1.234,56,-"),
    ("Rp. 3.000.000,-", "3.000.000,50", "Rp. 3.000.000,50"),  # sen where there were none
    ("1,500.-", "1,600", "1,600.-"),
    ("-2", "-3", "-3"),
    ("  12 ", "13", "13"),
    ("77,50 (BB)", "78,00", "78,00"),  # words beside the number: the bare number
    ("x", "4", "4"),
])
def test_a_replacement_is_written_in_the_notation_it_replaces(replaced, number, written):
    assert written_like(number, replaced) == written
    value = parse_value(written, NumberStyle.ID)
    if replaced != "77,50 (BB)" and replaced != "x":  # reads back as the number written in
        assert value.number == parse_value(number, NumberStyle.ID).number
