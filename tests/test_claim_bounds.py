"""A claim of the prose that states a bound says, when it fails, what it bounded: the bound
and the value, not a 'difference' from the figure."""

from __future__ import annotations

from sakip_lint.engine import check_file
from sakip_lint.ruleset import load_ruleset

BELOW = """\
format: sakip-lint/1
instansi: Contoh
tahun: 2017
gaya_angka: id
kutipan: true
sasaran:
  - {id: S-01, teks: Sasaran contoh}
indikator:
  - {id: IK-01, teks: Jumlah dokumen, sasaran: S-01, tipe: absolut}
tempat:
  Tabel 3.1:
    peran: pengukuran
    baris:
      - {id: IK-01, target: "10", realisasi: "9", capaian: "90,00"}
  Ringkasan Eksekutif: {peran: prosa}
klaim:
  - {id: K-1, di: Ringkasan Eksekutif, kutipan: "capaian kinerja kurang dari 90%",
     tentang: capaian_keseluruhan, nilai: "90%", batas: di_bawah}
"""


def test_a_failed_bound_names_the_bound_in_both_languages(tmp_path):
    # 9 / 10 x 100 = 90,00, which is not below 90: one finding, KLM005, not a CAP001 'stated
    # as 90%, should be 90,00 (difference 0,00)'
    path = tmp_path / "batas.yaml"
    path.write_text(BELOW, encoding="utf-8")
    found = check_file(path, load_ruleset()).findings
    assert [finding.code for finding in found] == ["KLM005"]
    message_id, message_en = found[0].message("id"), found[0].message("en")
    assert "menyatakan 'kurang dari 90%', padahal nilainya 90,00" in message_id
    assert "says 'below 90%', but the value is 90,00" in message_en
    assert "selisih" not in message_id and "difference" not in message_en
