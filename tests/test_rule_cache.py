"""The cache of compiled rules never gives another result than compiling: a changed rule file,
limit or name is another entry; an entry that cannot be read, or a folder that cannot be
written or that others may write, leaves the run as it would be without a cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURE, MINI
from sakip_lint import limits, rule_cache, ruleset
from sakip_lint.cli import main
from sakip_lint.dsl.errors import DslError
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of this test alone, and a count of the real compilations."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(rule_cache.DIR_VARIABLE, str(folder))
    monkeypatch.delenv(rule_cache.OFF_VARIABLE, raising=False)
    compiled = []
    real = ruleset._compile

    def counting(sources):
        compiled.append([source.name for source in sources])
        return real(sources)

    monkeypatch.setattr(ruleset, "_compile", counting)
    return folder, compiled


def entries(folder):
    return sorted(folder.glob(f"{rule_cache.ENTRY_PREFIX}*{rule_cache.ENTRY_SUFFIX}"))


def cap(value: int) -> list[RuleSource]:
    return default_sources() + [RuleSource("aturan/batas.sakip", f"opsi batas_capaian = {value}\n")]


def test_the_second_load_is_read_from_the_cache_and_equal_to_the_compiled_one(cache):
    folder, compiled = cache
    first = compile_sources(default_sources())
    assert len(compiled) == 1 and len(entries(folder)) == 1
    second = compile_sources(default_sources())
    assert len(compiled) == 1  # not compiled again
    assert second == first and second is not first
    assert [rule.code for rule in second.rules] == [rule.code for rule in first.rules]


def test_a_changed_rule_file_is_compiled_again_and_changes_the_result(cache):
    folder, compiled = cache
    assert compile_sources(cap(120)).config.cap == 120
    assert compile_sources(cap(125)).config.cap == 125  # same file name, other text
    assert len(compiled) == 2 and len(entries(folder)) == 2
    assert compile_sources(cap(120)).config.cap == 120  # the first entry still serves
    assert len(compiled) == 2


def test_the_key_covers_names_texts_order_and_limits():
    base = cap(120)
    keys = {rule_cache.key(base)}
    keys.add(rule_cache.key(base[:-1] + [RuleSource("lain/batas.sakip", base[-1].text)]))
    keys.add(rule_cache.key(base[:-1] + [RuleSource(base[-1].name, base[-1].text + " ")]))
    keys.add(rule_cache.key([base[-1]] + base[:-1]))
    # a name and a text that run together otherwise: ("ab", "c") against ("a", "bc")
    keys.add(rule_cache.key([RuleSource("ab", "c")]))
    keys.add(rule_cache.key([RuleSource("a", "bc")]))
    before = limits.current()
    limits.configure(limits.parse_settings(["max_formula_depth=50"], environ={}))
    try:
        keys.add(rule_cache.key(base))
    finally:
        limits.configure(before)
    assert len(keys) == 7
    assert rule_cache.key(base) == rule_cache.key(cap(120))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other key", "not rules"])
def test_an_entry_that_cannot_be_used_is_compiled_again_and_written_whole(cache, damage):
    import pickle

    folder, compiled = cache
    expected = compile_sources(cap(120))
    [entry] = entries(folder)
    content = entry.read_bytes()
    header = content.split(b"\n", 1)[0]
    entry.write_bytes({
        "garbage": b"\x80\x05garbage" * 50,
        "truncated": content[:len(content) // 2],
        "empty": b"",
        "other key": header[:-4] + b"0000\n" + content.split(b"\n", 1)[1],
        "not rules": header + b"\n" + pickle.dumps({"cap": 1}),
    }[damage])
    assert compile_sources(cap(120)) == expected
    assert len(compiled) == 2
    assert entry.read_bytes() == content  # rewritten
    assert compile_sources(cap(120)) == expected and len(compiled) == 2


def test_a_folder_that_cannot_be_written_leaves_the_rules_as_compiled(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(rule_cache.DIR_VARIABLE, str(blocker / "cache"))
    assert compile_sources(cap(130)).config.cap == 130
    assert compile_sources(cap(131)).config.cap == 131
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_is_never_read(cache):
    folder, compiled = cache
    expected = compile_sources(cap(120))
    folder.chmod(0o777)
    # someone else's entry under the right name: it must not be unpickled
    [entry] = entries(folder)
    entry.write_bytes(entry.read_bytes().split(b"\n", 1)[0] + b"\n" + b"cos\nsystem\n(S'false'\ntR.")
    assert compile_sources(cap(120)) == expected
    assert len(compiled) == 2


def test_rules_with_a_mistake_are_not_kept(cache):
    folder, compiled = cache
    broken = default_sources() + [RuleSource("aturan/salah.sakip", "opsi batas_capaian =\n")]
    for _ in range(2):
        with pytest.raises(DslError):
            compile_sources(broken)
    assert len(compiled) == 2 and entries(folder) == []


def test_switched_off_by_the_variable_and_by_the_option(cache, monkeypatch, capsys):
    folder, compiled = cache
    monkeypatch.setenv(rule_cache.OFF_VARIABLE, "1")
    compile_sources(default_sources())
    assert not folder.exists()
    monkeypatch.delenv(rule_cache.OFF_VARIABLE)
    assert main(["check", "--no-cache", "--format", "json", str(FIXTURE)]) == 1
    assert not folder.exists()
    capsys.readouterr()
    with rule_cache.switched_off():
        compile_sources(default_sources())
    assert not folder.exists()
    compile_sources(default_sources())  # and back on after it
    assert len(entries(folder)) == 1


def test_a_user_rule_file_edited_between_two_runs_changes_the_capaian(write, tmp_path, cache,
                                                                        capsys):
    path = write(MINI.replace('realisasi: "429", capaian: "70,33"',
                              'realisasi: "800", capaian: "70,33"'))
    folder = tmp_path / "aturan"
    folder.mkdir()
    rule = folder / "batas.sakip"

    def capaian() -> str:
        assert main(["capaian", str(path), "--format", "json", "--rules", str(folder)]) == 0
        return json.loads(capsys.readouterr().out)["indicators"][0]["capaian"]["value"]

    rule.write_text("opsi batas_capaian = 120\n", encoding="utf-8")
    assert capaian() == "120.00"
    assert capaian() == "120.00"
    rule.write_text("opsi batas_capaian = 125\n", encoding="utf-8")
    assert capaian() == "125.00"  # 800 / 610 = 131,15, capped at the edited 125
    rule.write_text("opsi batas_capaian = tidak_ada\n", encoding="utf-8")
    assert capaian() == "131.15"
    assert len(cache[1]) == 3


def _check(environ: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sakip_lint.cli", "check", "--format", "json",
                           str(FIXTURE)], capture_output=True, text=True,
                          env={**os.environ, **environ})


def test_a_damaged_cache_gives_the_same_findings_and_no_traceback(tmp_path):
    folder = tmp_path / "cache"
    reference = _check({rule_cache.OFF_VARIABLE: "1"})
    assert reference.returncode == 1 and json.loads(reference.stdout)
    first = _check({rule_cache.DIR_VARIABLE: str(folder)})
    kept = list(folder.iterdir())
    assert first.stdout == reference.stdout and len(entries(folder)) == 1
    for entry in kept:  # the compiled rules and lark's own parser tables
        entry.write_bytes(entry.read_bytes()[:100])
    damaged = _check({rule_cache.DIR_VARIABLE: str(folder)})
    assert (damaged.returncode, damaged.stdout, damaged.stderr) == (1, reference.stdout, "")
    again = _check({rule_cache.DIR_VARIABLE: str(folder)})
    assert (again.stdout, again.stderr) == (reference.stdout, "")


def test_a_check_from_the_cache_needs_no_lark_when_the_report_writes_no_formula(write, tmp_path):
    """Nor the rule compiler and the statements it reads."""
    path = write(MINI)
    code = ("import sys\nfrom sakip_lint.cli import main\nsys.stdout = open('/dev/null', 'w')\n"
            f"main(['check', '--format', 'json', {str(path)!r}])\nsys.stdout = sys.__stdout__\n"
            "print(*(name in sys.modules for name in "
            "('lark', 'sakip_lint.rule_compiler', 'sakip_lint.dsl.ast')))")
    environ = {**os.environ, rule_cache.DIR_VARIABLE: str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=environ, check=True).stdout.split()[-3:] for _ in range(2)]
    assert runs == [["True"] * 3, ["False"] * 3]  # compiled the first time, read the second


def _check_noting_lark(path, folder) -> tuple[bool, str]:
    """A JSON check of ``path`` in a new interpreter: whether it imported lark, and its output."""
    code = ("import io, json, sys\nfrom sakip_lint.cli import main\nsys.stdout = io.StringIO()\n"
            f"try:\n    main(['check', '--format', 'json', {str(path)!r}])\nexcept SystemExit:\n"
            "    pass\ntext, sys.stdout = sys.stdout.getvalue(), sys.__stdout__\n"
            "print(json.dumps(['lark' in sys.modules, text]))")
    environ = {**os.environ, rule_cache.DIR_VARIABLE: str(folder)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=environ, check=True)
    return tuple(json.loads(done.stdout.splitlines()[-1]))


def test_a_reports_own_scale_is_read_by_lark_once_and_a_range_that_does_not_read_every_time(
        write, tmp_path):
    scale = ('skala_kategori:\n  - {kategori: Baik, rentang: "%s"}\n'
             '  - {kategori: Kurang, rentang: "< 70"}\n')
    readable = write(MINI + scale % "70 - 100", "baik.yaml")
    first, second = (_check_noting_lark(readable, tmp_path / "cache") for _ in range(2))
    assert first[0] and not second[0]  # read by lark, then from the cache
    assert first[1] == second[1] and "LOAD002" not in first[1]
    assert sorted(path.name.split("-")[0] for path in (tmp_path / "cache").iterdir()
                  ).count("ranges") == 1
    unreadable = write(MINI + scale % "70 sampai 100", "salah.yaml")
    runs = [_check_noting_lark(unreadable, tmp_path / "cache") for _ in range(2)]
    assert all(imported and '"LOAD002"' in text for imported, text in runs)
    assert runs[0][1] == runs[1][1]
