"""From a read document to the data of a report file: its places, entities, generic tables
and claims, the origin in the document of every value, and the notes where the importer was
unsure (written as comments above what they are about).

Places are named as a compiler refers to them: a table by its printed number (``Tabel
3.1``) or its caption; a section by its heading, and a section about one entity (the
headings of 3.3) by the section it stands in, the kind and the number (``3.3 Sasaran 1``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sakip_lint.importing.claims import Claim, extract_claims
from sakip_lint.importing.classify import table_role
from sakip_lint.importing.document import Document, Paragraph, Table
from sakip_lint.importing.generic import GenericTable, category_scale, generic_table, is_table_list
from sakip_lint.hierarchy import KINDS, REQUIRED_IN_WHOLE, ROW_FIELDS_BY_KIND
from sakip_lint.importing.headers import read_layout as read_columns
from sakip_lint.importing.indicators import indicator_attributes
from sakip_lint.importing.layout import Layout, LogicalTable, Section, read_layout
from sakip_lint.importing.matching import PREFIX, Registry, match
from sakip_lint.importing.rows import (LINK_FIELD, PARENT, RawPlace, RawRow, paragraph_origin,
                                       section_kind, section_rows, table_origin, table_rows)
from sakip_lint.importing.text import bare_number, clean, normal, short, years_in
from sakip_lint.location import Origin
from sakip_lint.messages import render

Path_ = tuple[str, ...]
TABLE_LIST_ID = "daftar-tabel"  # the id of the report's list of tables (declared daftar_tabel)
KIND_WORD = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "misi": "Misi",
             "kegiatan": "Kegiatan", "indikator": "Indikator"}
BODY = re.compile(r"\b(sekretariat|dinas|badan|inspektorat|kantor|biro|bagian|kecamatan|kelurahan|"
                  r"rumah sakit|rsud|satuan polisi|sekretariat dprd|pemerintah (provinsi|kabupaten|kota))\b",
                  re.IGNORECASE)


@dataclass
class Assembled:
    data: dict
    origins: dict[Path_, Origin]
    comments: dict[Path_, list[str]]
    unsure: int = 0  # decisions a compiler should look at
    places: dict[str, RawPlace] = field(default_factory=dict)
    problems: list = field(default_factory=list)


def report_year(document: Document, layout: Layout) -> int | None:
    """The report's year: 'TAHUN 2017' on its first page, else the commonest year of its
    captions and headings."""
    for paragraph in layout.root.body[:12]:
        found = re.search(r"\btahun\s*(?:anggaran\s*)?:?\s*((?:19|20)\d\d)\b", clean(paragraph.text), re.IGNORECASE)
        if found:
            return int(found.group(1))
    years = Counter()
    for paragraph in document.paragraphs:
        if paragraph.caption or paragraph.level:
            years.update(years_in(paragraph.text))
    return years.most_common(1)[0][0] if years else None


def _body_name(layout: Layout, fallback: str) -> str:
    for paragraph in layout.root.body[:12]:
        text = clean(paragraph.text)
        found = re.search(r"(?:instansi|unit organisasi|skpd|opd|perangkat daerah)\s*(?:/\s*\w+\s*)*:\s*(.+)$",
                          text, re.IGNORECASE)
        if found and clean(found.group(1)).strip(". "):
            return clean(found.group(1))
        if BODY.search(text) and len(text) <= 150 and not re.search(r"laporan|tahun", text, re.IGNORECASE):
            return text.title() if text.isupper() else text
    return fallback


# --- places ----------------------------------------------------------------------------

def _context(table: LogicalTable) -> list[str]:
    texts = [clean(p.text) for p in reversed(table.lead_in)]
    texts += [section.title for section in table.section.chain() if section.title]
    return texts


def build_places(document: Document, layout: Layout, year: int | None) -> list[RawPlace]:
    """Every place in the order of the document: titled tables and sections."""
    position = {id(block): index for index, block in enumerate(document.blocks)}
    found: list[tuple[int, RawPlace]] = []
    for table in layout.tables:
        if not table.caption:
            continue
        place = _table_place(table, year)
        found.append((position[id(table.parts[0])], place))
    for section in layout.sections:
        if section.heading is None and not section.body and not section.tables:
            continue
        rows = section_rows(section)
        origin = paragraph_origin(section.heading) if section.heading else Origin(document.kind, paragraph=1)
        place = RawPlace("section", "prosa", section, origin, rows)
        for table in section.tables:
            columns = read_columns(table.parts[0], year)
            if columns.kinds:
                table_rows_found, _ = table_rows(table, columns)
                if not any(r for r in place.rows if not r.heading) and place.table is None:
                    place.table = table
                    place.role = table_role(columns, "", _context(table))
                place.rows.extend(table_rows_found)
            else:
                place.tables.append(table)
        kind = section_kind(section)
        if place.table is None:
            listed = [row for row in rows if not row.heading]
            if kind is not None and kind != "visi" and len(listed) >= 2:
                place.role = "daftar"
            elif place.tables and not rows:
                place.role = "lainnya"
        where = section.heading if section.heading is not None else (section.body[0] if section.body else None)
        found.append((position[id(where)] if where is not None else 0, place))
    found.sort(key=lambda item: item[0])
    return [place for _, place in found]


def _table_place(table: LogicalTable, year: int | None) -> RawPlace:
    columns = read_columns(table.parts[0], year)
    origin = table_origin(table, table.parts[0])
    place = RawPlace("table", "lainnya", table.section, origin, table=table,
                     printed=table.number, title=table.title or None)
    if not columns.kinds:
        place.tables.append(table)
        return place
    place.role = table_role(columns, table.caption_text, _context(table))
    place.rows, skipped = table_rows(table, columns)
    place.unread = [c.name for c in columns.columns if c.name and not c.read]
    return place


def _section_name(place: RawPlace) -> str:
    section = place.section
    heading = next((row for row in place.rows if row.heading and row.entity), None)
    if heading is not None and heading.kind in KIND_WORD:
        outline = None
        for around in section.chain()[1:]:
            if around.number and re.fullmatch(r"\d+(\.\d+)*\.?", around.number):
                outline = around.number.rstrip(".")
                break
        number = bare_number(heading.nomor) or ""
        number = number.upper() if re.fullmatch(r"[ivxlc]+", number) else number
        return " ".join(part for part in (outline, KIND_WORD[heading.kind], number) if part)
    if section.heading is None:
        return "Awal Dokumen"
    return short(section.text, 60)


def name_places(places: list[RawPlace]) -> None:
    taken: dict[str, int] = {}

    def unique(name: str) -> str:
        count = taken.get(name, 0) + 1
        taken[name] = count
        return name if count == 1 else f"{name} ({count})"

    sections = {id(p.section): p for p in places if p.kind == "section"}
    counts = Counter(normal(p.title or "") for p in places if p.kind == "table" and not p.printed)
    for place in places:
        if place.kind == "section":
            place.name = unique(_section_name(place))
    for place in places:
        if place.kind != "table":
            continue
        if place.printed:
            place.name = unique(place.printed)
            continue
        title = place.title or ""
        owner = next((sections[id(s)] for s in place.section.chain() if id(s) in sections), None)
        if title and counts[normal(title)] == 1 and title not in taken:
            place.name = unique(short(title, 80))
        elif owner is not None and owner.name:
            place.name = unique(f"{owner.name}: {short(title, 50)}" if title else f"{owner.name} (tabel)")
        else:
            place.name = unique(short(title, 80) or "Tabel")


# --- the data ---------------------------------------------------------------------------

class Builder:
    def __init__(self, document: Document, file_name: str, lang: str) -> None:
        self.document = document
        self.file_name = file_name
        self.lang = lang
        self.origins: dict[Path_, Origin] = {}
        self.comments: dict[Path_, list[str]] = {}
        self.unsure = 0

    def note(self, path: Path_, key: str, unsure: bool = False, **args: object) -> None:
        self.comments.setdefault(path, []).append(render(key, self.lang, **args))
        if unsure:
            self.unsure += 1

    def build(self) -> Assembled:
        document = self.document
        layout = read_layout(document)
        year = report_year(document, layout)
        places = build_places(document, layout, year)
        registry = match(places)
        generics = self.generic_tables(places)
        claims = extract_claims(layout, places, registry, generics, year)
        for claim in claims:
            claim_place = next((p for p in places if p.kind == "section" and p.section is claim.section), None)
            claim.place = claim_place
        used = {id(c.place) for c in claims if c.place is not None}
        places = [p for p in places if p.rows and any(r.entity for r in p.rows) or p.tables
                  or id(p) in used]
        name_places(places)
        data: dict = {"format": "sakip-lint/1"}
        data["instansi"] = _body_name(layout, self.file_name.rsplit(".", 1)[0])
        if data["instansi"] == self.file_name.rsplit(".", 1)[0]:
            self.note(("instansi",), "import.note.no-body", unsure=True)
        data["tahun"] = year if year is not None else 0
        if year is None:
            self.note(("tahun",), "import.note.no-year", unsure=True)
        data["dokumen"] = self.document_kind(places)
        whole = document.kind == "docx" and data["dokumen"] == "LKjIP"
        period = self.renstra_period(document)
        if period:
            data["periode_renstra"] = list(period)
        data["gaya_angka"] = self.number_style(places)
        data["sumber"] = self.file_name
        scale = self.category_scale(places, generics)
        if scale:
            data["skala_kategori"] = scale
        self.entities(data, registry, places)
        if not whole or self.chain_incomplete(data):
            data["kutipan"] = True
            if whole:
                self.note(("kutipan",), "import.note.excerpt", unsure=True)
        data["tempat"] = self.places(places)
        tables = self.tables(places, generics)
        if tables:
            data["tabel"] = tables
        claim_data = self.claims(claims)
        if claim_data:
            data["klaim"] = claim_data
        ordered = {key: data[key] for key in ("format", "instansi", "tahun", "dokumen", "kutipan",
                                              "periode_renstra", "gaya_angka", "sumber") if key in data}
        ordered.update({k: v for k, v in data.items() if k not in ordered})
        return Assembled(ordered, self.origins, self.comments, self.unsure,
                         {p.name: p for p in places})

    # --- document facts ------------------------------------------------------------
    def document_kind(self, places: list[RawPlace]) -> str:
        roles = {p.role for p in places}
        if roles & {"pengukuran", "analisis", "efisiensi", "anggaran", "analisis_renstra"}:
            return "LKjIP"
        if "pk" in roles:
            return "PK"
        if "rkt" in roles:
            return "RKT"
        if "renstra" in roles:
            return "Renstra"
        return "LKjIP"

    def renstra_period(self, document: Document) -> tuple[int, int] | None:
        for paragraph in document.paragraphs:
            found = re.search(r"\b(renstra|rpjmd|rencana strategis)\b[^.]{0,60}?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)",
                              clean(paragraph.text), re.IGNORECASE)
            if found:
                return int(found.group(2)), int(found.group(3))
        return None

    def number_style(self, places: list[RawPlace]) -> str:
        comma = point = 0
        for place in places:
            for row in place.rows:
                for value in row.values.values():
                    comma += len(re.findall(r"\d,\d{1,2}(?!\d)", value))
                    point += len(re.findall(r"\d\.\d{1,2}(?!\d)", value))
        return "id" if comma >= point else "en"

    def chain_incomplete(self, data: dict) -> bool:
        return any(not s.get("tujuan") for s in data.get("sasaran", [])) or any(
            not i.get("sasaran") and not i.get("tujuan") for i in data.get("indikator", []))

    # --- entities --------------------------------------------------------------------
    def entities(self, data: dict, registry: Registry, places: list[RawPlace]) -> None:
        links = _declared_links(places)
        visi = registry.entities["visi"]
        for kind in KINDS:
            entities = registry.entities[kind]
            if not entities:
                continue
            items = []
            for index, entity in enumerate(entities):
                item: dict = {"id": entity.id, "teks": entity.teks}
                declared = links.get(entity.id, {})
                if kind == "misi" and len(visi) == 1:
                    item["visi"] = visi[0].id
                for field_name in _link_fields(kind):
                    parents = declared.get(field_name)
                    if kind in ("program", "strategi", "kebijakan") and field_name == "sasaran":
                        item["sasaran"] = sorted(parents or [], key=_id_order)
                    elif parents:
                        item[field_name] = sorted(parents, key=_id_order)[0]
                self.required_link(data, kind, index, item, entity.rows[0].origin)
                if kind == "indikator":
                    attributes = indicator_attributes(entity, registry)
                    item.update(attributes)
                    if attributes.get("skala"):
                        self.note((kind, str(index)), "import.note.scale-guessed", unsure=True,
                                  scale=" < ".join(attributes["skala"]))
                    elif attributes.get("tipe") == "kualitatif":
                        self.note((kind, str(index)), "import.note.no-scale", unsure=True)
                items.append(item)
                path = (kind, str(index))
                self.origins[path] = entity.rows[0].origin
                self.origins[path + ("teks",)] = entity.rows[0].value_origins.get("teks", entity.rows[0].origin)
                self.entity_notes(path, entity)
            data[kind] = items

    def required_link(self, data: dict, kind: str, index: int, item: dict, origin: Origin) -> None:
        """A link the data file cannot do without (a misi's visi, a tujuan's misi, a kegiatan's
        programme) that no place prints: the first entity of that level, or where the
        document prints none, a stand-in; both marked to check."""
        field_name = ALWAYS_REQUIRED.get(kind)
        if field_name is None or item.get(field_name):
            return
        parents = data.get(field_name, [])
        if parents:
            item[field_name] = parents[0]["id"]
            self.note((kind, str(index)), "import.note.link-guessed", unsure=True,
                      link=field_name, id=item[field_name])
            return
        stand_in = {"id": f"{PREFIX[field_name]}X0", "teks": render("import.stand-in", self.lang)}
        self.required_link(data, field_name, 0, stand_in, origin)
        data[field_name] = [stand_in]
        item[field_name] = stand_in["id"]
        self.origins[(field_name, "0")] = origin  # where the entity that needs it stands
        self.note((field_name, "0"), "import.note.stand-in", unsure=True, kind=field_name)

    def entity_notes(self, path: Path_, entity) -> None:
        shown: set[str] = set()
        for join in entity.joins:
            text = clean(join.row.teks)
            if normal(text) == normal(entity.teks) or text in shown:
                continue
            shown.add(text)
            evidence = ", ".join(render(f"import.evidence.{e}", self.lang)
                                 for e in dict.fromkeys(join.evidence)) or "-"
            key = "import.note.joined-unsure" if join.unsure else "import.note.joined"
            self.note(path, key, unsure=join.unsure, text=short(text, 90), place=join.place.name or "?",
                      similarity=round(join.similarity), evidence=evidence,
                      certainty=min(100, round(join.score)), other=join.runner_up or "-")

    # --- places and rows ----------------------------------------------------------
    def places(self, places: list[RawPlace]) -> dict:
        result = {}
        for place in places:
            entry: dict = {"peran": place.role}
            if place.printed and place.name != place.printed:
                entry["nama"] = place.printed
            if place.title and place.kind == "table" and place.title != place.name:
                entry["judul"] = place.title
            elif place.kind == "section" and place.section.heading is not None and place.name != place.section.text:
                entry["judul"] = place.section.text
            path = ("tempat", place.name)
            self.origins[path] = place.origin
            if place.unread:
                self.note(path, "import.note.unread-columns", columns=", ".join(place.unread))
            rows = []
            for row in place.rows:
                if not row.entity:
                    continue
                rows.append(self.row(row, path + ("baris", str(len(rows)))))
            if rows:
                entry["baris"] = rows
            result[place.name] = entry
        return result

    def row(self, row: RawRow, path: Path_) -> dict:
        item: dict = {"id": row.entity}
        if row.nomor:
            item["nomor"] = row.nomor
        item["teks"] = row.teks
        parent = row.parent
        while parent is not None and not parent.entity:
            parent = parent.parent
        allowed = ROW_FIELDS_BY_KIND.get(row.kind or "", frozenset())
        if parent is not None and parent.kind in PARENT.get(row.kind or "", ()):
            link = LINK_FIELD.get(parent.kind)
            if link in allowed:
                item[link] = parent.entity
        years: dict[str, dict[int, str]] = {}
        for key, value in row.values.items():
            field_name, _, year = key.partition(":")
            if field_name not in allowed:
                continue
            if year:
                years.setdefault(field_name, {})[int(year)] = value
                self.origins[path + (field_name, year)] = row.value_origins[key]
            else:
                item[field_name] = value
                self.origins[path + (field_name,)] = row.value_origins[key]
        for field_name, by_year in years.items():
            item[field_name] = dict(sorted(by_year.items()))
        self.origins[path] = row.origin
        self.origins[path + ("teks",)] = row.value_origins.get("teks", row.origin)
        return item

    # --- generic tables and the category scale -------------------------------------
    def generic_tables(self, places: list[RawPlace]) -> dict[int, GenericTable]:
        found = {}
        for place in places:
            for table in place.tables:
                columns = read_columns(table.parts[0])
                found[id(table)] = generic_table(table, columns)
            place.tables = [table for table in place.tables if found[id(table)].baris]
        return found

    def tables(self, places: list[RawPlace], generics: dict[int, GenericTable]) -> list[dict]:
        result, ids = [], Counter()
        for place in places:
            for table in place.tables:
                generic = generics[id(table)]
                if is_table_list(generic):
                    base = TABLE_LIST_ID
                else:
                    base = "tabel-" + (table.number.split()[-1] if table.number else
                                       re.sub(r"[^a-z0-9]+", "-", normal(place.name)).strip("-")[:40] or "x")
                ids[base] += 1
                ident = base if ids[base] == 1 else f"{base}-{ids[base]}"
                generic.ident = ident
                item: dict = {"id": ident, "di": place.name}
                if table.caption_text:
                    item["judul"] = table.title or table.caption_text
                item["kolom"] = generic.kolom
                item["kolom_label"] = generic.kolom_label
                if base == TABLE_LIST_ID:  # the column naming the tables: KLP008 checks each
                    item["daftar_tabel"] = generic.kolom_label
                for key in ("kolom_angka", "kolom_total", "baris_total", "baris_rata_rata",
                            "baris_predikat", "skala_predikat", "kolom_tahun"):
                    value = getattr(generic, key)
                    if value:
                        item[key] = value
                item["baris"] = generic.baris
                index = len(result)
                path = ("tabel", str(index))
                self.origins[path] = table_origin(table, table.parts[0])
                for r, (row, origins) in enumerate(zip(generic.baris, generic.origins)):
                    self.origins[path + ("baris", str(r))] = generic.row_origins[r]
                    for c, origin in enumerate(origins):
                        self.origins[path + ("baris", str(r), str(c))] = origin
                for label in generic.notes:
                    self.note(path, "import.note.summary-row-unsure", unsure=True, row=short(label, 60))
                result.append(item)
        return result

    def category_scale(self, places: list[RawPlace], generics: dict[int, GenericTable]) -> list[dict]:
        for place in places:
            for table in place.tables:
                context = [table.caption_text, *[clean(p.text) for p in table.lead_in],
                           *[s.title for s in table.section.chain()]]
                bands = category_scale(generics[id(table)], context)
                if bands:
                    entries = []
                    for index, (category, rentang, origin) in enumerate(bands):
                        entries.append({"kategori": category, "rentang": rentang})
                        self.origins[("skala_kategori", str(index))] = origin
                        self.origins[("skala_kategori", str(index), "rentang")] = origin
                    self.note(("skala_kategori",), "import.note.scale", place=place.name or "?")
                    return entries
        return []

    # --- claims --------------------------------------------------------------------
    def claims(self, claims: list[Claim]) -> list[dict]:
        result = []
        for claim in claims:
            if claim.place is None or claim.place.name is None:
                continue
            index = len(result)
            item = {"id": f"K-{index + 1:02d}", "di": claim.place.name}
            item.update(claim.fields())
            path = ("klaim", str(index))
            self.origins[path] = claim.origin
            self.origins[path + ("nilai",)] = claim.origin
            if claim.unsure:
                self.note(path, "import.note.claim-unsure", unsure=True, reason=render(claim.unsure, self.lang))
            result.append(item)
        return result


def _link_fields(kind: str) -> tuple[str, ...]:
    """The link an entity of ``kind`` is written with: the level above it (a misi's visi is
    written on its own, the one visi of the report)."""
    return PARENT.get(kind, ())[:1]


LINK_ROLES = ("matriks", "daftar", "pk", "rkt", "renstra", "iku", "pengukuran", "analisis",
              "analisis_renstra", "efisiensi", "anggaran")
"""Which places declare an entity's links, best first: the linkage matrices and the lists of
Bab II, then the planning and measurement tables; never the prose of 3.3, whose headings
and lists are checked against them."""


ALWAYS_REQUIRED = {"misi": "visi", "tujuan": "misi", "kegiatan": "program", "sub_kegiatan": "kegiatan"}
"""The link each of these kinds must name in every data file (an excerpt too)."""
REQUIRED_LINKS = {(kind, link) for kind, link in REQUIRED_IN_WHOLE.items() if link in LINK_FIELD}
"""Links a data file must give: where no matrix or list declares them, the prose does."""


def _declared_links(places: list[RawPlace]) -> dict[str, dict[str, set[str]]]:
    best: dict[tuple[str, str], tuple[int, int]] = {}  # (entity, field) -> (role rank, place order)
    links: dict[str, dict[str, set[str]]] = {}
    for order, place in enumerate(places):
        if place.role in LINK_ROLES:
            rank = LINK_ROLES.index(place.role)
        else:
            rank = len(LINK_ROLES)  # the prose: only for a link nothing else declares
        for row in place.rows:
            parent = row.parent
            while parent is not None and not parent.entity:
                parent = parent.parent
            if not row.entity or parent is None or parent.kind not in PARENT.get(row.kind or "", ()):
                continue
            field_name = LINK_FIELD.get(parent.kind)
            if field_name is None:
                continue
            if rank == len(LINK_ROLES) and (row.kind, field_name) not in REQUIRED_LINKS:
                continue
            key = (row.entity, field_name)
            here = (rank, order)
            if key not in best or here < best[key]:
                best[key] = here
                links.setdefault(row.entity, {})[field_name] = {parent.entity}
            elif here == best[key]:
                links[row.entity][field_name].add(parent.entity)
    return links


def _id_order(ident: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", ident))


def assemble(document: Document, file_name: str, lang: str = "id") -> Assembled:
    return Builder(document, file_name, lang).build()
