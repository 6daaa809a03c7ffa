"""The command line: exit codes, output formats, languages, provenance, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURE, MEASUREMENT_LINE, MINI
from sakip_lint.cli import main

MEASURED = 'realisasi: "429", capaian: "70,33"'
ROUNDING_ONLY = MINI.replace(MEASURED, 'realisasi: "429", capaian: "70,32"')  # a warning
WRONG = MINI.replace(MEASURED, 'realisasi: "429", capaian: "75,00"')  # an error


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_file_exits_0(write, capsys):
    code, out, _ = run(capsys, "check", str(write(MINI)), "--format", "plain")
    assert code == 0
    assert "0 kesalahan, 0 peringatan" in out


def test_findings_exit_1_and_fail_on_decides_for_warnings(write, capsys):
    assert run(capsys, "check", str(write(WRONG)))[0] == 1
    assert run(capsys, "check", str(write(ROUNDING_ONLY)))[0] == 0
    assert run(capsys, "check", str(write(ROUNDING_ONLY)), "--fail-on", "warning")[0] == 1


def test_unusable_input_exits_2_even_beside_a_clean_file(write, capsys):
    good = write(MINI, "good.yaml")
    bad = write("tahun: [", "bad.yaml")
    code, out, _ = run(capsys, "check", str(good), str(bad), "--format", "plain")
    assert code == 2
    assert f"{bad}:2:1: LOAD001" in out


def test_plain_output_is_one_located_line_per_finding(write, capsys):
    path = write(WRONG)
    code, out, _ = run(capsys, "check", str(path), "--format", "plain", "--lang", "en")
    line = next(line for line in out.splitlines() if "CAP001" in line)
    assert line.startswith(f"{path}:{MEASUREMENT_LINE}:")
    assert "should be 70,33 (difference 4,67)" in line
    assert "indicator IK-01, Tabel 3.1" in line  # the subject in the reader's language


def test_json_output_carries_provenance_locations_and_fixes(write, capsys):
    path = write(WRONG)
    code, out, _ = run(capsys, "check", str(path), "--format", "json")
    document = json.loads(out)
    assert document["schema_version"] == 1 and document["command"] == "check"
    provenance = document["provenance"]
    assert provenance["tool"]["name"] == "sakip-lint" and provenance["tool"]["version"]
    assert len(provenance["ruleset"]["sha256"]) == 64
    assert document["files"][0]["sha256"] and document["files"][0]["usable"] is True
    finding = document["findings"][0]
    assert finding["code"] == "CAP001" and finding["rule"] == "capaian-sesuai-rumus"
    assert finding["location"]["pointer"] == "/tempat/Tabel 3.1/baris/0/capaian"
    assert finding["location"]["line"] == MEASUREMENT_LINE
    assert finding["found"] == "75,00" and finding["expected"] == "70,33"
    assert finding["fix"] == {"replacement": "70,33", "safety": "safe",
                              "location": finding["location"]}
    assert finding["location"]["subject"] == {"kind": "indikator", "id": "IK-01", "name": None,
                                              "number": "1"}
    # one error (CAP001 at 75,00; 429 / 610 = 70,33 %), counted as a number per severity
    assert document["summary"]["counts"] == {"error": 1, "warning": 0, "info": 0}
    assert document["files"][0]["counts"]["error"] == 1
    assert {loc["pointer"].rsplit("/", 1)[1] for loc in finding["related"]} == {"target", "realisasi"}
    assert finding["message"]["id"] != finding["message"]["en"]


def test_markdown_output_is_a_table(write, capsys):
    _, out, _ = run(capsys, "check", str(write(WRONG)), "--format", "markdown")
    assert "| Lokasi" in out and "| CAP001" in out


def test_rich_output_in_english(write, capsys):
    _, out, _ = run(capsys, "check", str(write(WRONG)), "--lang", "en")
    assert "CAP001" in out and "should be" in out and "ruleset" in out


def test_capaian_command_prints_computed_beside_stated(write, capsys):
    code, out, _ = run(capsys, "capaian", str(write(WRONG)), "--format", "plain")
    assert code == 0
    assert "70,33" in out and "75,00 (Tabel 3.1)" in out and "4,67" in out


def test_capaian_json_is_structured_data(write, capsys):
    _, out, _ = run(capsys, "capaian", str(write(WRONG)), "--format", "json", "--lang", "en")
    document = json.loads(out)
    assert document["schema_version"] == 1 and document["command"] == "capaian"
    indicator = document["indicators"][0]
    assert indicator["id"] == "IK-01" and indicator["capaian"]["value"] == "70.33"
    assert indicator["capaian"]["category"] == "Sedang"  # 70,33 in 66 - < 76
    assert indicator["stated"] == [{"value": "75,00", "place": "Tabel 3.1",
                                    "pointer": "/tempat/Tabel 3.1/baris/0/capaian",
                                    "difference": "4.67", "verdict": "differs"}]
    assert document["goals"][0]["absorption"]["value"] == "90.00"
    assert document["overall"]["capaian"]["value"] == "70.33"


def test_capaian_on_unusable_input_exits_2(write, capsys):
    code, out, err = run(capsys, "capaian", str(write("- a\n")))
    assert code == 2 and out == "" and "LOAD002" in err


def test_broken_rule_folder_exits_2_with_a_located_message(write, capsys, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.sakip").write_text("toleransi ;\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(write(MINI)), "--rules", str(rules))
    assert code == 2
    assert f"{rules / 'x.sakip'}:1:11:" in err


def test_a_user_rule_changes_the_result(write, capsys, tmp_path):
    """Truncating instead of rounding half-up makes the stated 70,32 exactly right."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "pembulatan.sakip").write_text("pembulatan 2 desimal potong\n", encoding="utf-8")
    path = str(write(ROUNDING_ONLY))

    def measurement_findings(*extra):
        _, out, _ = run(capsys, "check", path, "--format", "json", *extra)
        return [f["code"] for f in json.loads(out)["findings"]
                if f["location"]["place"] == "Tabel 3.1"]

    assert measurement_findings() == ["CAP002"]
    assert measurement_findings("--rules", str(rules)) == []


@pytest.mark.parametrize("text", ["tahun: [", "- 1", "format: x", "\xff"])
def test_the_installed_command_never_prints_a_traceback(write, text):
    path = write(text)
    done = subprocess.run([sys.executable, "-m", "sakip_lint.cli", "check", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("fmt", ["plain", "json"])
def test_a_reader_that_stops_reading_is_no_internal_error(fmt):
    """``check ... | head``: the pipe is closed before the first line is written; the command
    stops quietly with the shell's code for it, not with an error to report."""
    process = subprocess.Popen([sys.executable, "-m", "sakip_lint.cli", "check", "--format", fmt,
                                str(FIXTURE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    said = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait() == 141
    assert said == ""
