"""Claims of the prose recomputed from the tables: counts, cells, averages, totals, rankings
and categories.

What a claim is about (``tentang``) decides how it is recomputed. A figure copied from a table
must be equal; a figure the prose computed (an average, a percentage) may differ by rounding,
which a separate rule reports as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip_lint import formulas
from sakip_lint.checks.common import (cells, column_numbers, data_rows, judge,
                                      table_by_id, table_cell, table_location)
from sakip_lint.checks.stated import VERDICTS
from sakip_lint.comparison import Verdict, within
from sakip_lint.config import Band
from sakip_lint.location import Location, Subject
from sakip_lint.messages import term
from sakip_lint.model import Claim, Role
from sakip_lint.prose import figures
from sakip_lint.rule import Context, Fact, Params, ParamSpec
from sakip_lint.scales import category_scale



@dataclass(frozen=True)
class Expected:
    value: Decimal | str  # a number, or words for qualitative values
    computed: bool  # True: the prose computed it (rounding allowed); False: copied, must be equal
    related: tuple[Location, ...] = ()


def _sasaran_of_tujuan(context: Context, claim: Claim) -> list:
    sasaran = context.loaded.report.sasaran
    return [s for s in sasaran if s.tujuan in claim.tujuan] if claim.tujuan else sasaran


def _count_sasaran(context: Context, claim: Claim) -> Expected:
    return Expected(Decimal(len(_sasaran_of_tujuan(context, claim))), False)


def _count_indicators(context: Context, claim: Claim) -> Expected:
    ids = set(claim.sasaran) or {s.id for s in _sasaran_of_tujuan(context, claim)}
    count = sum(1 for indikator in context.loaded.report.indikator if indikator.sasaran in ids)
    return Expected(Decimal(count), False)


def _table(context: Context, claim: Claim):
    return table_by_id(context, claim.tabel)


def _cell(context: Context, claim: Claim) -> Expected | None:
    found = _table(context, claim)
    if found is None or claim.baris is None or claim.kolom is None:
        return None
    cell = table_cell(context, *found, claim.baris, claim.kolom)
    if cell is None or cell.value is None or not cell.value.has_number:
        return None
    location = table_location(context, cell.table_index, cell.row_index, cell.column_index)
    return Expected(cell.value.number, False, (location,))


def _column_average(context: Context, claim: Claim) -> Expected | None:
    """The average of a column (total rows left out), or with ``baris`` and ``kolom_baris``
    the average across that row of the columns named (realisasi 2012-2015 of one indicator)."""
    found = _table(context, claim)
    if found is not None and claim.baris is not None and claim.kolom_baris:
        cells = [table_cell(context, *found, claim.baris, column) for column in claim.kolom_baris]
        numbers = [cell.value.number for cell in cells
                   if cell is not None and cell.value is not None and cell.value.has_number]
        if not numbers:
            return None
        return Expected(sum(numbers) / len(numbers), True, (table_location(context, found[0]),))
    if found is None or claim.kolom not in found[1].kolom:
        return None
    numbers = column_numbers(context, found[1], claim.kolom)
    if not numbers:
        return None
    return Expected(sum(numbers) / len(numbers), True, (table_location(context, found[0]),))


def _row_difference(context: Context, claim: Claim) -> Expected | None:
    """A change stated in the prose ('peningkatan sebesar 8,54'): the last of the columns
    ``kolom_baris`` of row ``baris`` minus the first."""
    found = _table(context, claim)
    if found is None or claim.baris is None or len(claim.kolom_baris) != 2:
        return None
    cells = [table_cell(context, *found, claim.baris, column) for column in claim.kolom_baris]
    if any(cell is None or cell.value is None or not cell.value.has_number for cell in cells):
        return None
    related = tuple(table_location(context, c.table_index, c.row_index, c.column_index)
                    for c in cells)
    return Expected(cells[1].value.number - cells[0].value.number, True, related)


def _row_count(context: Context, claim: Claim, filled: bool) -> Expected | None:
    found = _table(context, claim)
    if found is None:
        return None
    table_index, table = found
    if filled:
        if claim.kolom not in table.kolom:
            return None
        count = len(column_numbers(context, table, claim.kolom))
    else:
        count = len(data_rows(table))
    return Expected(Decimal(count), False, (table_location(context, table_index),))


def _indicator_value(context: Context, claim: Claim, column: str) -> Expected | None:
    """The target or realisasi of the claim's indicator for the claim's year: a yearly column
    printed for that year first; else, for the report year, the annual value of the PK and
    measurement tables, and for the last year of the Renstra period its end target."""
    if not claim.indikator:
        return None
    ident = claim.indikator[0]
    report = context.loaded.report
    yearly = "realisasi_tahun" if column == "realisasi" else "target_tahun"
    for place, index, row in report.rows_of(ident):
        raw = getattr(row, yearly).get(claim.tahun if claim.tahun is not None else report.tahun)
        if raw is not None:
            location = context.loaded.location(
                ("tempat", place, "baris", str(index), yearly, str(claim.tahun or report.tahun)),
                subject=context.loaded.row_subject(place, index), place=place)
            return _copied(context.loaded.parse(raw), location)
    if claim.tahun in (None, report.tahun):
        roles = (("pengukuran", "analisis") if column == "realisasi"
                 else context.config.annual_target)
        cell = next(iter(cells(context, ident, column, roles)), None)
        return None if cell is None else _copied(cell.value, cell.location)
    end_year = report.periode_renstra[1] if report.periode_renstra else None
    if column == "target" and claim.tahun == end_year:
        cell = next(iter(cells(context, ident, "target_akhir", [r.value for r in Role])), None)
        return None if cell is None else _copied(cell.value, cell.location)
    return None


def _copied(value, location) -> Expected | None:
    if value.has_number:
        return Expected(value.number, False, (location,))
    if value.kind == "text":
        return Expected(value.label or value.raw, False, (location,))
    return None


def _budget_rows(context: Context):
    report = context.loaded.report
    return [(place, index, row) for place, index, row in report.rows()
            if report.tempat[place].peran is Role.ANGGARAN and report.kind_of(row.id) == "sasaran"]


def _budget_sum(context: Context, column: str) -> Expected | None:
    """The sum of a column over the sasaran rows of the budget tables, with every cell added."""
    added = [(value.number, context.loaded.row_location(place, index, column))
             for place, index, row in _budget_rows(context) if getattr(row, column) is not None
             for value in (context.loaded.cell(place, index, column),) if value.has_number]
    if not added:
        return None
    return Expected(sum(number for number, _ in added), False,
                    tuple(location for _, location in added))


def _claimed_number(context: Context, about: str) -> Expected | None:
    """The first figure the prose states about ``about``, where it is written."""
    for figure in figures(context.loaded, about):
        value = figure.value
        if value.has_number:
            return Expected(value.number, False, (figure.location,))
    return None


def _total_absorption(context: Context, claim: Claim) -> Expected | None:
    """The prose's own totals when it states them, else the budget table's sums; the figures
    or cells it is computed from are its related places."""
    pagu = _claimed_number(context, "anggaran_pagu_total")
    spent = _claimed_number(context, "anggaran_realisasi_total")
    if pagu is None or spent is None:
        pagu, spent = _budget_sum(context, "pagu"), _budget_sum(context, "realisasi_anggaran")
        if pagu is None or spent is None:
            return None
    found = formulas.absorption(context.config, pagu.value, spent.value)
    return Expected(found.exact, True, pagu.related + spent.related) if found.ok else None


def _absorption_of_sasaran(context: Context, claim: Claim) -> Expected | None:
    """The average of the absorption the tables state for the sasaran the claim names."""
    numbers, related = [], []
    for ident in claim.sasaran:
        for role in (Role.EFISIENSI, Role.ANGGARAN):
            found = [(p, i, r) for p, i, r in context.loaded.report.rows_of(ident, role)
                     if r.persen_anggaran is not None]
            if found:
                place, index, row = found[0]
                value = context.loaded.cell(place, index, "persen_anggaran")
                if value.has_number:
                    numbers.append(value.number)
                    related.append(context.loaded.row_location(place, index, "persen_anggaran"))
                break
    if not numbers or len(numbers) != len(claim.sasaran):
        return None
    return Expected(sum(numbers) / len(numbers), len(numbers) > 1, tuple(related))


def _evaluation_score(context: Context, claim: Claim) -> Expected | None:
    found = _table(context, claim)
    if found is None or not found[1].baris_total:
        return None
    table_index, table = found
    column = next((c for c, year in table.kolom_tahun.items() if year == claim.tahun), None)
    if column is None:
        return None
    cell = table_cell(context, table_index, table, table.baris_total[0], column)
    if cell is None or cell.value is None or not cell.value.has_number:
        return None
    location = table_location(context, table_index, cell.row_index, cell.column_index)
    return Expected(cell.value.number, False, (location,))


MEASURES = {
    "jumlah_sasaran": _count_sasaran,
    "jumlah_indikator": _count_indicators,
    "sel": _cell,
    "peringkat": _cell,  # the value a ranking claim quotes is the cell it ranks
    "rata_rata": _column_average,
    "selisih": _row_difference,
    "jumlah_baris": lambda context, claim: _row_count(context, claim, filled=False),
    "jumlah_baris_terisi": lambda context, claim: _row_count(context, claim, filled=True),
    "target_indikator": lambda context, claim: _indicator_value(context, claim, "target"),
    "realisasi_indikator": lambda context, claim: _indicator_value(context, claim, "realisasi"),
    "anggaran_pagu_total": lambda context, claim: _budget_sum(context, "pagu"),
    "anggaran_realisasi_total": lambda context, claim: _budget_sum(context, "realisasi_anggaran"),
    "anggaran_penyerapan_total": _total_absorption,
    "penyerapan_sasaran": _absorption_of_sasaran,
    "nilai_evaluasi": _evaluation_score,
}
NUMBER_PARAMS = {
    "hasil": ParamSpec(frozenset(VERDICTS) - {"bukan_angka"}, multiple=True, default=("beda",)),
    "tentang": ParamSpec(frozenset(MEASURES), multiple=True, default=tuple(sorted(MEASURES))),
}
PLACEHOLDERS = frozenset({"selisih", "kutipan", "tentang", "sumber"})


def _values(context: Context, claim: Claim, difference: str,
            source: Expected | None = None) -> dict[str, object]:
    """Message values; ``sumber`` names where the compared value comes from, so the finding
    states a disagreement between two places rather than guessing which one is wrong."""
    if source is None or source.computed or not source.related:
        origin: object = term("word.computation")
    else:
        origin = source.related[0].place or term("word.computation")
    return {"subjek": Subject("klaim", claim.id), "selisih": difference, "tempat": claim.di,
            "kutipan": claim.kutipan, "tentang": claim.tentang, "sumber": origin}


def klaim_angka(context: Context, params: Params) -> Iterator[Fact]:
    """A figure the prose states as a value (a bound is ``klaim_batas``'s) against its source."""
    wanted = {VERDICTS[name] for name in params["hasil"]}
    for figure in figures(context.loaded, params["tentang"]):
        claim = figure.claim
        if claim.batas is not None:
            continue
        expected = MEASURES[claim.tentang](context, claim)
        if expected is None:
            continue
        location = figure.location
        value = figure.value
        if isinstance(expected.value, str):
            words = (value.label or value.raw).strip().casefold()
            if Verdict.DIFFERS in wanted and words != expected.value.strip().casefold():
                yield Fact(location, _values(context, claim, "", expected),
                           expected.related, claim.nilai, expected.value)
            continue
        if not value.has_number:
            continue
        verdict, difference = judge(context, value, expected.value, expected.computed)
        shown = context.number(context.config.rounding.apply(expected.value) if expected.computed
                               else expected.value)
        if verdict in wanted:
            yield Fact(location, _values(context, claim, context.number(difference), expected),
                       expected.related, claim.nilai, shown)


def _capaian_of(context: Context, claim: Claim) -> list[Expected]:
    """The capaian a claim about capaian names, as the rules compute it (one per sasaran or
    indicator named); an indicator's with the cells it is computed from (a sasaran's or the
    whole report's is a mean of means, read from no one row)."""
    report = context.capaian
    if claim.tentang == "capaian_keseluruhan":
        found = [(report.overall.capaian, ())]
    elif claim.tentang == "capaian_sasaran":
        found = [(result.capaian, ()) for result in report.sasaran
                 if result.sasaran.id in claim.sasaran]
    else:
        found = [(result.capaian, result.inputs) for result in report.indicators
                 if result.indikator.id in claim.indikator]
    return [Expected(computed.exact, True, inputs) for computed, inputs in found if computed.ok]


CAPAIAN_CLAIMS = frozenset({"capaian_keseluruhan", "capaian_sasaran", "capaian_indikator"})
BOUND_PLACEHOLDERS = frozenset({"kutipan", "tentang", "sumber", "batas"})


def klaim_batas(context: Context, params: Params) -> Iterator[Fact]:
    """A figure the prose states as a bound ('di atas 90%', 'kurang dari 90%') that the value it
    bounds does not respect. The value is taken as the report would print it (a computed one
    rounded by the rules), so 'kurang dari 90%' fails for a capaian printed 90,00."""
    for claimed in figures(context.loaded):
        claim, figure = claimed.claim, claimed.value
        if claim.batas is None or not figure.has_number:
            continue
        if claim.tentang in CAPAIAN_CLAIMS:
            sources = _capaian_of(context, claim)
        else:
            found = MEASURES[claim.tentang](context, claim) if claim.tentang in MEASURES else None
            sources = [] if found is None else [found]
        for expected in sources:
            if isinstance(expected.value, str):
                continue  # words bound nothing
            value = (context.config.rounding.apply(expected.value) if expected.computed
                     else expected.value)
            if within(claim.batas.value, value, figure.number):
                continue
            shown = context.number(value)
            values = {**_values(context, claim, "", expected),
                      "batas": term(f"bound.{claim.batas.value}")}
            yield Fact(claimed.location, values, expected.related,
                       claim.nilai, shown)


RANK_PLACEHOLDERS = frozenset({"kutipan", "kolom", "peringkat"})


def klaim_peringkat(context: Context, params: Params) -> Iterator[Fact]:
    """'S1 is second with 132': the column named has that rank in the row (1 = largest; equal
    values share a rank). The value quoted is checked by the number rule."""
    for figure in figures(context.loaded, "peringkat"):
        claim = figure.claim
        if claim.peringkat is None or claim.kolom is None:
            continue
        found = _table(context, claim)
        if found is None or claim.baris is None:
            continue
        table_index, table = found
        values = {}
        for column in table.kolom_angka:
            cell = table_cell(context, table_index, table, claim.baris, column)
            if cell is not None and cell.value is not None and cell.value.has_number:
                values[column] = cell.value.number
        if claim.kolom not in values:
            continue
        actual = 1 + sum(1 for value in values.values() if value > values[claim.kolom])
        if actual != claim.peringkat:
            facts = {**_values(context, claim, ""), "kolom": claim.kolom,
                     "peringkat": str(actual)}
            yield Fact(figure.location, facts,
                       (table_location(context, table_index),), str(claim.peringkat), str(actual))


CATEGORY_ABOUT = ("kategori_indikator", "kategori_sasaran", "kategori_keseluruhan",
                  "predikat_evaluasi")
CATEGORY_PLACEHOLDERS = frozenset({"kutipan", "nilai"})


def _category(context: Context, claim: Claim) -> tuple[Band | None, str, tuple[Location, ...]]:
    """The band of the scale the rules give for a claim, the value it is the band of, and the
    cells that value is computed from (an indicator's target and realisasi, the evaluation
    score; a sasaran's or the whole report's capaian is a mean of means, read from no one row)."""
    results = context.capaian
    inputs: tuple[Location, ...] = ()
    if claim.tentang == "kategori_keseluruhan":
        computed = results.overall.capaian
    elif claim.tentang == "kategori_sasaran" and claim.sasaran:
        computed = next((r.capaian for r in results.sasaran if r.sasaran.id == claim.sasaran[0]), None)
    elif claim.tentang == "kategori_indikator" and claim.indikator:
        result = next((r for r in results.indicators if r.indikator.id == claim.indikator[0]), None)
        computed, inputs = (None, ()) if result is None else (result.capaian, result.inputs)
    else:
        score = _evaluation_score(context, claim)
        found = _table(context, claim)
        if score is None or found is None or found[1].skala_predikat is None:
            return None, "", ()
        scale = context.config.scale(found[1].skala_predikat, claim.tahun)
        return ((None if scale is None else scale.band_of(score.value)),
                context.number(score.value), score.related)
    if computed is None or not computed.ok:
        return None, "", ()
    scale = category_scale(context.loaded.report, context.config)  # the one the engine used
    return scale.band_of(computed.rounded), context.number(computed.rounded), inputs


def klaim_kategori(context: Context, params: Params) -> Iterator[Fact]:
    for figure in figures(context.loaded, CATEGORY_ABOUT):
        claim = figure.claim
        band, of_value, related = _category(context, claim)
        value = figure.value
        if band is None or band.named(value.label or value.raw):
            continue  # any name of the band: 'baik' is the 'Tinggi' of Permendagri 86/2017
        expected = band.shown
        values = _values(context, claim, "")
        values["nilai"] = of_value
        yield Fact(figure.location, values, related, claim.nilai, expected)
