"""The steps of the importer one by one: item numbers, headers, roles, names, claims, the
data file's escaping, and what a file really is."""

from __future__ import annotations

import pytest
import yaml

from minimal_docx import document, paragraph, table
from sakip_lint.importing import import_content
from sakip_lint.importing.classify import table_role
from sakip_lint.importing.claims import sentences
from sakip_lint.importing.container import check_package
from sakip_lint.importing.document import Cell, Table
from sakip_lint.importing.generic import _range_text
from sakip_lint.importing.headers import header_depth, read_layout
from sakip_lint.importing.matching import similarity
from sakip_lint.importing.text import bare_number, split_number
from sakip_lint.importing.writer import dump, quoted
from sakip_lint.loader import compose


def grid(*rows, merged_down=(), merged_across=()) -> Table:
    """A table from text rows; (r, c) in ``merged_down`` continue the cell above, in
    ``merged_across`` the cell to their left."""
    cells = []
    for r, row in enumerate(rows):
        line = []
        for c, text in enumerate(row):
            if (r, c) in merged_down:
                line.append(Cell(cells[r - 1][c].text, top=False))
            elif (r, c) in merged_across:
                line.append(Cell(line[c - 1].text, left=False))
            else:
                line.append(Cell(text))
        cells.append(line)
    return Table(1, tuple(tuple(line) for line in cells))


@pytest.mark.parametrize("text,expected", [
    ("1 Predikat LPPD", ("1", "Predikat LPPD")),
    ("(2) Meningkatkan tertib", ("(2)", "Meningkatkan tertib")),
    ("a. Terwujudnya produk", ("a.", "Terwujudnya produk")),
    ("IX. Terwujudnya pelayanan", ("IX.", "Terwujudnya pelayanan")),
    ("I Gusti Ngurah", (None, "I Gusti Ngurah")),  # a name, not a number
    ("2.1.8 Program", (None, "2.1.8 Program")),  # a section number, not an item
    ("- Program Penataan", (None, "Program Penataan")),
])
def test_item_numbers(text, expected):
    assert split_number(text) == expected


def test_roman_and_arabic_numbers_compare():
    assert bare_number("IX.") == bare_number("9") == "9"
    assert bare_number("(4)") == "4" and bare_number("a.") == "a"


def test_a_header_over_two_rows_is_one_header():
    two = grid(["No", "Indikator Kinerja", "Realisasi", ""], ["", "", "2016", "2017"],
               ["1", "Predikat LPPD", "Tinggi", "Tinggi"],
               merged_down={(1, 0), (1, 1)}, merged_across={(0, 3)})
    assert header_depth(two) == 2
    layout = read_layout(two, report_year=2017)
    assert [c.name for c in layout.columns] == ["No", "Indikator Kinerja", "Realisasi 2016", "Realisasi 2017"]
    assert [(c.field, c.year) for c in layout.columns[2:]] == [("realisasi_tahun", 2016), ("realisasi", 2017)]
    assert layout.columns[0].number_of == "indikator"


def test_a_header_spanning_a_number_column_and_a_row_of_column_numbers():
    spanned = grid(["Sasaran Strategis", "", "Target"], ["1", "2", "3"],
                   ["1", "Meningkatnya Kualitas LPPD", "Sangat Tinggi"], merged_across={(0, 1)})
    layout = read_layout(spanned)
    assert layout.header_rows == 1 and layout.skipped_rows == {1}
    assert (layout.columns[0].number_of, layout.columns[1].kind) == ("sasaran", "sasaran")
    # a data row under a spanning header is no second header row: '1' is a figure
    assert header_depth(grid(["Sasaran Strategis", "", "Satuan"], ["1", "Meningkatnya", "Predikat"],
                             merged_across={(0, 1)})) == 1


