"""The values a report states, judged against what the rules compute.

Every capaian, absorption and efficiency the report prints — in a table or in the prose — is
compared (``comparison.compare``) with the number ``capaian`` computes for it, into a
``StatedCheck``; a wrong value that a known mistake reproduces (a wrong formula, swapped
columns, a missing value counted as 0, the other average) is explained. The mechanisms of
``checks/stated.py`` report these verdicts; the outputs show them beside the computed values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from sakip_lint.capaian import CapaianCalculator, CapaianReport, IndicatorResult
from sakip_lint.comparison import SWAPPED, Comparison, Stated, Verdict, compare
from sakip_lint.config import CapaianConfig
from sakip_lint.expressions import NotComputable, evaluate
from sakip_lint.formulas import Computed
from sakip_lint.location import Location, Subject
from sakip_lint.model import Indikator, Polarity, Role
from sakip_lint.prose import figures
from sakip_lint.source import LoadedReport

# a known mistake: (message key, the value it gives, message arguments)
Mistake = tuple[str, Computed, dict[str, str]]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class IndicatorStated:
    capaian: StatedCheck  # the capaian the measurement table prints
    claims: tuple[StatedCheck, ...] = ()  # capaian of this indicator stated in the prose


@dataclass(frozen=True, slots=True)
class SasaranStated:
    capaian: tuple[StatedCheck, ...] = ()  # efficiency tables and prose claims
    absorption: tuple[StatedCheck, ...] = ()  # each budget row against its own columns
    efficiency: tuple[StatedCheck, ...] = ()  # each efficiency row against its own columns


@dataclass(frozen=True)
class RowStated:
    """A capaian printed in another row (analysis tables), against that row's own values."""

    indikator: Indikator
    place: str
    stated: StatedCheck


NOTHING_STATED = SasaranStated()


@dataclass(frozen=True)
class StatedValues:
    """Every stated value of one report, judged."""

    indicators: dict[str, IndicatorStated]  # by indicator id
    sasaran: dict[str, SasaranStated]  # by sasaran id
    overall: tuple[StatedCheck, ...]  # the overall capaian the prose states
    rows: tuple[RowStated, ...] = ()
    budget_rows: tuple[tuple[Subject, StatedCheck], ...] = ()  # of every budget row
    efficiency_rows: tuple[tuple[Subject, StatedCheck], ...] = ()

    def of_sasaran(self, ident: str) -> SasaranStated:
        return self.sasaran.get(ident, NOTHING_STATED)

    def all(self) -> Iterator[tuple[StatedCheck, str]]:
        """Every check with what it is about: indicator, sasaran, overall, absorption,
        efficiency."""
        for stated in self.indicators.values():
            yield stated.capaian, "indicator"
            for claim in stated.claims:
                yield claim, "indicator"
        for row in self.rows:
            yield row.stated, "indicator"
        for stated in self.sasaran.values():
            yield from ((check, "sasaran") for check in stated.capaian)
            yield from ((check, "absorption") for check in stated.absorption)
            yield from ((check, "efficiency") for check in stated.efficiency)
        yield from ((check, "overall") for check in self.overall)
        yield from ((check, "absorption") for _, check in self.budget_rows)
        yield from ((check, "efficiency") for _, check in self.efficiency_rows)


