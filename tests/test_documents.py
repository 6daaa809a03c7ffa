"""What a file is decides what it must contain: excerpts, kinds of document, and the habits of
one place (its number style, a column's) that differ from the report's."""

from __future__ import annotations

from sakip_lint.cli import main
from sakip_lint.engine import check_file
from sakip_lint.ruleset import load_ruleset

# One table of a kabupaten's LKjIP 2019 (Tabel 3.1 Pencapaian Kinerja, two rows): no visi,
# misi or tujuan, a sasaran without its tujuan, no PK, no Renstra, no budget.
EXCERPT = """\
format: sakip-lint/1
instansi: Inspektorat Daerah Kabupaten Contoh
tahun: 2019
gaya_angka: id
kutipan: true
sasaran:
  - {id: S-1, teks: Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah}
indikator:
  - {id: IK-1, teks: Persentase tindak lanjut hasil pemeriksaan, sasaran: S-1, tipe: persentase}
  - {id: IK-2, teks: Jumlah temuan berulang, sasaran: S-1, tipe: absolut}
tempat:
  Tabel 3.1:
    peran: pengukuran
    baris:
      - {id: IK-1, target: "85", realisasi: "87,5", capaian: "102,94"}
      - {id: IK-2, target: "10", realisasi: "12", capaian: "80"}
"""

COMPLETENESS = ("KLP001", "KLP002", "KLP003", "KLP005", "KLP006", "KLP007", "GRF001", "GRF002",
                "GRF003")


def codes(path) -> list[str]:
    return [finding.code for finding in check_file(path, load_ruleset()).findings]


def test_an_excerpt_needs_no_chain_and_gets_no_completeness_findings(tmp_path):
    path = tmp_path / "kutipan.yaml"
    path.write_text(EXCERPT, encoding="utf-8")
    found = codes(path)
    assert not [code for code in found if code.startswith("LOAD")]
    assert not set(found) & set(COMPLETENESS), found
    # its arithmetic is still checked: 87,5 / 85 = 102,94 is right; IK-2 is negative (temuan):
    # (10 - (12 - 10)) / 10 * 100 = 80 is right too
    assert "CAP001" not in found


