"""The budget structure since Permendagri 90/2019: a parent row adds up its printed children.

Budget tables of an LKjIP print urusan -> bidang -> program -> kegiatan -> sub kegiatan, each
with pagu, realisasi and %. The children of a parent are the rows of the same table whose
entity names it as budget parent (``kegiatan.program``, ``sub_kegiatan.kegiatan``...). A parent's
pagu and realisasi must equal the sums of its printed children, and a parent that prints only
its % must print the ratio of those sums. When the table does not print every child (the
place says ``sebagian``, or a declared child has no row there), the sums cannot settle it:
that is a separate, weaker rule, so a reviewer knows the table is incomplete, not wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip_lint import formulas
from sakip_lint.checks.common import judge
from sakip_lint.comparison import Verdict
from sakip_lint.location import Fix, Subject
from sakip_lint.messages import Text, term
from sakip_lint.model import BUDGET_PARENT, Report, Role, Row
from sakip_lint.rule import Context, Fact, Params, ParamSpec

AMOUNTS = ("pagu", "realisasi_anggaran")
CHILDREN = {"lengkap": True, "sebagian": False}
SUM_PARAMS = {"anak": ParamSpec(frozenset(CHILDREN), default=("lengkap",))}
SUM_PLACEHOLDERS = frozenset({"kolom", "jumlah_anak", "anak", "selisih", "tidak_dicetak"})
SHARE_PLACEHOLDERS = frozenset({"jumlah_pagu", "jumlah_realisasi", "anak", "penjelasan"})


def budget_parent(report: Report, ident: str) -> str | None:
    """The id of the entity one level up in the budget structure, if declared."""
    kind = report.kind_of(ident)
    field = BUDGET_PARENT.get(kind or "")
    return getattr(report.entity(ident), field, None) if field else None


@dataclass(frozen=True)
class Family:
    """A parent row of a budget table with the rows of its children in the same table."""

    place: str
    index: int
    row: Row
    children: tuple[tuple[int, Row], ...]
    unprinted: tuple[str, ...]  # declared children with no row in this table
    partial: bool  # the table prints only some children
    printed: dict[str, list[tuple[int, Row]]]  # parent id -> its child rows, in this table

    @property
    def complete(self) -> bool:
        return not self.partial and not self.unprinted


def families(report: Report) -> Iterator[Family]:
    """Every parent row of every budget table that has at least one printed child."""
    declared: dict[str, list[str]] = {}
    for kind, _, entity in report.entities():
        if kind in BUDGET_PARENT:
            parent = budget_parent(report, entity.id)
            if parent is not None:
                declared.setdefault(parent, []).append(entity.id)
    for name, place in report.tempat.items():
        if place.peran is not Role.ANGGARAN:
            continue
        printed: dict[str, list[tuple[int, Row]]] = {}
        for index, row in enumerate(place.baris):
            parent = budget_parent(report, row.id)
            if parent is not None:
                printed.setdefault(parent, []).append((index, row))
        for index, row in enumerate(place.baris):
            children = printed.get(row.id)
            if not children:
                continue
            shown = {child.id for _, child in children}
            unprinted = tuple(ident for ident in declared.get(row.id, ()) if ident not in shown)
            yield Family(name, index, row, tuple(children), unprinted, place.sebagian, printed)


def _amount(context: Context, place: str, index: int, column: str) -> Decimal | None:
    value = context.loaded.cell(place, index, column)
    return value.number if value is not None and value.has_number else None


def _total(context: Context, family: Family, index: int, row: Row, column: str) -> Decimal | None:
    """What a child row stands for: its own amount, or, when it prints none (a kegiatan row
    that only heads its sub kegiatan), the sum of its own printed children."""
    if getattr(row, column) is not None:
        return _amount(context, family.place, index, column)
    below = family.printed.get(row.id)
    if not below:
        return None
    amounts = [_total(context, family, child_index, child, column) for child_index, child in below]
    return None if any(amount is None for amount in amounts) else sum(amounts, Decimal(0))


def _percentages(context: Context, family: Family, rows) -> list[Decimal]:
    """The % the children print, going down to the level that prints them."""
    found = []
    for index, row in rows:
        value = _amount(context, family.place, index, "persen_anggaran")
        if value is not None:
            found.append(value)
        else:
            found += _percentages(context, family, family.printed.get(row.id, ()))
    return found


def _sum(context: Context, family: Family, column: str) -> Decimal | None:
    """The sum of the children's column; None when a printed child leaves it unknown."""
    amounts = [_total(context, family, index, child, column) for index, child in family.children]
    return None if any(amount is None for amount in amounts) else sum(amounts, Decimal(0))


