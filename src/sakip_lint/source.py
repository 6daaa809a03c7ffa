"""Where values are: positions in the data file, JSON Pointers and the loaded report.

Kept apart from the loader so that checks can locate values without depending on how the
file was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sakip_lint.location import Location, Origin, Subject
from sakip_lint.model import Report, Row, Table
from sakip_lint.numbers import NumberStyle, ParsedValue, parse_value

Path_ = tuple[str, ...]

_parse = lru_cache(maxsize=1 << 16)(parse_value)


@dataclass(frozen=True)
class SourceMap:
    """Positions (1-based line, column) of the nodes of one file, by path from the root."""

    file: str
    values: dict[Path_, tuple[int, int]]
    keys: dict[Path_, tuple[int, int]]
    # for a report imported from DOCX/XLSX: where each value stands in that document
    origins: dict[Path_, Origin] = field(default_factory=dict)

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

    def origin(self, path: Path_) -> Origin | None:
        """The document origin of ``path`` or of its deepest parent that has one."""
        if not self.origins:
            return None
        while path:
            if path in self.origins:
                return self.origins[path]
            path = path[:-1]
        return None


def pointer(path: Path_) -> str:
    """JSON Pointer (RFC 6901) of a path."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


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

    @property
    def style(self) -> NumberStyle:
        return NumberStyle(self.report.gaya_angka.value)

    def parse(self, raw: str | None, place: str | None = None,
              field: str | None = None) -> ParsedValue:
        """A raw value read in the number style in force where it is printed: the column's
        (``gaya_kolom``), else the place's (``gaya_angka``), else the report's (each text is
        read once per style: the same cell is read by several rules)."""
        return _parse(raw, self.style_at(place, field))

    def read(self, raw: str, style: NumberStyle) -> ParsedValue:
        """A raw value read in ``style``, the text read once per style."""
        return _parse(raw, style)

    def style_at(self, place: str | None, field: str | None = None) -> NumberStyle:
        where = self.report.tempat.get(place) if place is not None else None
        if where is None:
            return self.style
        declared = where.gaya_kolom.get(field) if field is not None else None
        declared = declared or where.gaya_angka
        return self.style if declared is None else NumberStyle(declared.value)

    def table_style(self, table: Table, column: str | None = None) -> NumberStyle:
        """The number style of a generic table's column: the table's ``gaya_kolom``, else the
        ``gaya_angka`` of the place it is printed at (``di``), else the report's."""
        declared = table.gaya_kolom.get(column) if column is not None else None
        return NumberStyle(declared.value) if declared is not None else self.style_at(table.di)

    def table_value(self, table: Table, column: str, raw: str) -> ParsedValue:
        """A cell of a generic table read in the style of its column (``table_style``)."""
        return _parse(raw, self.table_style(table, column))

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

    def item_path(self, path: Path_, position: int) -> Path_:
        """The path of item ``position`` of a field that takes one value or a list: the item
        when the file writes a list (``sasaran: [S-01, S-02]``), the field itself when it writes
        the one value (``sasaran: S-01``), so that the pointer exists in the file."""
        item = path + (str(position),)
        return item if item in self.source.values else path

    def row_location(self, place: str, index: int, field: str | None = None) -> Location:
        """Where a cell of a row is, named by its entity ('indikator IK-04') and its place."""
        path = ("tempat", place, "baris", str(index)) + ((field,) if field else ())
        return self.location(path, subject=self.row_subject(place, index), place=place)


def locate(source: SourceMap, path: Path_, *, subject: Subject | None = None,
           place: str | None = None, prefer_key: bool = False) -> Location:
    position = source.position(path, prefer_key=prefer_key)
    line, column = position if position else (None, None)
    return Location(file=source.file, line=line, column=column, pointer=pointer(path),
                    subject=subject, place=place, origin=source.origin(path))


