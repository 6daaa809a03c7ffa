"""The entity hierarchy, declared once: every kind of entity, what it stands under, and what a
row of it may print.

A report's performance tree runs visi -> misi -> tujuan -> sasaran -> indikator -> program ->
kegiatan -> sub kegiatan, with strategi and kebijakan beside it under a sasaran; its budget
tables follow the structure of Permendagri 90/2019 (urusan -> bidang urusan -> program ->
kegiatan -> sub kegiatan). The model, the reference checks, the performance graph, the
mechanisms and the importer each need a different view of it (the links an entity declares,
the links a row may declare, what a whole document must link, the budget parent...); those
views are derived here from ``LEVELS``, so that a new level is one entry, not an edit in
every module.
"""

from __future__ import annotations

from dataclasses import dataclass

BUDGET_FIELDS = ("pagu", "realisasi_anggaran", "persen_anggaran", "capaian", "efisiensi",
                 "penanggung_jawab")
INDICATOR_FIELDS = ("satuan", "target", "target_akhir", "target_tahun", "realisasi",
                    "realisasi_tahun", "capaian", "capaian_terhadap", "kategori")


@dataclass(frozen=True)
class Level:
    """One kind of entity in the hierarchy. Every link is a field named after the kind it
    names (``sasaran: S-01``)."""

    kind: str
    parents: tuple[str, ...] = ()  # what it stands under in the performance tree, nearest first
    budget_parent: str | None = None  # the kind one level up in the budget structure
    required: bool = False  # a whole document must give its first parent
    in_chain: bool = True  # a level of the chain visi -> ... -> sub kegiatan (not a side branch)
    values: tuple[str, ...] = ()  # the value columns a row of it may fill
    entity_links: tuple[str, ...] | None = None  # when not the parents and the budget parent
    row_links: tuple[str, ...] | None = None  # when a row may declare other links than parents

    @property
    def links(self) -> tuple[str, ...]:
        """The link fields of the entity itself, the level above first."""
        if self.entity_links is not None:
            return self.entity_links
        budget = (self.budget_parent,) if self.budget_parent not in (None, *self.parents) else ()
        return self.parents + budget

    @property
    def row_fields(self) -> tuple[str, ...]:
        """The columns a row showing it may fill beyond nomor/teks/catatan: links and values."""
        return (self.parents if self.row_links is None else self.row_links) + self.values


LEVELS: tuple[Level, ...] = (
    Level("visi"),
    Level("misi", ("visi",), required=True),
    Level("tujuan", ("misi",), required=True),
    Level("sasaran", ("tujuan",), required=True, values=("kategori", *BUDGET_FIELDS)),
    # an indicator of a tujuan (Renstra, RPJMD) stands under it instead of a sasaran; a row
    # declares only the sasaran
    Level("indikator", ("sasaran", "tujuan"), required=True, values=INDICATOR_FIELDS,
          row_links=("sasaran",)),
    # an urusan or bidang urusan names the urusan above it
    Level("urusan", budget_parent="urusan", in_chain=False, values=BUDGET_FIELDS),
    Level("program", ("sasaran",), budget_parent="urusan", values=BUDGET_FIELDS),
    Level("kegiatan", ("program",), budget_parent="program", required=True,
          values=BUDGET_FIELDS),
    Level("sub_kegiatan", ("kegiatan",), budget_parent="kegiatan", required=True,
          values=BUDGET_FIELDS, row_links=()),
    # the directions serving a sasaran: a table may print them under a tujuan too
    Level("strategi", ("sasaran", "tujuan"), in_chain=False, entity_links=("sasaran",)),
    Level("kebijakan", ("sasaran", "tujuan"), in_chain=False, entity_links=("sasaran",)),
)
"""Every kind of entity, in the order of the tree (the order of the data file's lists)."""

BY_KIND: dict[str, Level] = {level.kind: level for level in LEVELS}
KINDS: tuple[str, ...] = tuple(BY_KIND)
CHAIN: tuple[str, ...] = tuple(level.kind for level in LEVELS if level.in_chain)
"""visi -> misi -> tujuan -> sasaran -> indikator -> program -> kegiatan -> sub kegiatan."""

ENTITY_LINKS: dict[str, dict[str, str]] = {
    level.kind: {field: field for field in level.links} for level in LEVELS}
"""Each kind and the links its entity declares, field -> the kind of entity the field names.
The first link is the level above."""

LINK_FIELDS: tuple[str, ...] = tuple(
    kind for kind in KINDS if any(kind in level.row_fields for level in LEVELS))
"""The link columns a row of a place may fill (a field of ``model.Row`` each)."""

ROW_FIELDS_BY_KIND: dict[str, frozenset[str]] = {
    level.kind: frozenset(level.row_fields) for level in LEVELS}
"""Which columns a row may fill, by the kind of entity it shows (beyond nomor/teks/catatan)."""

PARENT_OF: dict[str, str] = {level.kind: level.parents[0] for level in LEVELS if level.parents}
"""The level above each kind in the performance tree."""

REQUIRED_IN_WHOLE: dict[str, str] = {
    level.kind: level.parents[0] for level in LEVELS if level.required}
"""The link a whole document must give; an excerpt (``kutipan: true``) may leave it out."""

BUDGET_PARENT: dict[str, str] = {
    level.kind: level.budget_parent for level in LEVELS if level.budget_parent is not None}
"""The field of each kind that names its budget parent (urusan -> bidang -> program ->
kegiatan -> sub kegiatan)."""
