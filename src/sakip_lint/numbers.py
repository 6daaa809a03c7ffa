"""Exact, never-guessing parsing of values as Indonesian performance reports print them.

Reports state one quantity in many formats: '1.336.589.482,-', 'Rp. 162.536.420.769,38',
'86,56%', '77,50 (BB)', 'Sangat Baik (83%)', '(27,35)', '69,1-69,5', and now and then an
English-style '97.67' inside an otherwise Indonesian table.  Targets are also printed as bands,
two-sided ('69,1-69,5', '80 s.d. 90') or one-sided ('≥ 75', 'maks. 5', 'kurang dari 5'): both
read as a RANGE, a one-sided one with its open end None and whether its bound is included.  Findings compare stated values
with computed ones to 2 decimals, so a value is read with ``Decimal`` only (a float would
turn 70,30 into 70.2999...) and keeps how many decimals were written.  When a string can be
read two ways ('1.234') and the declared style does not settle it, the result says so
(AMBIGUOUS, with both readings) instead of picking one; what parses but deserves a
reviewer's eye goes into ``notes`` as a message key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from sakip_lint.limits import arithmetic, current

__all__ = ["NumberStyle", "ValueKind", "ParsedValue", "parse_value"]


class NumberStyle(StrEnum):
    """How a document separates thousands and decimals."""

    ID = "id"  # '.' thousands, ',' decimal: 1.234,56
    EN = "en"  # ',' thousands, '.' decimal: 1,234.56
    AUTO = "auto"  # decide per string; report what cannot be decided


class ValueKind(StrEnum):
    NUMBER = "number"
    RANGE = "range"
    NONE = "none"
    TEXT = "text"
    AMBIGUOUS = "ambiguous"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """One cell or phrase as read: the value plus everything written around it."""

    raw: str
    kind: ValueKind
    number: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    decimals: int | None = None
    label: str | None = None
    percent: bool = False
    currency: bool = False
    notes: tuple[str, ...] = ()
    problem: str | None = None
    candidates: tuple[Decimal, ...] = ()
    low_closed: bool = True  # a band's bound is part of it: '≥ 75', '75 - 80' (not '> 75')
    high_closed: bool = True  # '≤ 5', 'maks. 5' (not '< 5', 'kurang dari 5')

    @property
    def has_number(self) -> bool:
        return self.kind is ValueKind.NUMBER

    @property
    def is_band(self) -> bool:
        """A target band: two bounds, or one bound and an open end (low or high None)."""
        return self.kind is ValueKind.RANGE


_NONE_WORDS = frozenset({"", "-", "–", "—", "--", "n/a", "na", "tidak ada"})
_CURRENCY = re.compile(r"(?:rp\.?|idr)(?![a-z])\s*", re.IGNORECASE)
# ',-' etc. after the last digit only say "no sen": '1.336.589.482,-', '...769,38,-'.
_INT_MARKER = re.compile(r"(?<=\d)\s*(?:,-,|,--|,-|\.-)$")
_PERCENT = re.compile(r"(.*?)\s*%")
# A sign may be followed by one space: '- 28,39%' is a negative number (its style is NUM's matter).
_SINGLE = re.compile(r"([-−]?)\s?(\d[\d.,]*)")
_BOUND = r"[-−]?\d[\d.,]*"
_RANGE = re.compile(
    rf"({_BOUND})%?\s*(?:-|–|—|s\.\s?d\.?|s/d|sampai(?: dengan)?)\s*({_BOUND})",
    re.IGNORECASE,
)
# One-sided bands: (words or sign before the bound, which end it bounds, bound included).
# 'min'/'maks' alone also match with a dot ('min. 80'); the at-least signs come before '>'.
_ONE_SIDED = tuple(
    (re.compile(rf"(?:{words})\s*({_BOUND})", re.IGNORECASE), side, closed)
    for words, side, closed in (
        (r"≥|>=|=>|min(?:imal|imum)?\.?|paling sedikit|sekurang-kurangnya|sedikitnya", "low", True),
        (r">|lebih dari|di atas", "low", False),
        (r"≤|<=|=<|maks(?:imal|imum)?\.?|max\.?|paling banyak|setinggi-tingginya|"
         r"sebanyak-banyaknya|selambat-lambatnya", "high", True),
        (r"<|kurang dari|di bawah", "high", False),
    )
)
# A rate printed with its unit in the cell ('93,65 PER 100.000', '4 per 1000 KH'): the unit,
# kept as the label, does not change the value.
_PER_UNIT = re.compile(r"(.+?)\s+(per\s+.+)", re.IGNORECASE)
_OTHER = {NumberStyle.ID: NumberStyle.EN, NumberStyle.EN: NumberStyle.ID}
# Note keys when a string is read against the declared style: (single decimal, grouping).
_AGAINST_STYLE = {
    NumberStyle.ID: ("number.decimal-point-in-id-style", "number.en-style-in-id-file"),
    NumberStyle.EN: ("number.decimal-comma-in-en-style", "number.id-style-in-en-file"),
}


@dataclass(frozen=True)
class _Core:
    """A bare digit string read: the value, or why not, and which style the reading used."""

    number: Decimal | None = None
    decimals: int | None = None
    notes: tuple[str, ...] = ()
    problem: str | None = None
    candidates: tuple[Decimal, ...] = ()
    reading: NumberStyle | None = None  # None when the string reveals no style ('610')


def _grouped(groups: list[str]) -> bool:
    """True if the groups are valid thousands grouping: '1' / '12' / '123' then '456'..."""
    first, rest = groups[0], groups[1:]
    return 1 <= len(first) <= 3 and not first.startswith("0") and all(len(g) == 3 for g in rest)


def _decimal(whole: str, frac: str, reading: NumberStyle, style: NumberStyle, single: bool) -> _Core:
    """Build the value and note when the reading goes against the declared style."""
    notes: tuple[str, ...] = ()
    if style in _AGAINST_STYLE and reading is not style:
        notes = (_AGAINST_STYLE[style][0 if single else 1],)
    text = f"{whole}.{frac}" if frac else whole
    return _Core(Decimal(text), len(frac), notes, reading=reading)


def _read_core(s: str, style: NumberStyle) -> _Core:
    """Read digits with '.' and ',' separators ('1.234,56'), per the rules in DOMAIN.md; a
    number longer than the limits (``limits.max_digits``, ``max_decimals``) is not read: exact
    arithmetic on it would be unbounded, and no report prints one."""
    core = _read_separators(s, style)
    if core.number is None:
        return core
    problem = _beyond_limits(core.number, core.decimals or 0)
    return core if problem is None else _Core(problem=problem)


def _beyond_limits(number: Decimal, decimals: int) -> str | None:
    """The problem key of a number with more digits or decimals than the limits allow."""
    limits = current()
    if decimals > limits.max_decimals:
        return "number.too-many-decimals"
    whole_digits = max(number.adjusted() + 1, 0)
    if whole_digits + decimals > limits.max_digits:
        return "number.too-many-digits"
    return None


def _read_separators(s: str, style: NumberStyle) -> _Core:
    groups = re.split(r"[.,]", s)
    seps = [c for c in s if c in ".,"]
    if any(g == "" for g in groups):
        return _Core(problem="number.bad-grouping")
    if not seps:
        return _Core(Decimal(s), 0)
    if len(set(seps)) == 2:  # both present: the last one, used once, is the decimal separator
        dec = seps[-1]
        if seps.count(dec) != 1 or not _grouped(groups[:-1]):
            return _Core(problem="number.bad-grouping")
        reading = NumberStyle.ID if dec == "," else NumberStyle.EN
        return _decimal("".join(groups[:-1]), groups[-1], reading, style, single=False)
    sep = seps[0]
    grouping_reading = NumberStyle.ID if sep == "." else NumberStyle.EN
    if len(seps) > 1:  # one separator repeated: it can only group thousands
        if not _grouped(groups):
            return _Core(problem="number.bad-grouping")
        return _decimal("".join(groups), "", grouping_reading, style, single=False)
    head, tail = groups
    could_group = len(tail) == 3 and _grouped(groups)
    if could_group and style is NumberStyle.AUTO:
        return _Core(problem="number.ambiguous", candidates=(Decimal(f"{head}.{tail}"), Decimal(head + tail)))
    if could_group and grouping_reading is style:
        return _Core(Decimal(head + tail), 0, reading=style)
    return _decimal(head, tail, _OTHER[grouping_reading], style, single=True)


def _negate(core: _Core) -> _Core:
    number = None if core.number is None else -core.number
    return replace(core, number=number, candidates=tuple(-c for c in core.candidates))


_SPACE_GROUPS = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")


def _read_signed(s: str, style: NumberStyle) -> _Core | None:
    """'-5', '−5', '12,5', '17 354' (thousands grouped by spaces, as BPS tables print them) or
    None when the text is not a single number at all. '- 28,39' reads as -28,39 with a note:
    the space after the sign is not how the report writes numbers."""
    m = _SINGLE.fullmatch(s)
    if m is None:
        unsigned = s.lstrip("-−").lstrip()
        if not _SPACE_GROUPS.fullmatch(unsigned):
            return None
        core = _read_core(unsigned.replace(" ", ""), style)
        return _negate(core) if unsigned != s else core
    core = _read_core(m.group(2), style)
    if m.group(1) and s[len(m.group(1)):][:1].isspace():
        core = replace(core, notes=core.notes + ("number.space-after-minus",))
    return _negate(core) if m.group(1) else core


def _parse_numeric(
    raw: str, s: str, style: NumberStyle, currency: bool = False, label: str | None = None
) -> ParsedValue | None:
    """A number or range with optional '%' and accounting parentheses; None if not numeric."""
    percent = False
    if m := _PERCENT.fullmatch(s):
        s, percent = m.group(1), True
    if s.startswith("(") and s.endswith(")"):  # accounting negative: '(27,35)'
        inner = s[1:-1].strip()
        if m := _PERCENT.fullmatch(inner):
            inner, percent = m.group(1), True
        core = _read_core(inner, style) if re.fullmatch(r"\d[\d.,]*", inner) else None
        return None if core is None else _finish(raw, _negate(core), percent, currency, label)
    if (core := _read_signed(s, style)) is not None:
        return _finish(raw, core, percent, currency, label)
    if (band := _one_sided(raw, s, style, percent, currency, label)) is not None:
        return band
    if m := _RANGE.fullmatch(s):
        return _range(raw, m.group(1), m.group(2), style, percent or "%" in s, currency, label)
    return None


# Amounts in prose: 'Rp 1,5 miliar' is 1.500.000.000, not 1,5 labelled 'miliar'.
SCALE_WORDS = {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12}


def _finish(raw: str, core: _Core, percent: bool, currency: bool, label: str | None) -> ParsedValue:
    if core.problem is not None:
        kind = ValueKind.AMBIGUOUS if core.problem == "number.ambiguous" else ValueKind.INVALID
        return ParsedValue(raw, kind, percent=percent, currency=currency, label=label,
                           problem=core.problem, candidates=core.candidates)
    number, decimals = core.number, core.decimals
    if label is not None and label.strip().casefold() in SCALE_WORDS:
        exponent = SCALE_WORDS[label.strip().casefold()]
        decimals = max(0, decimals - exponent)
        with arithmetic():
            scaled = number.scaleb(exponent)
        if (problem := _beyond_limits(scaled, decimals)) is not None:
            return ParsedValue(raw, ValueKind.INVALID, percent=percent, currency=currency,
                               label=label, problem=problem)
        with arithmetic():
            number, label = scaled.quantize(Decimal(1).scaleb(-decimals)), None
    return ParsedValue(raw, ValueKind.NUMBER, number, decimals=decimals, label=label,
                       percent=percent, currency=currency, notes=core.notes)


def _range(
    raw: str, lo_s: str, hi_s: str, style: NumberStyle, percent: bool, currency: bool, label: str | None
) -> ParsedValue:
    """Both bounds are read in one style: a bound that reveals it settles an ambiguous other."""
    lo, hi = _read_signed(lo_s, style), _read_signed(hi_s, style)
    assert lo is not None and hi is not None  # the range pattern only admits numeric bounds
    if style is NumberStyle.AUTO:
        known = lo.reading or hi.reading
        if known is not None:
            lo = _read_signed(lo_s, known) if lo.problem == "number.ambiguous" else lo
            hi = _read_signed(hi_s, known) if hi.problem == "number.ambiguous" else hi
            assert lo is not None and hi is not None
    for bound in (lo, hi):
        if bound.problem is not None:
            return _finish(raw, bound, percent, currency, label)
    assert lo.number is not None and hi.number is not None and lo.decimals is not None and hi.decimals is not None
    notes = tuple(dict.fromkeys(lo.notes + hi.notes))
    if lo.number > hi.number:
        return ParsedValue(raw, ValueKind.INVALID, low=lo.number, high=hi.number, label=label, percent=percent,
                           currency=currency, notes=notes, problem="number.range-reversed")
    return ParsedValue(raw, ValueKind.RANGE, low=lo.number, high=hi.number,
                       decimals=max(lo.decimals, hi.decimals), label=label, percent=percent,
                       currency=currency, notes=notes)


def _one_sided(
    raw: str, s: str, style: NumberStyle, percent: bool, currency: bool, label: str | None
) -> ParsedValue | None:
    """'≥ 75', 'maks. 5', 'kurang dari 5': a band with one open end; None if not one."""
    for pattern, side, closed in _ONE_SIDED:
        if m := pattern.fullmatch(s):
            bound = _read_signed(m.group(1), style)
            assert bound is not None  # the pattern only admits a numeric bound
            if bound.problem is not None:
                return _finish(raw, bound, percent, currency, label)
            ends = ({"low": bound.number, "low_closed": closed} if side == "low"
                    else {"high": bound.number, "high_closed": closed})
            return ParsedValue(raw, ValueKind.RANGE, decimals=bound.decimals, label=label,
                               percent=percent, currency=currency, notes=bound.notes, **ends)
    return None


def _is_words(s: str) -> bool:
    """A label such as 'Sangat Baik', 'BB', 'B+': letters and no digits."""
    return bool(s) and not any(c.isdigit() for c in s) and any(c.isalpha() for c in s)


def parse_value(raw: str | int | None, style: NumberStyle = NumberStyle.AUTO) -> ParsedValue:
    """Read one value as a report prints it; never guesses, see the module docstring."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, type(None))):
        raise TypeError(f"parse_value takes str, int or None, not {type(raw).__name__} (floats lose exactness)")
    raw_s = "" if raw is None else str(raw)
    if len(raw_s) > current().max_cell_chars:  # no report prints a number this long: not read
        return ParsedValue(raw_s, ValueKind.INVALID, problem="number.too-long")
    text = " ".join(raw_s.replace("\u200b", "").replace("\ufeff", "").split())
    if text.lower() in _NONE_WORDS:
        return ParsedValue(raw_s, ValueKind.NONE)
    currency = False
    if m := _CURRENCY.match(text):
        text, currency = text[m.end():], True
    text = _INT_MARKER.sub("", text)
    if text.lower() in _NONE_WORDS:
        return ParsedValue(raw_s, ValueKind.NONE, currency=currency)
    if (whole := _parse_numeric(raw_s, text, style, currency=currency)) is not None:
        return whole
    if text.endswith(")") and "(" in text:  # '77,50 (BB)', 'Sangat Baik (83%)', '70,97(B+)'
        cut = text.rfind("(")
        outer, inner = text[:cut].strip(), text[cut + 1:-1].strip()
        for num, label in ((outer, inner), (inner, outer)):
            found = _parse_numeric(raw_s, num, style, currency, label) if _is_words(label) else None
            if found is not None:
                return found
    if m := _PER_UNIT.fullmatch(text):  # '93,65 PER 100.000': a rate and its unit
        found = _parse_numeric(raw_s, m.group(1), style, currency, m.group(2))
        if found is not None:
            return found
    tokens = text.split(" ")
    numeric = [i for i, t in enumerate(tokens) if _parse_numeric(raw_s, t, style) is not None]
    numeric_at = set(numeric)  # a set: a cell of many numbers stays linear
    wordy = all(_is_words(t) for i, t in enumerate(tokens) if i not in numeric_at)
    if not numeric and wordy:
        return ParsedValue(raw_s, ValueKind.TEXT, label=text, currency=currency)
    if wordy and len(numeric) == 1 and numeric[0] in (0, len(tokens) - 1):  # '83 Sangat Baik'
        label = " ".join(t for i, t in enumerate(tokens) if i != numeric[0])
        found = _parse_numeric(raw_s, tokens[numeric[0]], style, currency=currency, label=label)
        assert found is not None
        return found
    return ParsedValue(raw_s, ValueKind.INVALID, currency=currency, problem="number.invalid")


