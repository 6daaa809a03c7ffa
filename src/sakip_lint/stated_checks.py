"""Findings where a stated capaian, absorption or efficiency disagrees with the computed one.

A real difference is an error; a difference that is only the report's rounding habit is a
warning; words where a number belongs are a warning. A computed capaian in a cell is a safe fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_lint.capaian import CapaianReport, StatedCheck
from sakip_lint.comparison import Verdict
from sakip_lint.findings import Finding, Fix, Severity, make_args
from sakip_lint.messages import term
from sakip_lint.numbers import NumberStyle, format_number

# what is compared -> (code of a real difference, code of a rounding difference, code of words)
CODES = {
    "capaian": ("CAP001", "CAP002", "CAP003"),
    "penyerapan": ("BUD001", "BUD002", "BUD003"),
    "efisiensi": ("EFF001", "EFF002", "EFF003"),
}


def _finding(what: str, subject: str, check: StatedCheck, style: NumberStyle) -> Finding | None:
    comparison, computed = check.comparison, check.computed
    stated = comparison.stated
    if comparison.verdict in (Verdict.MATCH, Verdict.NOT_STATED, Verdict.NOT_COMPUTED):
        return None
    differs, rounding, words = CODES[what]
    decimals = stated.value.decimals if stated.value.decimals is not None else 2
    expected = format_number(computed.rounded, style)
    args = dict(what=term(f"what.{what}"), subject=subject, found=stated.value.raw,
                expected=expected)
    if comparison.verdict is Verdict.NOT_NUMBER:
        return Finding(code=words, severity=Severity.WARNING, message_key="stated.not-number",
                       location=stated.location, args=make_args(**args), related=check.inputs,
                       found=stated.value.raw, expected=expected)
    difference = format_number(comparison.difference, style)
    if comparison.verdict is Verdict.ROUNDING:
        exact = format_number(computed.exact.quantize(Decimal("0.0001")), style)
        return Finding(code=rounding, severity=Severity.WARNING, message_key="stated.rounding",
                       location=stated.location, args=make_args(exact=exact, **args),
                       related=check.inputs, found=stated.value.raw, expected=expected)
    fix = None
    if check.explanation == "stated.swapped-columns":
        # Either the percentage or the two columns are wrong: no fix is safe.
        fix = None
    elif stated.location.place is not None and stated.location.pointer.startswith("/tempat/"):
        fix = Fix(stated.location, format_number(computed.rounded, style, max(decimals, 2)), safe=True)
    key = check.explanation or "stated.differs"
    alternative = "" if check.alternative is None else format_number(check.alternative.rounded, style)
    return Finding(code=differs, severity=Severity.ERROR, message_key=key,
                   location=stated.location,
                   args=make_args(difference=difference, alternative=alternative, **args),
                   related=check.inputs, found=stated.value.raw, expected=expected, fix=fix)


def check_stated(results: CapaianReport, style: NumberStyle) -> Iterator[Finding]:
    def emit(what, subject, checks):
        for check in checks:
            finding = _finding(what, subject, check, style)
            if finding is not None:
                yield finding

    for result in results.indicators:
        yield from emit("capaian", f"indikator {result.indikator.id}", [result.stated])
    for row in results.rows:
        yield from emit("capaian", f"indikator {row.indikator.id}", [row.stated])
    for result in results.sasaran:
        subject = f"sasaran {result.sasaran.id}"
        yield from emit("capaian", subject, result.stated_capaian)
        yield from emit("penyerapan", subject, result.stated_absorption)
        yield from emit("efisiensi", subject, result.stated_efficiency)
    yield from emit("capaian", term("subject.overall"), results.overall.stated_capaian)
