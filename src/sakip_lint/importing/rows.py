"""The rows each place prints, before anyone says which entity a row is.

A table gives one row per entity it prints, in reading order, each linked to the row of the
level above it that stands beside it (an indicator to the sasaran merged down over it, a
tujuan to its misi): a merged or blank parent cell continues the parent above, also across a
page break. A cell holding several strategi or programs gives one row per item; a number
printed in front of a name (``1 Predikat LPPD``) is the row's number. Values go to the entity
whose column stands nearest to their left and that may hold them (a target to the indicator,
a pagu beside a program to the program). Column-number rows, empty spacer rows, footnote rows
and total rows are not entities.

A section gives rows too: the entity its heading names (``1. Sasaran Tersusunnya LPPD``,
``I. Tujuan ... dijabarkan dalam 2 (dua) sasaran``), the items of a list of misi, tujuan,
sasaran, strategi, kebijakan or programs (levels told apart by their numbering, ``1.`` over
``(1)`` over ``a.``), and the programs and kegiatan listed after a sentence that announces
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sakip_lint.importing.document import Paragraph, Table
from sakip_lint.importing.headers import Column, Layout, header_depth, inline_numbers
from sakip_lint.importing.layout import FOOTNOTE, LogicalTable, Section
from sakip_lint.importing.text import clean, normal, number_style, short, split_number
from sakip_lint.location import Origin
from sakip_lint.hierarchy import LEVELS, ROW_FIELDS_BY_KIND

HIERARCHY = (tuple(level.kind for level in LEVELS if level.parents)
             + tuple(level.kind for level in LEVELS if not level.parents and not level.in_chain))
"""The kinds a table or list is read as: the levels under the visi (which only its own section
states), then the budget's own levels (urusan), which no level of the performance tree names."""
PARENT = {level.kind: tuple(p for p in level.parents if p in HIERARCHY) for level in LEVELS
          if any(p in HIERARCHY for p in level.parents)}
"""The kinds a row may stand under in a table or list, nearest first."""
LINK_FIELD = {parent: parent for parents in PARENT.values() for parent in parents}
"""The field of a child row naming a parent of each kind (a link is named after its kind)."""
LIST_KINDS = {"strategi", "kebijakan", "program", "kegiatan", "sub_kegiatan"}
SUMMARY = re.compile(r"^(jumlah|total|rata ?rata|rerata|sub ?total)( (keseluruhan|seluruhnya|anggaran|"
                     r"capaian|total|umum))?$")
KIND_TITLES = {"visi": "visi", "misi": "misi", "tujuan": "tujuan", "sasaran": "sasaran",
               "sasaran strategis": "sasaran", "strategi": "strategi", "kebijakan": "kebijakan",
               "arah kebijakan": "kebijakan", "program": "program", "kegiatan": "kegiatan",
               "indikator kinerja": "indikator", "indikator kinerja utama": "indikator"}
LABELS = {"tujuan": "tujuan", "sasaran": "sasaran", "sasaran strategis": "sasaran",
          "program": "program", "misi": "misi", "kegiatan": "kegiatan"}
CLAIM_TAIL = re.compile(r"\s+(dijabarkan|dijabarkan\s+ke\s*dalam|terdiri\s+(atas|dari)|diukur\s+dengan)\b.*$",
                        re.IGNORECASE | re.DOTALL)


@dataclass(eq=False)
class RawRow:
    """A row as printed: the kinds it may be (one, when the place says), its number and name,
    its values by field (``realisasi_tahun:2016`` for another year), where each stands, and
    the row of the level above it in this place."""

    kinds: tuple[str, ...]
    nomor: str | None
    teks: str
    origin: Origin
    values: dict[str, str] = field(default_factory=dict)
    value_origins: dict[str, Origin] = field(default_factory=dict)
    parent: RawRow | None = None
    heading: bool = False  # the entity its section is about
    entity: str | None = None  # the id of the entity, once matched
    kind: str | None = None  # the kind, once matched
    certainty: float = 1.0  # how sure the match is (0..1)

    def __post_init__(self) -> None:
        if len(self.kinds) == 1:
            self.kind = self.kinds[0]


