"""The category scale of a report, checked as a scale, and the categories rows print.

``kategori_tertulis``: a row printing a category next to a capaian must print the category the
scale in force gives (the report's own ``skala_kategori``, else the rules'). ``skala_utuh``:
the report's own scale has no overlapping or reversed bands and no gaps, and names what a
capaian above 100 is when the report has one (the rules' scale too, for that last point).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_lint.config import Scale
from sakip_lint.location import Fix, Location, Subject
from sakip_lint.messages import term
from sakip_lint.model import Role
from sakip_lint.rule import Context, Fact, Params, ParamSpec
from sakip_lint.scales import (band_problems, category_scale, example_value, interval_text,
                               range_text, read_entries, report_scale, top_band,
                               uncovered_above_hundred)

CATEGORY_PLACEHOLDERS = frozenset({"nilai", "dasar_nilai", "skala"})
CATEGORY_PARAMS = {"skala": ParamSpec(frozenset({"laporan", "aturan"}), required=True)}
PROBLEMS = {"tumpang_tindih": "overlap", "terbalik": "reversed", "celah": "gap",
            "di_atas_100": "above", "nama_ganda": "repeated"}
WHOLE_PARAMS = {"masalah": ParamSpec(frozenset(PROBLEMS), multiple=True,
                                     default=tuple(sorted(PROBLEMS)))}
WHOLE_PLACEHOLDERS = frozenset({"skala", "kategori", "rentang", "masalah"})


def _scale_name(context: Context):
    if report_scale(context.loaded.report) is not None:
        return term("scale.report")
    return term("scale.rules", name=context.config.category_scale.name)


def kategori_tertulis(context: Context, params: Params) -> Iterator[Fact]:
    """Every indicator or sasaran row that prints ``kategori``, against the category of the
    capaian computed for that row (or, when it cannot be computed, the capaian it states)."""
    loaded, report = context.loaded, context.loaded.report
    if (report_scale(report) is not None) != (params["skala"][0] == "laporan"):
        return  # the report's own scale, or the rules' when it prints none: two rules
    from sakip_lint.capaian import CapaianCalculator, Computed  # the engine: not to load the rules

    scale = category_scale(report, context.config)
    calculator = CapaianCalculator(loaded, context.config)
    sasaran = {result.sasaran.id: result.capaian for result in context.capaian.sasaran}
    for place, index, row in report.rows():
        if row.kategori is None:
            continue
        kind = report.kind_of(row.id)
        if kind == "indikator":
            computed = calculator.row_capaian(report.entity(row.id), place, index)
            basis = term("scale.basis.row")
            inputs = (row.basis, "realisasi")
        elif kind == "sasaran":
            computed, basis, inputs = sasaran.get(row.id, Computed()), term("scale.basis.sasaran"), ()
        else:
            continue
        if computed.ok:
            value = computed.rounded  # the value the engine classified
        else:
            stated = loaded.cell(place, index, "capaian")
            if stated is None or not stated.has_number:
                continue
            value = stated.number
            basis, inputs = term("scale.basis.stated"), ("capaian",)
        band = scale.band_of(value)
        if band is None and params["skala"][0] == "laporan":
            continue  # a gap of the report's own scale: skala_utuh reports the gap itself
        printed = loaded.parse(row.kategori)
        written = printed.label or printed.raw
        if band is not None and band.named(written):
            continue  # any name of the right band: 'Baik' is the 'Tinggi' of Permendagri 86/2017
        location = loaded.row_location(place, index, "kategori")
        related = tuple(loaded.row_location(place, index, column) for column in inputs
                        if getattr(row, column) is not None)
        if band is None:
            # a value in a gap of the rules' scale has no category to print: said as such, and
            # nothing to write in (the rules' writer left the gap; no rule reports it otherwise)
            none = term("scale.no-category")
            values = {"subjek": location.subject, "diharapkan": none, "tempat": place,
                      "nilai": context.number(value), "dasar_nilai": basis,
                      "skala": _scale_name(context)}
            yield Fact(location, values, related, row.kategori, None, None)
            continue
        expected = band.shown  # every name of the band: the report may use any of them
        values = {"subjek": location.subject, "tempat": place, "nilai": context.number(value),
                  "dasar_nilai": basis, "skala": _scale_name(context)}
        yield Fact(location, values, related, row.kategori, expected,
                   Fix(location, scale.name_like(band, written), safe=computed.ok))


def _capaian_values(context: Context) -> Iterator[tuple[Decimal, tuple[Subject, Location]]]:
    """Every capaian of the report, computed (as rounded) or stated, with what it is of and
    where: the values a capaian scale has to give a category."""
    loaded, results = context.loaded, context.capaian
    report = loaded.report
    for result in results.indicators:
        if result.capaian.ok and result.place is not None:
            index = next(i for p, i, _ in report.rows_of(result.indikator.id, Role.PENGUKURAN)
                         if p == result.place)
            yield result.capaian.rounded, (loaded.subject(result.indikator.id),
                                           loaded.row_location(result.place, index))
    for result in results.sasaran:
        if result.capaian.ok:
            yield result.capaian.rounded, (loaded.subject(result.sasaran.id),
                                           loaded.entity_location(result.sasaran.id))
    for place, index, row in report.rows():
        value = loaded.cell(place, index, "capaian")
        if value is not None and value.has_number:
            yield value.number, (loaded.subject(row.id),
                                 loaded.row_location(place, index, "capaian"))
    for index, claim in enumerate(report.klaim):
        value = loaded.parse(claim.nilai)
        if claim.tentang.startswith("capaian_") and value.has_number:
            yield value.number, (Subject("klaim", claim.id), loaded.claim_location(index))


SCALE = Subject("skala_kategori", "")  # the report's own category scale


def _entry_location(context: Context, index: int) -> Location:
    """An entry of the report's scale; the subject is the scale, the pointer the entry."""
    return context.loaded.location(("skala_kategori", str(index)), subject=SCALE)


