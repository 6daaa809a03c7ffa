"""Budget rows: a realisation above the budget is suspicious.

A row whose stated percentage is pagu / realisasi is left to the absorption rule, which says
the columns look swapped; reporting it here too would be the same error twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_lint.checks.common import judge
from sakip_lint.comparison import Verdict
from sakip_lint.model import Role
from sakip_lint.rule import Context, Fact, Params

HUNDRED = Decimal(100)
PLACEHOLDERS = frozenset({"pagu", "selisih"})


def _swapped(context: Context, stated, pagu: Decimal, spent: Decimal) -> bool:
    """The stated % is wrong as realisasi / pagu but right as pagu / realisasi (BUD001's case)."""
    if not stated.has_number:
        return False
    right = (Verdict.MATCH, Verdict.ROUNDING)
    return (judge(context, stated, spent / pagu * HUNDRED, computed=True)[0] not in right
            and judge(context, stated, pagu / spent * HUNDRED, computed=True)[0] in right)


def spent_over_budget(context: Context, params: Params) -> Iterator[Fact]:
    report = context.loaded.report
    parse = context.loaded.parse
    for place, index, row in report.rows():
        if report.tempat[place].peran is not Role.ANGGARAN or row.pagu is None:
            continue
        pagu, spent = parse(row.pagu), parse(row.realisasi_anggaran)
        if not (pagu.has_number and spent.has_number) or spent.number <= pagu.number:
            continue
        location = context.loaded.row_location(place, index, "realisasi_anggaran")
        if row.persen_anggaran is not None and _swapped(context, parse(row.persen_anggaran),
                                                        pagu.number, spent.number):
            continue
        yield Fact(location, {"subjek": f"{report.kind_of(row.id)} {row.id}",
                              "ditemukan": row.realisasi_anggaran, "diharapkan": row.pagu,
                              "pagu": row.pagu, "tempat": place,
                              "selisih": context.number(spent.number - pagu.number)},
                   (context.loaded.row_location(place, index, "pagu"),),
                   row.realisasi_anggaran, row.pagu)
