"""Many files: folders searched for report files, named files, and the summary of the run."""

from __future__ import annotations

import json

from conftest import MINI
from sakip_lint.cli import main
from sakip_lint.files import declares_format, report_files

WRONG = MINI.replace('realisasi: "429", capaian: "70,33"}', 'realisasi: "429", capaian: "75,00"}')


def test_a_folder_is_searched_in_name_order_for_files_that_declare_the_format(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name, text in {"b/z.yml": MINI, "a.yaml": MINI, "b/data.json": '{"format": "sakip-lint/1"}',
                       ".git/x.yaml": MINI, "ci.yml": "stages: [test]\n", "notes.txt": MINI,
                       "b/expect.yaml": "temuan: []\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found, empty = report_files([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == ["a.yaml", "b/data.json", "b/z.yml"]
    assert empty == []
    assert declares_format(tmp_path / "a.yaml") and not declares_format(tmp_path / "ci.yml")


def test_named_files_are_checked_unless_only_reports_says_otherwise(capsys, tmp_path):
    (tmp_path / "ci.yml").write_text("stages: [test]\n", encoding="utf-8")
    (tmp_path / "report.yaml").write_text(WRONG, encoding="utf-8")
    code = main(["check", str(tmp_path / "ci.yml"), "--format", "plain"])
    assert code == 2 and "LOAD002" in capsys.readouterr().out  # named: checked, not a report
    code = main(["check", str(tmp_path / "ci.yml"), str(tmp_path / "report.yaml"), "--format",
                 "json", "--only-reports"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1 and [item["path"] for item in document["files"]] == [str(tmp_path / "report.yaml")]


def test_the_summary_counts_files_and_findings_by_severity(capsys, tmp_path):
    """Two wrong reports (one CAP001 error each) and a clean one; a folder and a file named."""
    (tmp_path / "laporan").mkdir()
    for name, text in {"laporan/a.yaml": WRONG, "laporan/b.yaml": WRONG, "c.yaml": MINI}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code = main(["check", str(tmp_path / "laporan"), str(tmp_path / "c.yaml"), "--format", "plain",
                 "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[-1] == "3 file(s) checked: 2 error(s), 0 warning(s), 0 info"
    code = main(["check", str(tmp_path / "laporan"), str(tmp_path / "laporan" / "a.yaml"),
                 "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["files"] == 2  # a file named twice is checked once
