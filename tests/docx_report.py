"""The Kaltim LKjIP 2017 written back as a Word document, from its data file, the way the
signed report prints it: chapter and section headings, numbered lists, captioned tables with
merged sasaran cells, headers over two rows and spanning a number column, a row of column
numbers, a table continued after a page break, several strategi in one cell, empty spacer
rows and footnotes, and the sentences of the prose claims in their sections.

The import test reads this document back and must find what the hand-made data file gives;
``Rendering`` records which table or paragraph each place of the data file became, so that
the test can compare places by where they stand in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

KIND_ORDER = ("visi", "misi", "tujuan", "sasaran", "indikator", "program", "kegiatan",
              "strategi", "kebijakan")
TEXT_HEADER = {"misi": "Misi", "tujuan": "Tujuan", "sasaran": "Sasaran Strategis",
               "indikator": "Indikator Kinerja", "program": "Program", "kegiatan": "Kegiatan",
               "strategi": "Strategi", "kebijakan": "Arah Kebijakan"}
VALUE_ORDER = ("satuan", "target_akhir", "target", "realisasi", "capaian", "kategori", "pagu",
               "realisasi_anggaran", "persen_anggaran", "efisiensi", "penanggung_jawab")
VALUE_HEADER = {
    "satuan": "Satuan", "target": "Target", "target_akhir": "Target Akhir RENSTRA",
    "realisasi": "Realisasi", "capaian": "Capaian (%)", "kategori": "Kategori",
    "pagu": "Pagu", "realisasi_anggaran": "Realisasi", "persen_anggaran": "% Capaian",
    "efisiensi": "Tingkat Efisiensi", "penanggung_jawab": "Penanggung Jawab",
}
ROLE_HEADER = {
    ("analisis_renstra", "realisasi"): "Realisasi 2017",
    ("analisis_renstra", "capaian"): "Tingkat Pencapaian",
    ("efisiensi", "capaian"): "% Capaian Kinerja",
    ("efisiensi", "persen_anggaran"): "% Penyerapan Anggaran",
}

# the report's own chapter and section headings (and lead-in sentences) before some places
SKELETON = {
    "1.6": [(1, "BAB I PENDAHULUAN")],
    "2.1.1": [(1, "BAB II PERENCANAAN KINERJA"), (2, "2.1 Rencana Strategis")],
    "Tabel 2.7": [(2, "2.2 Rencana Kinerja Tahunan"),
                  (0, "Adapun Rencana Kinerja Tahunan 2015 Sekretariat Daerah Provinsi "
                      "Kalimantan Timur berdasarkan Tujuan dan Sasaran Strategis adalah "
                      "sebagai berikut :")],
    "3.1": [(1, "BAB III AKUNTABILITAS KINERJA")],
    "3.2 Kategori Capaian": [(2, "3.2 Pengukuran Realisasi Kinerja Tahun 2017"),
                             (0, "Untuk mengetahui kategori capaian kinerja digunakan skala "
                                 "sebagai berikut :")],
    "3.3 Tujuan 1": [(2, "3.3. Evaluasi dan Analisis Realisasi Kinerja"),
                     (0, "Pengukuran kinerja Sekretariat Daerah Pemerintah Provinsi Kalimantan "
                         "Timur tahun 2017 menggunakan metode yang diatur dalam Peraturan "
                         "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
                         "53 tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja.")],
    "Tabel 3.7": [(2, "3.4 Realisasi Anggaran")],
}


@dataclass
class Rendering:
    """Where each place of the data file went: ('table', index) or ('paragraph', index)."""

    places: dict[str, tuple[str, int]] = field(default_factory=dict)


class _Writer:
    def __init__(self, data: dict) -> None:
        self.data = data
        self.doc = docx.Document()
        self.paragraphs = 0
        self.tables = 0
        self.rendering = Rendering()
        self.kinds = {e["id"]: kind for kind in KIND_ORDER for e in data.get(kind, [])}
        self.claims_by_place: dict[str, list[dict]] = {}
        for claim in data.get("klaim", []):
            self.claims_by_place.setdefault(claim["di"], []).append(claim)
        self.tables_by_place: dict[str, list[dict]] = {}
        for table in data.get("tabel", []):
            self.tables_by_place.setdefault(table["di"], []).append(table)
        self.section = None  # the number of the last section heading written

    # --- paragraphs ----------------------------------------------------------------------
    def para(self, text: str, style: str | None = None, bold: bool = False):
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        self.paragraphs += 1
        return self.paragraphs

    def heading(self, text: str, level: int) -> int:
        self.doc.add_heading(text, level=level)
        self.paragraphs += 1
        return self.paragraphs

    def page_break(self) -> None:
        self.doc.add_page_break()
        self.paragraphs += 1

    # --- tables --------------------------------------------------------------------------
    def table(self, header: list[list[str | None]], body: list[list[str | None]],
              merges: list[tuple[int, int, int, int]] = (), repeat_header: bool = False) -> int:
        """A table of ``header`` + ``body`` rows; None in a header row continues the cell above
        (merged down) or, after a text, the cell to its left (merged across); ``merges`` are
        further (r0, c0, r1, c1) ranges of body rows, merged with the text of their first cell."""
        rows = header + body
        width = max(len(row) for row in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c in range(width):
                text = row[c] if c < len(row) else ""
                if text is not None:
                    table.cell(r, c).text = text
        for r, row in enumerate(header):  # header merges: None continues the cell above/left
            for c in range(width):
                if c < len(row) and row[c] is None:
                    if r > 0 and header[r - 1][c] is not None:
                        top = r - 1
                        while top > 0 and header[top - 1][c] is None:
                            top -= 1
                        table.cell(top, c).merge(table.cell(r, c))
                    elif c > 0:
                        left = c - 1
                        while left > 0 and row[left] is None:
                            left -= 1
                        table.cell(r, left).merge(table.cell(r, c))
        offset = len(header)
        for r0, c0, r1, c1 in merges:
            text = body[r0][c0] or ""
            merged = table.cell(offset + r0, c0).merge(table.cell(offset + r1, c1))
            merged.text = text
        if repeat_header:
            for r in range(len(header)):
                properties = table.rows[r]._tr.get_or_add_trPr()
                properties.append(OxmlElement("w:tblHeader"))
        self.tables += 1
        return self.tables

    # --- places --------------------------------------------------------------------------
    def write(self) -> Rendering:
        self.para("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", style="Title")
        self.para(self.data["instansi"].upper(), bold=True)
        self.para(f"TAHUN {self.data['tahun']}", bold=True)
        for name, place in self.data["tempat"].items():
            for level, text in SKELETON.get(name, []):
                if level:
                    self.heading(text, level)
                    self.section = text.split()[0]
                else:
                    self.para(text)
            self.place(name, place)
        return self.rendering

    def place(self, name: str, place: dict) -> None:
        role = place["peran"]
        rows = place.get("baris", [])
        if name.startswith("3.3 Tujuan"):
            self.tujuan_section(name, rows)
        elif role in ("prosa", "daftar"):
            self.section_place(name, place, rows)
        elif role == "lainnya":
            self.generic_place(name, place)
        else:
            self.table_place(name, place, rows)

    def section_place(self, name: str, place: dict, rows: list[dict]) -> None:
        claims = self.claims_by_place.get(name, [])
        if name.startswith("3.3 Sasaran"):
            first = rows[0]
            at = self.heading(f"{first['nomor']} Sasaran {first['teks']}", 4)
            rows = rows[1:]
        else:
            level = name.count(".") + 1 if re.match(r"^\d", name) else (3 if name == "Analisa Efisiensi" else 1)
            at = self.heading(f"{name} {place['judul']}" if place.get("judul") else name, level)
            self.section = name.split()[0]
        self.rendering.places[name] = ("paragraph", at)
        if place["peran"] == "daftar":
            self.list_rows(name, rows)
        elif rows and self.kinds.get(rows[0]["id"]) == "visi":
            self.para(rows[0]["teks"])
        elif rows:
            self.para("Program/kegiatan unggulan yang mendukung pencapaian sasaran ini adalah :")
            for row in rows:
                kind = self.kinds[row["id"]]
                if row.get("nomor"):
                    self.para(f"{row['nomor']} {row['teks']}", style="List Paragraph")
                else:
                    self.para(row["teks"], style="List Bullet 2" if kind == "kegiatan" else "List Bullet")
        self.claim_paragraphs(claims)
        for table in self.tables_by_place.get(name, []):
            self.generic_table(table)

    def list_rows(self, name: str, rows: list[dict]) -> None:
        automatic = name == "2.1.8"  # Word numbers this list itself
        for row in rows:
            if automatic:
                self.para(row["teks"], style="List Number")
            else:
                self.para(f"{row['nomor']} {row['teks']}" if row.get("nomor") else row["teks"],
                          style="List Paragraph")

    def claim_paragraphs(self, claims: list[dict], skip: set[str] = frozenset()) -> None:
        """Each sentence once; fragments that do not end a sentence run on into the next."""
        pending, seen = [], set()
        for claim in claims:
            text = claim["kutipan"]
            if text in seen or text in skip:
                continue
            seen.add(text)
            pending.append(text)
            if text.rstrip()[-1:] in ".:!?":
                self.para(", ".join(pending))
                pending = []
        if pending:
            self.para(", ".join(pending) + ".")

    def tujuan_section(self, name: str, rows: list[dict]) -> None:
        """3.3: 'I. Tujuan ... dijabarkan dalam 2 (dua) sasaran ...' and the small table
        'Tujuan 1 | Sasaran' under it."""
        heading_row, table_head, sasaran = rows[0], rows[1], rows[2:]
        claims = self.claims_by_place.get(name, [])
        sentence = next((c["kutipan"] for c in claims if heading_row["teks"][:40] in c["kutipan"]), None)
        text = sentence or f"Tujuan {heading_row['teks']}"
        at = self.heading(f"{heading_row['nomor']}. {text}", 3)
        self.rendering.places[name] = ("paragraph", at)
        self.claim_paragraphs(claims, skip={sentence} if sentence else set())
        self.para("Capaian Sasaran Strategis dan Indikatornya tersebut akan diuraikan sebagai berikut.")
        body = [[table_head["teks"] if i == 0 else "", f"{row['nomor']} {row['teks']}"]
                for i, row in enumerate(sasaran)]
        merges = [(0, 0, len(body) - 1, 0)] if len(body) > 1 else []
        self.table([[table_head["nomor"], "Sasaran"]], body, merges)

    def generic_place(self, name: str, place: dict) -> None:
        tables = self.tables_by_place.get(name, [])
        for table in tables:
            title = table.get("judul") or ""
            if name.startswith("Tabel"):
                self.para(f"{name} {place.get('judul') or title}", style="Caption")
            elif title and "untitled" not in title and title.lower() != name.lower():
                self.para(title, style="Caption")
            elif not name.startswith(f"{self.section} "):
                self.heading(name, 1 if name == "Daftar Tabel" else 2)
                self.section = name.split()[0]
            at = self.generic_table(table)
            self.rendering.places.setdefault(name, ("table", at))
        claims = self.claims_by_place.get(name, [])
        self.claim_paragraphs(claims)

    def generic_table(self, table: dict) -> int:
        """A generic table; columns named '<word> <year>' get a header over two rows, the word
        merged across its years ('Nilai' over 2013 | 2014), the other headers merged down."""
        columns = table["kolom"]
        split = [re.match(r"^(\S+) ((?:19|20)\d\d(?:-\d{4})?)$", c) for c in columns]
        if any(split):
            top, bottom = [], []
            for c, (column, match) in enumerate(zip(columns, split)):
                before = split[c - 1] if c else None
                if match:
                    same = before is not None and before.group(1) == match.group(1)
                    top.append(None if same else match.group(1))
                    bottom.append(match.group(2))
                else:
                    top.append(column)
                    bottom.append(None)
            header = [top, bottom]
        else:
            header = [list(columns)]
        label = columns.index(table["kolom_label"])
        body, merges = [], []
        for r, row in enumerate(table["baris"]):
            cells = ["" if cell is None else str(cell) for cell in row]
            if label == 1 and row[0] is None and row[1] is not None:  # 'Jumlah' across No | label
                merges.append((r, 0, r, 1))
                cells[0] = cells[1]
            body.append(cells)
        return self.table(header, body, merges)

    # --- tables of entities ------------------------------------------------------------
    def table_place(self, name: str, place: dict, rows: list[dict]) -> None:
        role = place["peran"]
        title = place.get("judul") or ""
        if name == "Tabel 2.7":  # number and title on two lines, as printed
            self.para(name, style="Caption")
            self.para(title, style="Caption")
        elif name.startswith("Tabel"):
            self.para(f"{name} {title}".strip(), style="Caption")
        else:
            self.para(title, style="Caption")
        header, body, merges, splits = self.entity_table(name, role, rows)
        if not splits:
            at = self.table(header, body, merges, repeat_header=name == "Tabel 2.8")
            self.rendering.places[name] = ("table", at)
        else:
            cut = splits
            first = self.table(header, body[:cut], [m for m in merges if m[2] < cut])
            self.rendering.places[name] = ("table", first)
            self.page_break()
            if name == "Tabel 3.1":
                self.para(f"Lanjutan {name}", style="Caption")
            rest = [(r0 - cut, c0, r1 - cut, c1) for r0, c0, r1, c1 in merges if r0 >= cut]
            self.table(header, body[cut:], rest)
        if name == "Tabel 2.8":
            self.para("Sumber: Perjanjian Kinerja Sekretaris Daerah Tahun 2017")

    def entity_table(self, name: str, role: str, rows: list[dict]):
        kinds = [k for k in KIND_ORDER if any(self.kinds[r["id"]] == k for r in rows)]
        values = [f for f in VALUE_ORDER if any(f in r for r in rows)]
        years = sorted({y for r in rows for y in r.get("realisasi_tahun", {})})
        spanned = name in ("Tabel 2.7", "Tabel 2.3")  # 'Sasaran Strategis' over No | name
        inline = name in ("Tabel 2.8", "Tabel 3.1")  # '1 Predikat LPPD' in one cell
        columns: list[tuple[str, str]] = []  # (what, header)
        for kind in kinds:
            numbered = any(self.kinds[r["id"]] == kind and r.get("nomor") for r in rows)
            if kind == kinds[-1] and inline and len(kinds) > 1:
                columns.append((f"text:{kind}", TEXT_HEADER[kind]))
                continue
            if numbered:
                columns.append((f"no:{kind}", TEXT_HEADER[kind] if spanned else "No"))
            columns.append((f"text:{kind}", TEXT_HEADER[kind]))
        two_rows = bool(years) and "realisasi" in values
        for value in values:
            if value == "realisasi" and years:
                for year in years:
                    columns.append((f"year:{year}", "Realisasi"))
                columns.append(("realisasi", "Realisasi"))
            else:
                columns.append((value, ROLE_HEADER.get((role, value), VALUE_HEADER[value])))
        if two_rows:
            top, bottom = [], []
            for what, head in columns:
                if what.startswith("year:") or what == "realisasi":
                    top.append(None if top and top[-1] in ("Realisasi", None) and bottom[-1] else "Realisasi")
                    bottom.append(what[5:] if what.startswith("year:") else "2017")
                else:
                    top.append(head)
                    bottom.append(None)
            header = [top, bottom]
        elif spanned:
            top, previous = [], None
            for what, head in columns:
                top.append(None if previous == head and what.startswith("text:") else head)
                previous = head
            header = [top]
        else:
            header = [[head for _, head in columns]]
        if name == "Tabel 2.8":
            header.append([str(i + 1) for i in range(len(columns))])
        body, merges = self.entity_rows(rows, kinds, columns, inline)
        if name == "Tabel 3.7":
            body.insert(6, [""] * len(columns))  # an empty spacer row
            merges = [(r0 + (r0 >= 6), c0, r1 + (r1 >= 6), c1) for r0, c0, r1, c1 in merges]
        if name == "Tabel 3.5":  # a footnote in the table's last row, merged across it
            body.append(["Sumber: Biro Keuangan Setda (diolah)"] + [""] * (len(columns) - 1))
            merges.append((len(body) - 1, 0, len(body) - 1, len(columns) - 1))
        splits = None
        if name == "Tabel 3.1":  # the page ends between the two indicators of sasaran 7
            splits = next(i for i, line in enumerate(body) if "Persentase target ketercapaian program" in " ".join(line))
        elif name == "Tabel 2.6":  # continued with the header repeated, before sasaran 12
            splits = next(i for i, line in enumerate(body) if line[0] == "12")
        return header, body, merges, splits

    def entity_rows(self, rows, kinds, columns, inline):
        """One printed line per entity of the deepest kind (a parent without children gets
        its own line); a parent is merged down over the lines of its children; strategi,
        kebijakan and programs under a parent are items of one cell."""
        index = {what: i for i, (what, _) in enumerate(columns)}
        items = {k for k in ("strategi", "kebijakan", "program") if k != kinds[0]}
        line_kinds = [k for k in kinds if k not in items]
        deepest = line_kinds[-1]
        body: list[list[str]] = []
        opened: dict[str, int] = {}  # parent kind -> line where it starts
        spans: list[tuple[str, int, int]] = []

        def close(kind: str) -> None:
            if kind in opened:
                spans.append((kind, opened.pop(kind), len(body) - 1))

        for row in rows:
            kind = self.kinds[row["id"]]
            if kind in items:
                cell = index[f"text:{kind}"]
                line = body[-1]
                line[cell] = (line[cell] + "\n" if line[cell] else "") + row["teks"]
                continue
            depth = line_kinds.index(kind)
            filled = body and any(body[-1][index[w]] for k in line_kinds[depth:]
                                  for w in (f"no:{k}", f"text:{k}") if w in index)
            if kind == deepest and body and not filled and any(k in opened for k in line_kinds[:depth]):
                line = body[-1]  # the first child shares its parent's line
            else:
                for deeper in line_kinds[depth:]:
                    close(deeper)
                line = [""] * len(columns)
                body.append(line)
                if kind != deepest:
                    opened[kind] = len(body) - 1
            number, text = row.get("nomor") or "", row.get("teks") or ""
            if f"no:{kind}" in index:
                line[index[f"no:{kind}"]] = number
                line[index[f"text:{kind}"]] = text
            else:
                line[index[f"text:{kind}"]] = f"{number} {text}".strip()
            for what, _ in columns:
                if what in VALUE_ORDER and what in row:
                    line[index[what]] = row[what]
                elif what.startswith("year:") and int(what[5:]) in row.get("realisasi_tahun", {}):
                    line[index[what]] = row["realisasi_tahun"][int(what[5:])]
        for kind in list(opened):
            close(kind)
        merges = []
        for kind, first, last in spans:
            if last > first:
                for what in (f"no:{kind}", f"text:{kind}"):
                    if what in index:
                        merges.append((first, index[what], last, index[what]))
        return body, merges


def write_report(data: dict, path) -> Rendering:
    """Write ``data`` (a parsed data file) as a Word document at ``path``."""
    writer = _Writer(data)
    rendering = writer.write()
    writer.doc.save(str(path))
    return rendering
