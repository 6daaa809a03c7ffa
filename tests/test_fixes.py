"""--fix, --diff and --unsafe-fixes: only the bytes of the fixed values change, the file is
written atomically, and what is left is checked again."""

from __future__ import annotations

import json
import os
import shutil
import stat
import textwrap

import pytest

from conftest import FIXTURE, MINI
from sakip_lint.cli import main
from sakip_lint.examples import complete
from sakip_lint.fixes import quoted

ROW = '      - {id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "70,33"}'
WRONG = MINI.replace(ROW, ROW.replace('"70,33"', '"75,00"'))  # 429 / 610 = 70,33 %


def check_json(capsys, path) -> list[dict]:
    main(["check", str(path), "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_fix_on_the_kaltim_report_changes_only_the_fixed_value(capsys, tmp_path):
    """Tabel 3.5 prints 100 for sasaran S-01, whose only indicator IK-01 reached 'Tinggi'
    against 'Sangat Tinggi': position 3 of 4 on its scale, 3 / 4 x 100 = 75,00. That is the one
    safe fix of the report (the other fixes choose between printed values: suggestions)."""
    copy = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, copy)
    before = copy.read_bytes()
    safe = [f for f in check_json(capsys, copy) if f["fix"] and f["fix"]["safety"] == "safe"]
    assert [(f["code"], f["location"]["pointer"]) for f in safe] == [
        ("CAP001", "/tempat/Tabel 3.5/baris/0/capaian")]
    code = main(["check", str(copy), "--fix", "--format", "plain", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1  # other findings remain
    assert f"1 value(s) fixed in {copy}" in err and "1 value(s) fixed" in out
    after = copy.read_bytes()
    old, new = b'capaian: "100", persen_anggaran: "90,78"', b'capaian: "75,00", persen_anggaran: "90,78"'
    assert before.count(old) == 1
    assert after == before.replace(old, new)  # every other byte identical
    remaining = check_json(capsys, copy)
    assert not [f for f in remaining if f["location"]["pointer"] == "/tempat/Tabel 3.5/baris/0/capaian"
                and f["code"] == "CAP001"]


def test_quoting_comments_and_layout_are_kept(capsys, write):
    text = MINI.replace(ROW, textwrap.indent(textwrap.dedent('''\
        - id: IK-01   # the measured row
          nomor: '1'
          target: "610"
          realisasi: 429
          capaian: 75,00    # printed so
        '''), "      ").rstrip("\n"))
    path = write(text)
    assert main(["check", str(path), "--fix"]) == 0
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == text.replace("capaian: 75,00 ", "capaian: 70,33 ")
    single = write(text.replace("capaian: 75,00", "capaian: '75,00'"), "single.yaml")
    main(["check", str(single), "--fix"])
    assert "capaian: '70,33'    # printed so" in single.read_text(encoding="utf-8")


def test_a_json_file_stays_json(capsys, write):
    import yaml

    data = yaml.safe_load(WRONG)
    path = write(json.dumps(data, ensure_ascii=False, indent=1), "report.json")
    before = path.read_text(encoding="utf-8")
    assert main(["check", str(path), "--fix"]) == 0
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('"capaian": "75,00"', '"capaian": "70,33"')
    assert json.loads(after)["tempat"]["Tabel 3.1"]["baris"][0]["capaian"] == "70,33"


def test_a_plain_value_is_quoted_where_plain_would_read_otherwise():
    assert quoted("70,33", "", in_flow=False, json_file=False) == "70,33"
    assert quoted("70,33", "", in_flow=True, json_file=False) == '"70,33"'  # ',' splits a flow
    assert quoted("a: b", "", in_flow=False, json_file=False) == '"a: b"'
    assert quoted("null", "", in_flow=False, json_file=False) == '"null"'
    assert quoted("Sangat Baik", "'", in_flow=False, json_file=False) == "'Sangat Baik'"
    assert quoted("it's", "'", in_flow=False, json_file=False) == "'it''s'"
    assert quoted('say "x"', '"', in_flow=True, json_file=False) == '"say \\"x\\""'
    assert quoted("75", "", in_flow=False, json_file=True) == '"75"'


def test_diff_shows_the_change_and_writes_nothing(capsys, write):
    path = write(WRONG)
    code = main(["check", str(path), "--diff"])
    out = capsys.readouterr().out
    assert code == 1 and path.read_text(encoding="utf-8") == WRONG
    assert f"--- a/{path}" in out
    assert '-      - {id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "75,00"}' in out
    assert f"+{ROW}" in out
    assert main(["check", str(write(MINI, "clean.yaml")), "--diff"]) == 0


def test_a_suppressed_finding_is_not_fixed(capsys, write):
    text = WRONG.replace('capaian: "75,00"}', 'capaian: "75,00"}  # sakip-lint: ignore[CAP001] alasan: e-SAKIP')
    path = write(text)
    assert main(["check", str(path), "--fix"]) == 0
    assert path.read_text(encoding="utf-8") == text


def test_a_suggestion_is_never_applied_and_an_unsafe_fix_needs_the_option(capsys, write):
    # Tabel 3.1 says 600 and 3.3 Sasaran 1 says 610: which is right is the compiler's call
    # (429 / 600 = 71,50 %, so the sasaran's 71,50 and its efficiency 71,50 - 90,00 = -18,50)
    conflict = MINI.replace('target: "610", realisasi: "429", capaian: "70,33"',
                            'target: "600", realisasi: "429", capaian: "71,50"').replace(
        'capaian: "70,33", persen_anggaran: "90,00", efisiensi: "(19,67)"',
        'capaian: "71,50", persen_anggaran: "90,00", efisiensi: "(18,50)"')
    path = write(conflict)
    assert [(f["code"], f["fix"]["safety"]) for f in check_json(capsys, path)] == [
        ("ALN001", "suggestion")]
    main(["check", str(path), "--fix", "--unsafe-fixes"])
    assert path.read_text(encoding="utf-8") == conflict
    # K-2 has no row: K-1 alone gives 950.000.000 / 1.000.000.000 x 100 = 95,00 (printed 85,00);
    # a ratio over part of the children is only likely: unsafe
    partial = complete(textwrap.dedent("""\
        program:
          - {id: P-1, teks: Program Penunjang, sasaran: S-01}
        kegiatan:
          - {id: K-1, teks: Administrasi Keuangan, program: P-1}
          - {id: K-2, teks: Administrasi Umum, program: P-1}
        tempat:
          Tabel 3.8:
            peran: anggaran
            baris:
              - {id: P-1, persen_anggaran: "85,00"}
              - {id: K-1, pagu: "1.000.000.000", realisasi_anggaran: "950.000.000", persen_anggaran: "95,00"}
        """))
    budget = write(partial, "budget.yaml")
    main(["check", str(budget), "--fix"])
    assert budget.read_text(encoding="utf-8") == partial
    main(["check", str(budget), "--fix", "--unsafe-fixes"])
    capsys.readouterr()
    changed = budget.read_text(encoding="utf-8")
    assert partial.count("persen_anggaran: 85,00") == 1  # yaml.safe_dump writes it plain
    assert changed == partial.replace("persen_anggaran: 85,00", "persen_anggaran: 95,00")


def test_a_read_only_file_is_left_alone_with_a_clear_message(capsys, write):
    path = write(WRONG)
    path.chmod(0o444)
    code = main(["check", str(path), "--fix", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and f"{path} is read-only" in err and "file is unchanged" in err
    assert path.read_text(encoding="utf-8") == WRONG
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_failing_write_leaves_the_original_and_no_temporary_file(capsys, write, monkeypatch):
    path = write(WRONG)
    path.chmod(0o640)

    def refuse(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    code = main(["check", str(path), "--fix", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "No space left on device" in err and "original is unchanged" in err
    assert path.read_text(encoding="utf-8") == WRONG
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_written_fix_keeps_the_mode(capsys, write):
    path = write(WRONG)
    path.chmod(0o640)
    assert main(["check", str(path), "--fix"]) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == MINI


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b""])
def test_a_byte_order_mark_and_crlf_line_ends_survive(capsys, tmp_path, bom):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(bom + WRONG.replace("\n", "\r\n").encode("utf-8"))
    assert main(["check", str(path), "--fix"]) == 0
    assert path.read_bytes() == bom + MINI.replace("\n", "\r\n").encode("utf-8")