def read_shared(raw: str | int | None, style: NumberStyle) -> ParsedValue:
    """``parse_value`` of a text read before in this process, under the same limits, given
    again: reports print the same figures ('100', '95,00'), and a run over many files reads
    most of its values in earlier files. A ``ParsedValue`` is immutable, so it is shared. Only
    short texts are kept, so that what the cache holds stays small whatever the files hold."""
    if isinstance(raw, str) and len(raw) > SHARED_TEXT_CHARS:
        return parse_value(raw, style)
    return _read_shared(raw, style, current())


SHARED_TEXT_CHARS = 64  # a figure ('1.234.567.890,00', '80 - 90 %') is far shorter


@lru_cache(maxsize=1 << 14, typed=True)  # typed: True is not read as the 1 it equals
def _read_shared(raw: str | int | None, style: NumberStyle, _in_force: object) -> ParsedValue:
    return parse_value(raw, style)


def format_number(value: Decimal, style: NumberStyle = NumberStyle.ID, decimals: int | None = None) -> str:
    """A number written the way the report writes them (``70,33`` in id style; a negative with
    a minus: ``written_like`` gives a fix the notation of the value it replaces)."""
    if decimals is not None:
        with arithmetic():
            value = value.quantize(Decimal(1).scaleb(-decimals))
    sign = "-" if value < 0 else ""
    text = f"{abs(value):f}"
    whole, _, fraction = text.partition(".")
    thousands, decimal_mark = (",", ".") if style is NumberStyle.EN else (".", ",")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = thousands.join(groups)
    return sign + result + (decimal_mark + fraction if fraction else "")