class Judge:
    """Compares the stated values of one report with its computed capaian."""

    def __init__(self, loaded: LoadedReport, config: CapaianConfig) -> None:
        self.loaded = loaded
        self.report = loaded.report
        self.config = config
        self.calculator = CapaianCalculator(loaded, config)
        self._rows: dict[tuple[str, str, int], StatedCheck] = {}  # budget and efficiency rows

    # -- comparing and explaining ------------------------------------------------------
    def compare(self, stated: Stated | None, computed: Computed) -> Comparison:
        return compare(stated, computed.exact, computed.rounded, self.config.tolerance,
                       self.config.habit_modes)

    def check(self, stated: Stated | None, computed: Computed,
              inputs: tuple[Location, ...] = (), *, in_table: bool = False) -> StatedCheck:
        return StatedCheck(self.compare(stated, computed), computed, inputs=inputs,
                           in_table=in_table)

    def explain(self, check: StatedCheck, mistakes: Iterable[Mistake]) -> StatedCheck:
        """Name the known mistake that reproduces a wrong stated value, if one does."""
        if check.comparison.verdict is not Verdict.DIFFERS:
            return check
        for key, alternative, args in mistakes:
            if self.compare(check.comparison.stated, alternative).verdict in (Verdict.MATCH,
                                                                               Verdict.ROUNDING):
                return replace(check, explanation=key, alternative=alternative,
                               explanation_args=tuple(args.items()))
        return check

    def wrong_formulas(self, polarity: Polarity,
                       values: dict[str, Decimal] | None) -> Iterator[Mistake]:
        """What each known wrong formula of this polarity gives for these values (evaluated
        only for a stated value that differs)."""
        for wrong in self.config.wrong_formulas:
            if wrong.polarity is not polarity or values is None:
                continue
            try:
                result = self.calculator.finish(evaluate(wrong.expression, values))
            except NotComputable:
                continue
            yield "explain.wrong-formula", result, {"name": wrong.name, "formula": wrong.text}

    def _stated(self, place: str, index: int, field: str) -> Stated | None:
        value = self.loaded.cell(place, index, field)
        if value is None:
            return None
        return Stated(value, self.loaded.row_location(place, index, field))

    # -- indicators --------------------------------------------------------------------
    def _printed_capaian(self, place: str, index: int, computed: Computed,
                         inputs: tuple[Location, ...], polarity: Polarity,
                         values: dict[str, Decimal] | None) -> StatedCheck:
        check = self.check(self._stated(place, index, "capaian"), computed, inputs, in_table=True)
        return self.explain(check, self.wrong_formulas(polarity, values))

    def indicator(self, result: IndicatorResult) -> IndicatorStated:
        if result.place is None or result.index is None:
            return IndicatorStated(self.check(None, result.capaian))
        stated = self._printed_capaian(result.place, result.index, result.capaian, result.inputs,
                                       result.polarity, result.values)
        # a capaian the prose quotes is computed from the same cells as the row's
        claims = tuple(self.check(figure.stated(), result.capaian, result.inputs)
                       for figure in figures(self.loaded, "capaian_indikator",
                                             indikator=result.indikator.id))
        return IndicatorStated(stated, claims)

    def other_rows(self, results: Iterable[IndicatorResult]) -> list[RowStated]:
        """Every other row that prints a capaian next to its own target and realisasi."""
        found = []
        for result in results:
            for place, index, row in self.report.rows_of(result.indikator.id):
                if place == result.place or row.capaian is None:
                    continue
                computed = self.calculator.row(result.indikator, result.polarity, place, index)
                found.append(RowStated(result.indikator, place, self._printed_capaian(
                    place, index, computed.capaian, computed.inputs, result.polarity,
                    computed.values)))
        return found

    # -- sasaran, budget and efficiency rows -------------------------------------------
    def sasaran(self, ident: str, capaian: Computed) -> SasaranStated:
        in_tables = [self._stated(p, i, "capaian")
                     for p, i, row in self.report.rows_of(ident, Role.EFISIENSI)
                     if row.capaian is not None]
        in_prose = [figure.stated() for figure in figures(self.loaded, "capaian_sasaran",
                                                          sasaran=ident)]
        return SasaranStated(
            tuple([self.check(s, capaian, in_table=True) for s in in_tables]
                  + [self.check(s, capaian) for s in in_prose]),
            tuple(self.budget_row(p, i) for p, i, row in self.report.rows_of(ident, Role.ANGGARAN)
                  if row.persen_anggaran is not None),
            tuple(self.efficiency_row(p, i) for p, i, row
                  in self.report.rows_of(ident, Role.EFISIENSI) if row.efisiensi is not None))

    def budget_row(self, place: str, index: int) -> StatedCheck:
        """The stated absorption of a budget row against realisasi / pagu of the same row
        (judged once: the sasaran and the list of all budget rows both hold it)."""
        key = ("budget", place, index)
        if key not in self._rows:
            calculator = self.calculator
            check = self.check(self._stated(place, index, "persen_anggaran"),
                               calculator.row_absorption(place, index),
                               calculator.cells(place, index, "pagu", "realisasi_anggaran"),
                               in_table=True)
            self._rows[key] = self.explain(
                check, [(SWAPPED, calculator.row_absorption(place, index, swapped=True), {})])
        return self._rows[key]

    def efficiency_row(self, place: str, index: int) -> StatedCheck:
        """An efficiency table states capaian, absorption and their difference side by side:
        its efficiency is checked against its own two columns (once per row)."""
        key = ("efficiency", place, index)
        if key not in self._rows:
            self._rows[key] = self.check(
                self._stated(place, index, "efisiensi"),
                self.calculator.row_efficiency(place, index),
                self.calculator.cells(place, index, "capaian", "persen_anggaran"), in_table=True)
        return self._rows[key]

    def rows_with(self, role: Role, column: str, check) -> list[tuple[Subject, StatedCheck]]:
        """(subject, check) for every row of any entity in places of ``role`` that prints
        ``column``: programme and kegiatan rows are checked like sasaran rows."""
        found = []
        for place, index, row in self.report.rows():
            if self.report.tempat[place].peran is role and getattr(row, column) is not None:
                found.append((self.loaded.subject(row.id), check(place, index)))
        return found

    # -- the whole report --------------------------------------------------------------
    def overall(self, capaian: CapaianReport) -> list[StatedCheck]:
        """The overall capaian the prose states, with the averages a report may have taken
        instead."""
        by_indicator = [result.capaian for result in capaian.indicators]
        by_sasaran = [result.capaian for result in capaian.sasaran]
        mean = self.calculator.mean
        mistakes = [("explain.missing-as-zero", mean(values, zero_missing=True), {})
                    for values in (by_sasaran, by_indicator)
                    if any(not value.ok for value in values)]
        mistakes += [("explain.other-average", mean(by_indicator), {}),
                     ("explain.other-average", mean(by_sasaran), {})]
        return [self.explain(self.check(figure.stated(), capaian.overall.capaian), mistakes)
                for figure in figures(self.loaded, "capaian_keseluruhan")]

    def run(self, capaian: CapaianReport) -> StatedValues:
        return StatedValues(
            {result.indikator.id: self.indicator(result) for result in capaian.indicators},
            {result.sasaran.id: self.sasaran(result.sasaran.id, result.capaian)
             for result in capaian.sasaran},
            tuple(self.overall(capaian)),
            tuple(self.other_rows(capaian.indicators)),
            tuple(self.rows_with(Role.ANGGARAN, "persen_anggaran", self.budget_row)),
            tuple(self.rows_with(Role.EFISIENSI, "efisiensi", self.efficiency_row)))


def judge(loaded: LoadedReport, config: CapaianConfig, capaian: CapaianReport) -> StatedValues:
    return Judge(loaded, config).run(capaian)
