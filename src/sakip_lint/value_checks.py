"""Every raw value of the report read once in its declared number style.

A value that cannot be read (ambiguous ``1.234`` in an undeclared style, ``12a``) is an error at
its cell; one that reads but breaks the report's own style (the stray ``97.67``) is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.findings import Finding, Severity, make_args
from sakip_lint.numbers import ParsedValue, ValueKind
from sakip_lint.source import LoadedReport

ROW_VALUE_FIELDS = ("target", "target_akhir", "realisasi", "capaian", "pagu", "realisasi_anggaran",
                    "persen_anggaran", "efisiensi")
ROW_YEAR_FIELDS = ("target_tahun", "realisasi_tahun")


def _located_values(loaded: LoadedReport) -> Iterator[tuple[str, tuple, str, str | None]]:
    """(raw, path, business key, place) of every value that is meant to be read as a number.

    Generic tables mix text and numbers; only their declared number columns are read.
    """
    report = loaded.report
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


def _problem_args(value: ParsedValue) -> dict[str, object]:
    candidates = " / ".join(str(candidate) for candidate in value.candidates)
    return {"raw": value.raw, "candidates": candidates}


def check_values(loaded: LoadedReport) -> Iterator[Finding]:
    for raw, path, key, place in _located_values(loaded):
        value = loaded.parse(raw)
        location = loaded.location(path, key=key, place=place)
        if value.kind in (ValueKind.AMBIGUOUS, ValueKind.INVALID):
            code = "NUM001" if value.kind is ValueKind.AMBIGUOUS else "NUM002"
            yield Finding(code=code, severity=Severity.ERROR, message_key=value.problem,
                          location=location, args=make_args(**_problem_args(value)), found=raw)
        for note in value.notes:
            yield Finding(code="NUM003", severity=Severity.WARNING, message_key=note,
                          location=location, args=make_args(raw=raw), found=raw)
