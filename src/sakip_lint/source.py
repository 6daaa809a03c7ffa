"""Where values are: positions in the data file, JSON Pointers and the loaded report.

Kept apart from the loader so that checks can locate values without depending on how the
file was read.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from functools import cached_property

from sakip_lint.location import Location, Origin, Subject, pointer
from sakip_lint.model import Report, Row, Table
from sakip_lint.numbers import NumberStyle, ParsedValue, read_shared

Path_ = tuple[str, ...]


@dataclass(frozen=True)
class SourceMap:
    """Positions (1-based line, column) of the nodes of one file, by path from the root.

    The reference form, one entry per node: what the careful reader (``loader._NodeReader``)
    makes for files with anchors, aliases or problems. Files without them get a
    ``PositionTree``, which answers ``position`` the same way in a fraction of the memory."""

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
        return origin_in(self.origins, path)

    def has(self, path: Path_) -> bool:
        """Whether the file writes a value at exactly ``path``."""
        return path in self.values


def origin_in(origins: dict[Path_, Origin], path: Path_) -> Origin | None:
    """The document origin of ``path`` or of its deepest parent that has one (a report
    imported from DOCX/XLSX; a data file has none)."""
    if not origins:
        return None
    while path:
        if path in origins:
            return origins[path]
        path = path[:-1]
    return None


class MappingMarks:
    """Where the keys and values of one mapping are: ``2 n`` entries of the tree's arrays from
    ``base`` (the n keys, then the n values); ``children`` the mappings and lists among the
    values (None when all are scalars). Key tuples of the same shape are shared."""

    __slots__ = ("keys", "index", "base", "children")

    def __init__(self, keys: tuple[str, ...], base: int, children: tuple | None) -> None:
        self.keys, self.base, self.children = keys, base, children
        self.index = {key: at for at, key in enumerate(keys)} if len(keys) > 16 else None

    def find(self, key: str) -> int:
        if self.index is not None:
            return self.index.get(key, -1)
        try:
            return self.keys.index(key)
        except ValueError:
            return -1


class SequenceMarks:
    """Where the items of one list are: ``count`` entries of the tree's arrays from ``base``."""

    __slots__ = ("count", "base", "children")

    def __init__(self, count: int, base: int, children: tuple | None) -> None:
        self.count, self.base, self.children = count, base, children


class PositionTree:
    """Positions of one file kept compactly: two arrays of ints (lines, columns) in blocks per
    mapping and list, reached by walking the path through ``MappingMarks``/``SequenceMarks``.
    A 35 MiB report has millions of values; a dict of path tuples to position tuples holds
    each in some 200 bytes, this in some 20."""

    def __init__(self, file: str, lines: array, columns: array, root: int,
                 tree: MappingMarks) -> None:
        self.file, self.lines, self.columns, self.root, self.tree = (file, lines, columns,
                                                                     root, tree)
        self.origins: dict[Path_, Origin] = {}  # for a report imported from DOCX/XLSX

    def origin(self, path: Path_) -> Origin | None:
        return origin_in(self.origins, path)

    def has(self, path: Path_) -> bool:
        """Whether the file writes a value at exactly ``path``."""
        return self._walk(path, False)[1]

    def position(self, path: Path_, *, prefer_key: bool = False) -> tuple[int, int] | None:
        """The position of ``path`` or, if it does not exist, of its deepest existing parent
        (the same answers as ``SourceMap.position``)."""
        at = self._walk(path, prefer_key)[0]
        return self.lines[at], self.columns[at]

    def _walk(self, path: Path_, prefer_key: bool) -> tuple[int, bool]:
        """The entry of ``path`` (of its key, with ``prefer_key``) or of its deepest existing
        parent, and whether all of ``path`` exists."""
        at, node, last = self.root, self.tree, len(path) - 1
        for depth, part in enumerate(path):
            if node.__class__ is MappingMarks:
                found = node.find(part)
                if found < 0:
                    return at, False
                if prefer_key and depth == last:
                    return node.base + found, True
                at = node.base + len(node.keys) + found
            elif node.__class__ is SequenceMarks:
                if not (part.isdigit() and part.isascii() and str(int(part)) == part):
                    return at, False
                found = int(part)
                if found >= node.count:
                    return at, False
                at = node.base + found
            else:  # a scalar has no parts
                return at, False
            node = node.children[found] if node.children is not None else None
        return at, True


