"""Suppression comments and the baseline, through the command line."""

from __future__ import annotations

import json

from conftest import MEASUREMENT_LINE, MINI
from sakip_lint.cli import main
from sakip_lint.suppressions import comment_start

ROW = '      - {id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "70,33"}'
WRONG_ROW = ROW.replace('"70,33"', '"75,00"')  # 429 / 610 = 70,33 %: CAP001
WRONG = MINI.replace(ROW, WRONG_ROW)


def findings(capsys, *args: str) -> tuple[int, list[dict], dict]:
    code = main(["check", "--format", "json", *args])
    document = json.loads(capsys.readouterr().out)
    return code, document["findings"], document["summary"]


def with_comment(comment: str) -> str:
    return MINI.replace(ROW, f"{WRONG_ROW}  {comment}")


def test_a_suppression_with_a_reason_silences_the_finding_on_its_line(capsys, write):
    path = write(with_comment("# sakip-lint: ignore[CAP001] alasan: angka dari aplikasi e-SAKIP"))
    code, found, summary = findings(capsys, str(path))
    assert code == 0 and found == []
    assert summary["suppressed"] == 1
    path.write_text(with_comment("# sakip-lint: ignore[cap001] reason: taken from the portal"),
                    encoding="utf-8")
    assert findings(capsys, str(path))[1] == []


def test_a_suppression_without_a_reason_is_a_finding_and_silences_nothing(capsys, write):
    path = write(with_comment("# sakip-lint: ignore[CAP001]"))
    code, found, summary = findings(capsys, str(path), "--lang", "en")
    assert code == 1 and summary["suppressed"] == 0
    assert sorted(f["code"] for f in found) == ["CAP001", "SUP001"]
    sup = next(f for f in found if f["code"] == "SUP001")
    assert sup["location"]["line"] == MEASUREMENT_LINE
    assert sup["location"]["column"] == len(WRONG_ROW) + 3  # the '#' after two spaces
    assert "has no reason" in sup["message"]["en"]
    assert sup["rule"] is None and sup["fix"] is None


def test_the_json_of_a_run_with_suppressions_and_a_baseline_keeps_its_schema(capsys, write, tmp_path):
    from test_output_formats import validate_output

    path = write(with_comment("# sakip-lint: ignore[CAP001]"))
    baseline = tmp_path / "baseline.json"
    main(["check", str(path), "--write-baseline", str(baseline)])
    capsys.readouterr()
    for extra in ((), ("--baseline", str(baseline))):
        main(["check", "--format", "json", str(path), *extra])
        validate_output(json.loads(capsys.readouterr().out))


def test_an_unused_suppression_is_reported(capsys, write):
    clean = MINI.replace(ROW, f"{ROW}  # sakip-lint: ignore[CAP001, BUD001] alasan: lama")
    path = write(clean)
    code, found, _ = findings(capsys, str(path), "--lang", "en")
    assert [f["code"] for f in found] == ["SUP002"]
    assert found[0]["severity"] == "warning" and code == 0
    assert "CAP001, BUD001 silences no finding" in found[0]["message"]["en"]


def test_a_suppression_of_a_rule_switched_off_by_the_project_is_not_unused(capsys, write, tmp_path):
    path = write(MINI.replace(ROW, f"{ROW}  # sakip-lint: ignore[CAP001] alasan: lama"))
    (tmp_path / ".sakip-lint.toml").write_text('ignore = ["CAP001"]\n', encoding="utf-8")
    assert findings(capsys, str(path))[1] == []


def test_a_comment_that_cannot_be_read_is_reported_and_a_hash_in_quotes_is_no_comment(capsys, write):
    path = write(with_comment("# sakip-lint: ignor[CAP001] alasan: x"))
    _, found, _ = findings(capsys, str(path))
    assert sorted(f["code"] for f in found) == ["CAP001", "SUP003"]
    quoted = MINI.replace("teks: Jumlah dokumen", 'teks: "Jumlah # sakip-lint: ignore[CAP001] x"')
    assert comment_start('  - {teks: "a # b"}  # c') == 21
    assert comment_start("  - {teks: 'it''s # b'}") is None
    path.write_text(quoted.replace(ROW, WRONG_ROW), encoding="utf-8")
    assert [f["code"] for f in findings(capsys, str(path))[1]] == ["CAP001"]


