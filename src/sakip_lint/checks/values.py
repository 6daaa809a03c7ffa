"""Every raw value of the report read once in its declared number style.

A value that cannot be read (ambiguous ``1.234`` in an undeclared style, ``12a``) is reported
at its cell; so is one that reads but breaks the report's own style (the stray ``97.67``).
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.messages import term
from sakip_lint.numbers import ValueKind
from sakip_lint.rule import Context, Fact, Params, ParamSpec
from sakip_lint.source import LoadedReport

ROW_VALUE_FIELDS = ("target", "target_akhir", "realisasi", "capaian", "pagu", "realisasi_anggaran",
                    "persen_anggaran", "efisiensi")
ROW_YEAR_FIELDS = ("target_tahun", "realisasi_tahun")
KINDS = {"ambigu": "ambiguous", "tidak_terbaca": "invalid", "gaya": "note"}
PARAMS = {"hasil": ParamSpec(frozenset(KINDS), multiple=True, default=("ambigu", "tidak_terbaca"))}
PLACEHOLDERS = frozenset({"masalah"})


def located_values(loaded: LoadedReport) -> Iterator[tuple[str, tuple, str, str | None]]:
    """(raw, path, business key, place) of every value that is meant to be read as a number.

    Generic tables mix text and numbers; only their declared number columns are read.
    """
    report = loaded.report
    for index, indikator in enumerate(report.indikator):
        if indikator.baseline is not None:
            yield (indikator.baseline, ("indikator", str(index), "baseline"),
                   f"indikator {indikator.id}", None)
    for place, index, row in report.rows():
        key = f"{report.kind_of(row.id) or ''} {row.id}".strip()
        base = ("tempat", place, "baris", str(index))
        for field in ROW_VALUE_FIELDS:
            raw = getattr(row, field)
            if raw is not None:
                yield raw, base + (field,), key, place
        for field in ROW_YEAR_FIELDS:
            for year, raw in getattr(row, field).items():
                yield raw, base + (field, str(year)), key, place
    for index, claim in enumerate(report.klaim):
        yield claim.nilai, ("klaim", str(index), "nilai"), f"klaim {claim.id}", claim.di
    for t_index, table in enumerate(report.tabel):
        numeric = {table.kolom.index(column) for column in table.numeric_columns}
        for r_index, cells in enumerate(table.baris):
            for c_index, raw in enumerate(cells):
                if raw is not None and c_index in numeric:
                    yield (raw, ("tabel", str(t_index), "baris", str(r_index), str(c_index)),
                           f"tabel {table.id}", table.di)


def readable_numbers(context: Context, params: Params) -> Iterator[Fact]:
    wanted = {KINDS[name] for name in params["hasil"]}
    loaded = context.loaded
    for raw, path, key, place in located_values(loaded):
        value = loaded.parse(raw)
        problems = []
        if value.kind in (ValueKind.AMBIGUOUS, ValueKind.INVALID) and value.kind.value in wanted:
            candidates = " / ".join(str(candidate) for candidate in value.candidates)
            problems.append(term(value.problem, raw=raw, candidates=candidates))
        if "note" in wanted:
            problems += [term(note, raw=raw) for note in value.notes]
        for text in problems:
            yield Fact(loaded.location(path, key=key, place=place), {"subjek": key, "ditemukan": raw, "diharapkan": "",
                                  "tempat": place or "", "masalah": text}, found=raw)
