"""Excel in: the Pergub Kaltim 75/2011 forms as a body fills them in a workbook (Perjanjian
Kinerja, Pengukuran Kinerja, Pengukuran Kinerja Kegiatan), and a plain workbook with one
sheet per table; findings located as Sheet!Cell."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from sakip_lint.cli import main
from sakip_lint.engine import check_file
from sakip_lint.messages import render_origin
from sakip_lint.ruleset import load_ruleset

RULES = load_ruleset()
BODY = "Biro Organisasi Sekretariat Daerah Provinsi Contoh"


def forms(path) -> None:
    """PK, Pengukuran and PKK sheets, with merged sasaran and programme cells, a row of column
    numbers and numbers stored as numbers (percentages as fractions shown with '%')."""
    book = Workbook()
    pk = book.active
    pk.title = "PK"
    pk.append(["PERJANJIAN KINERJA TAHUN 2017"])
    pk.append([f"SKPD : {BODY}"])
    pk.append(["Tahun Anggaran : 2017"])
    pk.append([])
    pk.append(["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Program/Kegiatan", "Anggaran"])
    pk.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    pk.append([1, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "Nilai", 70,
               "Program Peningkatan Akuntabilitas", 150000000])
    pk.append([None, None, "Persentase rekomendasi LHE yang ditindaklanjuti", "%", 90, None, None])
    pk.append([2, "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "Indeks", 80,
               "Program Peningkatan Pelayanan Publik", 200000000])
    for cells in ("A7:A8", "B7:B8", "F7:F8", "G7:G8"):
        pk.merge_cells(cells)
    pk["G7"].number_format = pk["G9"].number_format = "#,##0"
    pk.append([])
    pk.append(["Jumlah Anggaran : Rp 350.000.000"])
    measured = book.create_sheet("Pengukuran")
    measured.append(["PENGUKURAN KINERJA"])
    measured.append([f"Nama SKPD : {BODY}"])
    measured.append(["Tahun Anggaran : 2017"])
    measured.append(["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "%"])
    measured.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    measured.append([1, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", 70, 63, 0.95])
    measured.append([None, None, "Persentase rekomendasi LHE yang ditindaklanjuti", 85, 85, 1])
    measured.append([2, "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", 80, 82.15, 1.0269])
    for cells in ("A6:A7", "B6:B7"):
        measured.merge_cells(cells)
    for row in (6, 7, 8):
        measured[f"F{row}"].number_format = "0.00%"
    activities = book.create_sheet("PKK")
    activities.append(["PENGUKURAN KINERJA KEGIATAN"])
    activities.append(["Tahun 2017"])
    activities.append([f"Instansi/Unit Organisasi : {BODY}"])
    activities.append(["Program", "Kegiatan", None, None, None, None,
                       "Persentase Pencapaian Rencana Tingkat Capaian (Target)", "Keterangan"])
    activities.append([None, "Uraian", "Indikator Kinerja", "Satuan", "Rencana Tingkat Capaian (Target)",
                       "Realisasi", None, None])
    activities.append([1, 2, 3, 4, 5, 6, 7, 8])
    activities.append(["Program Peningkatan Akuntabilitas", "Penyusunan LKjIP", "Keluaran: Dokumen LKjIP",
                       "Dokumen", 1, 1, 1, None])
    activities.append([None, None, "Hasil: LKjIP tepat waktu", "%", 100, 90, 0.95, None])
    for cells in ("B4:F4", "A4:A5", "G4:G5", "H4:H5", "A7:A8", "B7:B8"):
        activities.merge_cells(cells)
    activities["G7"].number_format = activities["G8"].number_format = "0%"
    book.save(path)


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "pk-2017.xlsx"
    forms(path)
    return path


def test_the_forms_import_and_check_with_findings_at_their_cells(workbook):
    result = check_file(workbook, RULES)
    assert result.usable, [f.message("en") for f in result.findings]
    report = result.loaded.report
    assert report.instansi == BODY and report.tahun == 2017 and report.kutipan
    assert [place.peran.value for place in report.tempat.values()] == ["pk", "pengukuran", "pengukuran"]
    located = {(f.code, f.location.subject.id): render_origin(f.location.origin, "id") for f in result.findings}
    # Nilai SAKIP: 63 / 70 x 100 = 90,00, the sheet shows 95,00 % (cell F6 of Pengukuran)
    assert located[("CAP001", "IK-01")] == "Pengukuran!F6"
    # the second indicator's target is 90 in the PK (E8) and 85 in the measurement form (D7)
    assert located[("ALN001", "IK-02")] == "Pengukuran!D7"
    # the outcome of the activity: 90 / 100 x 100 = 90, the PKK shows 95 % (G8)
    outcome = next(f.location.subject.id for f in result.findings if render_origin(f.location.origin, "id") == "PKK!G8")
    assert report.entity(outcome).teks == "Hasil: LKjIP tepat waktu"
    # 82,15 / 80 x 100 = 102,6875, shown 102,69 %: right; 85 / 85 = 100 %: right
    assert {code for code, _ in located} == {"CAP001", "ALN001"}
    assert len(result.findings) == 3


def test_merged_cells_give_each_indicator_its_sasaran_and_each_programme_its_budget(workbook):
    report = check_file(workbook, RULES).loaded.report
    rows = {row.id: row for row in report.tempat["PK"].baris}
    assert rows["IK-02"].sasaran == ("S-01",) and rows["IK-03"].sasaran == ("S-02",)
    assert rows["P-01"].pagu == "150.000.000" and rows["P-01"].sasaran == ("S-01",)
    measured = {row.id: row for row in report.tempat["Pengukuran"].baris}
    assert measured["IK-01"].capaian == "95,00%" and measured["IK-03"].realisasi == "82,15"
    activity = next(row for row in report.tempat["PKK"].baris if row.teks == "Penyusunan LKjIP")
    assert activity.program == ("P-01",)  # the programme printed merged beside it


def test_a_plain_workbook_has_one_table_per_sheet(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.1"
    sheet.append(["Pengukuran Kinerja Tahun 2022"])  # the year, in the title above the header
    sheet.append(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"])
    sheet.append([1, "Jumlah dokumen perencanaan", 10, 8, 90])  # 8 / 10 = 80 %, not 90
    generic = book.create_sheet("Tabel 1.2")
    generic.append(["No", "Golongan", "Pria", "Wanita", "Jumlah"])
    generic.append([1, "Golongan IV", 3, 2, 5])
    generic.append([2, "Golongan III", 10, 6, 16])
    generic.append([None, "Jumlah", 13, 8, 20])  # 5 + 16 = 21
    path = tmp_path / "tabel.xlsx"
    book.save(path)
    result = check_file(path, RULES)
    located = {f.code: render_origin(f.location.origin, "en") for f in result.findings}
    assert located["CAP001"] == "'Tabel 3.1'!E3"
    assert "'Tabel 1.2'!E4" in located.values()
    table = result.loaded.report.tabel[0]
    assert (table.id, table.kolom_label, table.kolom_total, table.baris_total) == (
        "tabel-1.2", "Golongan", "Jumlah", ["Jumlah"])


def test_import_writes_the_forms_data_file(workbook, capsys):
    assert main(["import", str(workbook)]) == 0
    captured = capsys.readouterr()
    assert '"PK":' in captured.out and "peran: pk" in captured.out
    assert "3 tempat" in captured.err


def test_the_rkt_form_with_its_column_numbers_in_the_headers(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Formulir RKT"
    sheet.append(["RENCANA KINERJA TAHUNAN"])
    sheet.append([f"Instansi/Unit Organisasi : {BODY}"])
    sheet.append(["Tahun Anggaran : 2018"])
    sheet.append(["Sasaran Strategis (1)", "Indikator Kinerja (2)", "Target (3)"])
    sheet.append(["Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", 72])
    sheet.append([None, "Persentase rekomendasi LHE yang ditindaklanjuti", "95%"])
    sheet.merge_cells("A5:A6")
    path = tmp_path / "rkt.xlsx"
    book.save(path)
    result = check_file(path, RULES)
    assert result.usable
    report = result.loaded.report
    assert (report.tahun, report.dokumen.value) == (2018, "RKT")
    (name, place), = report.tempat.items()
    assert (name, place.peran.value) == ("Formulir RKT", "rkt")
    assert [(row.id, row.target) for row in place.baris] == [("S-01", None), ("IK-01", "72"), ("IK-02", "95%")]
    origins = result.loaded.source.origins
    assert render_origin(origins[("tempat", name, "baris", "2", "target")], "id") == "'Formulir RKT'!C6"


def test_a_workbook_that_gives_no_year_is_imported_for_the_compiler_and_not_checked(tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.1"
    sheet.append(["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"])
    sheet.append([1, "Jumlah dokumen perencanaan", 10, 8, 90])
    path = tmp_path / "tanpa-tahun.xlsx"
    book.save(path)
    result = check_file(path, RULES)
    assert not result.usable and [f.code for f in result.findings] == ["LOAD010"]
    assert "does not say its report year" in result.findings[0].message("en")
    # the import still writes the data file, asking the compiler for the year
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "# PERIKSA: tahun laporan tidak ditemukan; tulis tahunnya\ntahun: 0\n" in out
