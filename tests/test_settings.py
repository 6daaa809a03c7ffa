"""The project configuration through the command line: where it is found, what each key
does, and that a wrong key is an error at its line and column."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import MINI
from sakip_lint.cli import main
from sakip_lint.settings import glob_match, key_positions

ROUNDING_ONLY = MINI.replace('realisasi: "429", capaian: "70,33"}', 'realisasi: "429", capaian: "70,32"}')
WRONG = MINI.replace('realisasi: "429", capaian: "70,33"}', 'realisasi: "429", capaian: "75,00"}')


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def codes(capsys, *args: str) -> list[str]:
    code, out, err = run(capsys, "check", "--format", "json", *args)
    assert code in (0, 1), err
    return [finding["code"] for finding in json.loads(out)["findings"]]


@pytest.fixture
def project(tmp_path):
    """A repository with a report two folders down: laporan/2017/report.yaml."""
    folder = tmp_path / "laporan" / "2017"
    folder.mkdir(parents=True)
    (folder / "report.yaml").write_text(ROUNDING_ONLY, encoding="utf-8")
    return tmp_path


def test_pyproject_is_found_from_the_files_folder_upwards(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    assert codes(capsys, str(report)) == ["CAP002"]  # 70,32 for 70,328: rounding habit
    (project / "pyproject.toml").write_text(
        '[project]\nname = "laporan"\n\n[tool.sakip-lint]\nignore = ["CAP002"]\n', encoding="utf-8")
    assert codes(capsys, str(report)) == []
    _, out, _ = run(capsys, "check", str(report), "--format", "json")
    configuration = json.loads(out)["provenance"]["configuration"]
    assert configuration["path"] == str(project / "pyproject.toml")
    assert len(configuration["sha256"]) == 64


def test_the_nearest_file_wins_and_a_pyproject_without_the_section_is_passed_by(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    (project / ".sakip-lint.toml").write_text('ignore = ["CAP002"]\n', encoding="utf-8")
    (project / "laporan" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert codes(capsys, str(report)) == []
    (project / "laporan" / ".sakip-lint.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert codes(capsys, str(report)) == ["CAP002"]  # the nearer file says nothing of CAP002


def test_config_names_the_file_and_lang_and_fail_on_come_from_it(capsys, project, tmp_path):
    report = project / "laporan" / "2017" / "report.yaml"
    other = tmp_path / "elsewhere.toml"
    other.write_text('lang = "en"\nfail-on = "warning"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(report), "--format", "plain", "--config", str(other))
    assert code == 1  # the warning fails the run
    assert "differs by rounding only" in out
    code, out, _ = run(capsys, "check", str(report), "--format", "plain", "--config", str(other),
                       "--lang", "id", "--fail-on", "error")
    assert code == 0 and "beda hanya karena cara pembulatan" in out  # the options win


def test_an_unknown_key_is_an_error_at_its_line_and_column(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    config = project / "pyproject.toml"
    config.write_text(textwrap.dedent("""\
        [tool.sakip-lint]
        lang = "id"

        [tool.sakip-lint.capaian]
        tolerance = 0.02
          toleranse = 0.5
        """), encoding="utf-8")
    code, out, err = run(capsys, "check", str(report), "--lang", "en")
    assert code == 2 and out == ""
    assert f"{config}:6:3: Unknown key tool.sakip-lint.capaian.toleranse" in err
    assert "^" in err.splitlines()[2]  # the line is shown with a caret


def test_wrong_values_are_located_too(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    (project / ".sakip-lint.toml").write_text(
        'fail-on = "fatal"\nselect = ["CAPX"]\n[severity]\nCAP002 = "loud"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(report), "--lang", "en")
    assert code == 2
    config = project / ".sakip-lint.toml"
    assert f"{config}:1:1: fail-on cannot be fatal" in err
    # the codes are checked against the rules once the file itself reads
    assert "CAPX" not in err
    assert f"{config}:4:1: severity.CAP002 cannot be loud" in err


def test_a_misspelt_code_is_an_error(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    (project / ".sakip-lint.toml").write_text('ignore = ["CAP0002"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(report), "--lang", "en")
    assert code == 2 and "ignore: the code or prefix CAP0002 matches no rule" in err


def test_broken_toml_is_located(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    (project / ".sakip-lint.toml").write_text('lang = "en\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(report))
    assert code == 2 and f"{project / '.sakip-lint.toml'}:1:" in err and "TOML" in err


def test_select_per_file_ignores_and_severity(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    report.write_text(WRONG, encoding="utf-8")
    config = project / ".sakip-lint.toml"
    assert "CAP001" in codes(capsys, str(report))
    config.write_text('select = ["BUD"]\n', encoding="utf-8")
    assert codes(capsys, str(report)) == []  # 75,00 is a CAP finding; the budget is right
    config.write_text('[per-file-ignores]\n"laporan/2017/*.yaml" = ["CAP"]\n', encoding="utf-8")
    assert "CAP001" not in codes(capsys, str(report))
    config.write_text('[per-file-ignores]\n"laporan/2018/*.yaml" = ["CAP"]\n', encoding="utf-8")
    assert "CAP001" in codes(capsys, str(report))
    config.write_text('[severity]\nCAP001 = "warning"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(report), "--format", "json")
    assert code == 0  # a warning does not fail the run at the default fail-on
    assert {f["severity"] for f in json.loads(out)["findings"] if f["code"] == "CAP001"} == {"warning"}


def test_capaian_choices_map_onto_the_rule_language(capsys, project):
    """70,32 for 429 / 610 = 70,3279: truncation is right when the project says so."""
    report = project / "laporan" / "2017" / "report.yaml"
    config = project / ".sakip-lint.toml"
    config.write_text('[capaian]\nrounding = {decimals = 2, mode = "potong"}\n', encoding="utf-8")
    assert codes(capsys, str(report)) == []
    # 70,00 is 0,33 from 70,3279: beyond the default tolerance of 0,01 an error (CAP001),
    # within a project's tolerance of 0,5 a rounding matter (CAP002, a warning)
    report.write_text(MINI.replace('capaian: "70,33"}', 'capaian: "70,00"}'), encoding="utf-8")
    config.write_text("[capaian]\ntolerance = 0.5\n", encoding="utf-8")
    assert codes(capsys, str(report)) == ["CAP002"]
    config.write_text('[capaian]\ntolerance = "0,01"\n', encoding="utf-8")
    assert codes(capsys, str(report)) == ["CAP001"]
    _, out, _ = run(capsys, "check", str(report), "--format", "json")
    files = json.loads(out)["provenance"]["ruleset"]["files"]
    assert files[-1] == f"{config} [capaian]"


def test_exclude_leaves_files_out_of_a_folder_walk(capsys, project):
    (project / "laporan" / "arsip").mkdir()
    (project / "laporan" / "arsip" / "old.yaml").write_text(WRONG, encoding="utf-8")
    (project / "laporan" / "notes.yaml").write_text("catatan: bukan laporan\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(project), "--format", "json")
    paths = [item["path"] for item in json.loads(out)["files"]]
    assert paths == [str(project / "laporan" / "2017" / "report.yaml"),
                     str(project / "laporan" / "arsip" / "old.yaml")]  # sorted; notes.yaml no report
    (project / ".sakip-lint.toml").write_text('exclude = ["arsip"]\n', encoding="utf-8")
    _, out, _ = run(capsys, "check", str(project), "--format", "json")
    assert [item["path"] for item in json.loads(out)["files"]] == [
        str(project / "laporan" / "2017" / "report.yaml")]


def test_globs_and_key_positions():
    assert glob_match("arsip", "laporan/arsip/old.yaml")  # a name at any depth, and its files
    assert glob_match("laporan/*.yaml", "laporan/a.yaml")
    assert not glob_match("laporan/*.yaml", "laporan/2017/a.yaml")
    assert glob_match("laporan/**/*.yaml", "laporan/2017/a.yaml")
    assert glob_match("**/draft-*.json", "a/b/draft-1.json")
    positions = key_positions('[tool.x]\na = 1\nb = { c = 2, "d e" = [1,\n  2] }\nf = 3\n')
    assert positions[("tool", "x")] == (1, 1)
    assert positions[("tool", "x", "b", "c")] == (3, 7)
    assert positions[("tool", "x", "b", "d e")] == (3, 14)
    assert positions[("tool", "x", "f")] == (5, 1)


def test_a_value_of_the_file_is_data_in_the_message(capsys, project):
    report = project / "laporan" / "2017" / "report.yaml"
    (project / ".sakip-lint.toml").write_text('lang = "\\u001b[2J"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(report), "--lang", "en")
    assert code == 2 and "lang cannot be \\x1b[2J" in err and "\x1b" not in err
