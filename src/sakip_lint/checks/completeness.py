"""Completeness: what the SAKIP evaluation's reporting criteria expect a report to contain.

Every PK indicator is measured; realisasi is compared with last year and with the Renstra end
target; every sasaran has its budget; a target below last year's realisasi has a reason; an
indicator has a baseline; every table the list of tables names is in the report.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.bands import first_quantity, interval, worse
from sakip_lint.checks.common import (cells, polarity, roles_param, table_location,
                                      target_roles)
from sakip_lint.model import Polarity, Role
from sakip_lint.rule import Context, Fact, Params, ParamSpec


def _entity_location(context: Context, kind: str, ident: str):
    return context.loaded.entity_location(ident)


PRESENT_PARAMS = {
    "jenis_entitas": ParamSpec(frozenset({"indikator", "sasaran"}), default=("indikator",)),
    "dari": roles_param(),  # none: every entity of the kind
    "ke": roles_param(required=True),
}
PRESENT_PLACEHOLDERS = frozenset({"peran"})


def ada_di(context: Context, params: Params) -> Iterator[Fact]:
    """Every entity (of those shown in ``dari``) has a row in a place of role ``ke``."""
    report = context.loaded.report
    kind = params["jenis_entitas"][0]
    sources, targets = [Role(r) for r in params["dari"]], [Role(r) for r in params["ke"]]
    for entity in getattr(report, kind):
        shown = list(report.rows_of(entity.id, *sources)) if sources else [None]
        if not shown or list(report.rows_of(entity.id, *targets)):
            continue
        first = shown[0]
        location = (context.loaded.row_location(first[0], first[1]) if first
                    else _entity_location(context, kind, entity.id))
        yield Fact(location, {"subjek": context.loaded.subject(entity.id), "ditemukan": "-",
                              "diharapkan": ", ".join(params["ke"]),
                              "tempat": location.place or "", "peran": ", ".join(params["ke"])})


def _earlier_realisasi(context: Context, ident: str):
    """(year, cell value, location) of every realisasi of an earlier year, latest year first."""
    report = context.loaded.report
    found = []
    for place, index, row in report.rows_of(ident):
        for year, raw in row.realisasi_tahun.items():
            if year < report.tahun:
                location = context.loaded.location(
                    ("tempat", place, "baris", str(index), "realisasi_tahun", str(year)),
                    subject=context.loaded.row_subject(place, index), place=place)
                found.append((year, raw, context.loaded.parse(raw, place, "realisasi_tahun"),
                              location))
    return sorted(found, key=lambda item: -item[0])


def _measured_location(context: Context, ident: str):
    report = context.loaded.report
    for roles in ((Role.ANALISIS,), (Role.PENGUKURAN,), ()):
        rows = list(report.rows_of(ident, *roles))
        if rows:
            return context.loaded.row_location(rows[0][0], rows[0][1])
    return _entity_location(context, "indikator", ident)


def pembanding_tahun_lalu(context: Context, params: Params) -> Iterator[Fact]:
    for indikator in context.loaded.report.indikator:
        if not any(value.has_number or value.kind == "text"
                   for _, _, value, _ in _earlier_realisasi(context, indikator.id)):
            location = _measured_location(context, indikator.id)
            yield Fact(location, {"subjek": context.loaded.subject(indikator.id), "ditemukan": "-",
                                  "diharapkan": "", "tempat": location.place or ""})


def pembanding_target_akhir(context: Context, params: Params) -> Iterator[Fact]:
    for indikator in context.loaded.report.indikator:
        ends = list(cells(context, indikator.id, "target_akhir", [r.value for r in Role]))
        if not any(cell.value.kind not in ("none", "invalid", "ambiguous") for cell in ends):
            location = _measured_location(context, indikator.id)
            yield Fact(location, {"subjek": context.loaded.subject(indikator.id), "ditemukan": "-",
                                  "diharapkan": "", "tempat": location.place or ""})


BELOW_PARAMS = {"peran": roles_param()}  # none: the rules' ``target tahunan dari``
BELOW_PLACEHOLDERS = frozenset({"tempat_lain", "tahun_lalu", "realisasi_lalu"})


def target_di_bawah_realisasi_lalu(context: Context, params: Params) -> Iterator[Fact]:
    """A target easier than what was already achieved, unless the row records why (catatan).

    A band target is easier only when all of it is: for a positive indicator its upper bound
    is below last year's realisasi (a band 60 - 75 against 70 still admits a harder target),
    for a negative one its lower bound is above it. A one-sided band is its binding bound
    (``bands.as_bar``): '≥ 73' against 74 is easier, as 73 is.
    """
    report = context.loaded.report
    for indikator in report.indikator:
        direction = polarity(context, indikator)
        if direction is Polarity.KUALITATIF:
            continue
        target = first_quantity(cells(context, indikator.id, "target",
                                      target_roles(context, params)))
        earlier = [item for item in _earlier_realisasi(context, indikator.id)
                   if item[0] == report.tahun - 1 and item[2].has_number]
        if target is None or not earlier or target.row.catatan:
            continue
        year, raw, value, location = earlier[0]
        if worse(interval(target.value), interval(value), direction):
            yield Fact(target.location,
                       {"subjek": context.loaded.subject(indikator.id), "tempat": target.place,
                        "tempat_lain": location.place, "tahun_lalu": str(year),
                        "realisasi_lalu": raw},
                       related=(location,), found=target.raw, expected=raw)


def baseline(context: Context, params: Params) -> Iterator[Fact]:
    for indikator in context.loaded.report.indikator:
        earlier = [value for _, _, value, _ in _earlier_realisasi(context, indikator.id)
                   if value.has_number or value.kind == "text"]
        if indikator.baseline is None and not earlier:
            location = _entity_location(context, "indikator", indikator.id)
            yield Fact(location, {"subjek": context.loaded.subject(indikator.id), "ditemukan": "-",
                                  "diharapkan": "", "tempat": ""})


def tabel_terdaftar(context: Context, params: Params) -> Iterator[Fact]:
    """Every table the report's list of tables names is a place of the report (by its key or
    the name it prints, ``nama``). The list is what the data file declares as one: a generic
    table with ``daftar_tabel``, the column naming the tables; without one there is nothing
    to check, whatever a table's id or headers."""
    report = context.loaded.report
    names = set(report.tempat) | {place.nama for place in report.tempat.values() if place.nama}
    for table_index, table in enumerate(report.tabel):
        if table.daftar_tabel is None:
            continue
        at, label_at = table.kolom.index(table.daftar_tabel), table.kolom.index(table.kolom_label)
        for row_index, row in enumerate(table.baris):
            name = row[at]
            if not name or row[label_at] in table.summary_rows or name in names:
                continue
            location = table_location(context, table_index, row_index, at)
            yield Fact(location, {"subjek": name, "ditemukan": name, "diharapkan": "",
                                  "tempat": table.di})
