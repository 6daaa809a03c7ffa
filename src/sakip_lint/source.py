"""Where values are: positions in the data file, JSON Pointers and the loaded report.

Kept apart from the loader so that checks can locate values without depending on how the
file was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sakip_lint.location import Location, Subject, pointer
from sakip_lint.model import Report, Row
from sakip_lint.numbers import NumberStyle, ParsedValue, parse_value

Path_ = tuple[str, ...]


@dataclass(frozen=True)
class SourceMap:
    """Positions (1-based line, column) of the nodes of one file, by path from the root."""

    file: str
    values: dict[Path_, tuple[int, int]]
    keys: dict[Path_, tuple[int, int]]

    def position(self, path: Path_, *, prefer_key: bool = False) -> tuple[int, int] | None:
        """The position of ``path`` or, if it does not exist, of its deepest existing parent."""
        if prefer_key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]


@dataclass(frozen=True)
class LoadedReport:
    """A validated report with where each of its values came from."""

    path: str
    digest: str
    report: Report
    source: SourceMap

    def location(self, path: Path_, *, subject: Subject | None = None,
                 place: str | None = None) -> Location:
        return locate(self.source, path, subject=subject, place=place)

    def subject(self, ident: str) -> Subject:
        """The entity with this id as a subject: its declared kind and its id."""
        return Subject(self.report.kind_of(ident) or "", ident)

    def row_subject(self, place: str, index: int) -> Subject:
        """The entity a row shows, with the number and name that place prints for it."""
        row: Row = self.report.tempat[place].baris[index]
        return Subject(self.report.kind_of(row.id) or "", row.id, row.teks, row.nomor)

    @cached_property
    def style(self) -> NumberStyle:
        return NumberStyle(self.report.gaya_angka.value)

    @cached_property
    def _parsed(self) -> dict[tuple[str | None, NumberStyle], ParsedValue]:
        return {}

    @cached_property
    def _styles(self) -> dict[tuple[str | None, str | None], NumberStyle]:
        return {}

    def parse(self, raw: str | None, place: str | None = None,
              field: str | None = None) -> ParsedValue:
        """A raw value read in the number style in force where it is printed: the column's
        (``gaya_kolom``), else the place's (``gaya_angka``), else the report's. Each text is
        read once per style and report: the same cell is read by several rules."""
        key = (raw, self.style_at(place, field))
        value = self._parsed.get(key)
        if value is None:
            value = self._parsed[key] = parse_value(raw, key[1])
        return value

    def style_at(self, place: str | None, field: str | None = None) -> NumberStyle:
        key = (place, field)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._style_at(place, field)
        return style

    def _style_at(self, place: str | None, field: str | None) -> NumberStyle:
        where = self.report.tempat.get(place) if place is not None else None
        if where is None:
            return self.style
        declared = where.gaya_kolom.get(field) if field is not None else None
        declared = declared or where.gaya_angka
        return self.style if declared is None else NumberStyle(declared.value)

    def cell(self, place: str, index: int, field: str) -> ParsedValue | None:
        """The value a row prints in ``field``, read in its style; None when it prints none."""
        raw = getattr(self.report.tempat[place].baris[index], field)
        return None if raw is None else self.parse(raw, place, field)

    def entity_location(self, ident: str) -> Location:
        """Where an entity is declared (its id), named by kind and id."""
        kind, index = self.report.path_of(ident)
        return self.location((kind, index, "id"), subject=Subject(kind, ident))

    def claim_location(self, index: int) -> Location:
        """Where the figure of a prose claim is written."""
        claim = self.report.klaim[index]
        return self.location(("klaim", str(index), "nilai"), subject=Subject("klaim", claim.id),
                             place=claim.di)

    def row_location(self, place: str, index: int, field: str | None = None) -> Location:
        """Where a cell of a row is, named by its entity ('indikator IK-04') and its place."""
        path = ("tempat", place, "baris", str(index)) + ((field,) if field else ())
        return self.location(path, subject=self.row_subject(place, index), place=place)


def locate(source: SourceMap, path: Path_, *, subject: Subject | None = None,
           place: str | None = None, prefer_key: bool = False) -> Location:
    """Where ``path`` is; its line and column are looked up when first read."""
    return Location.at(source.file, source, path, subject=subject, place=place,
                       prefer_key=prefer_key)