def _problem_fact(context: Context, scale: Scale, problem, entries) -> Fact:
    band = scale.bands[problem.band]
    shown = entries[problem.band]
    values = {"subjek": SCALE, "tempat": "", "skala": term("scale.report"), "kategori": band.label,
              "rentang": shown}
    related: tuple[Location, ...] = ()
    if problem.kind == "reversed":
        values["masalah"] = term("scale.problem.reversed")
    else:
        other = scale.bands[problem.other]
        args = {"other": other.label, "other_range": entries[problem.other]}
        if problem.kind == "repeated":
            values["masalah"] = term("scale.problem.repeated", name=problem.name,
                                     entry=problem.other + 1, **args)
        elif problem.kind == "overlap":
            values["masalah"] = term("scale.problem.overlap", common=interval_text(
                problem.interval, context.number), **args)
        else:
            values["masalah"] = term("scale.problem.gap", gap=interval_text(
                problem.interval, context.number),
                example=context.number(example_value(problem.interval)), **args)
        related = (_entry_location(context, problem.other),)
    return Fact(_entry_location(context, problem.band), values, related, shown)


def skala_utuh(context: Context, params: Params) -> Iterator[Fact]:
    """Overlaps, reversed bands and gaps of the report's own scale (located on its entries),
    and a capaian above 100 that the scale in force cannot classify."""
    wanted = {PROBLEMS[name] for name in params["masalah"]}
    report = context.loaded.report
    own = report_scale(report)
    if own is not None:
        bands, _ = read_entries(tuple(report.skala_kategori))
        if all(band is not None for band in bands):  # else a load error already stopped us
            entries = [entry.rentang for entry in report.skala_kategori]
            for problem in band_problems(own.bands):
                if problem.kind in wanted:
                    yield _problem_fact(context, own, problem, entries)
    if "above" not in wanted:
        return
    scale = category_scale(report, context.config)
    if not scale.bands:
        return
    found = uncovered_above_hundred(scale, _capaian_values(context))
    if found is None:
        return
    value, (subject, where) = found
    top = top_band(scale.bands)
    band = scale.bands[top]
    masalah = term("scale.problem.above", value=context.number(value),
                   where=term("subject.in-place", subject=subject, place=where.place)
                   if where.place else subject)
    if own is not None:
        location, related = _entry_location(context, top), (where,)
        shown, name = report.skala_kategori[top].rentang, term("scale.report")
    else:
        location, related = where, ()
        shown, name = range_text(band, context.number), _scale_name(context)
    values = {"subjek": subject, "tempat": where.place or "", "skala": name, "kategori": band.shown,
              "rentang": shown, "masalah": masalah}
    yield Fact(location, values, related, context.number(value))
