"""The capaian engine: indicator, sasaran and overall results, budget absorption and efficiency.

Every number here comes from the report's own values and the rule configuration
(``CapaianConfig``): the formulas per polarity, the rounding, the category scale and the
options. A result that cannot be computed says why (a message key), never divides by zero and
never counts a missing value as 0 unless the rules say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from sakip_lint.bands import interval
from sakip_lint.comparison import Comparison, Stated, Verdict, compare
from sakip_lint.config import Aggregate, CapaianConfig, MissingValue, PolarityDecision, ZeroTarget
from sakip_lint.expressions import NotComputable, evaluate
from sakip_lint import formulas
from sakip_lint.formulas import Computed
from sakip_lint.location import Location, Subject
from sakip_lint.model import Indikator, Polarity, Role, Row, Sasaran
from sakip_lint.numbers import ParsedValue, ValueKind
from sakip_lint.scales import category_scale
from sakip_lint.source import LoadedReport

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class StatedCheck:
    """A stated value beside what it should be, computed from the values it depends on."""

    comparison: Comparison
    computed: Computed
    explanation: str | None = None  # message key: the known mistake that reproduces the value
    alternative: Computed | None = None  # the value that mistake gives
    explanation_args: tuple[tuple[str, str], ...] = ()
    inputs: tuple[Location, ...] = ()  # the cells the expected value was computed from
    # the stated value is a table cell the computed value can be written into; a figure in
    # the prose is part of a sentence (and may state a bound), so no fix is offered for it
    in_table: bool = False


@dataclass(frozen=True)
class IndicatorResult:
    indikator: Indikator
    polarity: Polarity
    place: str | None  # the measurement table it was read from
    row: Row | None
    target: ParsedValue | None
    realisasi: ParsedValue | None
    capaian: Computed
    stated: StatedCheck  # the capaian the measurement table prints, against ``capaian``
    claims: tuple[StatedCheck, ...] = ()  # capaian of this indicator stated in the prose
    polarity_reason: PolarityDecision | None = None  # why ``polarity``: shown for review


@dataclass(frozen=True)
class SasaranResult:
    sasaran: Sasaran
    indicators: tuple[IndicatorResult, ...]
    capaian: Computed
    stated_capaian: tuple[StatedCheck, ...]  # efficiency tables and prose claims
    pagu: ParsedValue | None
    realisasi_anggaran: ParsedValue | None
    absorption: Computed
    stated_absorption: tuple[StatedCheck, ...]  # each budget row against its own columns
    efficiency: Computed
    stated_efficiency: tuple[StatedCheck, ...]  # each efficiency row against its own columns


@dataclass(frozen=True)
class OverallResult:
    capaian: Computed
    stated_capaian: tuple[StatedCheck, ...]
    absorption: Computed
    pagu_total: Decimal | None
    realisasi_total: Decimal | None


@dataclass(frozen=True)
class RowResult:
    """A capaian printed in another row (analysis tables), recomputed from that row's values."""

    indikator: Indikator
    place: str
    stated: StatedCheck


@dataclass(frozen=True)
class CapaianReport:
    indicators: tuple[IndicatorResult, ...]
    sasaran: tuple[SasaranResult, ...]
    overall: OverallResult
    rows: tuple[RowResult, ...] = ()
    budget_rows: tuple[tuple[Subject, StatedCheck], ...] = ()  # of every budget row
    efficiency_rows: tuple[tuple[Subject, StatedCheck], ...] = ()