def test_the_same_table_as_a_whole_document_must_give_its_links(tmp_path, capsys):
    path = tmp_path / "utuh.yaml"
    path.write_text(EXCERPT.replace("kutipan: true\n", ""), encoding="utf-8")
    assert main(["check", str(path), "--format", "plain", "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"{path}:6:10: LOAD002" in out and "names no objective (tujuan)" in out


def test_whole_documents_get_completeness_findings_only_where_their_kind_requires(tmp_path):
    whole = EXCERPT.replace("kutipan: true\n", "").replace(
        "sasaran:\n  - {id: S-1, teks: Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah}",
        "visi:\n  - {id: V, teks: Visi}\nmisi:\n  - {id: M-1, teks: Misi, visi: V}\n"
        "tujuan:\n  - {id: T-1, teks: Tujuan, misi: M-1}\n"
        "sasaran:\n  - {id: S-1, teks: Meningkatnya akuntabilitas, tujuan: T-1}")
    lkjip, renstra = tmp_path / "lkjip.yaml", tmp_path / "renstra.yaml"
    lkjip.write_text(whole, encoding="utf-8")
    renstra.write_text(whole.replace("gaya_angka: id", "gaya_angka: id\ndokumen: Renstra"),
                       encoding="utf-8")
    # an LKjIP compares with last year (KLP002); a Renstra has no last year's realisasi to show
    assert "KLP002" in codes(lkjip)
    assert "KLP002" not in codes(renstra)
    assert "KLP005" in codes(renstra)  # a Renstra must give its baselines


# A whole Perjanjian Kinerja: it commits to sasaran and their indicators and the programmes
# that serve them; it prints no visi, misi or tujuan above them.
WHOLE_PK = """\
format: sakip-lint/1
instansi: Dinas Contoh Kabupaten Contoh
tahun: 2022
dokumen: PK
gaya_angka: id
sasaran:
  - {id: S-1, teks: Meningkatnya kualitas pelayanan publik}
indikator:
  - {id: IK-1, teks: Indeks Kepuasan Masyarakat, sasaran: S-1, tipe: indeks}
program:
  - {id: P-1, teks: Program Penunjang Urusan Pemerintahan, sasaran: S-1}
kegiatan:
  - {id: K-1, teks: Administrasi Umum Perangkat Daerah}
tempat:
  Perjanjian Kinerja:
    peran: pk
    baris:
      - {id: IK-1, target: "82"}
"""


def test_a_whole_pk_starts_at_its_sasaran_but_keeps_the_budget_links(tmp_path, capsys):
    path = tmp_path / "pk.yaml"
    path.write_text(WHOLE_PK.replace("  - {id: K-1, teks: Administrasi Umum Perangkat Daerah}\n",
                                     "  - {id: K-1, teks: Administrasi Umum Perangkat Daerah, program: P-1}\n"),
                    encoding="utf-8")
    found = codes(path)
    # no tujuan above S-1 is asked for: a PK does not print the chain above its sasaran
    assert not [code for code in found if code.startswith("LOAD")], found
    # the kegiatan without its programme is still a missing link in a whole PK (line 13, col 10)
    path.write_text(WHOLE_PK, encoding="utf-8")
    assert main(["check", str(path), "--format", "plain", "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"{path}:13:10: LOAD002" in out and "'K-1' names no programme" in out
    assert "names no objective" not in out
    # the same sasaran in a whole LKjIP must name its tujuan
    path.write_text(WHOLE_PK.replace("dokumen: PK", "dokumen: LKjIP"), encoding="utf-8")
    assert main(["check", str(path), "--format", "plain", "--lang", "en"]) == 2
    assert f"{path}:7:10: LOAD002" in capsys.readouterr().out


# One table of an RPJMD (a tujuan, its sasaran and indicator): the misi above the tujuan and
# the visi above the misi are not in the excerpt, and a misi printed without its visi.
CHAINLESS = """\
format: sakip-lint/1
instansi: Pemerintah Provinsi Contoh
tahun: 2019
dokumen: RPJMD
gaya_angka: id
kutipan: true
misi:
  - {id: M-2, teks: Mewujudkan pelayanan publik yang prima}
tujuan:
  - {id: T-1.1, teks: Terwujudnya manusia yang berketuhanan}
sasaran:
  - {id: S-1.1.1, teks: Meningkatnya kerukunan umat beragama, tujuan: T-1.1}
indikator:
  - {id: IK-1, teks: Indeks Kerukunan Umat Beragama, sasaran: S-1.1.1, tipe: indeks, baseline: "68,5"}
program:
  - {id: P-1, teks: Program Pembinaan Kerukunan, sasaran: S-1.1.1}
kegiatan:
  - {id: K-1, teks: Fasilitasi Forum Kerukunan}
tempat:
  Buku Tabel:
    peran: renstra
    baris:
      - {id: T-1.1, nomor: "1.1"}
      - {id: S-1.1.1, nomor: "1.1.1", tujuan: T-1.1}
      - {id: IK-1, sasaran: S-1.1.1, target_tahun: {2019: "69"}, target_akhir: "72"}
"""


def test_an_excerpt_needs_no_invented_chain_above_what_it_prints(tmp_path):
    path = tmp_path / "tanpa-rantai.yaml"
    path.write_text(CHAINLESS, encoding="utf-8")
    found = codes(path)
    # no misi under the tujuan, no visi above the misi, no programme above the kegiatan: all
    # loads, and no linkage rule asks for the missing levels
    assert not [code for code in found if code.startswith(("LOAD", "GRF"))], found


def test_a_whole_document_still_names_every_level(tmp_path, capsys):
    path = tmp_path / "utuh-tanpa-rantai.yaml"
    path.write_text(CHAINLESS.replace("kutipan: true\n", ""), encoding="utf-8")
    assert main(["check", str(path), "--format", "plain", "--lang", "en"]) == 2
    out = capsys.readouterr().out
    # each missing link located at the id of the entity that should give it (line:col)
    assert f"{path}:7:10: LOAD002" in out and "'M-2' names no vision (visi)" in out
    assert f"{path}:9:10: LOAD002" in out and "'T-1.1' names no mission (misi)" in out
    assert f"{path}:17:10: LOAD002" in out and "'K-1' names no programme" in out


# Tabel 19 of a provincial secretariat's LKjIP 2021: amounts in Indonesian style, the % column
# with a decimal point, as printed.
MIXED = """\
format: sakip-lint/1
instansi: Sekretariat Daerah Provinsi Contoh
tahun: 2021
gaya_angka: id
kutipan: true
program:
  - {id: P-1, teks: Program Pemerintahan dan Otonomi Daerah}
kegiatan:
  - {id: K-1, teks: Fasilitasi Kerjasama Daerah, program: P-1}
tempat:
  Tabel 19:
    peran: anggaran
    gaya_kolom: {persen_anggaran: en}
    baris:
      - {id: K-1, pagu: "216.194.000", realisasi_anggaran: "188.957.200", persen_anggaran: "87.4"}
"""


def test_a_column_may_keep_its_own_number_style(tmp_path):
    path = tmp_path / "kolom.yaml"
    path.write_text(MIXED, encoding="utf-8")
    # 188.957.200 / 216.194.000 = 87,40 %: right, and '87.4' is the column's declared style
    assert codes(path) == []
    path.write_text(MIXED.replace("    gaya_kolom: {persen_anggaran: en}\n", ""), encoding="utf-8")
    assert codes(path) == ["NUM003"]  # undeclared, the decimal point is a style note
    path.write_text(MIXED.replace("gaya_kolom: {persen_anggaran: en}", "gaya_angka: en"),
                    encoding="utf-8")
    # the whole place declared in English style: the amounts with points for thousands still
    # read (they can be nothing else) but go against it; one habit of the place, reported
    # once, with the other column's cell as the same cause
    found = [f for f in check_file(path, load_ruleset()).findings if f.code == "NUM003"]
    assert len(found) == 1
    assert {found[0].location.pointer, *(l.pointer for l in found[0].same_cause)} == {
        "/tempat/Tabel 19/baris/0/pagu", "/tempat/Tabel 19/baris/0/realisasi_anggaran"}


def test_a_space_after_the_minus_reads_as_negative_with_a_style_note(tmp_path):
    path = tmp_path / "minus.yaml"
    path.write_text(MIXED.replace('persen_anggaran: "87.4"', 'persen_anggaran: "87,40"')
                    .replace("    gaya_kolom: {persen_anggaran: en}\n", "")
                    .replace('realisasi_anggaran: "188.957.200"', 'realisasi_anggaran: "- 28,39%"'),
                    encoding="utf-8")
    result = check_file(path, load_ruleset())
    notes = [f for f in result.findings if f.code == "NUM003"]
    assert len(notes) == 1 and "space after the minus" in notes[0].message("en")
    assert not [f for f in result.findings if f.code == "NUM002"]
