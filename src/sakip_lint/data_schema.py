"""The JSON Schema of the data file, for editors that complete and check it as it is typed.

It is made from the pydantic model (``Report.model_json_schema()``), then opened up where the
loader is more lenient than pydantic sees: a link may be written as one id or a list
(``sasaran: S-01``), and a value the report prints (``Raw``) may be an unquoted YAML number
(``target: 610``), which the loader keeps as text but an editor reads as a number. Models
carry their docstrings as descriptions; the fields below carry one in the reader's language.
"""

from __future__ import annotations

import typing

from pydantic import BaseModel

from sakip_lint import model

SCHEMA_ID = "urn:sakip-lint:schema:data-file:1"  # an identifier, not a place to fetch it from
RAW = "Raw"

DESCRIPTIONS: dict[str, dict[str, dict[str, str]]] = {
    "Report": {
        "format": {"id": "Selalu sakip-lint/1", "en": "Always sakip-lint/1"},
        "instansi": {"id": "Nama instansi yang melapor", "en": "The reporting body"},
        "tahun": {"id": "Tahun laporan", "en": "The report year"},
        "dokumen": {"id": "Jenis dokumen (LKjIP, PK, RKT, Renstra, ...)",
                    "en": "The kind of document (LKjIP, PK, RKT, Renstra, ...)"},
        "kutipan": {"id": "true: kutipan beberapa tabel, tanpa rantai lengkap",
                    "en": "true: an excerpt of some tables, without the whole chain"},
        "gaya_angka": {"id": "Gaya angka laporan: id (1.234,56), en (1,234.56) atau auto",
                       "en": "The report's number style: id (1.234,56), en (1,234.56) or auto"},
        "tempat": {"id": "Tabel, daftar dan bagian laporan dengan barisnya seperti tercetak",
                   "en": "The report's tables, lists and passages with their rows as printed"},
        "indikator": {"id": "Indikator kinerja, masing-masing sekali",
                      "en": "The performance indicators, each once"},
        "sasaran": {"id": "Sasaran strategis, masing-masing sekali",
                    "en": "The strategic goals (sasaran), each once"},
        "tabel": {"id": "Tabel umum (pegawai, evaluasi SAKIP, SKM, ...)",
                  "en": "Generic tables (staff, SAKIP evaluation, SKM, ...)"},
        "klaim": {"id": "Angka yang dinyatakan dalam teks", "en": "Figures stated in the prose"},
        "kesamaan": {"id": "Sel beberapa tabel yang harus sama (bahasa aturan)",
                     "en": "Cells of several tables that must agree (rule language)"},
    },
    "Place": {
        "peran": {"id": "Fungsi tempat: renstra, pk, pengukuran, analisis, anggaran, ...",
                  "en": "What the place is for: renstra, pk, pengukuran, analisis, anggaran, ..."},
        "baris": {"id": "Baris tempat ini, nilai persis seperti tercetak",
                  "en": "The rows of this place, values exactly as printed"},
        "gaya_angka": {"id": "Gaya angka tempat ini bila berbeda dari laporan",
                       "en": "This place's number style where it differs from the report's"},
    },
    "Row": {
        "id": {"id": "Id entitas yang ditampilkan baris ini", "en": "The id of the entity the row shows"},
        "nomor": {"id": "Nomor seperti tercetak", "en": "The number as printed"},
        "teks": {"id": "Nama seperti tercetak di tempat ini", "en": "The name as printed here"},
        "target": {"id": "Target tahun laporan, seperti tercetak", "en": "The year's target, as printed"},
        "target_akhir": {"id": "Target akhir periode Renstra", "en": "The Renstra end target"},
        "realisasi": {"id": "Realisasi tahun laporan", "en": "The year's realisation"},
        "capaian": {"id": "Capaian seperti tercetak (%)", "en": "The capaian as printed (%)"},
        "kategori": {"id": "Kategori capaian seperti tercetak", "en": "The capaian category as printed"},
        "pagu": {"id": "Pagu anggaran", "en": "The budget (pagu)"},
        "realisasi_anggaran": {"id": "Realisasi anggaran", "en": "The budget spent"},
        "persen_anggaran": {"id": "Persentase penyerapan anggaran", "en": "The budget absorption (%)"},
        "efisiensi": {"id": "Tingkat efisiensi seperti tercetak", "en": "The efficiency as printed"},
    },
    "Indikator": {
        "tipe": {"id": "kualitatif, absolut, persentase, rasio, rata-rata atau indeks",
                 "en": "kualitatif, absolut, persentase, rasio, rata-rata or indeks"},
        "polaritas": {"id": "Hanya bila laporan menyatakannya; selain itu aturan yang menentukan",
                      "en": "Only where the report declares it; the rules decide otherwise"},
        "skala": {"id": "Tingkat skala kualitatif, dari rendah ke tinggi",
                  "en": "The levels of a qualitative scale, low to high"},
    },
}


def _models() -> dict[str, type[BaseModel]]:
    return {name: value for name, value in vars(model).items()
            if isinstance(value, type) and issubclass(value, BaseModel)}


def _annotation(cls: type, field: str) -> str:
    for klass in cls.__mro__:
        found = getattr(klass, "__annotations__", {}).get(field)
        if found is not None:
            return found if isinstance(found, str) else typing.get_type_hints(klass).get(field, "")
    return ""


def _one_or_many(cls: type[BaseModel]) -> set[str]:
    """The list fields a ``mode='before'`` validator lets be written as one value."""
    fields: set[str] = set()
    for decorator in cls.__pydantic_decorators__.field_validators.values():
        if decorator.info.mode == "before":
            fields.update(decorator.info.fields)
    return fields


def _raw_numbers(schema: object) -> object:
    """A ``Raw`` text may be an unquoted number in YAML: every string in it may be a number."""
    if isinstance(schema, dict):
        if schema.get("type") == "string" and "enum" not in schema and "pattern" not in schema:
            return {**schema, "type": ["string", "number"]}
        return {key: _raw_numbers(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_raw_numbers(item) for item in schema]
    return schema


def data_schema(lang: str = "id") -> dict:
    schema = model.Report.model_json_schema()
    definitions = schema["$defs"]
    for name, cls in _models().items():
        target = schema if cls is model.Report else definitions.get(name)
        if target is None or "properties" not in target:
            continue
        many = _one_or_many(cls)
        for field, prop in target["properties"].items():
            if field in many:
                target["properties"][field] = {"anyOf": [{"type": "string"}, prop],
                                               **{k: prop[k] for k in ("title", "default")
                                                  if k in prop}}
                prop = target["properties"][field]
            if RAW in _annotation(cls, field):
                target["properties"][field] = prop = _raw_numbers(prop)
            text = DESCRIPTIONS.get(name, {}).get(field)
            if text:
                prop["description"] = text.get(lang) or text["id"]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **{key: value for key, value in schema.items()
               if key not in ("title",)},
            "title": "sakip-lint data file (format sakip-lint/1)"}
