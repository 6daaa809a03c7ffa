"""Excel out: ``capaian --format xlsx -o FILE`` writes the measurement form with the computed
capaian beside the stated one, differing cells highlighted; opened again with openpyxl."""

from __future__ import annotations

from openpyxl import load_workbook

from conftest import FIXTURE
from sakip_lint.cli import main
from sakip_lint.xlsx_export import DIFFERS, ROUNDING


def _rows(sheet):
    return {str(row[2].value).split()[0]: row for row in sheet.iter_rows(min_row=7) if row[2].value}


def test_the_measurement_form_holds_the_computed_values(tmp_path):
    out = tmp_path / "pkk.xlsx"
    assert main(["capaian", str(FIXTURE), "--format", "xlsx", "-o", str(out)]) == 0
    book = load_workbook(out)
    sheet = book["PKK"]
    assert sheet["A1"].value == "PENGUKURAN KINERJA"
    assert sheet["A2"].value == "Instansi/Unit Organisasi : Sekretariat Daerah Provinsi Kalimantan Timur"
    rows = _rows(sheet)
    # IK-04: 429 / 610 x 100 = 70,3279 -> 70,33 beside the printed 70,32 (rounding: yellow)
    ik04 = rows["IK-04"]
    assert (ik04[6].value, ik04[7].value) == ("70,32", 70.33)
    assert ik04[6].fill.fgColor.rgb.endswith(ROUNDING) and ik04[7].fill.fgColor.rgb.endswith(ROUNDING)
    # IK-01: 'Tinggi' on the scale Rendah < Sedang < Tinggi < Sangat Tinggi is 3 / 4 = 75 %,
    # printed as the word 'Tinggi' (red)
    ik01 = rows["IK-01"]
    assert (ik01[6].value, ik01[7].value) == ("Tinggi", 75)
    assert ik01[6].fill.fgColor.rgb.endswith(DIFFERS)
    # IK-02: 93 / 90 x 100 = 103,33, printed 103,33: no colour
    ik02 = rows["IK-02"]
    assert (ik02[6].value, ik02[7].value) == ("103,33", 103.33)
    assert ik02[6].fill.fgColor.rgb in ("00000000", None)
    # IK-03 has no realisation: no capaian, and the reason
    assert rows["IK-03"][7].value is None and rows["IK-03"][11].value
    sasaran = {row[0].value.split()[0]: row for row in book["Sasaran"].iter_rows(min_row=2) if row[0].value}
    # S-01: its one indicator IK-01 at 75 %; Tabel 3.5 prints 100 (red)
    assert sasaran["S-01"][1].value == 75 and sasaran["S-01"][2].fill.fgColor.rgb.endswith(DIFFERS)


def test_xlsx_needs_a_file_to_write_to(capsys):
    assert main(["capaian", str(FIXTURE), "--format", "xlsx"]) == 2
    assert "-o BERKAS.xlsx" in capsys.readouterr().err


def test_the_other_formats_can_be_written_to_a_file(tmp_path):
    out = tmp_path / "capaian.md"
    assert main(["capaian", str(FIXTURE), "--format", "markdown", "-o", str(out)]) == 0
    assert "IK-04" in out.read_text(encoding="utf-8")


def test_texts_of_the_data_are_text_in_the_workbook(tmp_path):
    clean = (FIXTURE.parents[1] / "bad" / "data" / "clean.yaml").read_text(encoding="utf-8")
    name = "x" * 40_000  # within max_scalar_chars, beyond the 32 767 characters of a cell
    hostile = (clean.replace("teks: Jumlah dokumen", "teks: \"Jumlah\\e]0;judul\\a dokumen\"")
               .replace('target: "610", realisasi: "429", capaian', 'target: "=1+1", realisasi: "429", capaian')
               .replace("teks: Sasaran satu", f"teks: {name}"))
    assert hostile.count("=1+1") == 1 and name in hostile
    data = tmp_path / "laporan.yaml"
    data.write_text(hostile, encoding="utf-8")
    out = tmp_path / "pkk.xlsx"
    # openpyxl refused ESC and BEL: an internal error, exit 2
    assert main(["capaian", str(data), "--format", "xlsx", "-o", str(out)]) == 0
    row = next(load_workbook(out)["PKK"].iter_rows(min_row=7, max_row=7))
    assert row[2].value == "IK-01 Jumlah\\x1b]0;judul\\x07 dokumen"
    # '=1+1' is the text the report prints, not a formula Excel would compute (or a
    # =HYPERLINK it would make clickable)
    assert row[4].value == "=1+1" and row[4].data_type == "s"
    assert len(row[1].value) <= 32_767 and row[1].value.startswith("x" * 1000)
    assert row[1].value.endswith(f"…(+{40_000 - (32_767 - 40)})")
