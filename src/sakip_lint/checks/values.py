"""Every raw value of the report read once in the number style in force where it is printed.

A value that cannot be read (ambiguous ``1.234`` in an undeclared style, ``12a``) is reported
at its cell; so is one that reads but breaks the report's own style (the stray ``97.67``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_lint.checks.common import data_rows, table_location
from sakip_lint.location import Subject
from sakip_lint.messages import term
from sakip_lint.numbers import NumberStyle, ParsedValue, ValueKind, parse_value
from sakip_lint.rule import Context, Fact, Params, ParamSpec
from sakip_lint.source import LoadedReport

ROW_VALUE_FIELDS = ("target", "target_akhir", "realisasi", "capaian", "pagu", "realisasi_anggaran",
                    "persen_anggaran", "efisiensi")
ROW_YEAR_FIELDS = ("target_tahun", "realisasi_tahun")
KINDS = {"ambigu": "ambiguous", "tidak_terbaca": "invalid", "gaya": "note"}
PARAMS = {"hasil": ParamSpec(frozenset(KINDS), multiple=True, default=("ambigu", "tidak_terbaca"))}
PLACEHOLDERS = frozenset({"masalah"})


def located_values(loaded: LoadedReport) -> Iterator[tuple[str, tuple, Subject, str | None,
                                                           NumberStyle]]:
    """(raw, path, subject, place, style) of every value that is meant to be read as a number,
    with the number style in force where it is printed; a row value's path ends in its column
    (``/tempat/P/baris/3/persen_anggaran``).

    Generic tables mix text and numbers; only their declared number columns are read.
    """
    report = loaded.report
    for index, indikator in enumerate(report.indikator):
        if indikator.baseline is not None:
            yield (indikator.baseline, ("indikator", str(index), "baseline"),
                   loaded.subject(indikator.id), None, loaded.style)
    for place, index, row in report.rows():
        subject = loaded.row_subject(place, index)
        base = ("tempat", place, "baris", str(index))
        for field in ROW_VALUE_FIELDS:
            raw = getattr(row, field)
            if raw is not None:
                yield raw, base + (field,), subject, place, loaded.style_at(place, field)
        for field in ROW_YEAR_FIELDS:
            for year, raw in getattr(row, field).items():
                yield (raw, base + (field, str(year)), subject, place,
                       loaded.style_at(place, field))
    for index, claim in enumerate(report.klaim):
        yield (claim.nilai, ("klaim", str(index), "nilai"), Subject("klaim", claim.id), claim.di,
               loaded.style)
    for t_index, table in enumerate(report.tabel):
        numeric = {table.kolom.index(column) for column in table.numeric_columns}
        for r_index, cells in enumerate(table.baris):
            for c_index, raw in enumerate(cells):
                if raw is not None and c_index in numeric:
                    yield (raw, ("tabel", str(t_index), "baris", str(r_index), str(c_index)),
                           Subject("tabel", table.id), table.di,
                           loaded.table_style(table, table.kolom[c_index]))


def _questionable(loaded: LoadedReport) -> list:
    """(raw, path, subject, place, value) of the values that do not read cleanly."""
    found = []
    for raw, path, subject, place, style in located_values(loaded):
        value = loaded.read(raw, style)
        if value.kind in (ValueKind.AMBIGUOUS, ValueKind.INVALID) or value.notes:
            found.append((raw, path, subject, place, value))
    return found


def angka_terbaca(context: Context, params: Params) -> Iterator[Fact]:
    wanted = {KINDS[name] for name in params["hasil"]}
    loaded = context.loaded
    for raw, path, subject, place, value in context.once(
            "values.questionable", lambda: _questionable(loaded)):
        problems = []
        if value.kind in (ValueKind.AMBIGUOUS, ValueKind.INVALID) and value.kind.value in wanted:
            candidates = " / ".join(str(candidate) for candidate in value.candidates)
            problems.append(term(value.problem, raw=raw, candidates=candidates))
        if "note" in wanted:
            problems += [term(note, raw=raw) for note in value.notes]
        for text in problems:
            # the kind of problem is the cause: a place writing every band with a decimal
            # comma is one habit, a stray minus sign in the same place another
            yield Fact(loaded.location(path, subject=subject, place=place),
                       {"subjek": subject, "tempat": place or "", "masalah": text}, found=raw,
                       cause=text.key)


# --- a value out of scale with its row ----------------------------------------------------

MAGNITUDE_PARAMS = {"kelipatan": ParamSpec(default=("100",))}
MAGNITUDE_PLACEHOLDERS = frozenset({"median", "bacaan", "kolom", "baris"})


def _readings(raw: str) -> list[ParsedValue]:
    """How the same text reads if its separators mean the other thing: '694,902' as 694.902,
    '26 233' as 26,233."""
    other = [parse_value(raw, NumberStyle.ID), parse_value(raw, NumberStyle.EN)]
    if " " in raw.strip():
        other.append(parse_value(raw.strip().replace(" ", ","), NumberStyle.ID))
    return [value for value in other if value.has_number and value.number != 0]


def _scale_of_row(numbers: list[Decimal], factor: Decimal) -> list[Decimal] | None:
    """The values of the largest group of a row within ``factor`` of each other, when that group
    is more than half the row; None when no scale holds most of the row (two cells in each of
    two styles: which pair is wrong cannot be told)."""
    best: list[Decimal] = []
    for anchor in numbers:
        group = [n for n in numbers if factor > n / anchor > 1 / factor]
        if len(group) > len(best):
            best = group
    return best if len(best) * 2 > len(numbers) else None


def besaran_sebaris(context: Context, params: Params) -> Iterator[Fact]:
    """A number of a generic table's row that is ``kelipatan`` times off the scale most of its
    row shares, while the same text read with its separators the other way fits it: a
    thousands separator written in another style ('694,902' among 731.125, 734.888...), not a
    real jump. Rows of a series (years side by side) are where a reader would trust the wrong
    reading."""
    factor = Decimal(params["kelipatan"][0].replace(",", "."))
    loaded = context.loaded
    for t_index, table in enumerate(loaded.report.tabel):
        columns = [table.kolom.index(column) for column in table.kolom_angka]
        label_at = table.kolom.index(table.kolom_label)
        for r_index, row in data_rows(table):
            cells = [(at, row[at], loaded.table_value(table, table.kolom[at], row[at]))
                     for at in columns if row[at] is not None]
            cells = [(at, raw, value) for at, raw, value in cells
                     if value.has_number and value.number != 0]
            if len(cells) < 3:
                continue
            scale = _scale_of_row([abs(value.number) for _, _, value in cells], factor)
            if scale is None:
                continue
            middle = sorted(scale)[len(scale) // 2]
            for at, raw, value in cells:
                if factor > abs(value.number) / middle > 1 / factor:
                    continue
                fitting = [v for v in _readings(raw) if 10 > abs(v.number) / middle > Decimal("0.1")]
                if not fitting:
                    continue
                location = table_location(context, t_index, r_index, at)
                yield Fact(location, {"subjek": Subject("tabel", table.id), "tempat": table.di,
                                      "median": context.number(middle),
                                      "bacaan": context.number(value.number),
                                      "kolom": table.kolom[at], "baris": row[label_at] or ""},
                           found=raw, expected=context.number(fitting[0].number))