class CapaianEngine:
    def __init__(self, loaded: LoadedReport, config: CapaianConfig) -> None:
        self.loaded = loaded
        self.report = loaded.report
        self.config = config
        # the report's own category scale when it prints one, else the rules'
        self.category_scale = category_scale(loaded.report, config)
        self._rows: dict[tuple[str, str, int], StatedCheck] = {}  # budget and efficiency rows
        # the capaian of each row from its own target and realisasi, shared by every engine on
        # this report and these rules (a mechanism asks again for the category a row prints)
        self._row_capaian: dict[tuple[str, str, int], Computed] = loaded.computed(config)

    # -- helpers -----------------------------------------------------------------------
    def _finish(self, exact: Decimal) -> Computed:
        if self.config.cap is not None and exact > self.config.cap:
            exact = self.config.cap
        rounded = self.config.rounding.apply(exact)
        return Computed(exact, rounded, self.category_scale.classify(rounded))

    def _compare(self, stated: Stated | None, computed: Computed) -> Comparison:
        return compare(stated, computed.exact, computed.rounded, self.config.tolerance,
                       self.config.habit_modes)

    def _stated(self, place: str, index: int, field: str) -> Stated | None:
        value = self.loaded.cell(place, index, field)
        if value is None:
            return None
        return Stated(value, self.loaded.row_location(place, index, field))

    def _claims(self, about: str, **refs: str) -> list[Stated]:
        found = []
        for index, claim in enumerate(self.report.klaim):
            if claim.tentang != about:
                continue
            if any(value not in getattr(claim, name) for name, value in refs.items()):
                continue
            found.append(Stated(self.loaded.parse(claim.nilai), self.loaded.claim_location(index),
                                claim.batas.value if claim.batas else None))
        return found

    # -- indicators --------------------------------------------------------------------
    def indicator(self, indikator: Indikator) -> IndicatorResult:
        decision = self.config.polarity_decision(indikator.teks, indikator.polaritas,
                                                 indikator.tipe == "kualitatif")
        polarity = decision.polarity
        rows = list(self.report.rows_of(indikator.id, Role.PENGUKURAN))
        if not rows:
            missing = Computed(reason="capaian.not-computable.no-measurement")
            return IndicatorResult(indikator, polarity, None, None, None, None, missing,
                                   self._check(None, missing), polarity_reason=decision)
        place, index, row = rows[0]
        target, realisasi, stated = self._row(indikator, polarity, place, index)
        # a capaian the prose quotes is computed from the same cells as the row's
        claims = tuple(self._check(claim, stated.computed, stated.inputs)
                       for claim in self._claims("capaian_indikator", indikator=indikator.id))
        return IndicatorResult(indikator, polarity, place, row, target, realisasi, stated.computed,
                               stated, claims, polarity_reason=decision)

    def _row(self, indikator: Indikator, polarity: Polarity, place: str, index: int):
        """Target, realisasi, computed and stated capaian of one row, on the row's own basis."""
        row = self.report.tempat[place].baris[index]
        basis = row.basis
        target = self.loaded.cell(place, index, basis)
        inputs = self._cells(place, index, basis, "realisasi")
        borrowed = target is None and basis == "target"
        if borrowed:
            target, borrowed_from = self._annual_target(indikator.id)
            inputs += borrowed_from
        realisasi = self.loaded.cell(place, index, "realisasi")
        capaian, values = self._indicator_capaian(indikator, polarity, target, realisasi)
        if not borrowed:
            self._row_capaian.setdefault((indikator.id, place, index), capaian)
        stated = self._check(self._stated(place, index, "capaian"), capaian, inputs,
                             in_table=True)
        # the wrong formulas are evaluated only for a stated value that differs
        return target, realisasi, self._explain(stated, self._wrong_formulas(polarity, values))

    def _annual_target(self, ident: str) -> tuple[ParsedValue | None, tuple[Location, ...]]:
        """The annual target of an indicator for a row that prints a capaian without one (a
        table of realisasi and capaian per year): the PK's, else the RKT's, the measurement
        table's or an analysis table's, with where it was read."""
        for role in (Role.PK, Role.RKT, Role.PENGUKURAN, Role.ANALISIS):
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

    def other_rows(self, results: list[IndicatorResult]) -> list[RowResult]:
        """Every other row that prints a capaian next to its own target and realisasi."""
        found = []
        for result in results:
            for place, index, row in self.report.rows_of(result.indikator.id):
                if place == result.place or row.capaian is None:
                    continue
                _, _, stated = self._row(result.indikator, result.polarity, place, index)
                found.append(RowResult(result.indikator, place, stated))
        return found

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
            return self._formula(polarity.value, values), values
        if target.kind is ValueKind.RANGE:
            return self._range(target, realisasi, polarity)
        if not (target.has_number and realisasi.has_number):
            return Computed(reason="capaian.not-computable.not-a-number"), None
        if target.number == 0:
            if self.config.zero_target is ZeroTarget.HUNDRED_IF_ZERO and realisasi.number == 0:
                return self._finish(HUNDRED), None
            return Computed(reason="capaian.not-computable.zero-target"), None
        values = {"target": target.number, "realisasi": realisasi.number}
        return self._formula(polarity.value, values), values

    def _formula(self, kind: str, values: dict[str, Decimal]) -> Computed:
        formula = self.config.formulas.get(kind)
        if formula is None:
            return Computed(reason="capaian.not-computable.range-target")
        try:
            return self._finish(evaluate(formula.expression, values))
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
            return self._finish(self.config.inside_range), None
        below = band.below_low(value)
        if polarity is Polarity.NEGATIF:
            bound = band.low if below else band.high
            if bound == 0:
                return Computed(reason="capaian.not-computable.zero-target"), None
            values = {"target": bound, "realisasi": value}
            return self._formula(Polarity.NEGATIF.value, values), values
        values = {"realisasi": value, "target_bawah": band.low, "target_atas": band.high}
        return self._formula("rentang_bawah" if below else "rentang_atas", values), None

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

    # -- sasaran -----------------------------------------------------------------------
    def _mean(self, values: list[Computed], zero_missing: bool = False) -> Computed:
        numbers = [value.exact for value in values if value.ok]
        if zero_missing or self.config.missing_realisasi is MissingValue.ZERO:
            numbers += [Decimal(0)] * sum(1 for value in values if not value.ok)
        if not numbers:
            return Computed(reason="capaian.not-computable.no-values")
        return self._finish(sum(numbers) / len(numbers))

    def _check(self, stated: Stated | None, computed: Computed,
               inputs: tuple[Location, ...] = (), *, in_table: bool = False) -> StatedCheck:
        return StatedCheck(self._compare(stated, computed), computed, inputs=inputs,
                           in_table=in_table)

    def _cells(self, place: str, index: int, *fields: str) -> tuple[Location, ...]:
        row = self.report.tempat[place].baris[index]
        return tuple(self.loaded.row_location(place, index, field) for field in fields
                     if getattr(row, field) is not None)

    def _explain(self, check: StatedCheck, mistakes) -> StatedCheck:
        """Name the known mistake that reproduces a wrong stated value, if one does.

        ``mistakes`` are (message key, the value the mistake gives, message arguments).
        """
        if check.comparison.verdict is not Verdict.DIFFERS:
            return check
        for key, alternative, *args in mistakes:
            if self._compare(check.comparison.stated, alternative).verdict in (Verdict.MATCH,
                                                                                Verdict.ROUNDING):
                return replace(check, explanation=key, alternative=alternative,
                               explanation_args=tuple(args[0].items()) if args else ())
        return check

    def _wrong_formulas(self, polarity: Polarity, values: dict[str, Decimal] | None):
        """What each known wrong formula of this polarity gives for these values."""
        for wrong in self.config.wrong_formulas:
            if wrong.polarity is not polarity or values is None:
                continue
            try:
                result = self._finish(evaluate(wrong.expression, values))
            except NotComputable:
                continue
            yield "explain.wrong-formula", result, {"name": wrong.name, "formula": wrong.text}

    def _number(self, place: str, index: int, field: str) -> Decimal | None:
        value = self.loaded.cell(place, index, field)
        return value.number if value is not None and value.has_number else None

    def sasaran(self, sasaran: Sasaran, indicators: list[IndicatorResult]) -> SasaranResult:
        capaian = self._mean([result.capaian for result in indicators])
        in_tables = [self._stated(p, i, "capaian")
                     for p, i, row in self.report.rows_of(sasaran.id, Role.EFISIENSI)
                     if row.capaian is not None]
        in_prose = self._claims("capaian_sasaran", sasaran=sasaran.id)

        pagu = realisasi = None
        for place, index, row in self.report.rows_of(sasaran.id, Role.ANGGARAN):
            if row.pagu is not None:
                pagu = self.loaded.cell(place, index, "pagu")
                realisasi = self.loaded.cell(place, index, "realisasi_anggaran")
                break
        absorption = self._absorption(pagu, realisasi)
        if capaian.ok and absorption.ok:
            # exactly from the exact values; rounded from the rounded ones, as a report does
            efficiency = Computed(
                formulas.efficiency(self.config, capaian.exact, absorption.exact).exact,
                formulas.efficiency(self.config, capaian.rounded, absorption.rounded).rounded)
        else:
            efficiency = Computed(reason=capaian.reason or absorption.reason)
        stated_absorption = [self._budget_row(p, i) for p, i, row in
                             self.report.rows_of(sasaran.id, Role.ANGGARAN)
                             if row.persen_anggaran is not None]
        stated_efficiency = [self._efficiency_row(p, i) for p, i, row in
                             self.report.rows_of(sasaran.id, Role.EFISIENSI)
                             if row.efisiensi is not None]
        return SasaranResult(
            sasaran, tuple(indicators), capaian,
            tuple([self._check(s, capaian, in_table=True) for s in in_tables]
                  + [self._check(s, capaian) for s in in_prose]),
            pagu, realisasi, absorption, tuple(stated_absorption),
            efficiency, tuple(stated_efficiency))

    def _budget_row(self, place: str, index: int) -> StatedCheck:
        """The stated absorption of a budget row against realisasi / pagu of the same row
        (judged once: the sasaran and the list of all budget rows both hold it)."""
        key = ("budget", place, index)
        if key not in self._rows:
            self._rows[key] = self._judge_budget_row(place, index)
        return self._rows[key]

    def _judge_budget_row(self, place: str, index: int) -> StatedCheck:
        pagu = self.loaded.cell(place, index, "pagu")
        spent = self.loaded.cell(place, index, "realisasi_anggaran")
        check = self._check(self._stated(place, index, "persen_anggaran"),
                            self._absorption(pagu, spent),
                            self._cells(place, index, "pagu", "realisasi_anggaran"),
                            in_table=True)
        return self._explain(check, [("explain.swapped-columns", self._absorption(spent, pagu))])

    def _efficiency_row(self, place: str, index: int) -> StatedCheck:
        """An efficiency table states capaian, absorption and their difference side by side:
        its efficiency is checked against its own two columns (once per row)."""
        key = ("efficiency", place, index)
        if key not in self._rows:
            self._rows[key] = self._judge_efficiency_row(place, index)
        return self._rows[key]

    def _judge_efficiency_row(self, place: str, index: int) -> StatedCheck:
        row_capaian = self._number(place, index, "capaian")
        row_absorption = self._number(place, index, "persen_anggaran")
        expected = formulas.efficiency(self.config, row_capaian, row_absorption)
        return self._check(self._stated(place, index, "efisiensi"), expected,
                           self._cells(place, index, "capaian", "persen_anggaran"), in_table=True)

    def rows_with(self, role: Role, column: str, check) -> list[tuple[Subject, StatedCheck]]:
        """(subject, check) for every row of any entity in places of ``role`` that prints
        ``column``: programme and kegiatan rows are checked like sasaran rows."""
        found = []
        for place, index, row in self.report.rows():
            if self.report.tempat[place].peran is role and getattr(row, column) is not None:
                subject = self.loaded.subject(row.id)
                found.append((subject, check(place, index)))
        return found

    def _absorption(self, pagu: ParsedValue | None, realisasi: ParsedValue | None) -> Computed:
        number = lambda value: value.number if value is not None and value.has_number else None  # noqa: E731
        return formulas.absorption(self.config, number(pagu), number(realisasi))

    # -- the whole report --------------------------------------------------------------
    def run(self) -> CapaianReport:
        indicators = [self.indicator(indikator) for indikator in self.report.indikator]
        by_sasaran: dict[str, list[IndicatorResult]] = {}
        for result in indicators:
            by_sasaran.setdefault(result.indikator.sasaran, []).append(result)
        sasaran = [self.sasaran(item, by_sasaran.get(item.id, [])) for item in self.report.sasaran]
        by_indicator = [result.capaian for result in indicators]
        by_sasaran = [result.capaian for result in sasaran]
        overall = self._mean(by_indicator if self.config.overall is Aggregate.INDIKATOR else by_sasaran)
        mistakes = [("explain.missing-as-zero", self._mean(values, zero_missing=True))
                    for values in (by_sasaran, by_indicator)
                    if any(not value.ok for value in values)]
        mistakes += [("explain.other-average", self._mean(by_indicator)),
                     ("explain.other-average", self._mean(by_sasaran))]
        stated = [self._explain(self._check(s, overall), mistakes)
                  for s in self._claims("capaian_keseluruhan")]
        pagu = [r.pagu.number for r in sasaran if r.pagu is not None and r.pagu.has_number]
        spent = [r.realisasi_anggaran.number for r in sasaran
                 if r.realisasi_anggaran is not None and r.realisasi_anggaran.has_number]
        pagu_total = sum(pagu) if pagu else None
        realisasi_total = sum(spent) if spent else None
        absorption = formulas.absorption(self.config, pagu_total, realisasi_total)
        return CapaianReport(tuple(indicators), tuple(sasaran),
                             OverallResult(overall, tuple(stated), absorption, pagu_total,
                                           realisasi_total),
                             tuple(self.other_rows(indicators)),
                             tuple(self.rows_with(Role.ANGGARAN, "persen_anggaran", self._budget_row)),
                             tuple(self.rows_with(Role.EFISIENSI, "efisiensi", self._efficiency_row)))


def compute(loaded: LoadedReport, config: CapaianConfig) -> CapaianReport:
    return CapaianEngine(loaded, config).run()
