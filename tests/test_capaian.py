"""The capaian engine on small reports: formulas per polarity, scales, not-computable cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import report_text
from sakip_lint.capaian import compute
from sakip_lint.loader import load_report
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset

DEFAULTS = load_ruleset().config


def run(write, indicators: str, rows: str, config=DEFAULTS, extra: str = ""):
    result = load_report(write(report_text(indicators, rows, extra)))
    assert result.findings == (), [f.message("en") for f in result.findings]
    return compute(result.loaded, config)


def indicator(report, ident):
    return next(r for r in report.indicators if r.indikator.id == ident)


POSITIVE = [("90", "93", "103.33"), ("610", "429", "70.33"), ("100", "99,25", "99.25"),
            ("90", "100", "111.11"), ("83", "82,15", "98.98"), ("Sangat Baik (83%)", "82,15", "98.98")]


@pytest.mark.parametrize("target,realisasi,expected", POSITIVE)
def test_positive_polarity_is_realisasi_over_target(write, target, realisasi, expected):
    rows = f'- {{id: IK-02, target: "{target}", realisasi: "{realisasi}"}}\n'
    report = run(write, "- {id: IK-02, teks: Persentase x, sasaran: S-01, tipe: persentase}\n", rows)
    assert indicator(report, "IK-02").capaian.rounded == Decimal(expected)


@pytest.mark.parametrize("target,realisasi,expected", [("5", "8", "40"), ("7", "6,5", "107.14"),
                                                       ("8", "9", "87.5")])
def test_negative_polarity_follows_the_pergub(write, target, realisasi, expected):
    """Pergub Kaltim 75/2011: target 5 deaths, realisasi 8 -> (5 - (8 - 5)) / 5 = 40 %."""
    indicators = "- {id: IK-02, teks: Jumlah kasus, sasaran: S-01, tipe: absolut, polaritas: negatif}\n"
    rows = f'- {{id: IK-02, target: "{target}", realisasi: "{realisasi}"}}\n'
    assert indicator(run(write, indicators, rows), "IK-02").capaian.rounded == Decimal(expected)


def test_negative_polarity_from_a_text_pattern_of_the_rules(write):
    indicators = "- {id: IK-02, teks: Angka kematian ibu, sasaran: S-01, tipe: absolut}\n"
    result = indicator(run(write, indicators, '- {id: IK-02, target: "5", realisasi: "8"}\n'), "IK-02")
    assert result.polarity == "negatif" and result.capaian.rounded == Decimal("40.00")


def test_qualitative_compares_positions_on_the_scale(write):
    indicators = ("- {id: IK-02, teks: Predikat LPPD, sasaran: S-01, tipe: kualitatif,"
                  " skala: [Rendah, Sedang, Tinggi, Sangat Tinggi]}\n")
    report = run(write, indicators, '- {id: IK-02, target: Sangat Tinggi, realisasi: Tinggi}\n')
    result = indicator(report, "IK-02")
    assert result.capaian.rounded == Decimal("75.00")  # one step below the target is not 100 %
    assert result.capaian.category == "Sedang"  # 75 in 66 - < 76 (Permendagri 86/2017)


@pytest.mark.parametrize("target,realisasi,reason", [
    ("0", "5", "capaian.not-computable.zero-target"),
    ("5", "-", "capaian.not-computable.no-realisasi"),
    ("-", "5", "capaian.not-computable.no-target"),
    ("Tinggi", "5", "capaian.not-computable.not-a-number"),
])
def test_not_computable_results_say_why(write, target, realisasi, reason):
    rows = f'- {{id: IK-02, target: "{target}", realisasi: "{realisasi}"}}\n'
    report = run(write, "- {id: IK-02, teks: Jumlah x, sasaran: S-01, tipe: absolut}\n", rows)
    result = indicator(report, "IK-02")
    assert result.capaian.exact is None and result.capaian.reason == reason


def test_sasaran_average_skips_missing_realisasi(write):
    rows = '- {id: IK-02, target: "5", realisasi: "-"}\n'
    report = run(write, "- {id: IK-02, teks: Jumlah x, sasaran: S-01, tipe: absolut}\n", rows)
    sasaran = report.sasaran[0]
    # IK-01 (429/610 = 70,33) alone: the missing realisasi of IK-02 is not counted as 0
    assert sasaran.capaian.rounded == Decimal("70.33")
    assert report.overall.capaian.rounded == Decimal("70.33")


def test_the_category_scale_and_cap_come_from_rule_files(write):
    custom = RuleSource("custom.sakip", 'opsi batas_capaian = 110\n'
                        'skala kategori_capaian { "Tinggi" : >= 100  "Rendah" : < 100 }\n')
    config = compile_sources(default_sources() + [custom]).config
    rows = '- {id: IK-02, target: "90", realisasi: "100"}\n'
    result = indicator(run(write, "- {id: IK-02, teks: Persentase x, sasaran: S-01, tipe: persentase}\n",
                           rows, config), "IK-02")
    assert result.capaian.rounded == Decimal("110.00") and result.capaian.category == "Tinggi"


def test_budget_absorption_and_efficiency(write):
    report = compute(load_report(write(report_text())).loaded, DEFAULTS)  # pagu 1.000.000, 900.000
    sasaran = report.sasaran[0]
    assert sasaran.absorption.rounded == Decimal("90.00")
    assert sasaran.efficiency.rounded == Decimal("-19.67")  # 70,33 - 90,00
    assert report.overall.absorption.rounded == Decimal("90.00")


def test_a_stated_capaian_from_a_known_wrong_formula_is_named(write):
    from sakip_lint.engine import check_file

    indicators = "- {id: IK-02, teks: Jumlah kasus, sasaran: S-01, tipe: absolut, polaritas: negatif}\n"
    rows = '- {id: IK-02, target: "5", realisasi: "8", capaian: "160,00"}\n'
    result = check_file(write(report_text(indicators, rows)), load_ruleset())
    finding = next(f for f in result.findings
                   if f.code == "CAP001" and f.location.key == "indikator IK-02")
    explanation = dict(finding.args)["penjelasan"]
    assert explanation.key == "explain.wrong-formula"
    assert dict(explanation.args)["name"] == "rumus positif untuk indikator negatif"
    assert finding.expected == "40,00" and finding.fix.safe and finding.fix.replacement == "40,00"
    assert "rumus keliru 'rumus positif untuk indikator negatif'" in finding.message("id")


# --- target bands (PermenPAN-RB 6/2022): hand-computed expectations -----------------------
POSITIVE_X = "- {id: IK-02, teks: Persentase x, sasaran: S-01, tipe: persentase}\n"
NEGATIVE_X = "- {id: IK-02, teks: Jumlah keluhan x, sasaran: S-01, tipe: absolut, polaritas: negatif}\n"

BANDS = [
    # positive: inside the band (bounds included) is capaian_dalam_rentang = 100
    (POSITIVE_X, "80 - 90", "85", "100.00"),
    (POSITIVE_X, "80 - 90", "80", "100.00"),
    (POSITIVE_X, "80 - 90", "90", "100.00"),
    # below: realisasi / lower = 70 / 80 = 0,875 -> 87,50 (the regulation's example)
    (POSITIVE_X, "80 - 90", "70", "87.50"),
    # above: realisasi / upper = 92 / 90 = 1,02222.. -> 102,22 (the regulation prints 113)
    (POSITIVE_X, "80 - 90", "92", "102.22"),
    # 70 / 69,5 = 1,007194.. -> 100,72
    (POSITIVE_X, "69,1-69,5", "70", "100.72"),
    (POSITIVE_X, "69,1-69,5", "69,3", "100.00"),
    # one-sided: 'min. 80' holds 95 -> 100; 70 / 80 -> 87,50
    (POSITIVE_X, "min. 80", "95", "100.00"),
    (POSITIVE_X, "min. 80", "70", "87.50"),
    # '> 75' excludes 75: below the band, 75 / 75 = 100; 60 / 75 = 0,8 -> 80,00
    (POSITIVE_X, "> 75", "60", "80.00"),
    # a positive indicator above 'maks. 5': 6 / 5 = 1,2 -> 120,00
    (POSITIVE_X, "maks. 5", "6", "120.00"),
    # negative 'maks. 5': 4 is inside -> 100; 6 -> (5 - (6 - 5)) / 5 = 0,8 -> 80,00
    (NEGATIVE_X, "maks. 5", "4", "100.00"),
    (NEGATIVE_X, "maks. 5", "5", "100.00"),
    (NEGATIVE_X, "maks. 5", "6", "80.00"),
    # negative '7 - 8' (the regulation's 'kondisi khusus'): 6,5 below -> against 7:
    # (7 - (6,5 - 7)) / 7 = 7,5 / 7 = 1,071428.. -> 107,14; 9 above -> against 8:
    # (8 - (9 - 8)) / 8 = 7 / 8 -> 87,50
    (NEGATIVE_X, "7 - 8", "6,5", "107.14"),
    (NEGATIVE_X, "7 - 8", "9", "87.50"),
    (NEGATIVE_X, "7 - 8", "7,5", "100.00"),
    # negative by the lexicon ('kematian'): 'kurang dari 5' with 5 is above the band -> against 5:
    # (5 - (5 - 5)) / 5 = 100; 7 -> (5 - 2) / 5 = 60
    ("- {id: IK-02, teks: Angka kematian x, sasaran: S-01, tipe: absolut}\n", "kurang dari 5", "7",
     "60.00"),
]


@pytest.mark.parametrize("indicators,target,realisasi,expected", BANDS)
def test_band_targets_follow_the_range_rules(write, indicators, target, realisasi, expected):
    rows = f'- {{id: IK-02, target: "{target}", realisasi: "{realisasi}"}}\n'
    result = indicator(run(write, indicators, rows), "IK-02")
    assert result.capaian.rounded == Decimal(expected), result.capaian


def test_band_formulas_and_the_inside_value_are_rule_data(write):
    custom = RuleSource("custom.sakip", "opsi capaian_dalam_rentang = 95\n"
                        "rumus rentang_atas = 100\n"
                        "rumus rentang_bawah = realisasi / target_atas * 100\n")
    config = compile_sources(default_sources() + [custom]).config
    capaian = {}
    for realisasi in ("85", "92", "72"):
        rows = f'- {{id: IK-02, target: "80 - 90", realisasi: "{realisasi}"}}\n'
        capaian[realisasi] = indicator(run(write, POSITIVE_X, rows, config), "IK-02").capaian.rounded
    # inside -> 95; above -> 100; below against the upper bound: 72 / 90 = 0,8 -> 80
    assert capaian == {"85": Decimal("95.00"), "92": Decimal("100.00"), "72": Decimal("80.00")}
    # a one-sided band lacks the upper bound that formula needs: not computable, and says why
    rows = '- {id: IK-02, target: "min. 80", realisasi: "72"}\n'
    result = indicator(run(write, POSITIVE_X, rows, config), "IK-02")
    assert result.capaian.exact is None
    assert result.capaian.reason == "capaian.not-computable.missing-value"


def test_a_negative_band_bound_of_zero_is_not_divided_by(write):
    rows = '- {id: IK-02, target: "maks. 0", realisasi: "1"}\n'
    result = indicator(run(write, NEGATIVE_X, rows), "IK-02")
    assert result.capaian.reason == "capaian.not-computable.zero-target"
