"""What kind of measure an imported indicator is (``tipe``), read from its name, its unit and
the values the report prints for it, and for a qualitative one the scale its values belong to.

Reports rarely print the scale of a qualitative indicator (``Predikat LPPD``: target ``Sangat
Tinggi``, realisation ``Tinggi``); without it no capaian can be computed. The importer takes
the first of the scales in common use that holds every value printed, and says so in a
comment: the compiler confirms it or writes the right one.
"""

from __future__ import annotations

import re

from sakip_lint.importing.text import normal
from sakip_lint.numbers import NumberStyle, ValueKind, parse_value

KNOWN_SCALES = (
    ("Rendah", "Sedang", "Tinggi", "Sangat Tinggi"),  # EKPPD predicates of an LPPD
    ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"),
    ("Kurang", "Cukup", "Baik", "Sangat Baik"),
    ("Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"),
    ("D", "C", "CC", "B", "BB", "A", "AA"),  # SAKIP evaluation grades
    ("Tidak Memberikan Pendapat", "Tidak Wajar", "Wajar Dengan Pengecualian", "Wajar Tanpa Pengecualian"),
    ("TMP", "TW", "WDP", "WTP"),  # BPK audit opinions, abbreviated
)
QUALITATIVE_FIELDS = ("target", "realisasi", "target_akhir")

TYPES = (
    ("persentase", r"\b(persentase|prosentase|presentase|persen)\b|%"),
    ("rata-rata", r"\b(rata rata|rerata)\b"),
    ("rasio", r"\brasio\b"),
    ("indeks", r"\b(indeks|index|nilai|skor|skala)\b"),
    ("absolut", r"\b(jumlah|banyaknya|total|luas|panjang)\b"),
)


def _words(entity) -> list[str]:
    """The printed values of the indicator that are words, not numbers."""
    found = []
    for row in entity.rows:
        for field in QUALITATIVE_FIELDS:
            value = row.values.get(field)
            if value is None:
                continue
            parsed = parse_value(value, NumberStyle.AUTO)
            if parsed.kind is ValueKind.TEXT and value.strip() not in ("-", "–"):
                found.append(value.strip())
    return found


def qualitative_scale(values: list[str]) -> tuple[str, ...] | None:
    wanted = {normal(v) for v in values}
    for scale in KNOWN_SCALES:
        if wanted <= {normal(level) for level in scale}:
            return scale
    return None


def indicator_attributes(entity, registry) -> dict:
    """``tipe`` (and ``skala`` for a qualitative indicator) of an imported indicator."""
    words = _words(entity)
    if words and len(words) >= max(1, len([r for r in entity.rows if r.values]) // 2):
        scale = qualitative_scale(words)
        attributes: dict = {"tipe": "kualitatif"}
        if scale:
            attributes["skala"] = list(scale)
        return attributes
    name = normal(entity.teks)
    units = " ".join(normal(row.values.get("satuan", "")) for row in entity.rows)
    for tipe, pattern in TYPES:
        if re.search(pattern, name):
            return {"tipe": tipe}
    if re.search(r"%|\bpersen", " ".join(row.values.get("satuan", "") for row in entity.rows) + units):
        return {"tipe": "persentase"}
    return {"tipe": "absolut"}