def _subject(context: Context, ident: str) -> Subject:
    return context.loaded.subject(ident)


def parent_sums(context: Context, params: Params) -> Iterator[Fact]:
    """A parent's pagu or realisasi that is not the sum of its printed children."""
    complete = CHILDREN[params["anak"][0]]
    loaded = context.loaded
    for family in families(loaded.report):
        if family.complete is not complete:
            continue
        for column in AMOUNTS:
            stated_raw = getattr(family.row, column)
            stated = _amount(context, family.place, family.index, column)
            total = _sum(context, family, column)
            if stated is None or total is None or stated == total:
                continue
            location = loaded.row_location(family.place, family.index, column)
            related = tuple(loaded.row_location(family.place, index, column)
                            for index, _ in family.children)
            expected = context.number(total)
            fix = Fix(location, expected, safe=False)  # which side is wrong is the compiler's call
            yield Fact(location, {"subjek": _subject(context, family.row.id), "tempat": family.place,
                                  "kolom": term(f"column.{column}"), "ditemukan": stated_raw, "diharapkan": expected,
                                  "jumlah_anak": expected, "anak": len(family.children),
                                  "selisih": context.number(stated - total),
                                  "tidak_dicetak": ", ".join(family.unprinted)},
                       related, stated_raw, expected, fix)


def parent_share(context: Context, params: Params) -> Iterator[Fact]:
    """A parent row that prints its % but not both amounts: the % of the children's sums."""
    loaded = context.loaded
    for family in families(loaded.report):
        row = family.row
        if not family.complete or row.persen_anggaran is None:
            continue
        if row.pagu is not None and row.realisasi_anggaran is not None:
            continue  # its own columns decide its % (BUD001), and the sums check them (BUD004)
        pagu, spent = _sum(context, family, "pagu"), _sum(context, family, "realisasi_anggaran")
        stated = loaded.cell(family.place, family.index, "persen_anggaran")
        if not pagu or spent is None or not stated.has_number:
            continue
        exact = formulas.absorption(context.config, pagu, spent).exact
        verdict, _ = judge(context, stated, exact, computed=True)
        if verdict is not Verdict.DIFFERS:
            continue
        location = loaded.row_location(family.place, family.index, "persen_anggaran")
        related = tuple(loaded.row_location(family.place, index, column)
                        for index, _ in family.children for column in AMOUNTS)
        expected = context.number(context.config.rounding.apply(exact))
        explanation: object = ""
        shares = _percentages(context, family, family.children)
        if shares:
            mean = sum(shares, Decimal(0)) / len(shares)
            if judge(context, stated, mean, computed=True)[0] is not Verdict.DIFFERS:
                explanation = Text("explain.mean-of-percentages",
                                   (("alternative", context.number(mean, 2)),))
        yield Fact(location, {"subjek": _subject(context, row.id), "tempat": family.place,
                              "ditemukan": row.persen_anggaran, "diharapkan": expected,
                              "jumlah_pagu": context.number(pagu),
                              "jumlah_realisasi": context.number(spent),
                              "anak": len(family.children), "penjelasan": explanation},
                   related, row.persen_anggaran, expected, Fix(location, expected, safe=True))