@dataclass(eq=False)
class RawPlace:
    """A place of the report (a titled table, or a section) with its rows and generic tables."""

    kind: str  # 'table' or 'section'
    role: str
    section: Section
    origin: Origin
    rows: list[RawRow] = field(default_factory=list)
    table: LogicalTable | None = None
    tables: list[LogicalTable] = field(default_factory=list)  # generic tables standing here
    printed: str | None = None  # 'Tabel 3.1'
    title: str | None = None
    unread: list[str] = field(default_factory=list)  # column headers not read
    name: str | None = None  # the key in ``tempat``, given when the data is assembled


def table_origin(table: LogicalTable, part: Table, row: int | None = None,
                 column: str | None = None, col_index: int | None = None) -> Origin:
    """Where a row or cell of a table stands: in Word its table, row and column header; in
    Excel its sheet and cell."""
    if part.sheet is not None:
        from sakip_lint.importing.xlsx_reader import cell_name

        if row is None:
            cell = None
        elif col_index is None:
            cell = f"{cell_name(part, row, 0)}:{cell_name(part, row, part.width - 1)}"
        else:
            cell = cell_name(part, row, col_index)
        return Origin("xlsx", table=table.number, table_index=part.index, row=None if row is None
                      else part.first_row + row, column=column, sheet=part.sheet, cell=cell)
    return Origin("docx", table=table.number, table_index=part.index,
                  caption=None if table.number else short(table.title, 50) or None,
                  row=None if row is None else row + 1, column=column,
                  continued=part is not table.parts[0])


def paragraph_origin(paragraph: Paragraph) -> Origin:
    if paragraph.sheet is not None:
        return Origin("xlsx", sheet=paragraph.sheet, cell=paragraph.cell)
    return Origin("docx", paragraph=paragraph.index)


# --- tables ---------------------------------------------------------------------------

def _is_footnote_row(cells, width: int) -> bool:
    starts = [c for c in cells if c.start and c.text.strip()]
    return len(starts) == 1 and (FOOTNOTE.match(clean(starts[0].text)) is not None
                                 or sum(1 for c in cells if c.text == starts[0].text) == width and width > 2)


def data_rows(table: LogicalTable, layout: Layout) -> list[tuple[Table, int]]:
    """(part, row index) of every row holding data, in printed order."""
    found = []
    for number, part in enumerate(table.parts):
        if number == 0:
            start = layout.header_rows
        else:
            depth = header_depth(table.parts[0])
            repeated = len(part.rows) > depth and all(
                [clean(c.text) for c in part.rows[r]] == [clean(c.text) for c in table.parts[0].rows[r]]
                for r in range(depth))
            start = depth if repeated else 0
        for r in range(start, len(part.rows)):
            if number == 0 and r in layout.skipped_rows:
                continue
            if number and r == start and layout.skipped_rows and _column_numbers(part.rows[r]):
                continue
            cells = part.rows[r]
            if not any(c.text.strip() for c in cells if c.top):
                continue
            if _is_footnote_row(cells, part.width):
                continue
            found.append((part, r))
    return found


def _column_numbers(cells) -> bool:
    texts = [clean(c.text) for c in cells if clean(c.text)]
    return bool(texts) and texts == [str(i + 1) for i in range(len(texts))]


def _items(text: str, kind: str) -> list[tuple[str | None, str]]:
    """The items of one cell: one per line for a list kind (or when every line is numbered),
    unnumbered lines continuing the numbered one before them."""
    lines = [clean(line) for line in text.split("\n") if clean(line)]
    if not lines:
        return []
    numbered = [split_number(line)[0] is not None or bool(re.match(r"^\s*[-–•·▪●]", line)) for line in lines]
    if len(lines) > 1 and (kind in LIST_KINDS or all(numbered)):
        items: list[list[str]] = []
        for line, starts in zip(lines, numbered):
            if starts or not any(numbered) or not items:
                items.append([line])
            else:
                items[-1].append(line)
        return [(None, " ".join(item)) for item in items]
    return [(None, " ".join(lines))]


def _owner(column: Column, columns: list[Column], row_entities: dict[str, RawRow]) -> RawRow | None:
    """The entity a value belongs to: the nearest entity column to its left that may hold
    the field, else the deepest entity of the row that may."""
    field = column.field
    left = [c for c in columns[:column.index] if c.kind and c.kind in row_entities]
    for candidate in reversed(left):
        if field in ROW_FIELDS_BY_KIND.get(candidate.kind, ()):
            return row_entities[candidate.kind]
    for kind in reversed(HIERARCHY):
        if kind in row_entities and field in ROW_FIELDS_BY_KIND.get(kind, ()):
            return row_entities[kind]
    return None


