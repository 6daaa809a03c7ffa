"""The budget structure since Permendagri 90/2019: a parent row adds up its printed children.

Budget tables of an LKjIP print urusan -> bidang -> program -> kegiatan -> sub kegiatan, each
with pagu, realisasi and %. The children of a parent are the rows of the same table whose
entity names it as budget parent (``kegiatan.program``, ``sub_kegiatan.kegiatan``...). A parent's
pagu and realisasi must equal the sums of its printed children, and a parent that prints only
its % must print the ratio of those sums. A child that prints no amount stands for the sum of
its own children, so a sum may reach several levels down.

When the table does not print every child (the place says ``sebagian``, or a declared child
has no row there) — at any level a sum went through — the sum cannot settle it: that is a
separate, weaker rule, so a reviewer knows the table is incomplete, not wrong. A sum built on
an incompletely printed subtree is never the basis of an error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip_lint import formulas
from sakip_lint.checks.common import judge
from sakip_lint.comparison import Verdict
from sakip_lint.location import Fix, Subject
from sakip_lint.messages import Text, term
from sakip_lint.hierarchy import BUDGET_PARENT
from sakip_lint.model import Report, Role, Row
from sakip_lint.numbers import written_like
from sakip_lint.rule import Context, Fact, Params, ParamSpec

AMOUNTS = ("pagu", "realisasi_anggaran")
CHILDREN = {"lengkap": True, "sebagian": False}
SUM_PARAMS = {"rincian": ParamSpec(frozenset(CHILDREN), default=("lengkap",))}
SHARE_PARAMS = SUM_PARAMS
SUM_PLACEHOLDERS = frozenset({"kolom", "jumlah_anak", "anak", "selisih", "tidak_dicetak"})
SHARE_PLACEHOLDERS = frozenset({"jumlah_pagu", "jumlah_realisasi", "anak", "penjelasan",
                                "tidak_dicetak"})

Numbered = tuple[int, Row]  # a row of a budget table with its index there


def budget_parent(report: Report, ident: str) -> str | None:
    """The id of the entity one level up in the budget structure, if declared."""
    kind = report.kind_of(ident)
    field = BUDGET_PARENT.get(kind or "")
    return getattr(report.entity(ident), field, None) if field else None


@dataclass(frozen=True)
class BudgetTable:
    """One budget table: which rows it prints under each parent, and which declared children
    it leaves out."""

    place: str
    partial: bool  # the place says it prints only some children (``sebagian``)
    printed: dict[str, list[Numbered]]  # parent id -> its child rows in this table
    declared: dict[str, list[str]]  # parent id -> the ids of its declared children

    def unprinted(self, ident: str) -> tuple[str, ...]:
        shown = {row.id for _, row in self.printed.get(ident, ())}
        return tuple(child for child in self.declared.get(ident, ()) if child not in shown)


@dataclass(frozen=True)
class Sum:
    """What the children of a parent add up to in one column, and what the sum rests on."""

    total: Decimal | None  # None: a printed child leaves the column unknown
    rows: tuple[Numbered, ...]  # the rows whose printed amounts were added
    unprinted: tuple[str, ...]  # declared children with no row, at every level summed through


@dataclass(frozen=True)
class Family:
    """A parent row of a budget table with the rows of its children in the same table."""

    table: BudgetTable
    index: int
    row: Row
    children: tuple[Numbered, ...]

    @property
    def place(self) -> str:
        return self.table.place

    def complete(self, *sums: Sum) -> bool:
        """Whether these sums rest on every child, at every level they went through."""
        return not self.table.partial and not any(total.unprinted for total in sums)


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
        printed: dict[str, list[Numbered]] = {}
        for index, row in enumerate(place.baris):
            parent = budget_parent(report, row.id)
            if parent is not None:
                printed.setdefault(parent, []).append((index, row))
        table = BudgetTable(name, place.sebagian, printed, declared)
        for index, row in enumerate(place.baris):
            if printed.get(row.id):
                yield Family(table, index, row, tuple(printed[row.id]))


def _amount(context: Context, place: str, index: int, column: str) -> Decimal | None:
    value = context.loaded.cell(place, index, column)
    return value.number if value is not None and value.has_number else None


def children_sum(context: Context, table: BudgetTable, ident: str, column: str) -> Sum:
    """The sum of ``column`` over the printed children of ``ident``. A child that prints no
    amount (a kegiatan row that only heads its sub kegiatan) stands for the sum of its own
    children, and the children that sum leaves out are left out of this one too."""
    total: Decimal | None = Decimal(0)
    rows: list[Numbered] = []
    unprinted = list(table.unprinted(ident))
    for index, child in table.printed.get(ident, ()):
        if getattr(child, column) is not None:
            amount = _amount(context, table.place, index, column)
            rows.append((index, child))
        elif table.printed.get(child.id):
            below = children_sum(context, table, child.id, column)
            amount = below.total
            rows += below.rows
            unprinted += below.unprinted
        else:
            amount = None  # a child printing neither its amount nor children of its own
        total = None if total is None or amount is None else total + amount
    return Sum(total, tuple(rows), tuple(unprinted))


def _percentages(context: Context, family: Family, rows) -> list[Decimal]:
    """The % the children print, going down to the level that prints them."""
    found = []
    for index, row in rows:
        value = _amount(context, family.place, index, "persen_anggaran")
        if value is not None:
            found.append(value)
        else:
            found += _percentages(context, family, family.table.printed.get(row.id, ()))
    return found


def _counted(context: Context, rows: tuple[Numbered, ...]) -> Text:
    """What was added up, said by kind: '4 sub kegiatan', '1 kegiatan dan 2 sub kegiatan'."""
    report = context.loaded.report
    kinds = Counter(report.kind_of(row.id) for _, row in rows)
    if not kinds:
        return term("budget.counted", count=0, kind=term("kinds.rincian"))
    parts = [term("budget.counted", count=count,
                  kind=term(f"kind.{kind}" if count == 1 else f"kinds.{kind}"))
             for kind, count in kinds.items()]
    said = parts[0]
    for at, part in enumerate(parts[1:], start=2):
        said = term("budget.and" if at == len(parts) else "budget.comma", first=said, second=part)
    return said


def _unprinted(family: Family, *sums: Sum) -> Text | str:
    """Why the sum is incomplete: the children without a row, or the place's own mark."""
    missing = tuple(dict.fromkeys(ident for total in sums for ident in total.unprinted))
    if missing:
        return term("budget.unprinted", ids=", ".join(missing))
    return term("budget.partial-place") if family.table.partial else ""


