"""Integrity of a validated report: unique ids, known references, declared places, table shapes.

These are load problems: a report whose ids do not resolve cannot be checked meaningfully,
so each one is an error finding at the offending reference and the file counts as unusable.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.dsl.errors import DslError
from sakip_lint.dsl.tables import data_equality, data_formula, formula_problems
from sakip_lint.expressions import columns
from sakip_lint.findings import Finding, Severity, make_args
from sakip_lint.location import Subject
from sakip_lint.messages import Text, term
from sakip_lint.hierarchy import (CHAIN, ENTITY_LINKS, LINK_FIELDS, REQUIRED_IN_WHOLE,
                                  ROW_FIELDS_BY_KIND)
from sakip_lint.model import DocumentKind
from sakip_lint.scales import read_entries
from sakip_lint.source import LoadedReport, locate

ROW_LINKS = {field: field for field in LINK_FIELDS}
CLAIM_LINKS = {"tujuan": "tujuan", "sasaran": "sasaran", "indikator": "indikator"}
ALWAYS_ALLOWED = {"nomor", "teks", "catatan"}


def _error(code: str, message_key: str, location, **args) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, message_key=message_key, location=location,
                   args=make_args(**args))


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# A whole document must give the links of ``hierarchy.REQUIRED_IN_WHOLE``; an excerpt
# (``kutipan: true``) of one or a few tables may leave them out, so it never needs an invented
# visi -> misi -> tujuan chain above what it prints.
# Only the documents that print the chain above the sasaran (the plans, the cascading tree and
# the LKjIP, whose Bab II restates the Renstra) must link misi, tujuan and sasaran upwards: a PK,
# an RKT or an IKU document starts at the sasaran it commits to.
CHAIN_ABOVE_SASARAN = frozenset(CHAIN[1:CHAIN.index("sasaran") + 1])  # misi, tujuan, sasaran
DOCUMENTS_WITH_CHAIN = frozenset({DocumentKind.LKJIP, DocumentKind.RENSTRA, DocumentKind.RPJMD,
                                  DocumentKind.CASCADING})


def check_references(loaded: LoadedReport) -> Iterator[Finding]:
    yield from _duplicate_ids(loaded)
    yield from _missing_links(loaded)
    yield from _unknown_references(loaded)
    yield from _row_fields(loaded)
    yield from _unknown_places(loaded)
    yield from _table_shapes(loaded)
    yield from _table_formulas(loaded)
    yield from _equalities(loaded)
    yield from _scale_ranges(loaded)


def _duplicate_ids(loaded: LoadedReport) -> Iterator[Finding]:
    first: dict[str, tuple[str, ...]] = {}
    report = loaded.report
    named = [(kind, index, item.id) for kind, index, item in report.entities()]
    named += [("tabel", index, table.id) for index, table in enumerate(report.tabel)]
    named += [("klaim", index, claim.id) for index, claim in enumerate(report.klaim)]
    for kind, index, ident in named:
        path = (kind, str(index), "id")
        if ident in first:
            yield _error("LOAD004", "load.duplicate-id",
                         loaded.location(path, subject=Subject(kind, ident)),
                         id=ident, kind=term(f"kind.{kind}"),
                         first=loaded.location(first[ident]).editor_position())
        else:
            first[ident] = path  # located only when a second one is found


def _missing_links(loaded: LoadedReport) -> Iterator[Finding]:
    report = loaded.report
    if report.kutipan:
        return
    with_chain = report.dokumen in DOCUMENTS_WITH_CHAIN
    for kind, index, entity in report.entities():
        link = REQUIRED_IN_WHOLE.get(kind)
        if kind in CHAIN_ABOVE_SASARAN and not with_chain:
            continue
        if kind == "indikator" and entity.tujuan is not None:
            continue  # an indicator of a tujuan stands under it, not under a sasaran
        if link is not None and getattr(entity, link) is None:
            yield _error("LOAD002", "load.missing-link",
                         loaded.location((kind, str(index), "id"),
                                         subject=Subject(kind, entity.id)),
                         kind=term(f"kind.{kind}"), id=entity.id, link=term(f"kind.{link}"))


def _unknown_references(loaded: LoadedReport) -> Iterator[Finding]:
    report = loaded.report
    ids = {kind: {entity.id for entity in getattr(report, kind)} for kind in report.ENTITY_KINDS}
    ids["tabel"] = {table.id for table in report.tabel}
    kinds = report.kind_of_ids()

    def unknown(path, owner_key, target_kind, value):
        if not value:  # most links are empty lists
            return
        for position, ident in enumerate(_as_list(value)):
            if ident not in ids[target_kind]:
                where = path + (str(position),) if isinstance(value, (list, tuple)) else path
                yield _error("LOAD005", "load.unknown-id", loaded.location(where, subject=owner_key),
                             kind=term(f"kind.{target_kind}"), id=ident)

    for kind, index, entity in report.entities():
        for field, target_kind in ENTITY_LINKS[kind].items():
            yield from unknown((kind, str(index), field), Subject(kind, entity.id), target_kind,
                               getattr(entity, field))
    for place, index, row in report.rows():
        path = ("tempat", place, "baris", str(index))
        if row.id not in kinds:
            yield _error("LOAD005", "load.unknown-row-id", loaded.location(path + ("id",), place=place),
                         id=row.id)
        owner = Subject(kinds.get(row.id, "?"), row.id)
        for field, target_kind in ROW_LINKS.items():
            yield from unknown(path + (field,), owner, target_kind, getattr(row, field))
    for index, claim in enumerate(report.klaim):
        owner = Subject("klaim", claim.id)
        for field, target_kind in CLAIM_LINKS.items():
            yield from unknown(("klaim", str(index), field), owner, target_kind,
                               getattr(claim, field))
        if claim.tabel is not None:
            yield from unknown(("klaim", str(index), "tabel"), owner, "tabel", claim.tabel)


def _row_fields(loaded: LoadedReport) -> Iterator[Finding]:
    """A column that makes no sense for the row's entity (a target on a programme row)."""
    report = loaded.report
    kinds = report.kind_of_ids()
    for place, index, row in report.rows():
        kind = kinds.get(row.id)
        if kind is None:
            continue
        for field in sorted(row.filled() - ALWAYS_ALLOWED - ROW_FIELDS_BY_KIND[kind]):
            path = ("tempat", place, "baris", str(index), field)
            yield _error("LOAD008", "load.row-field-kind",
                         loaded.location(path, subject=Subject(kind, row.id), place=place),
                         field=field, kind=term(f"kind.{kind}"))