def table_rows(table: LogicalTable, layout: Layout) -> tuple[list[RawRow], list[str]]:
    """The rows of a table of entities, and the rows it does not read as entities (total rows)."""
    columns = layout.columns
    by_kind = {c.kind: c for c in columns if c.kind}
    numbers = {c.number_of: c for c in columns if c.number_of and c.number_of != "?"}
    kinds = [k for k in HIERARCHY if k in by_kind]
    rows = data_rows(table, layout)
    per_part: dict[int, list[int]] = {}
    for part, r in rows:
        per_part.setdefault(part.index, []).append(r)
    inline = {kind: kind not in numbers and inline_numbers(table.parts[0], per_part.get(table.parts[0].index, []), by_kind[kind])
              for kind in kinds}
    header_numbers = {kind: by_kind[kind].header_number for kind in kinds}
    result: list[RawRow] = []
    skipped: list[str] = []
    current: dict[str, RawRow] = {}
    for part, r in rows:
        cells = part.rows[r]
        top_kind = kinds[0]
        first_text = clean(cells[by_kind[top_kind].index].text)
        if SUMMARY.match(normal(first_text)) and cells[by_kind[top_kind].index].top:
            skipped.append(first_text)
            continue
        in_row: dict[str, RawRow] = {}
        for kind in sorted(kinds, key=lambda k: by_kind[k].index):  # in reading order
            column = by_kind[kind]
            cell = cells[column.index]
            if not cell.top or not clean(cell.text):
                if kind in current:
                    in_row[kind] = current[kind]
                continue
            for deeper in kinds[kinds.index(kind):]:  # what stood under the previous one
                current.pop(deeper, None)
            parent = next((current[p] for p in PARENT.get(kind, ()) if p in current), None)
            number_column = numbers.get(kind)
            printed_number = None
            if number_column is not None and cells[number_column.index].top:
                printed_number = clean(cells[number_column.index].text) or None
            for position, (_, text) in enumerate(_items(cell.text, kind)):
                nomor = printed_number if position == 0 else None
                if inline[kind]:
                    found, rest = split_number(text)
                    if found is not None:
                        nomor, text = found, rest
                if nomor is None and header_numbers[kind] and not any(
                        row.kind == kind for row in result):
                    nomor = header_numbers[kind]
                row = RawRow((kind,), nomor, text, table_origin(table, part, r), parent=parent)
                row.value_origins["teks"] = table_origin(table, part, r, column.name, column.index)
                result.append(row)
                current[kind] = row
                in_row[kind] = row
        for column in columns:
            if not column.field or column.field == "baseline":
                continue
            cell = cells[column.index]
            text = clean(cell.text)
            if not text or not cell.top or not cell.left:
                continue
            owner = _owner(column, columns, in_row)
            if owner is None:
                continue
            key = column.field if column.year is None or column.field not in ("realisasi_tahun", "target_tahun") \
                else f"{column.field}:{column.year}"
            if key not in owner.values:
                owner.values[key] = text
                owner.value_origins[key] = table_origin(table, part, r, column.name, column.index)
    return result, skipped


# --- sections -----------------------------------------------------------------------

def section_kind(section: Section) -> str | None:
    """The kind a section lists, when its title is one (``2.1.8 Program``)."""
    return KIND_TITLES.get(normal(section.title))


def heading_row(section: Section) -> RawRow | None:
    """The entity a heading numbered like a list item names: ``1. Sasaran Tersusunnya LPPD``,
    ``II. Meningkatkan tertib ... dijabarkan dalam 2 (dua) sasaran ...``."""
    number = section.number
    if section.heading is None or not number or re.fullmatch(r"\d+(\.\d+)+\.?", number) \
            or number.upper().startswith("BAB"):
        return None
    tail = CLAIM_TAIL.search(section.title)
    text = CLAIM_TAIL.sub("", section.title).strip().rstrip(".")
    kinds: tuple[str, ...] = ("tujuan", "sasaran", "program")
    if tail and re.search(r"\bsasaran\b", tail.group()):
        kinds = ("tujuan",)  # what is broken down into sasaran is a tujuan
    words = text.split(maxsplit=2)
    for length in (2, 1):
        label = normal(" ".join(words[:length]))
        if label in LABELS and len(words) > length:
            kinds = (LABELS[label],)
            text = text.split(maxsplit=length)[length]
            break
    if not text:
        return None
    row = RawRow(kinds, number, clean(text), paragraph_origin(section.heading), heading=True)
    row.value_origins["teks"] = row.origin
    return row


