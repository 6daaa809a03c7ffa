"""Category scales: the report's own scale replaces the rules' for its categories, every scale
is checked for overlaps, reversed bands and gaps, and a scale that cannot be read or used stops
the run with a located message (exit 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip_lint.cli import main
from sakip_lint.config import Band
from sakip_lint.dsl.errors import DslError
from sakip_lint.dsl.parser import parse_bound
from sakip_lint.engine import check_file
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset
from sakip_lint.scales import band_problems, interval_text

RULESET = load_ruleset()

# The scale printed by the LKjIP 2019 of the Inspektorat Kabupaten Sampang.
SAMPANG_SCALE = """\
skala_kategori:
  - {kategori: Sangat Baik, rentang: "91 - 100"}
  - {kategori: Baik, rentang: "76 - 90"}
  - {kategori: Cukup, rentang: "66 - 75"}
  - {kategori: Kurang, rentang: "51 - 65"}
  - {kategori: Sangat Kurang, rentang: "<= 50"}
"""
# 95 / 100 = 95; 161 / 200 = 80,5; 181 / 200 = 90,5; 176 / 200 = 88.
REPORT = """\
format: sakip-lint/1
instansi: Inspektorat Kabupaten Sampang
tahun: 2019
gaya_angka: id
{scale}visi:
  - {{id: V, teks: Visi}}
misi:
  - {{id: M-1, teks: Misi, visi: V}}
tujuan:
  - {{id: T-1, teks: Tujuan, misi: M-1}}
sasaran:
  - {{id: S-01, teks: Sasaran, tujuan: T-1}}
indikator:
  - {{id: IK-01, teks: Persentase temuan ditindaklanjuti, sasaran: S-01, tipe: persentase}}
  - {{id: IK-02, teks: Persentase rekomendasi selesai, sasaran: S-01, tipe: persentase}}
  - {{id: IK-03, teks: Persentase OPD dibina, sasaran: S-01, tipe: persentase}}
  - {{id: IK-04, teks: Persentase laporan tepat waktu, sasaran: S-01, tipe: persentase}}
tempat:
  Tabel 3.1:
    peran: pengukuran
    baris:
      - {{id: IK-01, target: "100", realisasi: "95"}}
      - {{id: IK-02, target: "200", realisasi: "161"}}
      - {{id: IK-03, target: "200", realisasi: "181"}}
      - {{id: IK-04, target: "200", realisasi: "176"}}
  3.3:
    peran: prosa
klaim:
  - {{id: K-1, di: "3.3", kutipan: "IK-04 tergolong sangat baik", tentang: kategori_indikator,
     indikator: IK-04, nilai: Sangat Baik}}