def _unknown_places(loaded: LoadedReport) -> Iterator[Finding]:
    report = loaded.report
    places = set(report.tempat)
    located = [(("tabel", str(i), "di"), Subject("tabel", t.id), t.di) for i, t in enumerate(report.tabel)]
    located += [(("klaim", str(i), "di"), Subject("klaim", c.id), c.di) for i, c in enumerate(report.klaim)]
    for path, owner, place in located:
        if place not in places:
            yield _error("LOAD006", "load.unknown-place", loaded.location(path, subject=owner),
                         place=place)


def _table_shapes(loaded: LoadedReport) -> Iterator[Finding]:
    report = loaded.report
    tables = {table.id: table for table in report.tabel}
    for t_index, table in enumerate(report.tabel):
        owner = Subject("tabel", table.id)
        named = [("kolom_label", table.kolom_label), ("kolom_total", table.kolom_total)]
        named += [("kolom_angka", column) for column in table.kolom_angka]
        named += [("kolom_tahun", column) for column in table.kolom_tahun]
        named += [("gaya_kolom", column) for column in table.gaya_kolom]
        named += [("daftar_tabel", table.daftar_tabel)]
        for field, column in named:
            if column is not None and column not in table.kolom:
                yield _error("LOAD007", "load.table-unknown-column",
                             loaded.location(("tabel", str(t_index), field), subject=owner),
                             column=column, table=table.id)
        for r_index, row in enumerate(table.baris):
            if len(row) != len(table.kolom):
                yield _error("LOAD007", "load.table-row-width",
                             loaded.location(("tabel", str(t_index), "baris", str(r_index)), subject=owner),
                             table=table.id, found=len(row), expected=len(table.kolom))
    for index, claim in enumerate(report.klaim):
        table = tables.get(claim.tabel) if claim.tabel else None
        if table is None:
            continue
        named = [(("kolom",), claim.kolom)] if claim.kolom is not None else []
        named += [(("kolom_baris", str(at)), column) for at, column in enumerate(claim.kolom_baris)]
        for path, column in named:
            if column not in table.kolom:
                yield _error("LOAD007", "load.table-unknown-column",
                             loaded.location(("klaim", str(index)) + path, subject=Subject("klaim", claim.id)),
                             column=column, table=table.id)


