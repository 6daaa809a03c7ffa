"""Shared helpers: small report files written on the fly, and the bundled real fixture."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "kaltim-2017" / "lkjip-setda-kaltim-2017.yaml"

_CACHE = tempfile.mkdtemp(prefix="sakip-lint-test-cache-")


def pytest_configure(config):
    """The compiled rules of the test run are cached in a folder of their own (the commands
    run in subprocesses too), never in the user's cache; before collection, since test modules
    load rules when imported."""
    os.environ["SAKIP_LINT_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE, ignore_errors=True)


MINI = """\
format: sakip-lint/1
instansi: Contoh
tahun: 2017
gaya_angka: id
visi:
  - {id: V, teks: Visi contoh}
misi:
  - {id: M-1, teks: Misi satu, visi: V}
tujuan:
  - {id: T-1, teks: Tujuan satu, misi: M-1}
sasaran:
  - {id: S-01, teks: Sasaran satu, tujuan: T-1}
indikator:
  - {id: IK-01, teks: Jumlah dokumen, sasaran: S-01, tipe: absolut}
tempat:
  3.3 Sasaran 1:
    peran: analisis
    baris:
      - {id: IK-01, target: "610", realisasi_tahun: {2016: "400"}, realisasi: "429"}
  3.3 Sasaran 1 Renstra:
    peran: analisis_renstra
    baris:
      - {id: IK-01, target_akhir: "650", realisasi: "429", capaian: "66,00"}
  Tabel 3.5:
    peran: efisiensi
    baris:
      - {id: S-01, capaian: "70,33", persen_anggaran: "90,00", efisiensi: "(19,67)"}
  Tabel 3.7:
    peran: anggaran
    baris:
      - {id: S-01, pagu: "1.000.000,-", realisasi_anggaran: "900.000,-", persen_anggaran: "90,00"}
  Tabel 3.1:
    peran: pengukuran
    baris:
      - {id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "70,33"}
"""
MEASUREMENT_LINE = MINI.splitlines().index(
    '      - {id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "70,33"}') + 1


def report_text(indicators: str = "", rows: str = "", extra: str = "") -> str:
    """A valid report with one sasaran and nothing to report; ``indicators`` and ``rows`` add
    indicator entities and measurement rows (YAML list items, unindented)."""
    text = MINI
    if indicators:
        text = text.replace("tempat:\n", textwrap.indent(textwrap.dedent(indicators), "  ")
                            + "tempat:\n")
    if rows:
        text += textwrap.indent(textwrap.dedent(rows), "      ")
    return text + textwrap.dedent(extra)


@pytest.fixture
def write(tmp_path):
    """Write text to a file in a temporary folder and return its path."""

    def _write(text: str, name: str = "report.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
