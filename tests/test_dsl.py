"""The rule language: the shipped rules compile; malformed rule files give located problems."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip_lint.dsl.errors import DslError
from sakip_lint.model import Polarity
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset

MINIMAL = """\
rumus positif = realisasi / target * 100
rumus negatif = (target - (realisasi - target)) / target * 100
rumus kualitatif = posisi_realisasi / posisi_target * 100
skala kategori_capaian { "Baik" : >= 70  "Kurang" : < 70 }
"""


def test_the_default_rules_compile_from_the_installed_package():
    ruleset = load_ruleset()
    assert all(name.startswith("sakip_lint/rules/") for name in ruleset.sources)
    config = ruleset.config
    assert set(config.formulas) == set(Polarity) | {"rentang_bawah", "rentang_atas", "penyerapan",
                                                    "efisiensi"}
    # Permendagri 86/2017, half-open; above 100 is the top band
    scale = config.category_scale
    assert [scale.classify(Decimal(value)) for value in
            ("150", "100", "91", "90.99", "76", "75.99", "66", "65.99", "51", "50.99")] == [
        "Sangat Tinggi", "Sangat Tinggi", "Sangat Tinggi", "Tinggi", "Tinggi", "Sedang", "Sedang",
        "Rendah", "Rendah", "Sangat Rendah"]
    assert [band.names for band in scale.bands] == [
        ("Sangat Tinggi", "Sangat Baik"), ("Tinggi", "Baik"), ("Sedang", "Cukup"),
        ("Rendah", "Kurang"), ("Sangat Rendah", "Sangat Kurang")]
    assert len(ruleset.digest) == 64


def test_a_user_file_overrides_only_what_it_says():
    config = compile_sources(default_sources() + [RuleSource("u.sakip", "toleransi 0,5")]).config
    assert config.tolerance == Decimal("0.5")
    assert config.rounding.decimals == 2


def problems(text: str):
    with pytest.raises(DslError) as error:
        compile_sources([RuleSource("bad.sakip", text)])
    return error.value.problems


MALFORMED = {
    "unexpected token": ("rumus positif realisasi / target", "dsl.unexpected-token", 1, 15),
    "unexpected character": ("toleransi 0,01 ;", "dsl.unexpected-character", 1, 16),
    "unexpected end": ("rumus positif = realisasi /", "dsl.unexpected-end", 1, 28),
    "unknown keyword": ("peraturan x", "dsl.unexpected-token", 1, 1),
    "rule without a code": ("aturan x", "dsl.unexpected-token", 1, 8),
    "unknown polarity": ("polaritas bawaan netral", "dsl.unexpected-token", 1, 18),
    "unknown variable": (MINIMAL + "rumus positif = hasil / target * 100", "dsl.unknown-variable", 5, 1),
    "unknown option": (MINIMAL + "opsi warna = merah", "dsl.unknown-option", 5, 1),
    "bad option value": (MINIMAL + "opsi realisasi_kosong = hapus", "dsl.bad-option-value", 5, 1),
    "bad cap": (MINIMAL + 'opsi batas_capaian = "banyak"', "dsl.bad-option-value", 5, 1),
    "missing formula": (MINIMAL.replace("rumus kualitatif = posisi_realisasi / posisi_target * 100\n", ""),
                        "dsl.missing-formula", None, None),
    "missing category scale": (MINIMAL.replace("kategori_capaian", "lain"), "dsl.missing-scale",
                               None, None),
    "empty scale": (MINIMAL + "skala kosong { }", "dsl.empty-scale", 5, 1),
    "fractional decimals": (MINIMAL + "pembulatan 1,5 desimal potong", "dsl.bad-decimals", 5, 1),
    "unterminated string": (MINIMAL + 'polaritas negatif jika teks memuat "kematian',
                            "dsl.unterminated-string", 5, 36),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_rule_files_give_located_problems(case):
    text, key, line, column = MALFORMED[case]
    found = problems(text)
    match = [p for p in found if p.message_key == key]
    assert match, [(p.message_key, p.line, p.column) for p in found]
    problem = match[0]
    if line is not None:
        assert (problem.line, problem.column) == (line, column)
        shown = problem.format("en")
        assert shown.startswith(f"bad.sakip:{line}:{column}: ")
        assert shown.splitlines()[-1].endswith("^")
    assert problem.message("id") != problem.message("en")


def test_an_empty_or_missing_rule_folder_is_an_error(tmp_path):
    with pytest.raises(DslError) as error:
        load_ruleset([tmp_path])
    assert error.value.problems[0].message_key == "dsl.no-rules"
