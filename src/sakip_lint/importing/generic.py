"""Tables that show no entity of the performance tree (staff counts, SAKIP evaluation
results, survey scores, the list of tables) kept as generic tables (``tabel``), and the
report's own capaian category scale read from the table that prints it.

What the checker needs to know of a generic table is read from it: the column naming each
row (the first column of words, not of numbers), the columns of numbers (a column counting
its rows 1, 2, 3 is a numbering, not data), the total column (``Jumlah``, ``Total``), the
total rows (``Jumlah``, ``Total``, ``Nilai Hasil Evaluasi``), an unnumbered last row that is
the average of the rows above it, the row of SAKIP grades under the scores (``B``, ``BB``),
and the year each column is about (``Nilai 2016``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from sakip_lint.importing.headers import Layout, unique_names
from sakip_lint.importing.layout import LogicalTable
from sakip_lint.importing.rows import data_rows, table_origin
from sakip_lint.importing.text import clean, normal, years_in
from sakip_lint.location import Origin
from sakip_lint.numbers import NumberStyle, ValueKind, parse_value

TOTAL_COLUMN = re.compile(r"^(jumlah|total|jumlah total|jml)$")
TOTAL_ROW = re.compile(r"^(jumlah|total|jumlah total|sub ?total|nilai (hasil )?evaluasi|total nilai|nilai akhir)\b")
AVERAGE_ROW = re.compile(r"\b(rata ?rata|rerata)\b")
GRADES = re.compile(r"^(AA|A|BB|B|CC|C|D)[+-]?$")
GRADE_SCALE = "predikat_sakip"  # the SAKIP grade scale of rules/predikat.sakip
CATEGORY_WORDS = {"memuaskan", "sangat baik", "baik", "cukup", "cukup baik", "kurang",
                  "kurang baik", "sangat kurang", "agak kurang", "tidak baik", "sangat memuaskan"}


@dataclass
class GenericTable:
    table: LogicalTable
    kolom: list[str]
    baris: list[list[str | None]]
    origins: list[list[Origin]]
    row_origins: list[Origin]
    kolom_label: str
    kolom_angka: list[str] = field(default_factory=list)
    kolom_total: str | None = None
    baris_total: list[str] = field(default_factory=list)
    baris_rata_rata: list[str] = field(default_factory=list)
    baris_predikat: str | None = None
    skala_predikat: str | None = None
    kolom_tahun: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the importer was unsure of

    def label(self, row: list[str | None]) -> str | None:
        return row[self.kolom.index(self.kolom_label)]


def _number(text: str | None) -> Decimal | None:
    """The number a cell holds, when it is one (with at most a short label: ``77,50 (BB)``,
    not a title that ends in a year)."""
    if not text:
        return None
    value = parse_value(text, NumberStyle.AUTO)
    if value.label and len(value.label.split()) > 2:
        return None
    if value.kind is ValueKind.AMBIGUOUS and value.candidates:
        return value.candidates[0]
    return value.number if value.kind is ValueKind.NUMBER else None


def is_table_list(generic: GenericTable) -> bool:
    """The list of tables of the report: its label column names tables (``Tabel 3.6``)."""
    labels = [generic.label(row) for row in generic.baris]
    named = [label for label in labels if label and re.match(r"^\s*tabel\s+\d", label, re.IGNORECASE)]
    return len(named) >= 3 and len(named) >= 0.8 * len(labels)


def _is_numbering(values: list[str | None]) -> bool:
    numbers = [v.strip().rstrip(".") for v in values if v]
    return bool(numbers) and numbers == [str(i + 1) for i in range(len(numbers))]


def generic_table(table: LogicalTable, layout: Layout) -> GenericTable:
    kolom = unique_names(layout.columns)
    rows = data_rows(table, layout)
    baris, origins, row_origins = [], [], []
    label_guess = _label_column(table, rows, kolom)
    for part, r in rows:
        cells = part.rows[r]
        line: list[str | None] = []
        for c, cell in enumerate(cells):
            text = clean(cell.text) or None
            if not cell.top:
                text = None
            elif not cell.left:
                text = None
            line.append(text)
        # text merged across the label column stands in the label column
        for c, cell in enumerate(cells):
            if cell.start and c < label_guess and c + 1 < len(cells) and not cells[label_guess].left \
                    and cells[label_guess].text == cell.text and all(
                        not cells[k].left for k in range(c + 1, label_guess + 1)):
                line[label_guess], line[c] = line[c], None
        baris.append(line)
        origins.append([table_origin(table, part, r, kolom[c], c) for c in range(len(cells))])
        row_origins.append(table_origin(table, part, r))
    generic = GenericTable(table, kolom, baris, origins, row_origins, kolom[label_guess])
    _columns(generic, layout)
    _summary_rows(generic)
    return generic


def _label_column(table: LogicalTable, rows, kolom: list[str]) -> int:
    """The first column whose cells are mostly words (not numbers, ranges or item numbers)."""
    best = 0
    for c in range(len(kolom)):
        values = [clean(part.rows[r][c].text) for part, r in rows if part.rows[r][c].start]
        values = [v for v in values if v]
        if not values:
            continue
        words = [v for v in values if parse_value(v, NumberStyle.AUTO).kind is ValueKind.TEXT
                 and not re.fullmatch(r"\(?[0-9ivxlcIVXLC]{1,4}[.)]?\)?|[a-zA-Z][.)]", v)]
        if len(words) >= 0.6 * len(values) and not _is_numbering(values):
            return c
        best = best if best else 0
    return best


def _columns(generic: GenericTable, layout: Layout) -> None:
    label = generic.kolom.index(generic.kolom_label)
    for c, name in enumerate(generic.kolom):
        if c == label:
            continue
        values = [row[c] for row in generic.baris]
        filled = [v for v in values if v and v.strip() not in ("-", "–")]
        if not filled or _is_numbering(values) or re.fullmatch(r"(no|nomor|no urut)", normal(name)):
            continue
        numbers = [v for v in filled if _number(v) is not None]
        if len(numbers) < 0.6 * len(filled):
            continue
        if TOTAL_COLUMN.match(normal(name)) and generic.kolom_total is None:
            generic.kolom_total = name
        else:
            generic.kolom_angka.append(name)
        years = years_in(name)
        if len(years) == 1 and not re.search(r"\d{4}\s*[-–]\s*\d{4}", name):
            generic.kolom_tahun[name] = years[0]


def _summary_rows(generic: GenericTable) -> None:
    label = generic.kolom.index(generic.kolom_label)
    numeric = [generic.kolom.index(name) for name in generic.kolom_angka + ([generic.kolom_total] if generic.kolom_total else [])]
    for index, row in enumerate(generic.baris):
        text = row[label]
        if not text:
            continue
        words = normal(text)
        graded = [row[c] for c in numeric if row[c]]
        if graded and all(GRADES.match(value.strip()) for value in graded):
            generic.baris_predikat = text
            generic.skala_predikat = GRADE_SCALE
        elif TOTAL_ROW.match(words):
            generic.baris_total.append(text)
        elif AVERAGE_ROW.search(words):
            generic.baris_rata_rata.append(text)
    _unnumbered_last_row(generic, numeric)


def _unnumbered_last_row(generic: GenericTable, numeric: list[int]) -> None:
    """A last row without a number, after numbered rows, that neither label nor grade
    explains: the average of the rows above it (within 1 %), or their sum; else unsure."""
    label = generic.kolom.index(generic.kolom_label)
    if not generic.baris or label == 0 or not numeric:
        return
    last = generic.baris[-1]
    text = last[label]
    summaries = set(generic.baris_total) | set(generic.baris_rata_rata) | {generic.baris_predikat}
    if not text or text in summaries or last[0] or not all(row[0] for row in generic.baris[:-1]):
        return
    column = numeric[-1]
    above = [_number(row[column]) for row in generic.baris[:-1]]
    above = [value for value in above if value is not None]
    value = _number(last[column])
    if not above or value is None:
        return
    average = sum(above) / len(above)
    total = sum(above)
    if average and abs(value - average) <= abs(average) / 100:
        generic.baris_rata_rata.append(text)
    elif total and abs(value - total) <= abs(total) / 100:
        generic.baris_total.append(text)
    else:
        generic.notes.append(text)


# --- the report's own category scale -------------------------------------------------

def category_scale(generic: GenericTable, context: list[str]) -> list[tuple[str, str, Origin]] | None:
    """(kategori, rentang, origin) of each band, when this table is the capaian category
    scale: a column of ranges beside a column of category words, about capaian."""
    words = normal(" ".join([*context, *generic.kolom]))
    if "capaian" not in words and "kinerja" not in words:
        return None
    category = ranges = None
    for c, _ in enumerate(generic.kolom):
        values = [row[c] for row in generic.baris if row[c]]
        if not values:
            continue
        if category is None and sum(1 for v in values if normal(v) in CATEGORY_WORDS) >= max(3, 0.8 * len(values)):
            category = c
        elif ranges is None and sum(1 for v in values if _range_text(v) is not None) >= max(3, 0.8 * len(values)):
            ranges = c
    if category is None or ranges is None:
        return None
    bands = []
    for row, origins in zip(generic.baris, generic.origins):
        if row[category] and row[ranges] and _range_text(row[ranges]):
            bands.append((row[category], _range_text(row[ranges]), origins[ranges]))
    return bands or None


def _range_text(text: str) -> str | None:
    """A printed range in the rule language's bound syntax: ``85 % - 100 %`` -> ``85 - 100``,
    ``70% - < 85%`` -> ``70 - < 85``, ``<55 %`` -> ``< 55``, ``>100`` -> ``> 100``."""
    plain = text.replace("%", " ").replace("–", "-").replace("—", "-").replace("≤", "<=").replace("≥", ">=")
    plain = re.sub(r"\s+", " ", plain).strip()
    number = r"\d+(?:[.,]\d+)?"
    operator = r"(?:<=|>=|<|>)"
    one = rf"({operator})?\s*({number})"
    match = re.fullmatch(rf"{one}\s*(?:-|s\.?d\.?|sampai)\s*{one}|{one}", plain)
    if not match:
        return None
    if match.group(6) is not None:
        op, value = match.group(5), match.group(6)
        return f"{op} {value}" if op else None
    low_op, low, high_op, high = match.group(1), match.group(2), match.group(3), match.group(4)
    left = f"{low_op} {low}" if low_op else low
    right = f"{high_op} {high}" if high_op else high
    return f"{left} - {right}"
