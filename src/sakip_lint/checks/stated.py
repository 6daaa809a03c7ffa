"""Stated capaian, absorption and efficiency against what the rules compute.

One mechanism per quantity; the ``hasil`` parameter selects which verdicts a rule reports, so
that a real difference (an error) and a difference that is only the report's rounding habit
(a warning) are two rules over one computation.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_lint.capaian import StatedCheck
from sakip_lint.comparison import Verdict
from sakip_lint.findings import Fix
from sakip_lint.messages import Text, term
from sakip_lint.rule import Context, Fact, Params, ParamSpec

VERDICTS = {"beda": Verdict.DIFFERS, "pembulatan": Verdict.ROUNDING, "bukan_angka": Verdict.NOT_NUMBER}
PARAMS = {"hasil": ParamSpec(frozenset(VERDICTS), multiple=True, default=("beda",))}
PLACEHOLDERS = frozenset({"selisih", "tepat", "toleransi", "penjelasan"})


def _fact(context: Context, subject: object, check: StatedCheck) -> Fact:
    comparison, computed = check.comparison, check.computed
    stated = comparison.stated
    expected = context.number(computed.rounded)
    explanation: object = ""
    if check.explanation is not None:
        explanation = Text(check.explanation,
                           (("alternative", context.number(check.alternative.rounded)),)
                           + check.explanation_args)
    difference = "" if comparison.difference is None else context.number(comparison.difference)
    fix = None
    safe_place = stated.location.pointer.startswith("/tempat/")
    # the computed value is safe to write in, unless the columns it is computed from look
    # swapped: then which cell is wrong is the compiler's call
    if (comparison.verdict is Verdict.DIFFERS and safe_place
            and check.explanation != "explain.swapped-columns"):
        decimals = max(stated.value.decimals or 0, context.config.rounding.decimals)
        fix = Fix(stated.location, context.number(computed.rounded, decimals), safe=True)
    values = {"subjek": subject, "ditemukan": stated.value.raw, "diharapkan": expected,
              "selisih": difference, "tempat": stated.location.place or "",
              "tepat": context.number(computed.exact.quantize(Decimal("0.0001"))),
              "toleransi": context.number(context.config.tolerance), "penjelasan": explanation}
    return Fact(stated.location, values, check.inputs, stated.value.raw, expected, fix)


def _facts(context: Context, params: Params, checks) -> Iterator[Fact]:
    wanted = {VERDICTS[name] for name in params["hasil"]}
    for subject, check in checks:
        if check.comparison.verdict in wanted:
            yield _fact(context, subject, check)


def stated_capaian(context: Context, params: Params) -> Iterator[Fact]:
    report = context.capaian
    checks = [(f"indikator {r.indikator.id}", check) for r in report.indicators
              for check in (r.stated, *r.claims)]
    checks += [(f"indikator {r.indikator.id}", r.stated) for r in report.rows]
    for result in report.sasaran:
        checks += [(f"sasaran {result.sasaran.id}", check) for check in result.stated_capaian]
    checks += [(term("subject.overall"), check) for check in report.overall.stated_capaian]
    yield from _facts(context, params, checks)


SWAPPED = "explain.swapped-columns"
SWAP_PLACEHOLDERS = frozenset({"baris", "jumlah"})


def swapped_tables(context: Context) -> dict[str, list[tuple[str, StatedCheck]]]:
    """Budget tables where two or more rows print pagu / realisasi as their %: the Pagu and
    Realisasi columns are swapped, one cause for the whole table."""
    by_place: dict[str, list[tuple[str, StatedCheck]]] = {}
    for subject, check in context.capaian.budget_rows:
        if check.explanation == SWAPPED:
            by_place.setdefault(check.comparison.stated.location.place, []).append((subject, check))
    return {place: rows for place, rows in by_place.items() if len(rows) > 1}


def stated_absorption(context: Context, params: Params) -> Iterator[Fact]:
    """Each budget row's %, except the rows of a table whose columns are swapped (one finding
    for the table, ``kolom_tertukar``)."""
    swapped = {id(check) for rows in swapped_tables(context).values() for _, check in rows}
    yield from _facts(context, params, [(subject, check) for subject, check
                                        in context.capaian.budget_rows if id(check) not in swapped])


def swapped_columns(context: Context, params: Params) -> Iterator[Fact]:
    """One finding per budget table whose Pagu and Realisasi columns look swapped, at its first
    such row, with every other such row and the amounts as related places."""
    for place, rows in swapped_tables(context).items():
        subject, first = rows[0]
        fact = _fact(context, subject, first)
        related = tuple(check.comparison.stated.location for _, check in rows[1:])
        related += tuple(cell for _, check in rows for cell in check.inputs)
        values = {**fact.values, "tempat": place, "jumlah": str(len(rows)),
                  "baris": ", ".join(str(subject) for subject, _ in rows)}
        yield Fact(fact.location, values, related, fact.found, fact.expected, None)


def stated_efficiency(context: Context, params: Params) -> Iterator[Fact]:
    yield from _facts(context, params, context.capaian.efficiency_rows)