def _list_items(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, str | None, str, int]]:
    """(paragraph, number, text, level) of the list items among ``paragraphs``; the level
    follows the list depth Word records and, for typed numbers, the numbering family
    (``1.`` first, then ``(1)``, then ``a.``)."""
    items = []
    families: list[str] = []
    for paragraph in paragraphs:
        text = clean(paragraph.text)
        number, rest = (paragraph.number, text) if paragraph.number else split_number(text)
        if not paragraph.list_level and number is None:
            items.append((paragraph, None, text, 0))
            continue
        family = number_style(number) or f"list{paragraph.list_level}"
        if family not in families:
            families.append(family)
        level = max(paragraph.list_level if not number else 0, families.index(family) + 1)
        if paragraph.list_level > 1:
            level = max(level, paragraph.list_level)
        items.append((paragraph, number, rest, level))
    return items


def _announced(text: str) -> tuple[str, ...] | None:
    """The kinds a sentence ending with ':' announces: 'Program/kegiatan unggulan ... :'."""
    if not text.rstrip().endswith(":"):
        return None
    words = normal(text).split()
    for word, kinds in (("program", ("program", "kegiatan")), ("kegiatan", ("kegiatan",)),
                        ("strategi", ("strategi",)), ("kebijakan", ("kebijakan",))):
        if word in words[:12]:
            return kinds
    return None


def section_rows(section: Section) -> list[RawRow]:
    """The rows a section prints: its heading's entity and the entities it lists."""
    rows: list[RawRow] = []
    heading = heading_row(section)
    if heading is not None:
        rows.append(heading)
    kind = section_kind(section)
    items = _list_items(section.body)
    if kind == "visi":
        for paragraph in section.body:
            text = clean(paragraph.text)
            quoted = re.search(r"[\"“”]([^\"“”]{20,})[\"“”]", text)
            row = RawRow(("visi",), None, clean(quoted.group(1)) if quoted else text,
                         paragraph_origin(paragraph))
            row.value_origins["teks"] = row.origin
            return rows + [row]
        return rows
    if kind is not None:
        levels = sorted({level for _, _, _, level in items if level})
        chain = [kind]
        while len(chain) < len(levels) and PARENT.get(chain[0]):
            chain.insert(0, PARENT[chain[0]][0])
        by_level = {level: chain[min(i, len(chain) - 1)] for i, level in enumerate(levels)}
        open_rows: dict[int, RawRow] = {}
        for paragraph, number, text, level in items:
            if not level:
                continue
            parent = next((open_rows[l] for l in sorted(open_rows, reverse=True) if l < level), None)
            row = RawRow((by_level[level],), number, text, paragraph_origin(paragraph), parent=parent)
            row.value_origins["teks"] = row.origin
            rows.append(row)
            open_rows = {l: r for l, r in open_rows.items() if l < level}
            open_rows[level] = row
        return rows
    announced: tuple[str, ...] | None = None
    open_rows = {}
    for paragraph, number, text, level in items:
        if not level:
            announced = _announced(text)
            open_rows = {}
            continue
        kinds = announced
        if kinds is None and re.match(r"^(program|prog\.)\s", text, re.IGNORECASE):
            kinds = ("program", "kegiatan")
        if kinds is None:
            continue
        depth = 0 if not open_rows or level <= min(open_rows) else 1
        item_kind = kinds[min(depth, len(kinds) - 1)]
        if re.match(r"^kegiatan\s", text, re.IGNORECASE) and "kegiatan" in kinds:
            item_kind = "kegiatan"
        parent = open_rows.get(min(open_rows)) if depth and open_rows else heading
        row = RawRow((item_kind,), number, text, paragraph_origin(paragraph), parent=parent)
        row.value_origins["teks"] = row.origin
        rows.append(row)
        if depth == 0:
            open_rows = {level: row}
    return rows
