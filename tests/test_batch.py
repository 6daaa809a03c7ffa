"""Many files in one call: the same output with worker processes as without, in the order of
the files; JSON on one line unless asked to indent; a progress bar only on a terminal."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE, MINI, ROOT
from sakip_lint.cli import main
from sakip_lint.findings import Finding
from sakip_lint.formats import STREAMED

REAL = sorted(path for path in (ROOT / "fixtures" / "real").glob("*.yaml")
              if not path.name.endswith(".expect.yaml"))
WRONG = MINI.replace('realisasi: "429", capaian: "70,33"', 'realisasi: "429", capaian: "75,00"')


def _files(write) -> list[str]:
    """Real reports, a broken file and one with an error, in a mixed order."""
    broken = write("tahun: [", "broken.yaml")
    wrong = write(WRONG, "wrong.yaml")
    return [str(REAL[0]), str(broken), str(FIXTURE), str(wrong), *map(str, REAL[1:])]


def _run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_jobs_give_the_same_output_in_the_same_order_in_every_format(write, capsys):
    files = _files(write)
    for output in ("json", "plain", "markdown", "rich"):
        serial = _run(capsys, "check", *files, "--format", output)
        parallel = _run(capsys, "check", *files, "--format", output, "--jobs", "3")
        assert serial == parallel, output
        assert serial[0] == 2  # the broken file decides the exit code
    document = json.loads(serial_json := _run(capsys, "check", *files, "--format", "json")[1])
    assert [entry["path"] for entry in document["files"]] == files
    order = [files.index(finding["location"]["file"]) for finding in document["findings"]]
    assert order == sorted(order)  # file by file, as given
    assert serial_json.count("\n") == 1  # one line


def test_indented_json_is_the_same_document(write, capsys):
    files = _files(write)
    compact = _run(capsys, "check", *files, "--format", "json")[1]
    indented = _run(capsys, "check", *files, "--format", "json", "--indent", "2")[1]
    assert json.loads(compact) == json.loads(indented)
    assert json.dumps(json.loads(indented), ensure_ascii=False, indent=2) + "\n" == indented
    empty = _run(capsys, "check", str(write(MINI)), "--format", "json", "--indent", "4")[1]
    assert json.loads(empty)["findings"] == []
    assert json.dumps(json.loads(empty), ensure_ascii=False, indent=4) + "\n" == empty


def test_jobs_and_indent_are_checked(capsys, write):
    for bad in (["--jobs", "x"], ["--jobs", "-1"], ["--indent", "0"], ["--indent", "99"]):
        try:
            main(["check", str(write(MINI)), *bad])
        except SystemExit as stop:
            assert stop.code == 2
        else:
            raise AssertionError(bad)
    capsys.readouterr()


def test_no_progress_bar_when_the_output_is_piped_or_in_ci(write):
    files = _files(write)
    done = subprocess.run([sys.executable, "-m", "sakip_lint.cli", "check", *files, "--format",
                           "plain"], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr == ""


def test_a_progress_bar_when_asked(write):
    files = _files(write)
    done = subprocess.run([sys.executable, "-m", "sakip_lint.cli", "check", *files, "--format",
                           "plain", "--progress", "always", "--jobs", "2"],
                          capture_output=True, text=True)
    assert f"{len(files)}/{len(files)}" in done.stderr  # the bar's last state
    assert done.stdout.count("berkas diperiksa") == 1


def _folder(tmp_path) -> Path:
    """A folder of reports with findings (and a broken one), checked as ``check DIR``."""
    folder = tmp_path / "laporan"
    folder.mkdir()
    for index in range(4):
        (folder / f"wrong-{index}.yaml").write_text(WRONG.replace("Contoh", f"Contoh {index}"),
                                                    encoding="utf-8")
    (folder / "clean.yaml").write_text(MINI, encoding="utf-8")
    (folder / "broken.yaml").write_text("format: sakip-lint/1\ntahun: [", encoding="utf-8")
    shutil.copy(FIXTURE, folder / "kaltim.yaml")
    return folder


def test_a_folder_gives_the_same_output_with_jobs_and_streamed_or_not(capsys, tmp_path):
    folder = str(_folder(tmp_path))
    for output in ("rich", "plain", "github", "json", "sarif", "junit", "markdown"):
        serial = _run(capsys, "check", folder, "--format", output)
        parallel = _run(capsys, "check", folder, "--format", output, "--jobs", "2")
        assert serial == parallel, output
        assert serial[0] == 2  # the broken file
    for output in STREAMED:  # an --output keeps the run whole: the console text is the same
        streamed = _run(capsys, "check", folder, "--format", output)
        kept = _run(capsys, "check", folder, "--format", output,
                    "--output", f"json:{tmp_path / 'run.json'}")
        assert streamed == kept, output
        assert streamed[1].count("CAP001") >= 4


def _findings_alive_while_writing(monkeypatch, *args: str) -> list[tuple[str, set[str]]]:
    """For each file a run hands to its writers as it goes: its path and the files whose
    findings are alive in this process at that moment."""
    from sakip_lint import workflow

    handed = workflow._Outputs.file
    seen = []

    def spy(self, result):
        gc.collect()
        alive = {item.location.file for item in gc.get_objects() if isinstance(item, Finding)}
        seen.append((result.path, alive))
        return handed(self, result)

    monkeypatch.setattr(workflow._Outputs, "file", spy)
    main(["check", *args])
    return seen


def _earlier_alive(seen: list[tuple[str, set[str]]]) -> list[set[str]]:
    """Per file, the files written before it whose findings are still alive (files checked
    ahead by the workers may be alive: they are not written yet)."""
    written = [path for path, _ in seen]
    return [alive & set(written[:index]) for index, (_, alive) in enumerate(seen)]


def test_a_run_keeps_no_findings_of_the_files_already_written(capsys, monkeypatch, tmp_path):
    folder = str(_folder(tmp_path))
    for fmt in ("plain", "rich", "json"):
        for jobs in ("1", "2"):
            seen = _findings_alive_while_writing(monkeypatch, folder, "--format", fmt,
                                                 "--jobs", jobs)
            capsys.readouterr()
            assert len(seen) == 7 and sum(bool(alive) for _, alive in seen) >= 5
            assert not any(_earlier_alive(seen)), (fmt, jobs)
    # the hook sees kept findings: SARIF needs every file before it writes, and keeps them
    seen = _findings_alive_while_writing(monkeypatch, folder, "--format", "sarif")
    capsys.readouterr()
    assert any(_earlier_alive(seen))


def test_the_json_document_is_written_as_the_run_goes(capsys, monkeypatch, tmp_path):
    """Each file's findings reach the output when the file is written; the list of files and
    the summary come at the end, and the whole is one JSON document."""
    from sakip_lint import workflow

    handed = workflow._Outputs.file
    parts: list[tuple[str, str]] = []

    def spy(self, result):
        handed(self, result)
        parts.append((result.path, capsys.readouterr().out))

    monkeypatch.setattr(workflow._Outputs, "file", spy)
    assert main(["check", str(_folder(tmp_path)), "--format", "json", "--indent", "2"]) == 2
    rest = capsys.readouterr().out
    document = json.loads("".join(out for _, out in parts) + rest)
    assert len(parts) == 7 and document["summary"]["files"] == 7
    with_findings = {finding["location"]["file"] for finding in document["findings"]}
    assert len(with_findings) >= 5
    for path, out in parts:
        codes = [f["code"] for f in document["findings"] if f["location"]["file"] == path]
        assert out.count('"code": ') == len(codes), path  # its findings, written with it
    top = '\n  "files": ['  # the document's own key, not the rule files of its provenance
    assert top not in "".join(out for _, out in parts) and top in rest