"""


def categories(result) -> dict[str, str | None]:
    return {r.indikator.id: r.capaian.category for r in result.capaian.indicators}


def test_the_reports_own_scale_gives_its_categories(write):
    result = check_file(write(REPORT.format(scale=SAMPANG_SCALE)), RULESET)
    assert result.usable
    found = categories(result)
    assert found["IK-01"] == "Sangat Baik"  # 95 in 91 - 100
    assert found["IK-02"] == "Baik"  # 80,5 in 76 - 90
    assert found["IK-03"] is None  # 90,5: between 76 - 90 and 91 - 100
    assert found["IK-04"] == "Baik"  # 88 in 76 - 90
    # the prose category is judged by the same scale: 88 is Baik here, not Sangat Baik
    assert "KLM004" in {finding.code for finding in result.findings}


def test_without_a_scale_of_its_own_the_rules_scale_applies(write):
    result = check_file(write(REPORT.format(scale="")), RULESET)
    found = categories(result)
    # rules/skala.sakip (Permendagri 86/2017, half-open): >= 91 Sangat Tinggi, 76 - < 91 Tinggi;
    # 90,5 has a category here (Tinggi), unlike in the gap of the Sampang scale
    assert found == {"IK-01": "Sangat Tinggi", "IK-02": "Tinggi", "IK-03": "Tinggi",
                     "IK-04": "Tinggi"}
    codes = {finding.code for finding in result.findings}
    assert "SKL002" not in codes
    # the prose's 'Sangat Baik' for 88 is judged by the rules' scale, which names the band
    # with its synonym
    claim = next(finding for finding in result.findings if finding.code == "KLM004")
    assert (claim.found, claim.expected) == ("Sangat Baik", "Tinggi / Baik")


def test_the_gap_of_a_whole_number_scale_is_reported_on_its_entry(write):
    result = check_file(write(REPORT.format(scale=SAMPANG_SCALE)), RULESET)
    gaps = [f for f in result.findings if f.code == "SKL002"]
    # four gaps: 90-91, 75-76, 65-66, 50-51; each on the band above it
    assert sorted(f.location.pointer for f in gaps) == [f"/skala_kategori/{i}" for i in range(4)]
    first = next(f for f in gaps if f.location.pointer == "/skala_kategori/0")
    assert first.location.line == 6
    assert "90 < x < 91" in first.message("en") and "90,5" in first.message("en")
    assert all(f.severity == "warning" for f in gaps)


def test_band_problems_of_the_sampang_scale():
    bands = [Band("Sangat Baik", Decimal(91), Decimal(100)), Band("Baik", Decimal(76), Decimal(90)),
             Band("Sangat Kurang", None, Decimal(50))]
    found = [(p.kind, p.band, p.other, interval_text(p.interval)) for p in band_problems(bands)]
    assert found == [("gap", 1, 2, "50 < x < 76"), ("gap", 0, 1, "90 < x < 91")]


def test_overlaps_reversed_bands_and_point_gaps():
    bands = [Band("A", Decimal(85), Decimal(100)), Band("B", Decimal(70), Decimal(85)),
             Band("C", Decimal(70), Decimal(60)), Band("D", None, Decimal(55), True, False),
             Band("E", Decimal(55), Decimal(70), False, False)]
    found = {(p.kind, p.band, p.other, p.interval and interval_text(p.interval))
             for p in band_problems(bands)}
    assert found == {("reversed", 2, None, None), ("overlap", 1, 0, "x = 85"),
                     ("gap", 4, 3, "x = 55")}


def test_a_name_given_twice_is_one_problem_at_the_later_band():
    baik = Band("Baik", Decimal(70), Decimal(85), True, False)
    bands = [Band("Sangat Baik", Decimal(85), None), baik, baik,
             Band("Cukup", Decimal(55), Decimal(70), True, False),
             Band("baik", None, Decimal(55), True, False)]
    found = [(p.kind, p.band, p.other, p.name) for p in band_problems(bands)]
    # band 2 is band 1 written again: a repeated name, not also an overlap; band 4 gives
    # 'baik' (case aside, Baik) to another range, which overlaps nothing
    assert found == [("repeated", 2, 1, "Baik"), ("repeated", 4, 1, "baik")]


def test_a_thousand_copies_of_a_band_are_a_thousand_problems():
    copies = [Band("Sedang", Decimal(50), Decimal(76), True, False)] * 1000
    found = band_problems([Band("Tinggi", Decimal(76), None), *copies])
    assert [(p.kind, p.band, p.other) for p in found] == [("repeated", i, 1) for i in range(2, 1001)]
    # a thousand different bands that all overlap: one overlap each, not one per pair
    nested = [Band(f"B{i}", Decimal(i), Decimal(2000)) for i in range(1000)]
    found = band_problems(nested)
    assert len(found) == 999 and {p.kind for p in found} == {"overlap"}
    assert {p.band for p in found} == set(range(1, 1000))


def test_the_default_scales_are_whole():
    for scales in RULESET.config.scales.values():
        for scale in scales:
            assert band_problems(scale.bands) == [], scale.name


@pytest.mark.parametrize("text,bound", [
    ("> 85 - 100", (Decimal(85), Decimal(100), False, True)),
    ("85 - < 100", (Decimal(85), Decimal(100), True, False)),
    ("< 55", (None, Decimal(55), True, False)),
    ("<= 50", (None, Decimal(50), True, True)),
    (">= 100", (Decimal(100), None, True, True)),
    ("91 - 100", (Decimal(91), Decimal(100), True, True)),
    ("43,75 - 62.5", (Decimal("43.75"), Decimal("62.5"), True, True)),
])
def test_a_range_reads_as_in_rule_files(text, bound):
    assert parse_bound(text) == bound


@pytest.mark.parametrize("text,key,column", [
    ("76 -", "dsl.range-incomplete", 5),
    ("66 % - 75", "dsl.unexpected-character", 4),
    ("Sangat Baik", "dsl.unexpected-character", 1),
    ("91 - 100 baik", "dsl.unexpected-token", 10),
])
def test_a_range_that_does_not_read_says_where(text, key, column):
    with pytest.raises(DslError) as error:
        parse_bound(text)
    assert [(p.message_key, p.column) for p in error.value.problems] == [(key, column)]


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_range_that_does_not_read_makes_the_file_unusable(write, capsys):
    text = REPORT.format(scale=SAMPANG_SCALE.replace('"76 - 90"', '"76 -"'))
    path = write(text)
    code, out, _ = run(capsys, "check", str(path), "--format", "plain", "--lang", "en")
    assert code == 2
    line = text.splitlines().index('  - {kategori: Baik, rentang: "76 -"}') + 1
    column = len('  - {kategori: Baik, rentang: ') + 1
    assert f"{path}:{line}:{column}: LOAD002" in out
    assert "'76 -'" in out and "column 5" in out


OVERLAPPING = """\
# a rule file whose category scale gives 85 two categories
skala kategori_capaian {
  "Sangat Baik" : 85 - 100
  "Baik"        : 70 - 85
  "Kurang"      : < 70
}
"""


def test_an_overlapping_scale_in_a_rule_file_is_a_located_error():
    with pytest.raises(DslError) as error:
        compile_sources(default_sources() + [RuleSource("bad.sakip", OVERLAPPING)])
    [problem] = error.value.problems
    assert problem.message_key == "dsl.scale-overlap"
    assert (problem.line, problem.column) == (4, 3)
    assert problem.format("en").startswith("bad.sakip:4:3: Scale 'kategori_capaian' cannot be used")
    assert "x = 85" in problem.message("en")


def test_a_reversed_band_in_a_rule_file_is_a_located_error():
    with pytest.raises(DslError) as error:
        compile_sources(default_sources() + [RuleSource("bad.sakip",
                                                        'skala lain {\n  "X" : 100 - 90\n}\n')])
    [problem] = error.value.problems
    assert (problem.message_key, problem.line, problem.column) == ("dsl.scale-reversed", 2, 3)


def test_one_name_for_two_bands_in_a_rule_file_is_a_located_error():
    # 'Baik' is a synonym of the band above 76 and the first name of the band below: a printed
    # 'Baik' would be right and wrong at once
    source = ('skala kategori_capaian {\n  "Tinggi" / "Baik" : >= 76\n'
              '  "Baik" / "Sedang" : < 76\n}\n')
    with pytest.raises(DslError) as error:
        compile_sources(default_sources() + [RuleSource("bad.sakip", source)])
    [problem] = error.value.problems
    assert (problem.message_key, problem.line, problem.column) == ("dsl.scale-name-twice", 3, 3)
    assert "'Baik'" in problem.message("en") and "'Tinggi'" in problem.message("en")


def test_synonyms_of_a_band_are_read_in_order():
    ruleset = compile_sources(default_sources() + [RuleSource("u.sakip", (
        'skala kategori_capaian {\n  "Tinggi" / "Baik" / "B" : >= 76\n  "Rendah" : < 76\n}\n'))])
    high, low = ruleset.config.category_scale.bands
    assert (high.names, high.shown, low.names) == (("Tinggi", "Baik", "B"), "Tinggi / Baik / B",
                                                   ("Rendah",))
    assert high.named("  baik ") and not high.named("Rendah")
    scale = ruleset.config.category_scale
    # a fix in the report's words: the position of the printed name in its own band
    assert scale.name_like(low, "Baik") == "Rendah"  # 'Rendah' has no second name
    assert scale.name_like(high, "rendah") == "Tinggi"
    assert scale.name_like(high, "Memuaskan") == "Tinggi"


def test_an_overlapping_rule_file_exits_2_with_file_line_col(write, capsys, tmp_path):
    folder = tmp_path / "aturan"
    folder.mkdir()
    (folder / "skala.sakip").write_text(OVERLAPPING, encoding="utf-8")
    code, out, err = run(capsys, "check", str(write(REPORT.format(scale=""))), "--rules", str(folder))
    assert code == 2
    assert f"{folder / 'skala.sakip'}:4:3:" in out + err


def test_a_rules_scale_without_a_band_above_100_is_reported_at_the_capaian(write, capsys,
                                                                           tmp_path):
    folder = tmp_path / "aturan"
    folder.mkdir()
    (folder / "skala.sakip").write_text(
        'skala kategori_capaian {\n  "Baik" / "Tinggi" : 70 - 100\n  "Kurang" : < 70\n}\n',
        encoding="utf-8")
    # IK-01: 120 / 100 = 120, above the highest band (70 - 100), named with its synonym
    text = REPORT.format(scale="").replace('target: "100", realisasi: "95"',
                                           'target: "100", realisasi: "120"')
    path = write(text)
    code, out, _ = run(capsys, "check", str(path), "--rules", str(folder), "--format", "plain",
                       "--lang", "en")
    line = text.splitlines().index('      - {id: IK-01, target: "100", realisasi: "120"}') + 1
    found = [row for row in out.splitlines() if " SKL002 " in row]
    assert len(found) == 1 and found[0].startswith(f"{path}:{line}:")
    assert "120,00" in found[0] and "kategori_capaian" in found[0]
    assert "'Baik / Tinggi' (70 - 100)" in found[0]



def test_a_category_printed_for_a_value_in_a_gap_of_the_rules_scale_is_reported(write, capsys,
                                                                                  tmp_path):
    folder = tmp_path / "aturan"
    folder.mkdir()
    # the rules' writer left 85 < x < 86 without a category
    (folder / "skala.sakip").write_text(
        'skala kategori_capaian {\n  "Sangat Baik" : 86 - 100\n  "Baik" : 70 - < 85\n'
        '  "Cukup" : < 70\n}\n', encoding="utf-8")
    # IK-01: 171 / 200 x 100 = 85,50, in the gap; the row prints 'Cukup'
    text = REPORT.format(scale="").replace('target: "100", realisasi: "95"',
                                           'target: "200", realisasi: "171", kategori: Cukup')
    path = write(text)
    code, out, _ = run(capsys, "check", str(path), "--rules", str(folder), "--format", "plain",
                       "--lang", "en")
    found = [row for row in out.splitlines() if " CAP005 " in row and "IK-01" in row]
    assert len(found) == 1, out
    assert "'Cukup'" in found[0] and "85,50" in found[0] and "falls in a gap" in found[0]
    result = check_file(path, load_ruleset([folder]))
    finding = next(f for f in result.findings if f.code == "CAP005")
    assert finding.fix is None and finding.expected is None
    assert finding.location.pointer == "/tempat/Tabel 3.1/baris/0/kategori"
