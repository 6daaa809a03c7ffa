"""What a budget sum says it added up: the rows whose printed amounts went into it, by kind,
however many levels down the sum went."""

from __future__ import annotations

from conftest import ROOT
from sakip_lint.engine import check_file
from sakip_lint.ruleset import load_ruleset

SUMUT = ROOT / "fixtures" / "real" / "prov-sumut-setda-2021-anggaran.yaml"


def test_a_parent_share_names_the_rows_it_summed():
    # Tabel 19: programme P-1 prints only 88.6; its two kegiatan print no amounts and stand for
    # their four sub kegiatan (SK-1 under K-1; SK-2, SK-3, SK-4 under K-2), whose pagu and
    # realisasi are the ones added: 4 sub kegiatan, not "2 children"
    result = check_file(SUMUT, load_ruleset())
    share = [finding for finding in result.findings if finding.code == "BUD005"]
    assert len(share) == 1
    assert "4 sub kegiatan di bawahnya" in share[0].message("id")
    assert "of the 4 sub-activities (sub kegiatan) under it" in share[0].message("en")
    assert len(share[0].related) == 4 * 2  # pagu and realisasi of each sub kegiatan


def test_a_sum_over_two_kinds_names_both(tmp_path):
    # U-1 over P-1 (prints its pagu) and P-2 (prints none; its K-3 does): 1 programme and 1
    # kegiatan added, 2.000.000 + 1.000.000 = 3.000.000 against 3.500.000
    path = tmp_path / "dua-jenis.yaml"
    path.write_text("""\
format: sakip-lint/1
instansi: Contoh
tahun: 2022
gaya_angka: id
kutipan: true
urusan:
  - {id: U-1, teks: Bidang Urusan Pendidikan}
program:
  - {id: P-1, teks: Program Pengelolaan Pendidikan, urusan: U-1}
  - {id: P-2, teks: Program Pengembangan Kurikulum, urusan: U-1}
kegiatan:
  - {id: K-3, teks: Pengembangan Kurikulum SD, program: P-2}
tempat:
  Tabel 3.8:
    peran: anggaran
    baris:
      - {id: U-1, pagu: "3.500.000"}
      - {id: P-1, pagu: "2.000.000"}
      - {id: P-2}
      - {id: K-3, pagu: "1.000.000"}
""", encoding="utf-8")
    sums = [finding for finding in check_file(path, load_ruleset()).findings
            if finding.code == "BUD004"]
    assert len(sums) == 1 and sums[0].expected == "3.000.000"
    assert "jumlah 1 program dan 1 kegiatan di bawahnya 3.000.000" in sums[0].message("id")
    assert "the 1 programme and 1 activity (kegiatan) under it add up to" in sums[0].message("en")
