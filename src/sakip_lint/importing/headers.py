"""The header of a table: how many rows it takes, what each column is called, and what each
column holds (the number or name of an entity, a target, a realisation of a year, a budget).

Real headers take one row or two: ``Realisasi`` merged across ``2016 | 2017``, ``Sasaran
Strategis`` merged across a number column and a text column, ``Tujuan 1`` naming the one
tujuan of a small table. Under the header some reports print a row of column numbers
(``1 2 3 4 5`` or ``(1) (2) (3)``), which is not data. A column's name is the texts above it
joined (``Realisasi 2016``); what it holds is read from that name by keywords, the nearest
specific word first (``Kegiatan / Indikator Kinerja`` is an indicator column), and for a
header spanning a number and a text column, from the cells themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sakip_lint.importing.document import Table
from sakip_lint.importing.text import clean, normal, split_number, years_in

# header words -> entity kind whose name (teks) the column holds; the first match wins
_ENTITY_HEADERS = (
    ("sub_kegiatan", r"^sub ?kegiatan\b"),
    ("indikator", r"^indikator\b|^ik\b|^iku\b"),
    ("sasaran", r"^sasaran\b"),
    ("tujuan", r"^tujuan\b"),
    ("misi", r"^misi\b"),
    ("program", r"^program\b|^nama program\b"),
    ("kegiatan", r"^kegiatan\b|^nama kegiatan\b"),
    ("strategi", r"^strategi\b"),
    ("kebijakan", r"^(arah )?kebijakan\b"),
    ("urusan", r"^(bidang )?urusan\b"),
)

# header words -> value field; checked after the entity headers, the first match wins
_VALUE_HEADERS = (
    ("efisiensi", r"\befisiensi\b"),
    ("persen_anggaran", r"\bpenyerapan\b|% ?realisasi anggaran|persentase realisasi anggaran"),
    ("realisasi_anggaran", r"^realisasi (anggaran|keuangan)\b"),
    ("pagu", r"^(pagu|anggaran|alokasi|jumlah anggaran|dana)\b"),
    ("penanggung_jawab", r"penanggung ?jawab|^pj\b|^unit kerja\b|^pelaksana\b"),
    ("satuan", r"^satuan\b"),
    ("target_akhir", r"^target akhir|^kondisi akhir|akhir (periode )?renstra"),
    ("baseline", r"^(baseline|kondisi awal|capaian awal)\b"),
    ("target", r"^target\b|^rencana( tingkat capaian)?\b|^sasaran target\b"),
    ("realisasi", r"^realisasi\b|^capaian realisasi\b"),
    ("kategori", r"^(kategori|predikat|interpretasi|kriteria)\b"),
    ("capaian", r"capaian|pencapaian|^%$|^persentase$|^persen$|^% ?\w*$"),
    ("catatan", r"^(keterangan|ket|catatan)\b"),
)
_NUMBER_HEADER = re.compile(r"^(no|nomor|no urut|nmr)$")
_HEADER_NUMBERED = re.compile(r"^(tujuan|sasaran|misi|program|indikator)\s+(\S+)$", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^[(\[]?\s*(\d{1,2})\s*[)\]]?$")
_SHORT_NUMBER = re.compile(r"^\(?\s*(\d{1,3}(\.\d{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})\s*[.)]?\)?$")


@dataclass
class Column:
    """One column of a table: its printed name, the header parts it joins, and what it holds:
    ``kind`` for a column naming entities (with ``number_of`` for a column of their numbers),
    ``field`` for a column of values (``realisasi``; ``year`` for one of another year)."""

    index: int
    name: str
    parts: tuple[str, ...]
    kind: str | None = None  # entity kind whose text the column holds
    number_of: str | None = None  # entity kind whose number the column holds
    field: str | None = None  # value field of a row
    year: int | None = None
    header_number: str | None = None  # 'Tujuan 1': the printed number of the column's entity

    @property
    def read(self) -> bool:
        return bool(self.kind or self.number_of or self.field)


@dataclass
class Layout:
    header_rows: int
    columns: list[Column]
    skipped_rows: set[int] = field(default_factory=set)  # column-number rows under the header

    @property
    def kinds(self) -> list[str]:
        seen = []
        for column in self.columns:
            if column.kind and column.kind not in seen:
                seen.append(column.kind)
        return seen

    @property
    def fields(self) -> set[str]:
        return {column.field for column in self.columns if column.field}


def _texts(table: Table, row: int) -> list[str]:
    return [clean(cell.text) for cell in table.rows[row]]


def _is_column_numbers(texts: list[str]) -> bool:
    """``1 2 3 4 5``, ``(1) (2) (3)``: consecutive column numbers from 1."""
    numbers = [int(m.group(1)) for t in texts if t and (m := _COLUMN_NUMBER.match(t))]
    filled = [t for t in texts if t]
    return len(filled) >= 3 and len(numbers) == len(filled) and numbers == list(range(1, len(numbers) + 1))


def _without_years(text: str) -> str:
    return re.sub(r"\b(19|20|21)\d\d\b", "", text or "")


def _spanned(row) -> list[bool]:
    """Which positions of a row belong to a cell merged across several columns."""
    flags = [False] * len(row)
    for index, cell in enumerate(row):
        if not cell.left:
            flags[index] = True
            if index > 0:
                flags[index - 1] = True
    for index in range(len(row) - 1, 0, -1):  # a span of three or more: mark its whole run
        if flags[index] and not row[index].left:
            flags[index - 1] = True
    return flags


def header_depth(table: Table) -> int:
    """How many rows the header takes: the rows the document marks as header, or the first
    row and each row below it that only continues the header: short headings without
    figures (years apart: ``2016``, ``2013-2014``) under a header merged across columns
    (``Realisasi``), in a row some of whose cells are header cells merged down."""
    if not table.rows:
        return 0
    if table.header_rows:
        depth = min(table.header_rows, len(table.rows))
        while depth > 1 and _is_column_numbers(_texts(table, depth - 1)):
            depth -= 1  # the row of column numbers repeats with the header: it is no heading
        return depth
    depth = 1
    while depth < min(3, len(table.rows)):
        above, below = table.rows[depth - 1], table.rows[depth]
        if _is_column_numbers(_texts(table, depth)):
            break
        spanned = _spanned(above)
        merged_down = any(not cell.top for cell in below)
        sub_headings = 0
        for index, cell in enumerate(below):
            if not cell.top or not cell.text.strip():
                continue
            text = clean(cell.text)
            if not (spanned[index] or merged_down) or len(text) > 50 \
                    or re.search(r"\d", _without_years(text)):
                sub_headings = -1
                break
            sub_headings += 1
        if sub_headings <= 0:
            break
        depth += 1
    return depth


def _parts(table: Table, depth: int, column: int) -> tuple[str, ...]:
    parts: list[str] = []
    for row in range(depth):
        text = clean(table.rows[row][column].text)
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return tuple(parts)


def _entity_kind(part: str) -> str | None:
    words = normal(part)
    for kind, pattern in _ENTITY_HEADERS:
        if re.search(pattern, words):
            return kind
    return None


def _value_field(part: str) -> str | None:
    words = normal(part)
    for name, pattern in _VALUE_HEADERS:
        if re.search(pattern, words):
            return name
    return None


def read_layout(table: Table, report_year: int | None = None, budget: bool | None = None) -> Layout:
    """The header and the columns of ``table``; ``report_year`` tells a realisation of the
    report year from one of an earlier year."""
    depth = header_depth(table)
    skipped = set()
    if depth < len(table.rows) and _is_column_numbers(_texts(table, depth)):
        skipped.add(depth)
    columns = []
    for index in range(table.width):
        parts = _parts(table, depth, index)
        columns.append(_column(index, parts, report_year))
    _split_spanned(table, depth, skipped, columns)
    if budget is None:
        budget = any(c.field in ("pagu", "realisasi_anggaran") for c in columns)
    _budget_columns(columns, budget)
    return Layout(depth, columns, skipped)


def _column(index: int, parts: tuple[str, ...], report_year: int | None) -> Column:
    name = " ".join(parts)
    column = Column(index, name, parts)
    if not parts:
        return column
    if _NUMBER_HEADER.match(normal(parts[-1])) or (len(parts) > 1 and _NUMBER_HEADER.match(normal(parts[0]))
                                                    and not _entity_kind(parts[-1])):
        column.number_of = "?"
        return column
    for part in reversed(parts):
        kind = _entity_kind(part)
        if kind is not None and not _value_field_first(part):
            column.kind = kind
            numbered = _HEADER_NUMBERED.match(clean(part))
            if numbered and re.search(r"\d|^[ivxlc]+$", numbered.group(2), re.IGNORECASE):
                column.header_number = clean(part)
            return column
        found = _value_field(part)
        if found is not None:
            column.field = found
            _years(column, parts, report_year)
            return column
    return column


def _value_field_first(part: str) -> bool:
    """``Target Sasaran``, ``Capaian Indikator``: a value word before an entity word."""
    words = normal(part).split()
    return bool(words) and _value_field(words[0]) is not None and _entity_kind(words[0]) is None


def _years(column: Column, parts: tuple[str, ...], report_year: int | None) -> None:
    """A year in the header makes a realisation or target one of that year."""
    years = years_in(" ".join(parts))
    if len(years) != 1:
        return
    year = years[0]
    if column.field == "realisasi" and report_year is not None and year != report_year:
        column.field, column.year = "realisasi_tahun", year
    elif column.field == "target" and report_year is not None and year != report_year:
        column.field, column.year = "target_tahun", year
    elif column.field in ("realisasi", "target", "capaian"):
        column.year = year


def _split_spanned(table: Table, depth: int, skipped: set[int], columns: list[Column]) -> None:
    """Columns under one spanning header (``Sasaran Strategis`` over ``1 | Meningkatnya ...``):
    the one whose cells are short numbers holds the entity's number; a 'No' column numbers
    the entity column after it."""
    data = [r for r in range(depth, len(table.rows)) if r not in skipped]
    for column in columns:
        if column.kind is None:
            continue
        same = [c for c in columns if c.name == column.name and c.kind == column.kind]
        if len(same) < 2 or column is not same[0]:
            continue
        for candidate in same:
            cells = [clean(table.rows[r][candidate.index].text) for r in data
                     if table.rows[r][candidate.index].top and table.rows[r][candidate.index].text.strip()]
            if cells and sum(1 for t in cells if _SHORT_NUMBER.match(t)) >= 0.8 * len(cells):
                candidate.number_of, candidate.kind = candidate.kind, None
        texts = [c for c in same if c.kind]
        for extra in texts[1:]:
            extra.kind = None  # two text columns under one header: the first names the entity
    for position, column in enumerate(columns):
        if column.number_of != "?":
            continue
        after = [c for c in columns[position + 1:] if c.kind]
        if not after:
            column.number_of = None
            continue
        column.number_of = _numbered_kind(table, depth, skipped, column, after)


def _numbered_kind(table: Table, depth: int, skipped: set[int], number: Column,
                   after: list[Column]) -> str:
    """Which entity column a 'No' column numbers: the one whose cells are merged as the
    number's are (a sasaran merged over its indicators, and its number with it), else the
    first after it."""
    rows = [r for r in range(depth, len(table.rows)) if r not in skipped]
    pattern = [table.rows[r][number.index].top for r in rows]
    for candidate in after:
        if [table.rows[r][candidate.index].top for r in rows] == pattern:
            return candidate.kind
    return after[0].kind


def _budget_columns(columns: list[Column], budget: bool) -> None:
    """In a budget table, 'Realisasi' is the money spent and '% Capaian' or '%' its share of
    the pagu; elsewhere they are the indicator's realisation and capaian."""
    if not budget:
        return
    for column in columns:
        if column.field == "realisasi":
            column.field = "realisasi_anggaran"
        elif column.field == "capaian" and "kinerja" not in normal(column.name):
            column.field = "persen_anggaran"


def unique_names(columns: list[Column]) -> list[str]:
    """Column names made unique for a generic table (``Nilai``, ``Nilai (2)``); an unnamed
    column is called by its position."""
    names, seen = [], {}
    for column in columns:
        base = column.name or f"Kolom {column.index + 1}"
        count = seen.get(base, 0) + 1
        seen[base] = count
        names.append(base if count == 1 else f"{base} ({count})")
    return names


def inline_numbers(table: Table, rows: list[int], column: Column) -> bool:
    """Whether the column's cells print the entity's number before its name (``1 Predikat
    LPPD``): most of its cells do."""
    cells = [clean(table.rows[r][column.index].text) for r in rows
             if table.rows[r][column.index].top and table.rows[r][column.index].text.strip()]
    if not cells:
        return False
    numbered = sum(1 for text in cells if split_number(text)[0] is not None)
    return numbered >= max(1, 0.6 * len(cells))