def _scale_ranges(loaded: LoadedReport) -> Iterator[Finding]:
    """A ``rentang`` of the report's own scale that the rule language cannot read: without it
    the report's categories cannot be given, so the file cannot be used."""
    entries = loaded.report.skala_kategori
    _, problems = read_entries(tuple(entries))
    for index, problem in problems:
        entry = entries[index]
        yield _error("LOAD002", "load.scale-range",
                     loaded.location(("skala_kategori", str(index), "rentang"),
                                     subject=Subject("skala_kategori", "")),
                     rentang=entry.rentang, kategori=entry.kategori, column=problem.column,
                     detail=Text(problem.message_key, problem.args))


def _formula_detail(error: DslError) -> dict[str, object]:
    """Where in the written formula it stops reading (the character), and why."""
    found = error.problems[0]
    single_line = (found.line or 1) == 1
    return {"position": (found.column or 1) if single_line else f"{found.line}:{found.column}",
            "detail": Text(found.message_key, found.args)}


def _table_formulas(loaded: LoadedReport) -> Iterator[Finding]:
    """A table's ``rumus``: its column exists, it reads, and it names only the table's columns.
    A formula that cannot be used leaves the column unchecked, so the file is unusable."""
    for t_index, table in enumerate(loaded.report.tabel):
        owner = Subject("tabel", table.id)
        for column, text in table.rumus.items():
            path = ("tabel", str(t_index), "rumus", column)
            if column not in table.kolom:
                yield _error("LOAD007", "load.table-unknown-column",
                             locate(loaded.source, path, subject=owner, prefer_key=True),
                             column=column, table=table.id)
                continue
            where = loaded.location(path, subject=owner, place=table.di)
            try:
                expression = data_formula(text)
            except DslError as error:
                yield _error("LOAD007", "load.table-formula-syntax", where, column=column,
                             table=table.id, **_formula_detail(error))
                continue
            for used in sorted(columns(expression) - set(table.kolom)):
                yield _error("LOAD007", "load.table-formula-column", where, column=column,
                             table=table.id, used=used)
            for key, args in formula_problems(expression):
                yield _error("LOAD007", "load.table-formula-other", where, column=column,
                             table=table.id, detail=Text(key, tuple(args.items())))


def _equalities(loaded: LoadedReport) -> Iterator[Finding]:
    """Every ``kesamaan`` reads and names cells that exist."""
    tables = {table.id: table for table in loaded.report.tabel}
    for index, text in enumerate(loaded.report.kesamaan):
        where = loaded.location(("kesamaan", str(index)),
                                subject=Subject("kesamaan", str(index + 1)))
        try:
            equality = data_equality(text)
        except DslError as error:
            yield _error("LOAD007", "load.equality-syntax", where, **_formula_detail(error))
            continue
        for cell in equality.cells:
            table = tables.get(cell.table)
            if table is None:
                yield _error("LOAD005", "load.equality-unknown-table", where, table=cell.table)
            elif cell.column not in table.kolom:
                yield _error("LOAD007", "load.equality-unknown-column", where, column=cell.column,
                             table=table.id)
            elif not any(row[table.kolom.index(table.kolom_label)] == cell.row
                         for row in table.baris if len(row) == len(table.kolom)):
                yield _error("LOAD007", "load.equality-unknown-row", where, row=cell.row,
                             table=table.id, label=table.kolom_label)
