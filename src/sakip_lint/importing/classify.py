"""What a table of entities is for (its role, ``peran``), from its caption, the sentence that
leads to it, the sections it stands in and the columns it has.

The caption decides first (``Perjanjian Kinerja``, ``Pengukuran``, ``Efisiensi``,
``Perbandingan Realisasi ... Akhir Periode RENSTRA``); then what the columns hold when that is
unmistakable (an efficiency column, a pagu column); then the lead-in sentence and the
section headings (``2.2 Rencana Kinerja Tahunan``); last the columns alone (a target and a
realisation: a measurement table; names only: a linkage matrix). A role that needs values
is not given to a table that has none.
"""

from __future__ import annotations

import re

from sakip_lint.importing.headers import Layout
from sakip_lint.importing.text import normal

# (role, words in the caption or context); order matters: the more specific first
KEYWORDS = (
    ("efisiensi", r"\befisiensi\b"),
    ("analisis_renstra", r"akhir periode|target akhir|s ?d akhir|perbandingan\b.*\brenstra\b"),
    ("analisis", r"\bperbandingan\b"),
    ("pk", r"perjanjian kinerja|penetapan kinerja|\bpk\b"),
    ("rkt", r"rencana kinerja tahunan|\brkt\b"),
    ("iku", r"indikator kinerja utama|\biku\b"),
    ("pengukuran", r"\bpengukuran\b|\bcapaian indikator\b|\bcapaian kinerja\b"),
    ("anggaran", r"\banggaran\b|\bpagu\b|\brealisasi keuangan\b|\bbelanja\b"),
    ("renstra", r"\brenstra\b|rencana strategis|\brpjmd\b"),
)
VALUES = {"satuan", "target", "target_akhir", "target_tahun", "realisasi", "realisasi_tahun",
          "capaian", "kategori", "pagu", "realisasi_anggaran", "persen_anggaran", "efisiensi"}
NEEDS = {
    "efisiensi": {"efisiensi", "persen_anggaran", "capaian"},
    "anggaran": {"pagu", "realisasi_anggaran", "persen_anggaran"},
    "pengukuran": {"realisasi", "capaian"},
    "analisis": {"realisasi", "realisasi_tahun"},
    "analisis_renstra": {"target_akhir", "capaian", "realisasi"},
    "pk": {"target"},
    "rkt": {"target"},
    "iku": set(),
    "renstra": {"target", "target_akhir", "target_tahun"},
}


def _keyword_role(text: str, layout: Layout) -> str | None:
    words = normal(text)
    fields = layout.fields
    for role, pattern in KEYWORDS:
        if re.search(pattern, words) and (not NEEDS[role] or NEEDS[role] & fields):
            return role
    return None


def _column_role(layout: Layout, strong_only: bool) -> str | None:
    fields = layout.fields
    if "efisiensi" in fields:
        return "efisiensi"
    if fields & {"pagu", "realisasi_anggaran"}:
        return "anggaran"
    if strong_only:
        return None
    if "target_akhir" in fields and "realisasi" in fields:
        return "analisis_renstra"
    if "realisasi_tahun" in fields:
        return "analisis"
    if "realisasi" in fields:
        return "pengukuran"
    if "target_tahun" in fields or "target_akhir" in fields:
        return "renstra"
    if "target" in fields:
        return "pk"
    return None


def table_role(layout: Layout, caption: str, context: list[str]) -> str:
    """The role of a table of entities; ``context`` holds the lead-in sentences and the
    headings of the sections around the table, nearest first."""
    if not layout.fields & VALUES:
        return "matriks"
    role = _keyword_role(caption, layout) if caption else None
    role = role or _column_role(layout, strong_only=True)
    for text in context:
        if role:
            break
        role = _keyword_role(text, layout)
    return role or _column_role(layout, strong_only=False) or "lainnya"
