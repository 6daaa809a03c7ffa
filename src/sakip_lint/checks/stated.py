"""Stated capaian, absorption and efficiency against what the rules compute.

One mechanism per quantity; the ``hasil`` parameter selects which verdicts a rule reports, so
that a real difference (an error) and a difference that is only the report's rounding habit
(a warning) are two rules over one computation.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from sakip_lint.comparison import SWAPPED, Verdict
from sakip_lint.location import Fix, Subject
from sakip_lint.messages import Text, term
from sakip_lint.numbers import written_like
from sakip_lint.rule import Context, Fact, Params, ParamSpec

if TYPE_CHECKING:  # the engine's results, not needed to load the rules
    from sakip_lint.judgement import StatedCheck

VERDICTS = {"beda": Verdict.DIFFERS, "pembulatan": Verdict.ROUNDING, "bukan_angka": Verdict.NOT_NUMBER,
            "tidak_terhitung": Verdict.NOT_COMPUTED}
PARAMS = {"hasil": ParamSpec(frozenset(VERDICTS), multiple=True, default=("beda",))}
PLACEHOLDERS = frozenset({"selisih", "tepat", "toleransi", "penjelasan", "sebab"})
# 'tidak_terhitung': a value is stated where its own inputs make the formula impossible — a
# zero target or pagu, a result beyond the arithmetic limits. A missing target or realisasi is
# not it (completeness rules report what is missing).
UNCOMPUTABLE = frozenset({
    "capaian.not-computable.zero-target", "capaian.not-computable.zero-budget",
    "capaian.not-computable.zero-divisor", "capaian.not-computable.too-large",
    "capaian.not-computable.bad-decimals"})


def _fact(context: Context, subject: Subject | Text, check: StatedCheck) -> Fact:
    comparison, computed = check.comparison, check.computed
    stated = comparison.stated
    if not computed.ok:
        return _uncomputable_fact(context, subject, check)
    verdict = comparison.verdict
    printed = stated.value.decimals or 0
    # a table cell's numbers are said and written as that cell writes them
    style = context.cell_style(stated.location) if check.in_table else None
    number = lambda value: context.number(value, style=style)  # noqa: E731
    # a rounding habit is put right at the precision printed (87 for 87,96 is 88, not 87,96)
    expected = number(context.config.rounding.replacement(computed.exact, printed, False)
                      if verdict is Verdict.ROUNDING else computed.rounded)
    explanation: object = ""
    if check.explanation is not None:
        explanation = Text(check.explanation,
                           (("alternative", number(check.alternative.rounded)),)
                           + check.explanation_args)
    difference = "" if comparison.difference is None else number(comparison.difference)
    fix = None
    # the computed value is safe to write into a table cell, unless the columns it is computed
    # from look swapped: then which cell is wrong is the compiler's call; a figure in the prose
    # is part of a sentence, rewritten by its writer
    if (verdict in (Verdict.DIFFERS, Verdict.ROUNDING) and check.in_table
            and check.explanation != SWAPPED):
        value = context.config.rounding.replacement(computed.exact, printed,
                                                    verdict is Verdict.DIFFERS)
        fix = Fix(stated.location, written_like(number(value), stated.value.raw), safe=True)
    values = {"subjek": subject, "selisih": difference, "tempat": stated.location.place or "",
              "tepat": number(computed.exact.quantize(Decimal("0.0001"))),
              "toleransi": number(context.config.tolerance), "penjelasan": explanation}
    return Fact(stated.location, values, check.inputs, stated.value.raw, expected, fix)


def _uncomputable_fact(context: Context, subject: Subject | Text, check: StatedCheck) -> Fact:
    """A stated value beside inputs that make it impossible: reported at the stated cell, its
    inputs (the zero pagu or target) related; there is no value to expect."""
    stated = check.comparison.stated
    values = {"subjek": subject, "selisih": "",
              "tempat": stated.location.place or "", "tepat": "",
              "toleransi": context.number(context.config.tolerance), "penjelasan": "",
              "sebab": term(check.computed.reason) if check.computed.reason else ""}
    return Fact(stated.location, values, check.inputs, stated.value.raw, "", None)


def _wanted(check: StatedCheck, wanted: set[Verdict]) -> bool:
    verdict = check.comparison.verdict
    if verdict is Verdict.NOT_COMPUTED:
        return verdict in wanted and check.computed.reason in UNCOMPUTABLE
    return verdict in wanted


def _facts(context: Context, params: Params, checks) -> Iterator[Fact]:
    """``checks`` are (subject, check), or (kind, id, check) whose subject is made only for a
    check that becomes a fact."""
    wanted = {VERDICTS[name] for name in params["hasil"]}
    for *subject, check in checks:
        if _wanted(check, wanted):
            yield _fact(context, subject[0] if len(subject) == 1 else Subject(*subject), check)


def _not_a_bound(check: StatedCheck) -> bool:
    """A capaian the prose states as a bound ('di atas 90%') is not a value that should be the
    computed one: ``klaim_batas`` says what it bounds."""
    stated = check.comparison.stated
    return stated is None or stated.bound is None


def capaian_tertulis(context: Context, params: Params) -> Iterator[Fact]:
    stated = context.stated
    checks = [("indikator", ident, check) for ident, found in stated.indicators.items()
              for check in (found.capaian, *found.claims)]
    checks += [("indikator", r.indikator.id, r.stated) for r in stated.rows]
    for ident, found in stated.sasaran.items():
        checks += [("sasaran", ident, check) for check in found.capaian]
    checks += [(term("subject.overall"), check) for check in stated.overall]
    yield from _facts(context, params, [item for item in checks if _not_a_bound(item[-1])])


SWAP_PLACEHOLDERS = frozenset({"baris", "jumlah"})


def swapped_tables(context: Context) -> dict[str, list[tuple[Subject, StatedCheck]]]:
    """Budget tables where two or more rows print pagu / realisasi as their %: the Pagu and
    Realisasi columns are swapped, one cause for the whole table."""
    by_place: dict[str, list[tuple[Subject, StatedCheck]]] = {}
    for subject, check in context.stated.budget_rows:
        if check.explanation == SWAPPED:
            by_place.setdefault(check.comparison.stated.location.place, []).append((subject, check))
    return {place: rows for place, rows in by_place.items() if len(rows) > 1}


def penyerapan_tertulis(context: Context, params: Params) -> Iterator[Fact]:
    """Each budget row's %, except the rows of a table whose columns are swapped (one finding
    for the table, ``kolom_tertukar``)."""
    swapped = {id(check) for rows in swapped_tables(context).values() for _, check in rows}
    yield from _facts(context, params, [(subject, check) for subject, check
                                        in context.stated.budget_rows if id(check) not in swapped])


def kolom_tertukar(context: Context, params: Params) -> Iterator[Fact]:
    """One finding per budget table whose Pagu and Realisasi columns look swapped, at its first
    such row, with every other such row and the amounts as related places."""
    for place, rows in swapped_tables(context).items():
        subject, first = rows[0]
        fact = _fact(context, subject, first)
        related = tuple(check.comparison.stated.location for _, check in rows[1:])
        related += tuple(cell for _, check in rows for cell in check.inputs)
        values = {**fact.values, "tempat": place, "jumlah": str(len(rows)),
                  "baris": tuple(subject for subject, _ in rows)}
        yield Fact(fact.location, values, related, fact.found, fact.expected, None)


def efisiensi_tertulis(context: Context, params: Params) -> Iterator[Fact]:
    yield from _facts(context, params, context.stated.efficiency_rows)
