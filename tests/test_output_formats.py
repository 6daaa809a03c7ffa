"""The machine formats of ``check`` and the JSON of every command: each validated against its
schema (our own for JSON, the official one for SARIF) or parsed as its platform parses it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema
import pytest

from conftest import FIXTURE, MEASUREMENT_LINE, MINI, ROOT
from sakip_lint import escape
from sakip_lint.cli import main

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
OUTPUT_SCHEMA = json.loads(files("sakip_lint.schemas").joinpath("output.schema.json")
                           .read_text(encoding="utf-8"))
WRONG = MINI.replace('realisasi: "429", capaian: "70,33"', 'realisasi: "429", capaian: "75,00"')


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def validate_output(document: dict) -> None:
    jsonschema.Draft202012Validator(OUTPUT_SCHEMA).validate(document)


@pytest.mark.parametrize("args", [
    ("check", str(FIXTURE)), ("capaian", str(FIXTURE)), ("graph", str(FIXTURE), "--to", "json"),
    ("rules",), ("explain", "CAP001")], ids=["check", "capaian", "graph", "rules", "explain"])
def test_every_command_writes_json_of_the_documented_schema(capsys, args):
    extra = () if args[0] == "graph" else ("--format", "json")
    code, out, _ = run(capsys, *args, *extra, "--lang", "en")
    document = json.loads(out)
    validate_output(document)
    assert document["schema_version"] == 1 and document["command"] == args[0]
    assert document["language"] == "en"


def test_the_schema_rejects_what_it_does_not_describe(capsys):
    _, out, _ = run(capsys, "check", str(FIXTURE), "--format", "json")
    document = json.loads(out)
    document["summary"]["counts"]["error"] = "21 errors"  # a sentence where a number belongs
    with pytest.raises(jsonschema.ValidationError):
        validate_output(document)
    del document["summary"]["counts"]
    document["kesimpulan"] = {}
    with pytest.raises(jsonschema.ValidationError):
        validate_output(document)


def test_json_counts_of_the_kaltim_report_are_numbers(capsys):
    """The pinned snapshot lists 70 findings: 21 errors, 40 warnings, 9 infos."""
    _, out, _ = run(capsys, "check", str(FIXTURE), "--format", "json")
    summary = json.loads(out)["summary"]
    assert summary["counts"] == {"error": 21, "warning": 40, "info": 9}
    assert summary["findings"] == 70 and summary["files"] == 1


@pytest.fixture
def sarif_schema():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the official SARIF 2.1.0 schema is not at {SARIF_SCHEMA} "
                    "(shared/schemas beside the checkout)")
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema(capsys, sarif_schema):
    _, out, _ = run(capsys, "check", str(FIXTURE), "--format", "sarif", "--lang", "en")
    document = json.loads(out)
    jsonschema.Draft7Validator(sarif_schema).validate(document)
    sarif_run = document["runs"][0]
    rules = {rule["id"]: rule for rule in sarif_run["tool"]["driver"]["rules"]}
    assert rules["CAP001"]["name"] == "capaian-sesuai-rumus"
    assert rules["CAP001"]["help"]["text"].startswith("What it checks")  # English docs
    assert rules["CAP001"]["defaultConfiguration"]["level"] == "error"
    assert rules["CAP002"]["defaultConfiguration"]["level"] == "warning"
    assert len(sarif_run["results"]) == 70


def test_sarif_results_carry_places_related_cells_and_a_safe_fix(capsys, sarif_schema, write):
    path = write(WRONG)
    _, out, _ = run(capsys, "check", str(path), "--format", "sarif")
    document = json.loads(out)
    jsonschema.Draft7Validator(sarif_schema).validate(document)
    result = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "CAP001")
    region = result["locations"][0]["physicalLocation"]["region"]
    line = MINI.splitlines()[MEASUREMENT_LINE - 1]
    column = line.index('"70,33"') + 1
    assert region == {"startLine": MEASUREMENT_LINE, "startColumn": column}
    logical = {item["kind"]: item["fullyQualifiedName"] for item in result["locations"][0]["logicalLocations"]}
    assert logical == {"value": "/tempat/Tabel 3.1/baris/0/capaian", "object": "indikator IK-01"}
    related = [item["logicalLocations"][0]["fullyQualifiedName"] for item in result["relatedLocations"]]
    assert related == ["/tempat/Tabel 3.1/baris/0/target", "/tempat/Tabel 3.1/baris/0/realisasi"]
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    # '"75,00"' is 7 characters at the value's column; the fix keeps the double quotes
    assert replacement == {"deletedRegion": {"startLine": MEASUREMENT_LINE, "startColumn": column,
                                             "endLine": MEASUREMENT_LINE, "endColumn": column + 7},
                           "insertedContent": {"text": '"70,33"'}}


def test_junit_is_one_suite_per_file_and_one_case_per_finding(capsys, write):
    clean, wrong = write(MINI, "clean.yaml"), write(WRONG, "wrong.yaml")
    _, out, _ = run(capsys, "check", str(clean), str(wrong), "--format", "junit", "--lang", "en")
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {str(clean), str(wrong)}
    assert [case.get("name") for case in suites[str(clean)]] == ["sakip-lint"]  # checked, passed
    cases = suites[str(wrong)].findall("testcase")
    assert int(suites[str(wrong)].get("tests")) == len(cases) >= 1
    failed = [case for case in cases if case.find("failure") is not None]
    assert len(failed) == int(suites[str(wrong)].get("failures")) == int(root.get("failures")) == 1
    failure = failed[0].find("failure")
    assert failure.get("type") == "CAP001" and "should be 70,33" in failure.get("message")
    assert failed[0].get("name").startswith(f"CAP001 {MEASUREMENT_LINE}:")


def test_junit_counts_warnings_as_failures_with_fail_on_warning(capsys, write):
    rounding = write(MINI.replace('capaian: "70,33"}', 'capaian: "70,32"}'))  # CAP002, a warning
    _, out, _ = run(capsys, "check", str(rounding), "--format", "junit")
    assert ET.fromstring(out).get("failures") == "0"
    _, out, _ = run(capsys, "check", str(rounding), "--format", "junit", "--fail-on", "warning")
    assert ET.fromstring(out).get("failures") == "1"


def test_github_annotations_are_escaped_as_the_runner_reads_them(capsys, write):
    path = write(WRONG, "laporan, versi: 2%.yaml")
    _, out, _ = run(capsys, "check", str(path), "--format", "github", "--lang", "en")
    line = next(line for line in out.splitlines() if "CAP001" in line)
    name = str(path).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(f"::error file={name},line={MEASUREMENT_LINE},col=")
    assert ",title=CAP001 capaian-sesuai-rumus::Capaian of indicator IK-01" in line
    assert escape.github_message("a%b\r\nc") == "a%25b\\r\\nc"  # controls shown, % encoded
    assert escape.github_property("x:y,z%") == "x%3Ay%2Cz%25"


def test_markdown_groups_by_file_then_severity_and_escapes(capsys, write):
    path = write(WRONG.replace("Jumlah dokumen", "Jumlah <b>dokumen</b> | [x](y)"))
    _, out, _ = run(capsys, "check", str(path), "--format", "markdown", "--fail-on", "warning")
    lines = out.splitlines()
    assert lines[0].startswith("## sakip-lint: 1 berkas diperiksa: 1 kesalahan")
    assert f"### {escape.markdown(str(path))}" in lines
    assert "#### kesalahan (1)" in lines
    assert "<b>" not in out


def test_output_writes_formats_to_files_while_the_console_stays_human(capsys, write, tmp_path):
    path = write(WRONG)
    sarif, junit, data = tmp_path / "out.sarif", tmp_path / "junit.xml", tmp_path / "data"
    code, out, _ = run(capsys, "check", str(path), "--output", str(sarif), "--output",
                       f"junit:{junit}", "--output", f"json:{data}")
    assert code == 1
    assert "CAP001" in out and "│" in out  # the rich console, with the source line quoted
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse(junit).getroot().tag == "testsuites"
    validate_output(json.loads(data.read_text(encoding="utf-8")))


def test_an_output_without_a_format_is_refused(capsys, write):
    code, _, err = run(capsys, "check", str(write(MINI)), "--output", "hasil.txt", "--lang", "en")
    assert code == 2 and "--output hasil.txt: write FORMAT:FILE" in err


def test_the_console_groups_by_severity_and_quotes_both_disagreeing_lines(capsys, write):
    text = MINI.replace('      - {id: IK-01, target: "610", realisasi_tahun',
                        '      - {id: IK-01, target: "600", realisasi_tahun')  # 3.3 vs Tabel 3.1
    _, out, _ = run(capsys, "check", str(write(text)), "--lang", "en")
    assert "error (" in out
    block = out[out.index("ALN001"):]
    assert 'target: "600"' in block.splitlines()[2]  # the offending line, quoted
    assert "compared with" in block and 'target: "610", realisasi: "429"' in block


HOSTILE = ROOT / "fixtures" / "hostile" / "payloads.yaml"
RAW_CONTROL = __import__("re").compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("fmt", ["rich", "plain", "json", "markdown", "sarif", "junit", "github"])
def test_texts_of_a_hostile_report_are_data_in_every_format(capsys, fmt):
    """fixtures/hostile/payloads.yaml names its entities with script, HTML, Markdown, rich
    markup and terminal control sequences: no format lets one act."""
    code, out, err = run(capsys, "check", str(HOSTILE), "--format", fmt)
    assert code == 1 and "Traceback" not in err
    raw = RAW_CONTROL.search(out.replace("\n", "").replace("\t", ""))
    assert raw is None, repr(out[max(0, raw.start() - 60):raw.end() + 60])
    if fmt == "junit":
        ET.fromstring(out)  # well-formed XML
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "markdown":
        assert "<script>" not in out and "<b>" not in out
    if fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines()[:-1])  # one line each


def test_the_summary_line_says_the_time_in_the_readers_language(write):
    from dataclasses import replace

    from sakip_lint.api import CheckOptions, check_paths, load_rules
    from sakip_lint.formats.console import summary_line
    from sakip_lint.settings import Settings

    run_ = check_paths(CheckOptions((str(write(WRONG)),)), load_rules(), Settings())
    timed = replace(run_, elapsed=0.125, baseline_hidden=2)
    assert summary_line(timed) == ("1 berkas diperiksa: 1 kesalahan, 0 peringatan, 0 info; "
                                   "2 sudah tercatat di baseline; 0,12 detik")
    assert summary_line(replace(timed, lang="en")).endswith("; 2 already in the baseline; 0.12 s")
