"""Absorption and efficiency come from the rule language: one formula each, used everywhere."""

from __future__ import annotations

from decimal import Decimal

from sakip_lint import formulas
from sakip_lint.examples import run_example
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset

EFFICIENCY_ROW = """\
tempat:
  Tabel 3.5:
    peran: efisiensi
    baris:
      - {id: S-01, capaian: "70,33", persen_anggaran: "90,00", efisiensi: "%s"}
"""


def codes(ruleset, efficiency: str) -> set[str]:
    return {finding.code for result in run_example(EFFICIENCY_ROW % efficiency, ruleset)
            for finding in result.findings}


def test_the_default_formulas():
    config = load_ruleset().config
    # 381.821.530 / 420.600.000 * 100 = 90,780
    assert formulas.absorption(config, Decimal(420600000), Decimal(381821530)).rounded == Decimal("90.78")
    assert formulas.absorption(config, Decimal(0), Decimal(5)).reason == "capaian.not-computable.zero-budget"
    assert formulas.absorption(config, None, Decimal(5)).reason == "capaian.not-computable.no-budget"
    # 70,33 - 90 = -19,67
    assert formulas.efficiency(config, Decimal("70.33"), Decimal(90)).rounded == Decimal("-19.67")


def test_a_rule_folder_that_defines_efficiency_as_a_ratio_changes_every_check():
    ratio = compile_sources(default_sources() + [RuleSource(
        "efisiensi-rasio.sakip", "rumus efisiensi = capaian / penyerapan * 100\n")])
    # 70,33 / 90 * 100 = 78,144 -> 78,14
    assert "EFF001" in codes(load_ruleset(), "78,14") and "EFF001" not in codes(load_ruleset(), "(19,67)")
    assert "EFF001" not in codes(ratio, "78,14") and "EFF001" in codes(ratio, "(19,67)")


CAPAIAN_ROW = """\
indikator:
  - {id: IK-01, teks: Jumlah produk hukum yang ditetapkan, sasaran: S-01, tipe: absolut}
tempat:
  Tabel 3.1:
    peran: pengukuran
    baris:
      - {id: IK-01, target: "610", realisasi: "429", capaian: "70,32"}
"""


def test_which_roundings_count_as_a_habit_is_rule_data():
    # 429 / 610 * 100 = 70,3279: 70,32 is the value truncated, a habit under the default rules
    default = {f.code for r in run_example(CAPAIAN_ROW, load_ruleset()) for f in r.findings}
    strict = compile_sources(default_sources() + [RuleSource(
        "ketat.sakip", "pembulatan lain setengah-genap\ntoleransi 0\n")])
    stricter = {f.code for r in run_example(CAPAIAN_ROW, strict) for f in r.findings}
    assert "CAP002" in default and "CAP001" not in default
    assert "CAP001" in stricter and "CAP002" not in stricter