def test_the_baseline_hides_old_findings_and_shows_new_ones(capsys, write, tmp_path):
    path = write(WRONG)
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(path), "--write-baseline", str(baseline)]) == 0
    capsys.readouterr()
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["entries"] == [{"code": "CAP001", "file": "report.yaml",
                                    "pointer": "/tempat/Tabel 3.1/baris/0/capaian",
                                    "key": "indikator IK-01", "place": "Tabel 3.1", "found": "75,00"}]
    code, found, summary = findings(capsys, str(path), "--baseline", str(baseline))
    assert code == 0 and found == [] and summary["baseline_hidden"] == 1
    # a new problem: the Renstra capaian 66,00 (429 / 650 = 66,00) printed as 60,00
    newer = WRONG.replace('realisasi: "429", capaian: "66,00"', 'realisasi: "429", capaian: "60,00"')
    path.write_text(newer, encoding="utf-8")
    code, found, summary = findings(capsys, str(path), "--baseline", str(baseline))
    assert code == 1 and summary["baseline_hidden"] == 1
    assert [(f["code"], f["found"]) for f in found] == [("CAP001", "60,00")]


def test_reformatting_does_not_bring_old_findings_back(capsys, write, tmp_path):
    path = write(WRONG)
    baseline = tmp_path / "baseline.json"
    main(["check", str(path), "--write-baseline", str(baseline)])
    capsys.readouterr()
    # re-indented by four, keys of the row reordered, a comment and blank lines added above
    moved = WRONG.replace(WRONG_ROW, '      - {capaian: "75,00", realisasi: "429", id: IK-01, '
                                     'target: "610", nomor: "1"}')
    moved = "# laporan yang diformat ulang\n\n" + "\n".join(
        line.replace("  ", "    ") for line in moved.splitlines()) + "\n"
    path.write_text(moved, encoding="utf-8")
    assert main(["check", str(path), "--format", "plain"]) == 1  # the finding is still there
    capsys.readouterr()
    assert findings(capsys, str(path), "--baseline", str(baseline))[1] == []


def test_reordered_rows_keep_their_baseline_entry(capsys, write, tmp_path):
    path = write(WRONG)
    baseline = tmp_path / "baseline.json"
    main(["check", str(path), "--write-baseline", str(baseline)])
    capsys.readouterr()
    # a row of another indicator's place put before it: the pointer's index moves to 1
    extra = '      - {id: S-01, nomor: "-", teks: Sasaran satu}\n'
    path.write_text(WRONG.replace(WRONG_ROW, extra.rstrip("\n") + "\n" + WRONG_ROW), encoding="utf-8")
    code, found, _ = findings(capsys, str(path), "--baseline", str(baseline))
    assert code in (0, 1) and [f for f in found if f["code"] == "CAP001"] == []


def test_a_new_baseline_records_what_an_older_one_hides(capsys, write, tmp_path):
    path = write(WRONG)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    main(["check", str(path), "--write-baseline", str(old)])
    main(["check", str(path), "--baseline", str(old), "--write-baseline", str(new)])
    capsys.readouterr()
    assert json.loads(new.read_text(encoding="utf-8"))["entries"] == json.loads(
        old.read_text(encoding="utf-8"))["entries"]


def test_a_broken_baseline_is_a_clear_error(capsys, write, tmp_path):
    broken = tmp_path / "baseline.json"
    broken.write_text("[1, 2", encoding="utf-8")
    code = main(["check", str(write(MINI)), "--baseline", str(broken), "--lang", "en"])
    assert code == 2 and "cannot be read" in capsys.readouterr().err
    code = main(["check", str(write(MINI)), "--baseline", str(tmp_path / "none.json"), "--lang", "en"])
    assert code == 2 and "not found" in capsys.readouterr().err
