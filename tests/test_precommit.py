"""The pre-commit hook of .pre-commit-hooks.yaml, run through ``pre-commit try-repo`` in a
fresh git repository: it installs the tool from this checkout, fails on a wrong report, passes
a clean one and leaves other YAML alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import MINI, ROOT

WRONG = MINI.replace('realisasi: "429", capaian: "70,33"}', 'realisasi: "429", capaian: "75,00"}')


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401 - the test dependency, installed with '.[test]'
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install pre-commit, or '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed: pre-commit needs a git repository")
    return [sys.executable, "-m", "pre_commit"]


def _git(folder, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_the_hook_runs_through_try_repo(tmp_path):
    command = _pre_commit()
    repository = tmp_path / "laporan"
    repository.mkdir()
    _git(repository, "init", "-q")
    (repository / "lkjip-2017.yaml").write_text(WRONG, encoding="utf-8")
    (repository / "ci.yml").write_text("stages: [test]\n", encoding="utf-8")  # not a report
    _git(repository, "add", ".")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def hook() -> subprocess.CompletedProcess:
        return subprocess.run([*command, "try-repo", str(ROOT), "sakip-lint", "--all-files",
                               "--verbose"], cwd=repository, capture_output=True, text=True,
                              env=environment, timeout=900)

    done = hook()
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "CAP001" in output and "lkjip-2017.yaml" in output
    assert "1 berkas diperiksa" in output  # ci.yml was passed by
    (repository / "lkjip-2017.yaml").write_text(MINI, encoding="utf-8")
    _git(repository, "add", ".")
    done = hook()
    assert done.returncode == 0, done.stdout + done.stderr