def _subject(context: Context, ident: str) -> Subject:
    return context.loaded.subject(ident)


def jumlah_anak_anggaran(context: Context, params: Params) -> Iterator[Fact]:
    """A parent's pagu or realisasi that is not the sum of its printed children."""
    complete = CHILDREN[params["rincian"][0]]
    loaded = context.loaded
    for family in families(loaded.report):
        for column in AMOUNTS:
            summed = children_sum(context, family.table, family.row.id, column)
            if family.complete(summed) is not complete:
                continue
            stated_raw = getattr(family.row, column)
            stated = _amount(context, family.place, family.index, column)
            if stated is None or summed.total is None or stated == summed.total:
                continue
            location = loaded.row_location(family.place, family.index, column)
            related = tuple(loaded.row_location(family.place, index, column)
                            for index, _ in summed.rows)
            style = loaded.style_at(family.place, column)  # the amounts as the column writes them
            expected = context.number(summed.total, style=style)
            fix = Fix(location, written_like(expected, stated_raw), safe=False,
                      suggestion_only=True)  # which side: the compiler's call
            yield Fact(location, {"subjek": _subject(context, family.row.id), "tempat": family.place,
                                  "kolom": term(f"column.{column}"),
                                  "jumlah_anak": expected, "anak": _counted(context, summed.rows),
                                  "selisih": context.number(stated - summed.total, style=style),
                                  "tidak_dicetak": _unprinted(family, summed)},
                       related, stated_raw, expected, fix)


def persen_induk_anggaran(context: Context, params: Params) -> Iterator[Fact]:
    """A parent row that prints its % but not both amounts: the % of the children's sums."""
    complete = CHILDREN[params["rincian"][0]]
    loaded = context.loaded
    for family in families(loaded.report):
        row = family.row
        if row.persen_anggaran is None:
            continue
        if row.pagu is not None and row.realisasi_anggaran is not None:
            continue  # its own columns decide its % (BUD001), and the sums check them (BUD004)
        pagu = children_sum(context, family.table, row.id, "pagu")
        spent = children_sum(context, family.table, row.id, "realisasi_anggaran")
        if family.complete(pagu, spent) is not complete:
            continue
        stated = loaded.cell(family.place, family.index, "persen_anggaran")
        if not pagu.total or spent.total is None or not stated.has_number:
            continue
        exact = formulas.absorption(context.config, pagu.total, spent.total).exact
        verdict, _ = judge(context, stated, exact, computed=True)
        if verdict is not Verdict.DIFFERS:
            continue
        location = loaded.row_location(family.place, family.index, "persen_anggaran")
        summed = tuple({index: (index, child) for index, child in pagu.rows + spent.rows}.values())
        related = tuple(loaded.row_location(family.place, index, column)
                        for index, _ in summed for column in AMOUNTS)
        # each number as the column it belongs to writes it (a % column may differ from the
        # amounts': '88.6' beside '1.743.400.365')
        style = {column: loaded.style_at(family.place, column)
                 for column in ("persen_anggaran", *AMOUNTS)}
        expected = context.number(context.config.rounding.apply(exact),
                                  style=style["persen_anggaran"])
        explanation: object = ""
        shares = _percentages(context, family, family.children)
        if shares:
            mean = sum(shares, Decimal(0)) / len(shares)
            if judge(context, stated, mean, computed=True)[0] is not Verdict.DIFFERS:
                explanation = Text("explain.mean-of-percentages",
                                   (("alternative", context.number(
                                       mean, 2, style["persen_anggaran"])),))
        # with every child printed the ratio is the parent's; with some missing it is only a
        # hint. Written at the precision the cell prints, as a row's own % is
        replacement = context.config.rounding.replacement(exact, stated.decimals or 0, True)
        fix = Fix(location, written_like(context.number(replacement,
                                                        style=style["persen_anggaran"]),
                                         stated.raw), safe=complete)
        yield Fact(location, {"subjek": _subject(context, row.id), "tempat": family.place,
                              "jumlah_pagu": context.number(pagu.total, style=style["pagu"]),
                              "jumlah_realisasi": context.number(
                                  spent.total, style=style["realisasi_anggaran"]),
                              "anak": _counted(context, summed), "penjelasan": explanation,
                              "tidak_dicetak": _unprinted(family, pagu, spent)},
                   related, row.persen_anggaran, expected, fix)
