"""Rule examples: a partial data file completed with a minimal report, then checked.

Examples in rule files (``contoh gagal`` / ``contoh lulus``) and rule test cases show only
what matters to the rule; this module adds the rest (format, body, one visi, misi, tujuan and
sasaran ``S-01``) so each example is a real data file the whole tool runs on.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml

from sakip_lint.engine import FileResult, check_files
from sakip_lint.ruleset import Ruleset

BASE_REPORT = """\
format: sakip-lint/1
instansi: Contoh
tahun: 2017
gaya_angka: id
periode_renstra: [2013, 2018]
visi:
  - {id: V, teks: Visi contoh}
misi:
  - {id: M-1, teks: Misi contoh, visi: V}
tujuan:
  - {id: T-1, teks: Tujuan contoh, misi: M-1}
sasaran:
  - {id: S-01, teks: Sasaran contoh, tujuan: T-1}
tempat: {}
"""


def complete(partial: str) -> str:
    """The example merged onto the base: lists are extended (an entity with a base id replaces
    the base one), ``tempat`` merged by place, other keys replaced."""
    data = yaml.safe_load(BASE_REPORT)
    extra = yaml.safe_load(partial) or {}
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            replaced = {item.get("id") for item in value if isinstance(item, dict)}
            data[key] = [item for item in data[key] if item.get("id") not in replaced] + value
        elif key == "tempat":
            data[key] = {**data[key], **(value or {})}
        else:
            data[key] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run_example(example: str, ruleset: Ruleset) -> list[FileResult]:
    """Check an example. A line '---' separates the body from its parent body (--parent),
    which is completed the same way; the results of both files are returned."""
    body, _, parent = example.partition("\n---\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contoh.yaml"
        path.write_text(complete(body), encoding="utf-8")
        parent_path = None
        if parent.strip():
            parent_path = Path(folder) / "induk.yaml"
            parent_path.write_text(complete(parent), encoding="utf-8")
        return check_files([path], ruleset, parent_path)