def test_roles_from_the_caption_the_context_and_the_columns():
    pk = read_layout(grid(["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]))
    assert table_role(pk, "Perjanjian Kinerja Tahun 2017", []) == "pk"
    assert table_role(pk, "Sasaran Strategis Tahun 2017", ["Adapun Rencana Kinerja Tahunan 2015 ..."]) == "rkt"
    budget = read_layout(grid(["No", "Sasaran", "Pagu", "Realisasi", "% Capaian"]))
    assert table_role(budget, "Alokasi Sasaran dan program", []) == "anggaran"
    assert [c.field for c in budget.columns[2:]] == ["pagu", "realisasi_anggaran", "persen_anggaran"]
    names = read_layout(grid(["No", "Tujuan", "Sasaran"]))
    assert table_role(names, "Pengukuran", []) == "matriks"  # no values: a linkage matrix


def test_names_reworded_are_close_and_different_names_are_not():
    assert similarity("Jumlah Penegasan Titik Batas", "Jumlah Penegasan Titik Batas melalui pemasangan pilar") == 90
    tujuan = "Mewujudkan kepastian batas antar wilayah, penataan daerah dan optimalisasi kerjasama"
    assert similarity("optimalisasi kerjasama", tujuan) == 90  # every word of it stands in the tujuan
    assert similarity("penataan daerah dan optimal", tujuan) == 85  # a fragment, cut inside a word
    assert similarity("Program/ Kegiatan", "program/kegiatan") == 100
    assert similarity("Tersusunnya LPPD", "Terselenggaranya SIAK dan NIK Nasional") < 50


def test_sentences_do_not_end_at_abbreviations_or_decimals():
    text = "Realisasi sebesar Rp. 140.683.588.839,- atau 86,56%. Capaian 83.34% dengan interpretasi Baik."
    assert sentences(text) == ["Realisasi sebesar Rp. 140.683.588.839,- atau 86,56%.",
                               "Capaian 83.34% dengan interpretasi Baik."]


@pytest.mark.parametrize("printed,written", [
    (">100", "> 100"), ("85 % - 100 %", "85 - 100"), ("70% - < 85%", "70 - < 85"), ("<55 %", "< 55"),
    ("Baik", None),
])
def test_printed_ranges_in_the_rule_language(printed, written):
    assert _range_text(printed) == written


@pytest.mark.parametrize("text", ['say "hi" # not a comment', "a: b", "tab\there", "line\nbreak",
                                  "esc \x1b[2J", "\u202ekanan", "back\\slash", "- dash", "null", "'quote'"])
def test_every_text_reads_back_exactly_from_the_data_file(text):
    written = dump({"format": "sakip-lint/1", "instansi": text, "tahun": 2017,
                    "tempat": {text: {"peran": "prosa"}}}, {("instansi",): [f"catatan {text}"]})
    data, source, findings = compose("x.yaml", written.encode("utf-8"))
    assert not findings and data["instansi"] == text and list(data["tempat"]) == [text]
    assert "\x1b" not in written and "\u202e" not in written  # shown escaped, in values and comments
    assert quoted(text).startswith('"')


@pytest.mark.parametrize("content,key", [
    (b"%PDF-1.4 ...", "import.pdf"),
    (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(100), "import.old-format"),
    (bytes.fromhex("d0cf11e0a1b11ae1") + "EncryptionInfo".encode("utf-16-le"), "import.encrypted"),
    (b"No;Indikator\n", "import.not-office"),
    (b"PK\x03\x04 broken", "import.corrupt"),
])
def test_what_a_file_really_is(content, key):
    assert check_package(content, "docx").key == key


def test_a_document_without_headings_or_captions_still_gives_its_tables():
    content = document(paragraph("PENGUKURAN KINERJA TAHUN 2017"),
                       table([["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
                              ["1", "Jumlah dokumen", "10", "8", "80"]]))
    imported = import_content("laporan.docx", content, "docx")
    data = yaml.safe_load(imported.text)
    assert data["tahun"] == 2017 and data["kutipan"] is True
    (name, place), = data["tempat"].items()
    assert place["peran"] == "pengukuran"
    assert place["baris"] == [{"id": "IK-01", "nomor": "1", "teks": "Jumlah dokumen", "target": "10",
                               "realisasi": "8", "capaian": "80"}]


def test_claims_are_read_by_their_words_and_doubtful_ones_are_left_out():
    content = document(
        paragraph("LAPORAN KINERJA TAHUN 2017", "Title"),
        paragraph("Ringkasan Eksekutif", "Heading1"),
        paragraph("Untuk tahun 2017 dengan 2 sasaran dengan indikator kinerja sebanyak 3 indikator. "
                  "Pelayanan publik dikategorikan BAIK dan MEMUASKAN. Anggaran untuk 4 sasaran tersebut "
                  "terserap."),
        paragraph("Tabel 2.8 Perjanjian Kinerja Tahun 2017", "Caption"),
        table([["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
               ["1", "Meningkatnya kualitas pelayanan", "Indeks kepuasan masyarakat", "80"],
               ["", "", "Persentase pengaduan selesai", "90"],
               ["2", "Meningkatnya akuntabilitas", "Nilai SAKIP", "70"]]))
    data = yaml.safe_load(import_content("ringkas.docx", content, "docx").text)
    claims = [(claim["tentang"], claim["nilai"]) for claim in data["klaim"]]
    # two categories in one breath, and '4 sasaran tersebut' (those named before) are no claims
    assert claims == [("jumlah_sasaran", "2"), ("jumlah_indikator", "3")]
    rows = data["tempat"]["Tabel 2.8"]["baris"]
    assert [row["id"] for row in rows] == ["S-01", "IK-01", "IK-02", "S-02", "IK-03"]
    assert rows[2]["sasaran"] == "S-01"  # a blank sasaran cell continues the one above
