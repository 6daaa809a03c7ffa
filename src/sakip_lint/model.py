"""The report data-file model: one body (instansi), one year, every fact where the report prints it.

A report states the same fact in many places (Renstra, RKT, PK, the measurement table, the
analysis tables of 3.3, budget tables, the prose) and they disagree. So the model keeps each
entity once (with a stable id such as ``IK-04``) and, under ``sebutan``, every row of the report
that shows it, with the values exactly as written there. Checks compare those rows; nothing is
resolved or corrected while loading.

Values are kept as the raw text the report prints (``"Rp. 162.536.420.769,38"``); the parsed
reading lives in ``sakip_lint.values`` and is computed from the raw text, never stored twice.
Every model rejects unknown keys: a misspelt key is an error, not silently ignored data.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from sakip_lint.hierarchy import KINDS, LINK_FIELDS

Raw = str
"""A value exactly as the report prints it; parsed on demand with ``numbers.parse_value``."""


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, loaded data is never mutated."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Role(StrEnum):
    """What a place of the report is for; alignment and capaian rules select places by role."""

    RENSTRA = "renstra"
    IKU = "iku"
    RKT = "rkt"
    PK = "pk"
    PENGUKURAN = "pengukuran"  # the measurement table (Tabel 3.1 in the Kaltim report)
    ANALISIS = "analisis"  # per-sasaran comparison tables of 3.3
    ANALISIS_RENSTRA = "analisis_renstra"  # comparison with the Renstra end target
    EFISIENSI = "efisiensi"
    ANGGARAN = "anggaran"
    DAFTAR = "daftar"  # lists in the text (2.1.3, 2.1.4, 2.1.8)
    MATRIKS = "matriks"  # linkage matrices (Tabel 2.1 to 2.6)
    PROSA = "prosa"
    LAINNYA = "lainnya"


class IndicatorType(StrEnum):
    KUALITATIF = "kualitatif"
    ABSOLUT = "absolut"
    PERSENTASE = "persentase"
    RASIO = "rasio"
    RATA_RATA = "rata-rata"
    INDEKS = "indeks"


class IndicatorKind(StrEnum):
    INPUT = "input"
    OUTPUT = "output"
    OUTCOME = "outcome"
    BENEFIT = "benefit"
    IMPACT = "impact"


class Polarity(StrEnum):
    POSITIF = "positif"
    NEGATIF = "negatif"
    KUALITATIF = "kualitatif"


class NumberStyleName(StrEnum):
    ID = "id"
    EN = "en"
    AUTO = "auto"


class DocumentKind(StrEnum):
    """What the file is: which parts it must contain follows from this (completeness rules)."""

    LKJIP = "LKjIP"
    PK = "PK"
    RKT = "RKT"
    RENSTRA = "Renstra"
    RPJMD = "RPJMD"
    IKU = "IKU"
    CASCADING = "Cascading"


class Region(StrEnum):
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"


class Level(StrEnum):
    PEMDA = "pemda"  # the regional government as a whole (RPJMD, LKjIP of the Pemda)
    OPD = "opd"  # one body (dinas, badan, sekretariat, inspektorat...)


class ClaimBound(StrEnum):
    """How a prose figure bounds the value: 'di atas 90%' is a bound, not an equality."""

    DI_ATAS = "di_atas"  # lebih dari, di atas: value > figure
    MINIMAL = "minimal"  # minimal, sekurang-kurangnya: value >= figure
    DI_BAWAH = "di_bawah"  # kurang dari, di bawah: value < figure
    MAKSIMAL = "maksimal"  # maksimal, paling banyak: value <= figure


def _as_list(value: object) -> object:
    """Links may be written as one id or a list of ids."""
    return [value] if isinstance(value, str) else value


def one_or_many(*fields: str):
    """A validator letting ``fields`` be written as one id or a list of ids."""
    return field_validator(*fields, mode="before")(classmethod(lambda cls, value: _as_list(value)))


class Row(Strict):
    """One row (or list item) of a place that shows an entity, exactly as printed there.

    ``id`` names the entity the row shows; the kind follows from the id. Link columns
    (``tujuan``, ``sasaran``...) record the links *this* row declares, which may differ from
    other tables. Value columns hold the raw text of the cell.
    """

    id: str
    nomor: str | None = None
    teks: str | None = None
    catatan: str | None = None
    # links declared by this row: tuples, so that the rows that declare none (most) share the
    # one empty tuple instead of five empty lists each
    visi: tuple[str, ...] = ()
    misi: tuple[str, ...] = ()
    tujuan: tuple[str, ...] = ()
    sasaran: tuple[str, ...] = ()
    program: tuple[str, ...] = ()
    # indicator columns
    satuan: Raw | None = None
    target: Raw | None = None
    target_akhir: Raw | None = None  # target at the end of the Renstra period
    target_tahun: dict[int, Raw] = Field(default_factory=dict)  # Renstra targets per year
    realisasi: Raw | None = None  # realisasi of the report year
    realisasi_tahun: dict[int, Raw] = Field(default_factory=dict)  # earlier years
    capaian: Raw | None = None
    capaian_terhadap: str | None = None  # 'target' (default) or 'target_akhir'
    kategori: Raw | None = None
    # budget columns
    pagu: Raw | None = None
    realisasi_anggaran: Raw | None = None
    persen_anggaran: Raw | None = None
    efisiensi: Raw | None = None
    penanggung_jawab: str | None = None

    _links = one_or_many(*LINK_FIELDS)

    @field_validator("capaian_terhadap")
    @classmethod
    def _known_basis(cls, value: str | None) -> str | None:
        if value not in (None, "target", "target_akhir"):
            raise PydanticCustomError("capaian_basis", "must be 'target' or 'target_akhir'")
        return value

    def filled(self) -> set[str]:
        """Names of the columns this row fills beyond its id."""
        return set(self.model_fields_set) - {"id"}

    @property
    def basis(self) -> str:
        """Which target the stated capaian is measured against."""
        if self.capaian_terhadap:
            return self.capaian_terhadap
        return "target_akhir" if self.target_akhir is not None and self.target is None else "target"


class Place(Strict):
    """A table, list or passage of the report (``Tabel 3.1``, ``2.1.8``, ``Ringkasan Eksekutif``).

    The key in ``tempat`` names the place uniquely; ``nama`` is the name the report prints when
    two tables carry the same number. ``gaya_angka`` and ``gaya_kolom`` record a number style
    that differs from the report's in this place or one of its columns.
    """

    peran: Role
    nama: str | None = None
    gaya_angka: NumberStyleName | None = None
    gaya_kolom: dict[str, NumberStyleName] = Field(default_factory=dict)
    sebagian: bool = False  # the table prints only some of the children of its parent rows
    judul: str | None = None
    halaman: str | None = None
    catatan: str | None = None
    baris: list[Row] = Field(default_factory=list)


class Entity(Strict):
    """A thing the report names once and shows in many rows; ``teks`` is its canonical name."""

    id: str
    teks: str
    catatan: str | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not value or len(value.split(None, 1)) != 1 or value.strip() != value:
            raise PydanticCustomError("id_shape", "an id is one word without spaces, e.g. IK-04")
        return value


class Visi(Entity):
    pass


class Misi(Entity):
    visi: str | None = None  # required in a whole document, absent in an excerpt


class Tujuan(Entity):
    misi: str | None = None  # required in a whole document, absent in an excerpt


class Cascades(Entity):
    """An entity that cascades from the level above (``--parent``): ``induk`` names the parent
    body's sasaran or indicators it serves, by their ids in the parent's data file."""

    induk: list[str] = Field(default_factory=list)

    _induk = one_or_many("induk")


class Sasaran(Cascades):
    tujuan: str | None = None  # required in a whole document, absent in an excerpt


class Indikator(Cascades):
    sasaran: str | None = None  # required in a whole document; a macro table has none
    tujuan: str | None = None  # an indicator of a tujuan (Renstra, RPJMD) instead of a sasaran
    tipe: IndicatorType
    jenis: IndicatorKind | None = None
    polaritas: Polarity | None = None  # only where the report declares one; rules decide otherwise
    skala: list[str] = Field(default_factory=list)  # ordered low -> high, for qualitative ones
    baseline: Raw | None = None


class ServesSasaran(Entity):
    """An entity attached to one or more sasaran (written as one id or a list)."""

    sasaran: list[str] = Field(default_factory=list)

    _sasaran = one_or_many("sasaran")


class Urusan(Entity):
    """An urusan or bidang urusan of the budget structure; ``urusan`` names the one above."""

    urusan: str | None = None


class Program(ServesSasaran):
    urusan: str | None = None


class Strategi(ServesSasaran):
    pass


class Kebijakan(ServesSasaran):
    pass


class Kegiatan(Entity):
    program: str | None = None  # required in a whole document, absent in an excerpt


class SubKegiatan(Entity):
    kegiatan: str | None = None  # required in a whole document, absent in an excerpt


class Table(Strict):
    """A generic table (staff, SAKIP evaluation, SKM...) with its total rows and columns.

    Rows are lists of raw cells in the order of ``kolom``; an empty cell is ``null``. The
    declarations say what the report's arithmetic should be: a total column adding up the
    number columns of its row, total rows adding up (or averaging) the other rows, and a grade
    row naming the grade of the score in the total row, under the scale of the column's year.
    Cells read in the style of their column (``gaya_kolom``), else of the place the table is
    printed at (its ``gaya_angka``), else of the report.
    """

    id: str
    di: str
    judul: str | None = None
    kolom: list[str]
    kolom_label: str  # the column that names each row
    baris: list[list[Raw | None]]
    kolom_angka: list[str] = Field(default_factory=list)  # the columns that hold numbers
    kolom_total: str | None = None  # the column that should be the sum of ``kolom_angka``
    baris_total: list[str] = Field(default_factory=list)  # rows that sum the other rows
    baris_rata_rata: list[str] = Field(default_factory=list)  # rows that average the other rows
    baris_lain: list[str] = Field(default_factory=list)  # other summary rows (grades, notes)
    baris_predikat: str | None = None  # the row holding the grade of each total
    skala_predikat: str | None = None  # the scale (rules) that grades the total
    kolom_tahun: dict[str, int] = Field(default_factory=dict)  # column -> the year it is about
    rumus: dict[str, str] = Field(default_factory=dict)  # column -> its formula (rule language)
    gaya_kolom: dict[str, NumberStyleName] = Field(default_factory=dict)  # column -> its style
    # this table is the report's list of tables (Daftar Tabel); the column naming each table
    daftar_tabel: str | None = None
    catatan: str | None = None

    @property
    def numeric_columns(self) -> list[str]:
        """The columns holding numbers: the declared ones and the total."""
        return self.kolom_angka + ([self.kolom_total] if self.kolom_total else [])

    @property
    def summary_rows(self) -> set[str]:
        """Labels of the rows that are not data rows."""
        grade = {self.baris_predikat} if self.baris_predikat else set()
        return set(self.baris_total) | set(self.baris_rata_rata) | set(self.baris_lain) | grade


class ClaimAbout(StrEnum):
    """What a prose figure is about: a closed list, so a misspelt kind is a load error."""

    JUMLAH_SASARAN = "jumlah_sasaran"
    JUMLAH_INDIKATOR = "jumlah_indikator"
    CAPAIAN_KESELURUHAN = "capaian_keseluruhan"
    KATEGORI_KESELURUHAN = "kategori_keseluruhan"
    CAPAIAN_SASARAN = "capaian_sasaran"
    KATEGORI_SASARAN = "kategori_sasaran"
    CAPAIAN_INDIKATOR = "capaian_indikator"
    KATEGORI_INDIKATOR = "kategori_indikator"
    TARGET_INDIKATOR = "target_indikator"
    REALISASI_INDIKATOR = "realisasi_indikator"
    ANGGARAN_PAGU_TOTAL = "anggaran_pagu_total"
    ANGGARAN_REALISASI_TOTAL = "anggaran_realisasi_total"
    ANGGARAN_PENYERAPAN_TOTAL = "anggaran_penyerapan_total"
    PENYERAPAN_SASARAN = "penyerapan_sasaran"
    SEL = "sel"
    PERINGKAT = "peringkat"
    RATA_RATA = "rata_rata"
    SELISIH = "selisih"  # a change between two cells of a row ('peningkatan sebesar 8,54')
    JUMLAH_BARIS_TERISI = "jumlah_baris_terisi"
    JUMLAH_BARIS = "jumlah_baris"
    NILAI_EVALUASI = "nilai_evaluasi"
    PREDIKAT_EVALUASI = "predikat_evaluasi"


class ScaleBandEntry(Strict):
    """One band of the category scale a report prints: ``rentang`` in the rule language's bound
    syntax (``> 85 - 100``, ``< 55``), parsed when the report is checked."""

    kategori: str
    rentang: str


class Claim(Strict):
    """A figure the prose states, with what it is about, so rules can recompute it."""

    id: str
    di: str
    kutipan: str  # the sentence, verbatim
    tentang: ClaimAbout  # what is claimed, e.g. 'jumlah_sasaran', 'capaian_keseluruhan', 'sel'
    nilai: Raw
    batas: ClaimBound | None = None  # the figure is a bound ('di atas 90%'), not the value
    tujuan: list[str] = Field(default_factory=list)
    sasaran: list[str] = Field(default_factory=list)
    indikator: list[str] = Field(default_factory=list)
    tabel: str | None = None
    baris: str | None = None
    kolom: str | None = None
    kolom_baris: list[str] = Field(default_factory=list)  # columns of ``baris`` averaged or compared
    peringkat: int | None = None
    tahun: int | None = None
    catatan: str | None = None

    _refs = one_or_many("tujuan", "sasaran", "indikator")


class Report(Strict):
    """One data file: one body and one year."""

    format: str = Field(pattern=r"^sakip-lint/1$")
    instansi: str
    tahun: int = Field(ge=1000, le=9999)  # a year of four digits: 23 digits is a typo
    dokumen: DocumentKind = DocumentKind.LKJIP
    kutipan: bool = False  # an excerpt: only the places it holds, no chain, no completeness
    wilayah: Region | None = None
    tingkat: Level | None = None
    periode_renstra: tuple[int, int] | None = None
    gaya_angka: NumberStyleName = NumberStyleName.AUTO
    sumber: str | None = None
    skala_kategori: list[ScaleBandEntry] = Field(default_factory=list)  # the report's own scale
    tempat: dict[str, Place]
    visi: list[Visi] = Field(default_factory=list)
    misi: list[Misi] = Field(default_factory=list)
    tujuan: list[Tujuan] = Field(default_factory=list)
    sasaran: list[Sasaran] = Field(default_factory=list)
    indikator: list[Indikator] = Field(default_factory=list)
    urusan: list[Urusan] = Field(default_factory=list)
    program: list[Program] = Field(default_factory=list)
    kegiatan: list[Kegiatan] = Field(default_factory=list)
    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list)
    strategi: list[Strategi] = Field(default_factory=list)
    kebijakan: list[Kebijakan] = Field(default_factory=list)
    tabel: list[Table] = Field(default_factory=list)
    klaim: list[Claim] = Field(default_factory=list)
    # cells several tables print that must agree, in the rule language:
    # 'tabel "tabel-1.2" baris "Jumlah" kolom "GOL.III" = tabel "tabel-1.3" baris "Jumlah" kolom "Jumlah"'
    kesamaan: list[str] = Field(default_factory=list)

    ENTITY_KINDS: ClassVar[tuple[str, ...]] = KINDS  # one list per kind, in hierarchy order

    def entities(self):
        """Every entity with its kind and position in its list: (kind, index, entity)."""
        for kind in self.ENTITY_KINDS:
            for index, entity in enumerate(getattr(self, kind)):
                yield kind, index, entity

    @cached_property
    def _by_id(self) -> dict[str, tuple[str, Entity, int]]:
        found: dict[str, tuple[str, Entity, int]] = {}
        for kind, index, entity in self.entities():
            found.setdefault(entity.id, (kind, entity, index))
        return found

    def kind_of_ids(self) -> dict[str, str]:
        """Entity id -> kind; ids are unique across kinds (checked when loading)."""
        return {ident: kind for ident, (kind, _, _) in self._by_id.items()}

    def entity(self, ident: str) -> Entity | None:
        """The entity with this id, or None."""
        found = self._by_id.get(ident)
        return found[1] if found else None

    def kind_of(self, ident: str) -> str | None:
        found = self._by_id.get(ident)
        return found[0] if found else None

    def path_of(self, ident: str) -> tuple[str, str] | None:
        """(kind, index) of the entity with this id, the start of its path in the file."""
        found = self._by_id.get(ident)
        return (found[0], str(found[2])) if found else None

    @cached_property
    def _rows_by_id(self) -> dict[str, list[tuple[str, int, Row]]]:
        found: dict[str, list[tuple[str, int, Row]]] = {}
        for name, index, row in self.rows():
            found.setdefault(row.id, []).append((name, index, row))
        return found

    @cached_property
    def _rows_by_id_and_role(self) -> dict[tuple[str, Role], list[tuple[str, int, Row]]]:
        found: dict[tuple[str, Role], list[tuple[str, int, Row]]] = {}
        for name, index, row in self.rows():
            found.setdefault((row.id, self.tempat[name].peran), []).append((name, index, row))
        return found

    def rows_of(self, ident: str, *roles: Role):
        """The rows showing entity ``ident`` in places of the given roles (all places if none),
        in report order; read from an index built once, as every rule asks."""
        if not roles:
            return iter(self._rows_by_id.get(ident, ()))
        if len(roles) == 1:
            return iter(self._rows_by_id_and_role.get((ident, roles[0]), ()))
        return (found for found in self._rows_by_id.get(ident, ())
                if self.tempat[found[0]].peran in roles)

    def rows(self):
        """Every row of every place: (place name, row index, row)."""
        for name, place in self.tempat.items():
            for index, row in enumerate(place.baris):
                yield name, index, row