@dataclass(frozen=True)
class LoadedReport:
    """A validated report with where each of its values came from."""

    path: str
    digest: str
    report: Report
    source: SourceMap | PositionTree

    def location(self, path: Path_, *, subject: Subject | None = None,
                 place: str | None = None) -> Location:
        return locate(self.source, path, subject=subject, place=place)

    def subject(self, ident: str) -> Subject:
        """The entity with this id as a subject: its declared kind, its id and its name (made
        once per entity; an id the report does not declare has no kind and no name)."""
        subject = self._subjects.get(ident)
        if subject is None:
            entity = self.report.entity(ident)
            subject = self._subjects[ident] = Subject(self.report.kind_of(ident) or "", ident,
                                                      entity.teks if entity else None)
        return subject

    @cached_property
    def _subjects(self) -> dict[str, Subject]:
        return {}

    def row_subject(self, place: str, index: int) -> Subject:
        """The entity a row shows, with the number and name that place prints for it (made
        once per row: every finding and location of the row names it)."""
        key = (place, index)
        subject = self._row_subjects.get(key)
        if subject is None:
            row: Row = self.report.tempat[place].baris[index]
            subject = self._row_subjects[key] = Subject(self.report.kind_of(row.id) or "",
                                                        row.id, row.teks, row.nomor)
        return subject

    @cached_property
    def _row_subjects(self) -> dict[tuple[str, int], Subject]:
        return {}

    @cached_property
    def _computed(self) -> dict[int, tuple[object, dict]]:
        return {}

    def computed(self, owner: object) -> dict:
        """Results computed from this report's values under ``owner`` (a rule configuration),
        kept for whoever computes them again: a mechanism that recomputes a row's capaian
        gets the one the engine already has."""
        found = self._computed.get(id(owner))
        if found is None or found[0] is not owner:
            found = self._computed[id(owner)] = (owner, {})
        return found[1]

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
        return self.read(raw, self.style_at(place, field))

    def read(self, raw: str | None, style: NumberStyle) -> ParsedValue:
        """A raw value read in ``style``, each text read once per style and report."""
        key = (raw, style)
        value = self._parsed.get(key)
        if value is None:
            value = self._parsed[key] = read_shared(raw, style)
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

    def table_style(self, table: Table, column: str | None = None) -> NumberStyle:
        """The number style of a generic table's column: the table's ``gaya_kolom``, else the
        ``gaya_angka`` of the place it is printed at (``di``), else the report's."""
        declared = table.gaya_kolom.get(column) if column is not None else None
        return NumberStyle(declared.value) if declared is not None else self.style_at(table.di)

    def table_value(self, table: Table, column: str, raw: str) -> ParsedValue:
        """A cell of a generic table read in the style of its column (``table_style``)."""
        return self.read(raw, self.table_style(table, column))

    def cell(self, place: str, index: int, field: str) -> ParsedValue | None:
        """The value a row prints in ``field``, read in its style; None when it prints none."""
        raw = getattr(self.report.tempat[place].baris[index], field)
        return None if raw is None else self.parse(raw, place, field)

    def entity_location(self, ident: str) -> Location:
        """Where an entity is declared (its id), named by kind and id."""
        kind, index = self.report.path_of(ident)
        return self.location((kind, index, "id"), subject=self.subject(ident))

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
        return item if self.source.has(item) else path

    def row_location(self, place: str, index: int, field: str | None = None) -> Location:
        """Where a cell of a row is, named by its entity ('indikator IK-04') and its place."""
        subject = self.row_subject(place, index)
        base = self._row_paths.get((place, index))
        if base is None:
            base = self._row_paths[(place, index)] = ("tempat", place, "baris", str(index))
        return Location.at(self.source.file, self.source, base + (field,) if field else base,
                           subject=subject, place=place)

    @cached_property
    def _row_paths(self) -> dict[tuple[str, int], tuple[str, ...]]:
        return {}


def locate(source: SourceMap, path: Path_, *, subject: Subject | None = None,
           place: str | None = None, prefer_key: bool = False) -> Location:
    """Where ``path`` is; its line, column and origin are looked up when first read."""
    return Location.at(source.file, source, path, subject=subject, place=place,
                       prefer_key=prefer_key)


