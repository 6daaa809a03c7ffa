"""Comparing the findings on a hand-made data file with those on the same report imported
from a document: by rule, entity and place, where 'the same entity' is the one of the same
kind and name, 'the same claim' the one of the same place, kind and figure, and 'the same
place' the one printed at the same table or paragraph of the document (``Rendering``)."""

from __future__ import annotations

from sakip_lint.engine import FileResult
from sakip_lint.importing.text import normal


def distinct(result: FileResult) -> set[tuple[str, str, str, str]]:
    """(code, subject kind, subject id, place) of every finding."""
    found = set()
    for finding in result.findings:
        subject = finding.location.subject
        found.add((finding.code, subject.kind if subject else "", subject.id if subject else "",
                   finding.location.place or ""))
    return found


def _imported_places(result: FileResult) -> dict[tuple[str, int], str]:
    """('table', n) / ('paragraph', n) of the document -> the imported place standing there."""
    origins = result.loaded.source.origins
    report = result.loaded.report
    where: dict[tuple[str, int], str] = {}
    for name in report.tempat:
        origin = origins.get(("tempat", name))
        if origin is None:
            continue
        if origin.paragraph is not None:
            where[("paragraph", origin.paragraph)] = name
        elif origin.table_index is not None:
            where[("table", origin.table_index)] = name
    for index, table in enumerate(report.tabel):
        origin = origins.get(("tabel", str(index)))
        if origin is not None and origin.table_index is not None:
            where.setdefault(("table", origin.table_index), table.di)
    return where


def mapping(fixture: FileResult, imported: FileResult, rendering) -> dict[tuple[str, str], str]:
    """(kind, fixture id or place) -> the imported id or place name it corresponds to."""
    places = _imported_places(imported)
    mapped: dict[tuple[str, str], str] = {}
    for name, where in rendering.places.items():
        if where in places:
            mapped[("place", name)] = places[where]
    ours, theirs = fixture.loaded.report, imported.loaded.report
    by_text = {}
    for kind, _, entity in theirs.entities():
        by_text.setdefault((kind, normal(entity.teks)), entity.id)
    for kind, _, entity in ours.entities():
        found = by_text.get((kind, normal(entity.teks)))
        if found:
            mapped[(kind, entity.id)] = found
    for table in ours.tabel:
        place = mapped.get(("place", table.di))
        candidates = [t.id for t in theirs.tabel if t.di == place]
        if len(candidates) == 1:
            mapped[("tabel", table.id)] = candidates[0]
    def claim_key(claim, place, table, refs):
        return (place, claim.tentang.value, normal(claim.nilai), table, normal(claim.kolom or ""), refs)

    claims = {}
    for claim in theirs.klaim:
        refs = tuple(sorted(claim.tujuan + claim.sasaran + claim.indikator))
        claims.setdefault(claim_key(claim, claim.di, claim.tabel, refs), claim.id)
    for claim in ours.klaim:
        refs = tuple(sorted(mapped.get((kind, ident), "?") for kind in ("tujuan", "sasaran", "indikator")
                            for ident in getattr(claim, kind)))
        table = mapped.get(("tabel", claim.tabel)) if claim.tabel else None
        key = claim_key(claim, mapped.get(("place", claim.di)), table, refs)
        if key in claims:
            mapped[("klaim", claim.id)] = claims[key]
    return mapped


def translate(found: set[tuple[str, str, str, str]], mapped: dict) -> set[tuple[str, str, str, str]]:
    """The fixture's findings in the imported file's ids and place names (unmapped ones keep
    theirs, marked, so that they show as differences)."""
    result = set()
    for code, kind, ident, place in found:
        new_id = mapped.get((kind, ident), f"?{ident}") if ident else ident
        new_place = mapped.get(("place", place), f"?{place}") if place else place
        result.add((code, kind, new_id, new_place))
    return result
