"""Writing the imported report as a data file people read and correct: the layout of the
hand-made data files (one entity or row per line), comments where the importer was unsure,
and the same bytes for the same document every time (nothing depends on dictionary order,
time or the path the document was read from).

Every text from the document is written as a double-quoted YAML string with escapes for
what is not printable, so a name holding a quote, a colon, a ``#`` or a control character is
read back exactly; comments show such characters escaped (``\\x1b``) and never span lines.
"""

from __future__ import annotations

import re

from sakip_lint import escape
from sakip_lint.hierarchy import KINDS

Path_ = tuple[str, ...]

TOP_ORDER = ("format", "instansi", "tahun", "dokumen", "kutipan", "wilayah", "tingkat",
             "periode_renstra", "gaya_angka", "sumber", "skala_kategori", *KINDS, "tempat", "tabel",
             "klaim", "kesamaan")
BLOCK_ITEMS = {"tabel"}  # lists whose items are written as block mappings
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\u061c\u200e\u200f"
                          "\u202a-\u202e\u2066-\u2069\ufffe\uffff\\\\\"]")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``."""
    def escaped(match: re.Match) -> str:
        char = match.group()
        if char in _ESCAPES:
            return _ESCAPES[char]
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return '"' + _UNPRINTABLE.sub(escaped, text) + '"'


def scalar(value: object, plain_ok: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if plain_ok and _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return quoted(text)


PLAIN_KEYS = {"id", "visi", "misi", "tujuan", "sasaran", "program", "kegiatan", "urusan",
              "indikator", "peran", "tipe", "jenis", "polaritas", "tentang", "batas", "tabel",
              "di", "dokumen", "gaya_angka", "format", "capaian_terhadap"}


def _flow(value: object, key: str | None = None) -> str:
    if isinstance(value, dict):
        parts = [f"{_key(k)}: {_flow(v, str(k))}" for k, v in value.items()]
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v, key) for v in value) + "]"
    return scalar(value, plain_ok=key in PLAIN_KEYS and key not in ("di",))


def _key(key: object) -> str:
    if isinstance(key, int):
        return str(key)
    text = str(key)
    return text if _PLAIN.match(text) and text.lower() not in _RESERVED else quoted(text)


def comment_lines(notes: list[str], indent: str) -> list[str]:
    return [f"{indent}# {escape.plain(note)}" for note in notes]


def dump(data: dict, comments: dict[Path_, list[str]]) -> str:
    """The data file: ``data`` in the house layout, ``comments`` (by path) above their items."""
    lines: list[str] = []
    lines += comment_lines(comments.get((), []), "")
    for key in TOP_ORDER:
        if key not in data:
            continue
        value = data[key]
        path = (key,)
        lines += comment_lines(comments.get(path, []), "")
        if key == "tempat":
            lines.append("tempat:")
            for name, place in value.items():
                place_path = ("tempat", name)
                lines += comment_lines(comments.get(place_path, []), "  ")
                lines.append(f"  {quoted(name)}:")
                for field, item in place.items():
                    if field == "baris":
                        lines.append("    baris:")
                        for index, row in enumerate(item):
                            lines += comment_lines(comments.get(place_path + ("baris", str(index)), []), "      ")
                            lines.append(f"      - {_flow(row)}")
                    else:
                        lines.append(f"    {field}: {_flow(item, field)}")
        elif isinstance(value, list) and key in BLOCK_ITEMS:
            lines.append(f"{key}:")
            for index, item in enumerate(value):
                lines += comment_lines(comments.get(path + (str(index),), []), "  ")
                first = True
                for field, item_value in item.items():
                    lead = "  - " if first else "    "
                    first = False
                    if field == "baris":
                        lines.append(f"{lead}baris:")
                        for r, row in enumerate(item_value):
                            lines += comment_lines(comments.get(path + (str(index), "baris", str(r)), []), "      ")
                            lines.append(f"      - {_flow(row)}")
                    else:
                        lines.append(f"{lead}{field}: {_flow(item_value, field)}")
        elif isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
            lines.append(f"{key}: {_flow(value, key)}")
        elif isinstance(value, list):
            if not value:
                continue
            lines.append(f"{key}:")
            for index, item in enumerate(value):
                lines += comment_lines(comments.get(path + (str(index),), []), "  ")
                lines.append(f"  - {_flow(item)}")
        else:
            lines.append(f"{key}: {_flow(value, key)}")
    return "\n".join(lines) + "\n"
