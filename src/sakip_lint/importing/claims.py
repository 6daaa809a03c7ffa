"""Figures in the prose that claim something a table can confirm, read as ``klaim`` entries.

The Ringkasan Eksekutif and Bab III state counts (``12 sasaran dengan 15 indikator``,
``dijabarkan dalam 2 (dua) sasaran strategis``), the overall capaian and its category, the
budget totals and their percentage, the capaian or absorption of named sasaran, the target
or realisation of an indicator, the category a sasaran or indicator falls in (``tergolong
Baik``), SAKIP evaluation scores and grades of a year, averages of a table's column, and
counts of staff (``golongan III sebanyak 185 orang``). Each is recognised by the words
around the number, never by its value: a wrong figure is what the checker is for.

What a figure is about is found in the sentence (a sasaran or indicator named, the table whose
title and columns it names) or, failing that, in the section it stands in (the sasaran of a
3.3 heading and its only indicator, the indicator an earlier sentence of the section named);
a claim resting on the section or an earlier sentence is marked unsure. A number the importer
cannot tie to anything is not a claim.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from sakip_lint.importing.layout import Layout, Section
from sakip_lint.importing.rows import RawPlace, paragraph_origin
from sakip_lint.importing.text import clean, normal
from sakip_lint.location import Origin

ABBREVIATION = re.compile(r"(?:^|\s)(?:Rp|Prov|Kab|Kec|Kel|dr|Dr|Drs|Ir|No|Hj|H|Tbk|dll|dsb|s\.d|yth|Jl|St|[A-Z])\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
NUMBER = r"\d+(?:[.,]\d+)*"
COUNT = rf"(?P<value>\d+(?:\s*\([a-zA-Z ]+\))?)"
PERCENT = rf"{NUMBER}\s*%"
AMOUNT = r"Rp\.?\s*\d{1,3}(?:\.\d{3})+(?:,\d+)?(?:,-)?"
GRADE = r"(?:AA|A|BB|B|CC|C|D)[+-]?"
VALUE = rf"(?:(?:{GRADE})\s*\(\s*{NUMBER}\s*\)|{NUMBER}\s*(?:%|\((?:{GRADE}|[A-Za-z ]+)\))?|{GRADE}(?=[\s.,;]|$))"
PEOPLE = r"(?P<value>\d[\d.]*)\s+(orang|pegawai|jiwa|personil)\b"  # a count of staff
YEAR = re.compile(r"\btahun\s+((?:19|20)\d\d)\b(?!\s*[-–])", re.IGNORECASE)
ORDINALS = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
            "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10}
DEFAULT_CATEGORIES = ("Sangat Memuaskan", "Memuaskan", "Sangat Baik", "Cukup Baik", "Kurang Baik",
                      "Sangat Kurang", "Agak Kurang", "Baik", "Cukup", "Kurang")
GLOSSARY = {"skm": "survei kepuasan masyarakat", "ikm": "indeks kepuasan masyarakat",
            "lppd": "laporan penyelenggaraan pemerintahan daerah",
            "siak": "sistem informasi administrasi kependudukan",
            "akip": "akuntabilitas kinerja instansi pemerintah",
            "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
            "mou": "perjanjian kerjasama"}
KIN = {"skm": "kepuasan masyarakat", "ikm": "kepuasan masyarakat"}  # acronyms of one measure
STOP = {"yang", "dan", "dari", "pada", "untuk", "dengan", "dalam", "atau", "serta", "oleh",
        "jumlah", "persentase", "prosentase", "presentase", "terhadap", "bidang", "secara", "kab",
        "kota", "berdasarkan", "menurut", "tahun", "sebagai", "tentang", "sampai", "adalah"}


@dataclass
class Claim:
    section: Section
    origin: Origin
    kutipan: str
    tentang: str
    nilai: str
    tujuan: list[str] = field(default_factory=list)
    sasaran: list[str] = field(default_factory=list)
    indikator: list[str] = field(default_factory=list)
    table: object = None  # a generic.GenericTable
    baris: str | None = None
    kolom: str | None = None
    peringkat: int | None = None
    tahun: int | None = None
    unsure: str | None = None  # a catalogue key saying why
    place: RawPlace | None = None

    def fields(self) -> dict:
        item: dict = {"kutipan": self.kutipan, "tentang": self.tentang}
        for key in ("tujuan", "sasaran", "indikator"):
            ids = getattr(self, key)
            if ids:
                item[key] = ids[0] if len(ids) == 1 else ids
        if self.table is not None:
            item["tabel"] = self.table.ident
        for key in ("baris", "kolom", "peringkat", "tahun"):
            if getattr(self, key) is not None:
                item[key] = getattr(self, key)
        item["nilai"] = self.nilai
        return item


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph; a full stop after an abbreviation (``Rp.``, ``Prov.``)
    or an initial does not end one."""
    found: list[str] = []
    for part in _SENTENCE_END.split(clean(text)):
        if found and ABBREVIATION.search(found[-1]):
            found[-1] = f"{found[-1]} {part}"
        elif part.strip():
            found.append(part.strip())
    return found


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, split at ', ' and '; ' (a decimal comma has no space)."""
    return [part for part in re.split(r",\s+|;\s+", sentence) if part.strip()]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", normal(text).replace("golongan", "gol"))


class _Mentions:
    """The sasaran, indicators and tujuan a sentence names, with where."""

    def __init__(self, registry) -> None:
        self.registry = registry
        self.names: list[tuple[str, str, str]] = []  # (kind, id, normal name)
        for kind in ("tujuan", "sasaran", "indikator"):
            for entity in registry.entities[kind]:
                for text in {normal(entity.teks)} | entity.texts:
                    if len(text) >= 12:
                        self.names.append((kind, entity.id, text))

    def full(self, sentence: str, kind: str) -> list[tuple[int, str]]:
        """(position, id) of every entity of ``kind`` whose whole name the sentence prints."""
        words = normal(sentence)
        found: dict[str, int] = {}
        for name_kind, ident, name in self.names:
            if name_kind != kind:
                continue
            at = words.find(name)
            if at >= 0 and (ident not in found or at < found[ident]):
                found[ident] = at
        # a name inside a longer one found at the same place is the longer one's
        spans = sorted(((at, ident) for ident, at in found.items()), key=lambda item: item[0])
        return spans

    def indicator(self, sentence: str, allowed: set[str] | None) -> tuple[str | None, bool]:
        """The indicator the sentence names: by its whole name (sure), or by most of its
        words or an acronym of it (not sure)."""
        full = [ident for _, ident in self.full(sentence, "indikator") if allowed is None or ident in allowed]
        if full:
            return full[0], True
        words = set(normal(sentence).split())
        expanded = set(words)
        for acronym, meaning in GLOSSARY.items():
            if acronym in words or meaning in normal(sentence):
                expanded.add(acronym)
                expanded.update(meaning.split())
                if acronym in KIN:
                    expanded.update(KIN[acronym].split())
        best, best_score = None, 0.0
        for entity in self.registry.entities["indikator"]:
            if allowed is not None and entity.id not in allowed:
                continue
            own = [w for w in normal(entity.teks).split() if len(w) >= 3 and w not in STOP]
            if not own:
                continue
            acronyms = [w for w in own if w in GLOSSARY]
            score = sum(1 for w in own if w in words) / len(own)
            if any(a in expanded or KIN.get(a, "#") in normal(sentence) for a in acronyms):
                score = max(score, 0.7)
            if score > best_score:
                best, best_score = entity.id, score
        if best_score >= 0.6:
            return best, False
        return None, False


class _Extractor:
    def __init__(self, layout: Layout, places: list[RawPlace], registry, generics: dict, year: int | None):
        self.layout = layout
        self.registry = registry
        self.generics = generics
        self.year = year
        self.mentions = _Mentions(registry)
        self.heading_entity: dict[int, tuple[str, str]] = {}
        for place in places:
            for row in place.rows:
                if row.heading and row.entity:
                    self.heading_entity[id(place.section)] = (row.kind, row.entity)
        self.categories = DEFAULT_CATEGORIES
        self.table_places: list[tuple[int, object]] = []  # (paragraph index of the table, generic)
        self.claims: list[Claim] = []

    def section_entity(self, section: Section, kind: str) -> str | None:
        for around in section.chain():
            found = self.heading_entity.get(id(around))
            if found and found[0] == kind:
                return found[1]
        return None

    def indicators_of(self, sasaran: str) -> list[str]:
        return [e.id for e in self.registry.entities["indikator"]
                if sasaran in e.parents.get("sasaran", set())]

    def run(self) -> list[Claim]:
        for section in self.layout.sections:
            memory: dict[str, str] = {}
            texts = []
            if section.heading is not None and self.heading_entity.get(id(section)):
                number = section.number or ""
                texts.append((section.heading, clean(section.heading.text)[len(number):].strip()))
            texts += [(p, clean(p.text)) for p in section.body]
            for paragraph, text in texts:
                for sentence in sentences(text):
                    self.sentence(section, paragraph, sentence, memory)
        return self.claims

    def add(self, section, paragraph, sentence, tentang, nilai, **fields) -> Claim:
        claim = Claim(section, paragraph_origin(paragraph), sentence, tentang, clean(nilai), **fields)
        self.claims.append(claim)
        return claim

    # --- one sentence -------------------------------------------------------------
    def sentence(self, section: Section, paragraph, sentence: str, memory: dict[str, str]) -> None:
        self.counts(section, paragraph, sentence)
        self.overall(section, paragraph, sentence)
        self.budget_totals(section, paragraph, sentence)
        self.staff(section, paragraph, sentence)
        self.evaluation(section, paragraph, sentence)
        self.categories_claimed(section, paragraph, sentence)
        self.sasaran_figures(section, paragraph, sentence)
        self.indicator_figures(section, paragraph, sentence, memory)
        self.averages(section, paragraph, sentence)

    def counts(self, section, paragraph, sentence) -> None:
        if self.section_entity(section, "sasaran"):
            return  # 'terhadap 1 (satu) indikator' counts within one sasaran: no claim kind
        tujuan = self.section_entity(section, "tujuan") if re.search(r"\bdijabarkan\b", sentence, re.I) else None
        for kind, tentang in (("sasaran", "jumlah_sasaran"), ("indikator", "jumlah_indikator")):
            patterns = (rf"{COUNT}\s+{kind}\b(?!\s+(tersebut|ini|di ?atas))",
                        rf"\b{kind}(?:\s+\w+){{0,2}}\s+sebanyak\s+{COUNT}")
            for pattern in patterns:
                found = re.search(pattern, sentence, re.IGNORECASE)
                if found:
                    self.add(section, paragraph, sentence, tentang, found.group("value"),
                             tujuan=[tujuan] if tujuan else [])
                    break

    def overall(self, section, paragraph, sentence) -> None:
        words = normal(sentence)
        if "capaian kinerja" not in words or not re.search(r"\b(seluruh|keseluruhan)\b", words):
            return
        found = re.search(PERCENT, sentence)
        if not found:
            return
        self.add(section, paragraph, sentence, "capaian_keseluruhan", found.group())
        category = self._category_after(sentence, r"interpretasi|kategori|predikat|tergolong")
        if category:
            self.add(section, paragraph, sentence, "kategori_keseluruhan", category)

    def _category_after(self, sentence: str, trigger: str) -> str | None:
        """The one category named right after ``trigger`` ('tergolong Baik', 'interpretasi
        "Sangat Baik"'); None when there is none or two ('BAIK dan MEMUASKAN')."""
        found = re.search(rf"\b({trigger})\b\s*[:\"“']*\s*(?P<rest>.*)$", sentence, re.IGNORECASE)
        if not found:
            return None
        rest = found.group("rest")
        names = "|".join(re.escape(c) for c in self.categories)  # longest first
        first = re.match(rf"[\"“']?\s*(?P<category>{names})\b", rest, re.IGNORECASE)
        if not first:
            return None
        if re.match(rf"[\"”']?\s*(dan|atau|/)\s*[\"“']?\s*({names})\b", rest[first.end():], re.IGNORECASE):
            return None
        return first.group("category")

    def budget_totals(self, section, paragraph, sentence) -> None:
        words = normal(sentence)
        if "anggaran" not in words or not re.search(AMOUNT, sentence):
            return
        realised = re.search(rf"realisasi\s+anggaran.*?(?P<amount>{AMOUNT})(?:.*?\batau\s+sebesar\s+(?P<share>{PERCENT}))?",
                             sentence, re.IGNORECASE)
        if realised:
            self.add(section, paragraph, sentence, "anggaran_realisasi_total", realised.group("amount"))
            if realised.group("share"):
                self.add(section, paragraph, sentence, "anggaran_penyerapan_total", realised.group("share"))
        total = re.search(rf"(total\s+anggaran|pagu(\s+anggaran)?|anggaran\s+yang\s+dialokasikan)\D{{0,30}}?(?P<amount>{AMOUNT})",
                          sentence, re.IGNORECASE)
        if total:
            self.add(section, paragraph, sentence, "anggaran_pagu_total", total.group("amount"))

    # --- staff counts: cells of generic tables ------------------------------------
    def staff(self, section, paragraph, sentence) -> None:
        if not re.search(PEOPLE, sentence, re.IGNORECASE):
            return
        for clause in clauses(sentence):
            found = re.search(PEOPLE, clause, re.IGNORECASE)
            if not found:
                continue
            table = self._table_named(clause) or self._table_named(sentence)
            if table is None or not table.baris_total:
                continue
            before = clause[:found.start()]
            column = self._column_named(table, before)
            if column is None and re.search(r"\b(berjumlah|jumlah|seluruh|total)\b", before, re.I):
                column = table.kolom_total
            if column is None:
                continue
            row = table.baris_total[0]
            rank = re.search(r"\burutan\s+(?P<rank>" + "|".join(ORDINALS) + r"|\d+)\b", clause, re.IGNORECASE)
            if rank:
                word = rank.group("rank").lower()
                self.add(section, paragraph, clause, "peringkat", found.group("value"), table=table,
                         baris=row, kolom=column, peringkat=ORDINALS.get(word) or int(word))
            else:
                self.add(section, paragraph, clause, "sel", found.group("value"), table=table,
                         baris=row, kolom=column)

    def _table_named(self, text: str):
        """The generic table with a total row whose title and column headers share the
        rarest words with ``text`` ('pendidikan' for the table by education, 'golongan' for
        the one by grade; words every such table has do not count)."""
        candidates = [g for g in self.generics.values() if g.baris_total and g.kolom_angka]
        bags = []
        for generic in candidates:
            words = {w for w in normal(generic.table.caption_text).split() if len(w) >= 3 and w not in STOP}
            words |= {w for k in generic.kolom_angka for w in normal(k).split() if len(w) >= 3}
            words |= {_compact(k) for k in generic.kolom_angka}
            bags.append(words)
        mentioned = set(normal(text).split()) | {w.replace("golongan", "gol") for w in normal(text).split()}
        best, best_score = None, 0.0
        for generic, words in zip(candidates, bags):
            score = 0.0
            for word in words & mentioned:
                holders = sum(1 for bag in bags if word in bag)
                score += math.log((len(bags) + 1) / holders)
            if score > best_score:
                best, best_score = generic, score
        return best

    def _column_named(self, table, text: str) -> str | None:
        """The number column whose header the text prints last (``golongan III``, ``S1``)."""
        tokens = normal(text).replace("golongan", "gol").split()
        found = None
        for start in range(len(tokens)):
            for length in (2, 1):
                window = "".join(tokens[start:start + length])
                for column in table.kolom_angka:
                    if _compact(column) == window:
                        found = column
        return found

    # --- SAKIP evaluation scores and grades ---------------------------------------
    def evaluation(self, section, paragraph, sentence) -> None:
        """Scores and grades of a year's SAKIP evaluation, clause by clause ('Pada tahun 2015
        ... nilai akuntabilitas kinerja 75,14, pada tahun 2016 ... 77,36')."""
        if not re.search(r"\bevaluasi\b|\bakuntabilitas kinerja\b|\bakip\b", normal(sentence)):
            return
        year = None
        for clause in clauses(sentence):
            year = self._year(clause) or year
            if year is None:
                continue
            table = self._evaluation_table(paragraph, year)
            if table is None:
                continue
            score = re.search(r"\bnilai(?:\s+akuntabilitas\s+kinerja)?\s+(?P<value>\d+,\d+(?:\s*\([A-Za-z ]+\))?)", clause, re.IGNORECASE)
            if score is None:
                score = re.search(rf"\bmemperoleh\s+nilai\s+(?P<value>{NUMBER}(?:\s*\([A-Za-z ]+\))?)", clause, re.I)
            if score:
                self.add(section, paragraph, sentence, "nilai_evaluasi", score.group("value"),
                         table=table, tahun=year)
            grade = re.search(rf"\bpredikat\b(?:\s+penilaian)?\s*[\"“']?(?P<value>{GRADE})[\"”']?(?=[\s.,;(]|$)", clause)
            if grade:
                self.add(section, paragraph, sentence, "predikat_evaluasi", grade.group("value"),
                         table=table, tahun=year)

    def _year(self, sentence: str) -> int | None:
        found = YEAR.findall(sentence)
        return int(found[0]) if found else None

    def _evaluation_table(self, paragraph, year: int | None):
        """The SAKIP evaluation table nearest the sentence that has a column for ``year``."""
        best, distance = None, None
        for generic in self.generics.values():
            if not generic.baris_predikat or (year is not None and year not in generic.kolom_tahun.values()):
                continue
            first = generic.table.parts[0]
            where = getattr(first, "index", 0)
            gap = abs(self._table_position(generic) - paragraph.index)
            if distance is None or gap < distance:
                best, distance = generic, gap
        return best

    def _table_position(self, generic) -> int:
        """The paragraph index just before the table (tables are not numbered among paragraphs)."""
        caption = generic.table.caption or generic.table.lead_in
        if caption:
            return caption[-1].index
        section = generic.table.section
        if section.body:
            return section.body[-1].index
        return section.heading.index if section.heading else 0

    # --- categories, sasaran and indicator figures --------------------------------
    def categories_claimed(self, section, paragraph, sentence) -> None:
        category = self._category_after(sentence, r"tergolong|dikategorikan|termasuk\s+(?:dalam\s+)?kategori")
        if category is None:
            return
        sasaran = self.section_entity(section, "sasaran")
        if sasaran is None:
            return
        before = sentence[:re.search(r"tergolong|dikategorikan|termasuk", sentence, re.I).start()]
        if re.search(r"\bindikator\b", before, re.IGNORECASE):
            indicators = self.indicators_of(sasaran)
            if len(indicators) == 1:
                self.add(section, paragraph, sentence, "kategori_indikator", category, indikator=indicators)
            return
        self.add(section, paragraph, sentence, "kategori_sasaran", category, sasaran=[sasaran])

    def sasaran_figures(self, section, paragraph, sentence) -> None:
        named = self.mentions.full(sentence, "sasaran")
        if not named:
            return
        words = normal(sentence)
        for found in re.finditer(rf"(?:capaian|pencapaian)\s+kinerja\s+(?:sebesar\s+|sebanyak\s+|mencapai\s+)?(?P<value>{PERCENT})", sentence, re.I):
            at = len(normal(sentence[:found.start()]))
            before = [ident for position, ident in named if position <= at]
            if before:
                self.add(section, paragraph, sentence, "capaian_sasaran", found.group("value"), sasaran=[before[-1]])
        absorbed = re.search(rf"realisasi\s+anggaran\D{{0,40}}?(?P<value>{PERCENT})", sentence, re.IGNORECASE)
        if absorbed:
            at = len(normal(sentence[:absorbed.start()]))
            before = sorted({ident for position, ident in named if position <= at})
            count = re.search(r"untuk\s+(\d+)\s+sasaran\s+tersebut", words)
            if "rata rata" in words[max(0, at - 5):at + 40] or count:
                ids, unsure = before, None
                if count and int(count.group(1)) != len(before):
                    unsure = "import.claim.count-mismatch"
            else:
                ids, unsure = before[-1:], None
            if ids:
                claim = self.add(section, paragraph, sentence, "penyerapan_sasaran", absorbed.group("value"),
                                 sasaran=ids)
                claim.unsure = unsure

    def indicator_figures(self, section, paragraph, sentence, memory: dict[str, str]) -> None:
        """Targets and realisations of an indicator, clause by clause ('Tahun 2016 dengan target
        BB (76,00) dengan realisasi BB (77,36)'); the indicator is the one the clause names, else
        the only one of the section's sasaran, else the one named before in the section."""
        sasaran = self.section_entity(section, "sasaran")
        allowed = set(self.indicators_of(sasaran)) if sasaran else None
        year = None
        for clause in clauses(sentence):
            year = self._year(clause) or year
            indicator, sure = self.mentions.indicator(clause, allowed)
            unsure = None if sure else "import.claim.indicator-by-words"
            if indicator is not None:
                memory["indikator"] = indicator
            elif allowed and len(allowed) == 1:
                indicator, unsure = next(iter(allowed)), "import.claim.single-indicator"
            elif memory.get("indikator"):
                indicator, unsure = memory["indikator"], "import.claim.from-context"
            if indicator is None:
                continue
            target = re.search(rf"\btarget\b.{{0,120}}?\bsebesar\s+(?P<value>(?:rata-rata\s+)?{VALUE})"
                               rf"|\btarget\s+(?P<direct>{VALUE})", clause, re.IGNORECASE)
            realised = re.search(rf"\b(?:terealisasi|realisasi(?:nya)?)\s+(?:sebesar\s+)?(?P<value>{VALUE})", clause, re.IGNORECASE)
            when = year or self.year
            if target:
                claim = self.add(section, paragraph, sentence, "target_indikator",
                                 target.group("value") or target.group("direct"),
                                 indikator=[indicator], tahun=when)
                claim.unsure = unsure
            if realised:
                claim = self.add(section, paragraph, sentence, "realisasi_indikator", realised.group("value"),
                                 indikator=[indicator], tahun=when)
                claim.unsure = unsure

    def averages(self, section, paragraph, sentence) -> None:
        words = normal(sentence)
        if "rata rata" not in words or re.search(r"\btarget\b", words):
            return
        found = re.search(rf"rata-rata\b\D{{0,60}}?\b(?:sebesar|adalah)\s+(?:sebesar\s+)?(?P<value>{NUMBER})", sentence, re.IGNORECASE)
        if not found:
            return
        table = None
        sentence_words = set(words.split())
        for generic in self.generics.values():
            caption = normal(generic.table.caption_text)
            terms = set(re.findall(r"\(([a-z]{2,6})\)", caption)) | {
                acronym for acronym, meaning in GLOSSARY.items() if meaning in caption}
            if terms & sentence_words and len(generic.kolom_angka) == 1:
                table = generic
                break
        if table is None:
            return
        self.add(section, paragraph, sentence, "rata_rata", found.group("value"), table=table,
                 kolom=table.kolom_angka[0])


def extract_claims(layout: Layout, places: list[RawPlace], registry, generics: dict,
                   year: int | None) -> list[Claim]:
    return _Extractor(layout, places, registry, generics, year).run()
