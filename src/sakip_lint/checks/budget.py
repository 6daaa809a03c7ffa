"""Budget rows: a realisation above the budget is suspicious.

A row whose stated percentage is pagu / realisasi is left to the absorption rules, which say
the columns look swapped (the judgement of stated values explains it once); reporting it here
too would be the same error twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.comparison import SWAPPED
from sakip_lint.model import Role
from sakip_lint.rule import Context, Fact, Params

PLACEHOLDERS = frozenset({"pagu", "selisih"})


def realisasi_melebihi_pagu(context: Context, params: Params) -> Iterator[Fact]:
    report = context.loaded.report
    swapped = {check.comparison.stated.location.pointer
               for _, check in context.stated.budget_rows if check.explanation == SWAPPED}
    for place, index, row in report.rows():
        if report.tempat[place].peran is not Role.ANGGARAN or row.pagu is None:
            continue
        pagu = context.loaded.cell(place, index, "pagu")
        spent = context.loaded.cell(place, index, "realisasi_anggaran")
        if spent is None or not (pagu.has_number and spent.has_number) or spent.number <= pagu.number:
            continue
        location = context.loaded.row_location(place, index, "realisasi_anggaran")
        if context.loaded.row_location(place, index, "persen_anggaran").pointer in swapped:
            continue
        yield Fact(location, {"subjek": context.loaded.subject(row.id), "pagu": row.pagu,
                              "tempat": place,
                              "selisih": context.number(spent.number - pagu.number)},
                   (context.loaded.row_location(place, index, "pagu"),),
                   row.realisasi_anggaran, row.pagu)
