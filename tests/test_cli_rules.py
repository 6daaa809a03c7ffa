"""User rule files through the command line: they change results, override or disable default
rules, and any mistake in them stops the run with a located message (exit 2)."""

from __future__ import annotations

import json

import pytest

from conftest import MINI, ROOT
from sakip_lint.cli import main

ROOT_RULES = ROOT / "rules"


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rules_folder(tmp_path, **files):
    folder = tmp_path / "aturan"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.sakip").write_text(text, encoding="utf-8")
    return str(folder)


def capaian_json(capsys, path, *extra):
    code, out, _ = run(capsys, "capaian", str(path), "--format", "json", *extra)
    assert code == 0
    return json.loads(out)["indicators"][0]["capaian"]


def test_a_cap_of_120_changes_the_capaian(write, capsys, tmp_path):
    path = write(MINI.replace('realisasi: "429", capaian: "70,33"', 'realisasi: "800", capaian: "70,33"'))
    assert capaian_json(capsys, path)["value"] == "131.15"
    folder = rules_folder(tmp_path, batas="opsi batas_capaian = 120\n")
    assert capaian_json(capsys, path, "--rules", folder)["value"] == "120.00"


def test_a_user_scale_changes_the_category(write, capsys, tmp_path):
    path = write(MINI)
    # 429 / 610 = 70,33: Sedang (66 - < 76) by default; Baik (70 - < 85) on the Kaltim scale
    assert capaian_json(capsys, path)["category"] == "Sedang"
    scale = ('skala kategori_capaian {\n  "Memuaskan" : > 100\n  "Sangat Baik" : 85 - 100\n'
             '  "Baik" : 70 - < 85\n  "Cukup" : 55 - < 70\n  "Kurang Baik" : < 55\n}\n')
    folder = rules_folder(tmp_path, skala=scale)
    assert capaian_json(capsys, path, "--rules", folder)["category"] == "Baik"


def test_a_user_rule_overrides_and_another_disables(write, capsys, tmp_path):
    path = str(write(MINI.replace('realisasi: "429", capaian: "70,33"',
                                  'realisasi: "429", capaian: "75,00"')))
    assert run(capsys, "check", path)[0] == 1
    folder = rules_folder(tmp_path, off="nonaktif CAP001\n")
    assert run(capsys, "check", path, "--rules", folder)[0] == 0
    override = open(ROOT_RULES / "capaian.sakip", encoding="utf-8").read()
    start = override.index('aturan CAP001')
    end = override.index("\n}\n", start) + 3
    softer = override[start:end].replace("tingkat kesalahan", "tingkat peringatan", 1)
    (tmp_path / "b").mkdir()
    folder = rules_folder(tmp_path / "b", cap=softer)
    code, out, _ = run(capsys, "check", path, "--rules", folder, "--format", "json")
    found = [f for f in json.loads(out)["findings"] if f["code"] == "CAP001"]
    assert code == 0 and found and {f["severity"] for f in found} == {"warning"}


MALFORMED = {
    "syntax": ("rumus positif realisasi / target\n", "1:15"),
    "unknown character": ("toleransi 0,01 ;\n", "1:16"),
    "unterminated rule": ('aturan ABC001 "x" {\n  tingkat kesalahan\n', "2:"),
    "unknown variable": ("rumus positif = hasil / target * 100\n", "1:1"),
    "unknown function": ("rumus positif = akar(realisasi) * 100\n", "1:1"),
    "unknown option": ("opsi warna = merah\n", "1:1"),
    "bad option value": ("opsi realisasi_kosong = hapus\n", "1:1"),
    "unknown check": ('aturan ABC001 "x" {\n tingkat info\n periksa sihir\n pesan id "a"\n'
                      ' pesan en "b"\n}\n', "3:2"),
    "unknown parameter": ('aturan ABC001 "x" {\n tingkat info\n periksa nilai_sama\n kolom = target\n'
                          ' warna = merah\n pesan id "a"\n pesan en "b"\n}\n', "5:2"),
    "bad parameter value": ('aturan ABC001 "x" {\n tingkat info\n periksa nilai_sama\n'
                            ' kolom = anggaran\n pesan id "a"\n pesan en "b"\n}\n', "4:2"),
    "missing parameter": ('aturan ABC001 "x" {\n tingkat info\n periksa nilai_sama\n'
                          ' pesan id "a"\n pesan en "b"\n}\n', "1:1"),
    "unknown placeholder": ('aturan ABC001 "x" {\n tingkat info\n periksa baseline\n'
                            ' pesan id "{warna}"\n pesan en "b"\n}\n', "4:2"),
    "missing English message": ('aturan ABC001 "x" {\n tingkat info\n periksa baseline\n'
                                ' pesan id "a"\n}\n', "1:1"),
    "no severity": ('aturan ABC001 "x" {\n periksa baseline\n pesan id "a"\n pesan en "b"\n}\n', "1:1"),
    "disabling an unknown rule": ("nonaktif ZZZ999\n", "1:1"),
    "empty scale": ("skala kosong { }\n", "1:1"),
    "every rule disabled": ("nonaktif " + ", ".join(sorted(
        line.split()[1] for path in (ROOT / "rules").glob("*.sakip")
        for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("aturan "))) + "\n",
        "1:1"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_rule_files_exit_2_with_a_located_message(write, capsys, tmp_path, case):
    text, where = MALFORMED[case]
    folder = rules_folder(tmp_path, salah=text)
    code, out, err = run(capsys, "check", str(write(MINI)), "--rules", folder)
    assert code == 2 and out == ""
    assert f"salah.sakip:{where}" in err
    assert "Traceback" not in err


def test_rules_lists_every_rule_with_its_basis(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    document = json.loads(out)
    assert document["schema_version"] == 1 and document["command"] == "rules"
    listed = document["rules"]
    assert code == 0 and len(listed) >= 25
    assert all(rule["basis"] and rule["name"] for rule in listed)
    assert {"CAP001", "ALN001", "KLM001", "GRD001", "TBL001"} <= {rule["code"] for rule in listed}


@pytest.mark.parametrize("lang,heading", [("id", "Contoh yang melanggar"), ("en", "Failing example")])
def test_explain_prints_documentation_and_examples(capsys, lang, heading):
    code, out, _ = run(capsys, "explain", "GRD001", "--lang", lang)
    assert code == 0 and "# GRD001 predikat-sesuai-skala" in out and heading in out
    assert "```yaml" in out and "predikat_sakip" in out


def test_explain_an_unknown_rule_exits_2(capsys):
    code, _, err = run(capsys, "explain", "ZZZ999")
    assert code == 2 and "ZZZ999" in err
