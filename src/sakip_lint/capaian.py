"""The capaian computation: indicator, row, sasaran and overall results, budget absorption and
efficiency, as numbers.

Every number here comes from the report's own values and the rule configuration
(``CapaianConfig``): the formulas per polarity, the rounding, the category scale and the
options. A result that cannot be computed says why (a message key), never divides by zero and
never counts a missing value as 0 unless the rules say so. Nothing here judges what the report
states: ``judgement`` compares the stated values with these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip_lint.bands import interval
from sakip_lint.config import Aggregate, CapaianConfig, MissingValue, PolarityDecision, ZeroTarget
from sakip_lint.expressions import NotComputable, evaluate
from sakip_lint import formulas
from sakip_lint.formulas import Computed
from sakip_lint.location import Location
from sakip_lint.model import Indikator, Polarity, Role, Row, Sasaran
from sakip_lint.numbers import ParsedValue, ValueKind
from sakip_lint.scales import category_scale
from sakip_lint.source import LoadedReport

HUNDRED = Decimal(100)

__all__ = ["CapaianCalculator", "CapaianReport", "Computed", "IndicatorResult", "OverallResult",
           "RowCapaian", "SasaranResult", "compute"]


@dataclass(frozen=True)
class RowCapaian:
    """The capaian of one row from its own target (or the indicator's annual target, for a row
    that prints none) and realisasi."""

    target: ParsedValue | None
    realisasi: ParsedValue | None
    capaian: Computed
    values: dict[str, Decimal] | None  # what the formula was given (None: no formula ran)
    inputs: tuple[Location, ...]  # the cells it was computed from


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    indikator: Indikator
    polarity: Polarity
    place: str | None  # the measurement table it was read from
    row: Row | None
    target: ParsedValue | None
    realisasi: ParsedValue | None
    capaian: Computed
    index: int | None = None  # the row of ``place``
    inputs: tuple[Location, ...] = ()  # the cells ``capaian`` is computed from
    values: dict[str, Decimal] | None = None  # what the formula was given
    polarity_reason: PolarityDecision | None = None  # why ``polarity``: shown for review


@dataclass(frozen=True, slots=True)
class SasaranResult:
    sasaran: Sasaran
    indicators: tuple[IndicatorResult, ...]
    capaian: Computed
    pagu: ParsedValue | None
    realisasi_anggaran: ParsedValue | None
    absorption: Computed
    efficiency: Computed


@dataclass(frozen=True)
class OverallResult:
    capaian: Computed
    absorption: Computed
    pagu_total: Decimal | None
    realisasi_total: Decimal | None


@dataclass(frozen=True)
class CapaianReport:
    indicators: tuple[IndicatorResult, ...]
    sasaran: tuple[SasaranResult, ...]
    overall: OverallResult


class CapaianCalculator:
    """The formulas of the rules applied to one report."""

    def __init__(self, loaded: LoadedReport, config: CapaianConfig) -> None:
        self.loaded = loaded
        self.report = loaded.report
        self.config = config
        # the report's own category scale when it prints one, else the rules'
        self.category_scale = category_scale(loaded.report, config)
        # the capaian of each row from its own target and realisasi, shared by every
        # calculator on this report and these rules (a mechanism asks again for the category
        # a row prints, the judgement for the capaian a row prints)
        self._row_capaian: dict[tuple[str, str, int], Computed] = loaded.computed(config)

    def finish(self, exact: Decimal) -> Computed:
        """An exact result capped, rounded and classified as the rules say."""
        if self.config.cap is not None and exact > self.config.cap:
            exact = self.config.cap
        rounded = self.config.rounding.apply(exact)
        return Computed(exact, rounded, self.category_scale.classify(rounded))

    def cells(self, place: str, index: int, *fields: str) -> tuple[Location, ...]:
        """Where the fields a row prints are (those it leaves empty are no input)."""
        row = self.report.tempat[place].baris[index]
        return tuple(self.loaded.row_location(place, index, field) for field in fields
                     if getattr(row, field) is not None)

    # -- indicators --------------------------------------------------------------------
    def indicator(self, indikator: Indikator) -> IndicatorResult:
        decision = self.config.polarity_decision(indikator.teks, indikator.polaritas,
                                                 indikator.tipe == "kualitatif")
        polarity = decision.polarity
        rows = list(self.report.rows_of(indikator.id, Role.PENGUKURAN))
        if not rows:
            missing = Computed(reason="capaian.not-computable.no-measurement")
            return IndicatorResult(indikator, polarity, None, None, None, None, missing,
                                   polarity_reason=decision)
        place, index, row = rows[0]
        found = self.row(indikator, polarity, place, index)
        return IndicatorResult(indikator, polarity, place, row, found.target, found.realisasi,
                               found.capaian, index, found.inputs, found.values,
                               polarity_reason=decision)

    def row(self, indikator: Indikator, polarity: Polarity, place: str, index: int) -> RowCapaian:
        """Target, realisasi and capaian of one row, on the row's own basis."""
        basis = self.report.tempat[place].baris[index].basis
        target = self.loaded.cell(place, index, basis)
        inputs = self.cells(place, index, basis, "realisasi")
        borrowed = target is None and basis == "target"
        if borrowed:
            target, borrowed_from = self.annual_target(indikator.id)
            inputs += borrowed_from
        realisasi = self.loaded.cell(place, index, "realisasi")
        capaian, values = self._indicator_capaian(indikator, polarity, target, realisasi)
        if not borrowed:
            self._row_capaian.setdefault((indikator.id, place, index), capaian)
        return RowCapaian(target, realisasi, capaian, values, inputs)

    def annual_target(self, ident: str) -> tuple[ParsedValue | None, tuple[Location, ...]]:
        """The annual target of an indicator for a row that prints a capaian without one (a
        table of realisasi and capaian per year), with where it was read: from the first of
        the tables the rules' ``target tahunan dari`` lists that prints one."""
        for role in self.config.annual_target:
            for place, index, row in self.report.rows_of(ident, role):
                if row.target is not None:
                    return (self.loaded.cell(place, index, "target"),
                            (self.loaded.row_location(place, index, "target"),))
        return None, ()

    def row_capaian(self, indikator: Indikator, place: str, index: int) -> Computed:
        """The capaian computed from one row's own target and realisasi (for the category
        that row prints)."""
        key = (indikator.id, place, index)
        if key not in self._row_capaian:
            polarity = self.config.polarity_of(indikator.teks, indikator.polaritas,
                                               indikator.tipe == "kualitatif")
            row = self.report.tempat[place].baris[index]
            target = self.loaded.cell(place, index, row.basis)
            realisasi = self.loaded.cell(place, index, "realisasi")
            self._row_capaian[key] = self._indicator_capaian(indikator, polarity, target,
                                                             realisasi)[0]
        return self._row_capaian[key]

    def _indicator_capaian(self, indikator: Indikator, polarity: Polarity,
                           target: ParsedValue | None, realisasi: ParsedValue | None):
        """The capaian and the values the formula was given (None when not computable)."""
        if target is None or target.kind is ValueKind.NONE:
            return Computed(reason="capaian.not-computable.no-target"), None
        if realisasi is None or realisasi.kind is ValueKind.NONE:
            return Computed(reason="capaian.not-computable.no-realisasi"), None
        if polarity is Polarity.KUALITATIF:
            values = self._scale_positions(indikator, target, realisasi)
            if isinstance(values, str):
                return Computed(reason=values), None
            return self.formula(polarity.value, values), values
        if target.kind is ValueKind.RANGE:
            return self._range(target, realisasi, polarity)
        if not (target.has_number and realisasi.has_number):
            return Computed(reason="capaian.not-computable.not-a-number"), None
        if target.number == 0:
            if self.config.zero_target is ZeroTarget.HUNDRED_IF_ZERO and realisasi.number == 0:
                return self.finish(HUNDRED), None
            return Computed(reason="capaian.not-computable.zero-target"), None
        values = {"target": target.number, "realisasi": realisasi.number}
        return self.formula(polarity.value, values), values

    def formula(self, kind: str, values: dict[str, Decimal]) -> Computed:
        """The capaian formula of ``kind`` (a polarity, a side of a band) over ``values``."""
        formula = self.config.formulas.get(kind)
        if formula is None:
            return Computed(reason="capaian.not-computable.range-target")
        try:
            return self.finish(evaluate(formula.expression, values))
        except NotComputable as error:
            return Computed(reason=error.reason)

    def _range(self, target: ParsedValue, realisasi: ParsedValue, polarity: Polarity):
        """A target band ('80 - 90', '≥ 75', 'maks. 5'), as PermenPAN-RB 6/2022 measures one.

        Inside the band: the option ``capaian_dalam_rentang`` (100). Outside it, a positive
        indicator uses ``rentang_bawah`` below the band and ``rentang_atas`` above it (a missing
        bound of a one-sided band is simply absent from the values). A negative indicator uses
        its own ``negatif`` formula against the bound it crossed — the lower one when below,
        the upper one when above — as the regulation's 'kondisi khusus' example does (target
        7 - 8 bulan: realisasi 6,5 against 7 gives 107 %, realisasi 9 against 8 gives 87,5 %);
        so 'maks. 5' with realisasi 6 gives (5 - (6 - 5)) / 5 = 80 %.
        Returns the capaian and the values the formula was given (for wrong-formula hints).
        """
        if not realisasi.has_number:
            return Computed(reason="capaian.not-computable.not-a-number"), None
        value, band = realisasi.number, interval(target)
        assert band is not None  # a RANGE always reads as an interval
        if band.contains(value):
            return self.finish(self.config.inside_range), None
        below = band.below_low(value)
        if polarity is Polarity.NEGATIF:
            bound = band.low if below else band.high
            if bound == 0:
                return Computed(reason="capaian.not-computable.zero-target"), None
            values = {"target": bound, "realisasi": value}
            return self.formula(Polarity.NEGATIF.value, values), values
        values = {"realisasi": value, "target_bawah": band.low, "target_atas": band.high}
        return self.formula("rentang_bawah" if below else "rentang_atas", values), None

    @staticmethod
    def _scale_positions(indikator: Indikator, target: ParsedValue,
                         realisasi: ParsedValue) -> dict[str, Decimal] | str:
        if not indikator.skala:
            return "capaian.not-computable.no-scale"
        steps = [step.casefold() for step in indikator.skala]

        def position(value: ParsedValue) -> int | None:
            word = (value.label or value.raw).strip().casefold()
            return steps.index(word) + 1 if word in steps else None

        target_position, realisasi_position = position(target), position(realisasi)
        if target_position is None or realisasi_position is None:
            return "capaian.not-computable.not-on-scale"
        return {"posisi_target": Decimal(target_position),
                "posisi_realisasi": Decimal(realisasi_position),
                "jumlah_posisi": Decimal(len(steps))}

    # -- sasaran and the whole report --------------------------------------------------
    def mean(self, values: list[Computed], zero_missing: bool = False) -> Computed:
        """The mean of results; one that is missing counts as 0 only when the rules (or
        ``zero_missing``) say so."""
        numbers = [value.exact for value in values if value.ok]
        if zero_missing or self.config.missing_realisasi is MissingValue.ZERO:
            numbers += [Decimal(0)] * sum(1 for value in values if not value.ok)
        if not numbers:
            return Computed(reason="capaian.not-computable.no-values")
        return self.finish(sum(numbers) / len(numbers))

    def _number(self, place: str, index: int, field: str) -> Decimal | None:
        value = self.loaded.cell(place, index, field)
        return value.number if value is not None and value.has_number else None

    def absorption(self, pagu: ParsedValue | None, realisasi: ParsedValue | None) -> Computed:
        number = lambda value: value.number if value is not None and value.has_number else None  # noqa: E731
        return formulas.absorption(self.config, number(pagu), number(realisasi))

    def row_absorption(self, place: str, index: int, swapped: bool = False) -> Computed:
        """The absorption of a budget row from its own pagu and realisasi (``swapped``: with
        the two columns read the other way round)."""
        pagu = self.loaded.cell(place, index, "pagu")
        spent = self.loaded.cell(place, index, "realisasi_anggaran")
        return self.absorption(spent, pagu) if swapped else self.absorption(pagu, spent)

    def row_efficiency(self, place: str, index: int) -> Computed:
        """The efficiency of an efficiency-table row from the capaian and absorption it prints
        side by side."""
        return formulas.efficiency(self.config, self._number(place, index, "capaian"),
                                   self._number(place, index, "persen_anggaran"))

    def sasaran(self, sasaran: Sasaran, indicators: list[IndicatorResult]) -> SasaranResult:
        capaian = self.mean([result.capaian for result in indicators])
        pagu = realisasi = None
        for place, index, row in self.report.rows_of(sasaran.id, Role.ANGGARAN):
            if row.pagu is not None:
                pagu = self.loaded.cell(place, index, "pagu")
                realisasi = self.loaded.cell(place, index, "realisasi_anggaran")
                break
        absorption = self.absorption(pagu, realisasi)
        if capaian.ok and absorption.ok:
            # exactly from the exact values; rounded from the rounded ones, as a report does
            efficiency = Computed(
                formulas.efficiency(self.config, capaian.exact, absorption.exact).exact,
                formulas.efficiency(self.config, capaian.rounded, absorption.rounded).rounded)
        else:
            efficiency = Computed(reason=capaian.reason or absorption.reason)
        return SasaranResult(sasaran, tuple(indicators), capaian, pagu, realisasi, absorption,
                             efficiency)

    def overall(self, indicators: list[Computed], sasaran: list[Computed]) -> Computed:
        """The capaian of the whole report: the mean over indicators or over sasaran."""
        return self.mean(indicators if self.config.overall is Aggregate.INDIKATOR else sasaran)

    def run(self) -> CapaianReport:
        indicators = [self.indicator(indikator) for indikator in self.report.indikator]
        by_sasaran: dict[str, list[IndicatorResult]] = {}
        for result in indicators:
            by_sasaran.setdefault(result.indikator.sasaran, []).append(result)
        sasaran = [self.sasaran(item, by_sasaran.get(item.id, [])) for item in self.report.sasaran]
        overall = self.overall([result.capaian for result in indicators],
                               [result.capaian for result in sasaran])
        pagu = [r.pagu.number for r in sasaran if r.pagu is not None and r.pagu.has_number]
        spent = [r.realisasi_anggaran.number for r in sasaran
                 if r.realisasi_anggaran is not None and r.realisasi_anggaran.has_number]
        pagu_total = sum(pagu) if pagu else None
        realisasi_total = sum(spent) if spent else None
        absorption = formulas.absorption(self.config, pagu_total, realisasi_total)
        return CapaianReport(tuple(indicators), tuple(sasaran),
                             OverallResult(overall, absorption, pagu_total, realisasi_total))


def compute(loaded: LoadedReport, config: CapaianConfig) -> CapaianReport:
    return CapaianCalculator(loaded, config).run()