_TRAILING_PERCENT = re.compile(r"\s*%$")
_PLAIN_NUMBER = re.compile(r"[-−]?\s?\d[\d.,]*")


def written_like(text: str, raw: str) -> str:
    """The number ``text`` (``format_number``'s) in the notation of the value ``raw`` it
    replaces: its currency prefix, accounting parentheses for a negative, its percent sign and
    its 'no sen' mark, as written ('Rp 1.000,-', '(27,35)', '86,56 %'), so that a fix changes
    the figure and not how the report writes figures. A value with words beside its number
    ('77,50 (BB)') gets the bare number; the 'no sen' mark is left out when the replacement
    has sen the replaced amount had not ('Rp. 3.000.000,-' -> 'Rp. 3.000.000,50')."""
    rest = raw.strip()
    prefix = suffix = percent = inner_percent = ""
    if m := _CURRENCY.match(rest):
        prefix, rest = m.group(0), rest[m.end():]
    if m := _INT_MARKER.search(rest):
        rest, suffix = rest[:m.start()], m.group(0)
        mark = suffix.strip()[0]  # the decimal mark the 'no sen' mark is written with
        if mark in text and mark not in rest:
            suffix = ""
    if m := _TRAILING_PERCENT.search(rest):
        rest, percent = rest[:m.start()], m.group(0)
    accounting = rest.startswith("(") and rest.endswith(")")
    if accounting:
        rest = rest[1:-1].strip()
        if m := _TRAILING_PERCENT.search(rest):
            rest, inner_percent = rest[:m.start()], m.group(0)
    if not _PLAIN_NUMBER.fullmatch(rest):
        return text
    if accounting and text.startswith("-"):
        return f"{prefix}({text[1:]}{inner_percent}){percent}{suffix}"
    return f"{prefix}{text}{inner_percent}{percent}{suffix}"
